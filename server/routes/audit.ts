import type { FastifyPluginAsync } from 'fastify';
import { Type } from 'typebox';
import { AUDIT_CATEGORIES } from '../../common/domain/audit.js';
import { MANAGERS, requireUser } from '../plugins/auth.js';
import { auditPage, type AuditSearch } from '../services/audit-service.js';
import { errorResponses, Id } from './common.js';

const Day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });

/** 审计日志: every manager and admin action and every out-of-order call, with reasons (manager). */
const audit: FastifyPluginAsync = async (app) => {
  app.get(
    '/halls/:hallId/audit',
    {
      schema: {
        tags: ['audit'],
        summary: 'The audit log, newest first, a page at a time; search by words, dates, category and person',
        description: 'What is in it: common/domain/audit.ts. Pass nextBeforeSeq back as beforeSeq for the next page.',
        params: Type.Object({ hallId: Id }),
        querystring: Type.Object({
          from: Type.Optional(Day),
          to: Type.Optional(Day),
          q: Type.Optional(Type.String({ maxLength: 50 })),
          category: Type.Optional(Type.Union(Object.keys(AUDIT_CATEGORIES).map((c) => Type.Literal(c)))),
          actorId: Type.Optional(Id),
          beforeSeq: Type.Optional(Type.Integer({ minimum: 1 })),
          limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
        }),
        response: errorResponses,
      },
    },
    async (r) => {
      requireUser(r, MANAGERS);
      return auditPage(app.store, r.actor!, (r.params as { hallId: number }).hallId, r.query as AuditSearch);
    },
  );
};
export default audit;
