import type { FastifyPluginAsync } from 'fastify';
import { Type } from 'typebox';
import { requireDevice } from '../plugins/auth.js';
import { MAX_COMMENT } from '../services/rating-service.js';
import { errorResponses, Id, IdempotencyHeader, idempotencyOf } from './common.js';

/** The rating pad (评价器): what it shows, and the visitor's rating of the service just finished. */
const ratings: FastifyPluginAsync = async (app) => {
  app.get(
    '/pad',
    {
      schema: {
        tags: ['ratings'],
        summary: "A pad's screen: its window, the clerk on duty, and the rating it is asking for (pad only)",
        response: errorResponses,
      },
    },
    async (request) => {
      requireDevice(request, ['pad']);
      return app.ratingService.padState(request.actor!);
    },
  );

  app.post(
    '/pad/ratings',
    {
      schema: {
        tags: ['ratings'],
        summary: '好差评: the rating of the ticket just finished at this pad’s window (pad only)',
        description:
          'One rating per ticket, only while the pad is asking for it (before its deadline). Levels: 5 非常满意, 4 满意, 3 基本满意, ' +
          '2 不满意, 1 非常不满意. Levels 1–2 need at least one reason from the hall’s list, or “其他” with a comment; they open a 差评 case.',
        headers: IdempotencyHeader,
        body: Type.Object({
          ticketId: Id,
          level: Type.Integer({ minimum: 1, maximum: 5 }),
          reasons: Type.Array(Type.String({ minLength: 1, maxLength: 40 }), { maxItems: 12, default: [] }),
          comment: Type.String({ maxLength: MAX_COMMENT, default: '' }),
        }),
        response: errorResponses,
      },
    },
    async (request) => {
      requireDevice(request, ['pad']);
      const body = request.body as { ticketId: number; level: number; reasons: string[]; comment: string };
      return app.ratingService.submitRating(request.actor!, { ...body, channel: 'pad' }, idempotencyOf(request));
    },
  );
};
export default ratings;
