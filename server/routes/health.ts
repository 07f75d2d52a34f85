import type { FastifyPluginAsync } from 'fastify';
import { Type } from 'typebox';

/** GET /api/health: 200 when the server can serve (the database answers), 503 otherwise. */
const health: FastifyPluginAsync = async (app) => {
  app.get(
    '/health',
    {
      schema: {
        tags: ['system'],
        summary: 'Liveness and readiness',
        response: {
          200: Type.Object({ status: Type.Literal('ok'), uptimeSeconds: Type.Number(), time: Type.Integer() }),
          503: Type.Ref('ApiError'),
        },
      },
    },
    async () => {
      await app.store.ping();
      return { status: 'ok' as const, uptimeSeconds: Math.round(process.uptime()), time: app.clock() };
    },
  );
};
export default health;
