import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { TSchema } from 'typebox';
import { MANAGERS, requireUser, STAFF } from '../plugins/auth.js';
import { errorResponses, IdempotencyHeader } from '../schemas/common.js';
import {
  CallBody,
  ExpectTicketBody,
  TicketRefBody,
  WindowParams,
  WindowServicesBody,
  WindowStatusBody,
  WindowTransferBody,
} from '../schemas/windows.js';
import { idempotencyOf } from './common.js';

/**
 * The schema of a clerk command on `/windows/:windowId/…`: its summary, and `extra` for its body
 * and description when it has them.
 */
const commandSchema = <E extends { body?: TSchema; description?: string }>(summary: string, extra: E) => ({
  schema: { tags: ['windows'], summary, params: WindowParams, headers: IdempotencyHeader, response: errorResponses, ...extra },
});

/** The clerk's commands on their window, and managers' window management. */
const windows: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/windows/:windowId/call-next',
    commandSchema('叫号 Call next', {
      description:
        'Takes the next ticket by the routing policy (transferred to this window, priority within the fairness limit, then oldest). ' +
        'Refused while the window still has a called or serving ticket, so a double click never calls two.',
    }),
    async (request) => {
      requireUser(request, STAFF);
      return app.hallService.callNext(request.actor!, request.params.windowId, idempotencyOf(request));
    },
  );

  app.post(
    '/windows/:windowId/call',
    commandSchema('选呼 Call a specific number (reason required)', { body: CallBody }),
    async (request) => {
      requireUser(request, STAFF);
      return app.hallService.callSpecific(request.actor!, request.params.windowId, request.body, idempotencyOf(request));
    },
  );

  for (const [path, action, summary] of [
    ['recall', 'recall', '重呼 Recall the current ticket'],
    ['start', 'start', '开始办理 Start serving the current ticket'],
    ['finish', 'finish', '办结 Finish the current ticket'],
    ['no-show', 'no_show', '过号 Mark the current ticket as missed'],
    ['hold', 'hold', '挂起 Hold the ticket being served (visitor fetches a document)'],
  ] as const) {
    app.post(`/windows/:windowId/${path}`, commandSchema(summary, { body: ExpectTicketBody }), async (request) => {
      requireUser(request, STAFF);
      return app.hallService.actOnCurrent(request.actor!, request.params.windowId, action, request.body.ticketId, idempotencyOf(request));
    });
  }

  app.post('/windows/:windowId/resume', commandSchema('回呼 Call a held ticket again', { body: TicketRefBody }), async (request) => {
    requireUser(request, STAFF);
    return app.hallService.resume(request.actor!, request.params.windowId, request.body.ticketId, idempotencyOf(request));
  });

  app.post(
    '/windows/:windowId/requeue',
    commandSchema('过号重排 Re-queue a missed ticket within the grace', { body: TicketRefBody }),
    async (request) => {
      requireUser(request, STAFF);
      return app.hallService.requeue(request.actor!, request.params.windowId, request.body.ticketId, idempotencyOf(request));
    },
  );

  app.post(
    '/windows/:windowId/transfer',
    commandSchema('转移 Transfer the ticket at this window to another service or window', {
      description:
        'The visitor keeps the number and original issue time. With toWindowId the ticket waits for that window only (多窗联办).',
      body: WindowTransferBody,
    }),
    async (request) => {
      requireUser(request, STAFF);
      const { windowId } = request.params;
      const { ticketId, toServiceId, toWindowId, note } = request.body;
      const hallId = await app.hallService.hallOfWindow(windowId);
      return app.hallService.transfer(
        request.actor!,
        hallId,
        { ticketId, fromWindowId: windowId, toServiceId: toServiceId ?? null, toWindowId: toWindowId ?? null, note },
        idempotencyOf(request),
      );
    },
  );

  app.post(
    '/windows/:windowId/status',
    commandSchema('Open, pause (reason required) or close the window', { body: WindowStatusBody }),
    async (request) => {
      requireUser(request, STAFF);
      return app.hallService.setWindowStatus(request.actor!, request.params.windowId, request.body, idempotencyOf(request));
    },
  );

  app.post('/windows/:windowId/sign-in', commandSchema('A clerk signs in to this window', {}), async (request) => {
    requireUser(request, STAFF);
    return app.hallService.signIn(request.actor!, request.params.windowId, idempotencyOf(request));
  });

  app.post('/windows/:windowId/sign-out', commandSchema('The clerk leaves this window (an open window closes)', {}), async (request) => {
    requireUser(request, STAFF);
    return app.hallService.signOut(request.actor!, request.params.windowId, idempotencyOf(request));
  });

  app.put(
    '/windows/:windowId/services',
    {
      schema: {
        tags: ['windows'],
        summary: 'Reassign the services a window serves (manager); effective on the next call',
        description:
          'mode specialist: the listed services; zone: 分领域综合窗口 (all of its zone); hall: 无差别综合窗口. Listed rows set tiers and weights.',
        params: WindowParams,
        headers: IdempotencyHeader,
        body: WindowServicesBody,
        response: errorResponses,
      },
    },
    async (request) => {
      requireUser(request, MANAGERS);
      return app.hallService.setWindowServices(request.actor!, request.params.windowId, request.body, idempotencyOf(request));
    },
  );

  app.get(
    '/windows/:windowId',
    {
      schema: {
        tags: ['windows'],
        summary: "The clerk console's view: window, waiting list in call order, held and missed tickets, today's counts",
        params: WindowParams,
        response: errorResponses,
      },
    },
    async (request) => {
      requireUser(request, STAFF);
      return app.hallService.windowDetail(request.actor!, request.params.windowId);
    },
  );
};
export default windows;
