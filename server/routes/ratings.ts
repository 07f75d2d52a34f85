import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { requireDevice } from '../plugins/auth.js';
import { errorResponses, IdempotencyHeader } from '../schemas/common.js';
import { PadRatingBody } from '../schemas/ratings.js';
import { idempotencyOf } from './common.js';

/** The rating pad (评价器): what it shows, and the visitor's rating of the service just finished. */
const ratings: FastifyPluginAsyncTypebox = async (app) => {
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
        body: PadRatingBody,
        response: errorResponses,
      },
    },
    async (request) => {
      requireDevice(request, ['pad']);
      return app.ratingService.submitRating(request.actor!, { ...request.body, channel: 'pad' }, idempotencyOf(request));
    },
  );
};
export default ratings;
