/**
 * The manager console's services as decorators: configuration (`app.configService`), staffing
 * and the live view (`app.managerService`), statistics (`app.statsService`), 差评 cases
 * (`app.caseService`) and the audit log (`app.auditService`). Each works through the domain
 * service's commands, so every change is an event with who, when and why.
 */
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { AuditService } from '../services/audit-service.js';
import { CaseService } from '../services/case-service.js';
import { ConfigService } from '../services/config-service.js';
import { ManagerService } from '../services/manager-service.js';
import { StatsService } from '../services/stats-service.js';

declare module 'fastify' {
  interface FastifyInstance {
    configService: ConfigService;
    managerService: ManagerService;
    statsService: StatsService;
    caseService: CaseService;
    auditService: AuditService;
  }
}

export default fp(
  async function managerPlugin(app: FastifyInstance) {
    app.decorate('configService', new ConfigService(app.unitOfWork, app.hallService));
    app.decorate('managerService', new ManagerService(app.unitOfWork, app.hallService));
    app.decorate('statsService', new StatsService(app.store));
    app.decorate('caseService', new CaseService(app.unitOfWork));
    app.decorate('auditService', new AuditService(app.store));
  },
  { name: 'manager', dependencies: ['services'] },
);
