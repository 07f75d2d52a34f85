import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { STAT_DIMENSIONS, type StatDimension } from '../../common/manager-protocol.js';
import { MANAGERS, requireUser } from '../plugins/auth.js';
import type { StatsQuery } from '../services/stats-service.js';
import { errorResponses, Id } from './common.js';

const Day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'Hall-local date YYYY-MM-DD' });
const RangeQuery = {
  from: Day,
  to: Day,
  serviceId: Type.Optional(Id),
  windowId: Type.Optional(Id),
  clerkId: Type.Optional(Id),
};

/** 统计分析: figures for a date range, and the same figures as CSV or .xlsx (manager). */
const stats: FastifyPluginAsync = async (app) => {
  const query = (r: FastifyRequest): StatsQuery => {
    const q = r.query as StatsQuery;
    return { from: q.from, to: q.to, serviceId: q.serviceId, windowId: q.windowId, clerkId: q.clerkId };
  };

  app.get(
    '/halls/:hallId/stats',
    {
      schema: {
        tags: ['statistics'],
        summary:
          'Issued, served, no-shows, cancelled; average and P90 wait and service time; waits over target; ratings, 好评率, 参评率 — in total and per service, window, clerk, hour and day',
        description: 'Rules: common/domain/stats.ts. Filters narrow the tickets before the breakdowns. At most a year.',
        params: Type.Object({ hallId: Id }),
        querystring: Type.Object(RangeQuery),
        response: errorResponses,
      },
    },
    async (r) => {
      requireUser(r, MANAGERS);
      return app.statsService.report(r.actor!, (r.params as { hallId: number }).hallId, query(r));
    },
  );

  app.get(
    '/halls/:hallId/stats/export',
    {
      schema: {
        tags: ['statistics'],
        summary: 'The report as CSV (one breakdown with a totals row) or .xlsx (a summary sheet and every breakdown)',
        params: Type.Object({ hallId: Id }),
        querystring: Type.Object({
          ...RangeQuery,
          format: Type.Union([Type.Literal('csv'), Type.Literal('xlsx')], { default: 'xlsx' }),
          dimension: Type.Union(
            STAT_DIMENSIONS.map((d) => Type.Literal(d)),
            { default: 'service' },
          ),
          lang: Type.Union([Type.Literal('zh-CN'), Type.Literal('en')], { default: 'zh-CN' }),
        }),
        response: errorResponses,
      },
    },
    async (r, reply) => {
      requireUser(r, MANAGERS);
      const { format, dimension, lang } = r.query as { format: 'csv' | 'xlsx'; dimension: StatDimension; lang: 'zh-CN' | 'en' };
      const file = await app.statsService.export(r.actor!, (r.params as { hallId: number }).hallId, query(r), format, dimension, lang);
      return reply
        .header('content-type', file.contentType)
        .header(
          'content-disposition',
          `attachment; filename="${file.filename.replace(/[^\x20-\x7e]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
        )
        .header('cache-control', 'no-store')
        .send(file.body);
    },
  );
};
export default stats;
