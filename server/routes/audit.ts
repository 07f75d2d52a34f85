import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { MANAGERS, requireUser } from '../plugins/auth.js';
import { AuditQuery } from '../schemas/audit.js';
import { errorResponses, HallParams } from '../schemas/common.js';

/** 审计日志: every manager and admin action and every out-of-order call, with reasons (manager). */
const audit: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/halls/:hallId/audit',
    {
      schema: {
        tags: ['audit'],
        summary: 'The audit log, newest first, a page at a time; search by words, dates, category and person',
        description: 'What is in it: common/domain/audit.ts. Pass nextBeforeSeq back as beforeSeq for the next page.',
        params: HallParams,
        querystring: AuditQuery,
        response: errorResponses,
      },
    },
    async (r) => {
      requireUser(r, MANAGERS);
      return app.auditService.page(r.actor!, r.params.hallId, r.query);
    },
  );
};
export default audit;
