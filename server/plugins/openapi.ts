/**
 * The OpenAPI document at /openapi.json (generated from the routes' TypeBox schemas) and a
 * browsable reference at /docs.
 */
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { ApiErrorSchema } from '../schemas/common.js';

export default fp(
  async function openapiPlugin(app: FastifyInstance) {
    app.addSchema(ApiErrorSchema);
    await app.register(swagger, {
      openapi: {
        openapi: '3.1.0',
        info: {
          title: '政务服务大厅排队叫号系统 API / Hall queuing API',
          version: '1.0.0',
          description:
            'Every error answers `{ statusCode, code, message (中文), messageEn }`. Mutating commands accept an ' +
            '`Idempotency-Key` header; a retry with the same key returns the first result. Staff authenticate with the ' +
            'session cookie from /api/auth/login and send `x-csrf-token` on every change; devices send `Authorization: Bearer <token>`.',
        },
        components: {
          securitySchemes: {
            session: { type: 'apiKey', in: 'cookie', name: 'hq_session' },
            device: { type: 'http', scheme: 'bearer' },
          },
        },
        tags: [
          { name: 'system' },
          { name: 'auth', description: 'Staff sessions' },
          { name: 'halls' },
          { name: 'tickets' },
          { name: 'windows', description: 'Clerk commands and window management' },
          { name: 'devices', description: 'Pairing and heartbeats' },
          { name: 'manager', description: 'Live hall and window staffing (manager console)' },
          { name: 'configuration', description: 'Services, zones, windows, staff, devices, settings' },
          { name: 'statistics', description: 'Figures and exports' },
          { name: 'cases', description: '差评整改: bad-rating cases' },
          { name: 'audit', description: 'Audit log' },
        ],
      },
      refResolver: { buildLocalReference: (json, _base, _fragment, i) => (json.$id as string | undefined) ?? `def-${i}` },
    });
    await app.register(swaggerUi, { routePrefix: '/docs', staticCSP: true, uiConfig: { docExpansion: 'list', deepLinking: true } });
    app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  },
  { name: 'openapi' },
);
