import type { FastifyPluginAsync } from 'fastify';
import { Type } from 'typebox';
import type { AuditPage } from '../../common/manager-protocol.js';
import { AUDIT_CATEGORIES, type AuditCategory } from '../domain/audit.js';
import { addDays, isValidDate } from '../domain/calendar.js';
import { errors } from '../domain/errors.js';
import { localMidnight } from '../domain/stats.js';
import { MANAGERS, requireUser } from '../plugins/auth.js';
import { assertHall } from '../services/hall-service.js';
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
        description: 'What is in it: server/domain/audit.ts. Pass nextBeforeSeq back as beforeSeq for the next page.',
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
    async (r): Promise<AuditPage> => {
      requireUser(r, MANAGERS);
      const { hallId } = r.params as { hallId: number };
      const q = r.query as { from?: string; to?: string; q?: string; category?: AuditCategory; actorId?: number; beforeSeq?: number; limit: number };
      assertHall(r.actor!, hallId);
      const hall = await app.store.read((tx) => tx.halls.get(hallId));
      if (!hall) throw errors.notFound('大厅', 'Hall');
      for (const d of [q.from, q.to]) if (d !== undefined && !isValidDate(d)) throw errors.invalidInput('日期格式应为 YYYY-MM-DD。', 'Dates are YYYY-MM-DD.');
      const entries = await app.store.read((tx) =>
        tx.audit.query({
          hallId,
          ...(q.from ? { fromAt: localMidnight(q.from, hall.timezone) } : {}),
          ...(q.to ? { toAt: localMidnight(addDays(q.to, 1), hall.timezone) - 1 } : {}),
          ...(q.q?.trim() ? { text: q.q.trim() } : {}),
          ...(q.category ? { types: [...AUDIT_CATEGORIES[q.category]] } : {}),
          ...(q.actorId ? { actorId: q.actorId } : {}),
          ...(q.beforeSeq ? { beforeSeq: q.beforeSeq } : {}),
          limit: q.limit + 1,
        }),
      );
      const page = entries.slice(0, q.limit);
      return {
        entries: page.map(({ hallId: _h, ...e }) => e),
        nextBeforeSeq: entries.length > q.limit ? page.at(-1)!.seq : null,
      };
    },
  );
};
export default audit;
