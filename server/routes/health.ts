import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { HealthAnswer } from '../schemas/health.js';

/** GET /api/health: 200 when the server can serve (the database answers), 503 otherwise. */
const health: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/health',
    {
      schema: {
        tags: ['system'],
        summary: 'Liveness and readiness',
        response: { 200: HealthAnswer, 503: Type.Ref('ApiError') },
      },
    },
    async () => {
      await app.hallService.ping();
      return { status: 'ok' as const, uptimeSeconds: Math.round(process.uptime()), time: app.clock() };
    },
  );
};
export default health;
