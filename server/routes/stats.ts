import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { MANAGERS, requireUser } from '../plugins/auth.js';
import { errorResponses, HallParams } from '../schemas/common.js';
import { StatsExportQuery, StatsRangeQuery } from '../schemas/stats.js';
import type { StatsQuery } from '../services/stats-service.js';

/** The date range and filters of a query string that may carry more (the export's format). */
const rangeOf = (q: StatsQuery): StatsQuery => ({
  from: q.from,
  to: q.to,
  serviceId: q.serviceId,
  windowId: q.windowId,
  clerkId: q.clerkId,
});

/** 统计分析: figures for a date range, and the same figures as CSV or .xlsx (manager). */
const stats: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/halls/:hallId/stats',
    {
      schema: {
        tags: ['statistics'],
        summary:
          'Issued, served, no-shows, cancelled; average and P90 wait and service time; waits over target; ratings, 好评率, 参评率 — in total and per service, window, clerk, hour and day',
        description: 'Rules: common/domain/stats.ts. Filters narrow the tickets before the breakdowns. At most a year.',
        params: HallParams,
        querystring: StatsRangeQuery,
        response: errorResponses,
      },
    },
    async (r) => {
      requireUser(r, MANAGERS);
      return app.statsService.report(r.actor!, r.params.hallId, rangeOf(r.query));
    },
  );

  app.get(
    '/halls/:hallId/stats/export',
    {
      schema: {
        tags: ['statistics'],
        summary: 'The report as CSV (one breakdown with a totals row) or .xlsx (a summary sheet and every breakdown)',
        params: HallParams,
        querystring: StatsExportQuery,
        response: errorResponses,
      },
    },
    async (r, reply) => {
      requireUser(r, MANAGERS);
      const { format, dimension, lang } = r.query;
      const file = await app.statsService.export(r.actor!, r.params.hallId, rangeOf(r.query), format, dimension, lang);
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
