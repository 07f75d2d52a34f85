import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { MANAGERS, requireUser } from '../plugins/auth.js';
import { errorResponses, HallParams, IdempotencyHeader } from '../schemas/common.js';
import { BackupBody, ClerkBody } from '../schemas/manager-live.js';
import { WindowParams } from '../schemas/windows.js';
import { idempotencyOf } from './common.js';

/** The live hall for managers: alerts and today's counts, and who staffs which window. */
const managerLive: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/halls/:hallId/live',
    {
      schema: {
        tags: ['manager'],
        summary: 'Alerts (each with what to do), today’s counts per window, 差评 case counts (manager)',
        description:
          'The console shows this beside the realtime snapshot and reloads it after events and every few seconds (waits grow by themselves).',
        params: HallParams,
        response: errorResponses,
      },
    },
    async (r) => {
      requireUser(r, MANAGERS);
      return app.managerService.live(r.actor!, r.params.hallId);
    },
  );

  app.post(
    '/windows/:windowId/clerk',
    {
      schema: {
        tags: ['manager'],
        summary: 'Put a clerk on this window (moving them from another), or take the clerk off with null (manager)',
        description:
          'A clerk must be allowed on the window or be its backup (AB角). A replacement keeps the window open; taking the clerk off closes it. Refused while a visitor is being served.',
        params: WindowParams,
        headers: IdempotencyHeader,
        body: ClerkBody,
        response: errorResponses,
      },
    },
    async (r) => {
      requireUser(r, MANAGERS);
      return app.managerService.assignClerk(r.actor!, r.params.windowId, r.body, idempotencyOf(r));
    },
  );

  app.post(
    '/windows/:windowId/backup',
    {
      schema: {
        tags: ['manager'],
        summary: 'Set the window’s backup clerk (AB角), who may sign in and take over (manager)',
        params: WindowParams,
        headers: IdempotencyHeader,
        body: BackupBody,
        response: errorResponses,
      },
    },
    async (r) => {
      requireUser(r, MANAGERS);
      return app.managerService.setBackup(r.actor!, r.params.windowId, r.body, idempotencyOf(r));
    },
  );
};
export default managerLive;
