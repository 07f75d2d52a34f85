/**
 * 好差评 wiring: the rating service as `app.ratingService`, the finish hook that asks the window's
 * pad for a rating (same transaction as the finish), and the job that records pending ratings
 * past their deadline as not rated.
 */
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { RatingService } from '../services/rating-service.js';

declare module 'fastify' {
  interface FastifyInstance {
    ratingService: RatingService;
  }
}

/** How often pending pad ratings are checked against their deadline. */
export const EXPIRE_RATINGS_MS = 3000;

export default fp(
  async function ratingsPlugin(app: FastifyInstance) {
    const service = new RatingService(app.unitOfWork);
    app.decorate('ratingService', service);
    app.hallService.onTicketAction(service.onTicketAction);
    app.jobs.every('expire-pending-ratings', EXPIRE_RATINGS_MS, () => service.expirePending());
  },
  { name: 'ratings', dependencies: ['services', 'jobs'] },
);
