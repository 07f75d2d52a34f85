import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { Type, type TSchema } from 'typebox';
import { WINDOW_MODES } from '../../common/vocabulary.js';
import { errors } from '../../common/domain/errors.js';
import { MANAGERS, requireUser, STAFF } from '../plugins/auth.js';
import { errorResponses, Id, IdempotencyHeader, idempotencyOf } from './common.js';

const WindowParams = Type.Object({ windowId: Id });
/** Commands on the current ticket may name it, so a stale screen cannot act on the wrong one. */
const ExpectTicket = Type.Object({ ticketId: Type.Optional(Id) });

type Handler = (request: FastifyRequest, windowId: number) => Promise<unknown>;

/** The clerk's commands on their window, and managers' window management. */
const windows: FastifyPluginAsync = async (app) => {
  const command = (path: string, summary: string, body: TSchema | null, handler: Handler, description?: string) =>
    app.post(
      `/windows/:windowId/${path}`,
      {
        schema: {
          tags: ['windows'],
          summary,
          ...(description ? { description } : {}),
          params: WindowParams,
          headers: IdempotencyHeader,
          ...(body ? { body } : {}),
          response: errorResponses,
        },
      },
      async (request) => {
        requireUser(request, STAFF);
        const { windowId } = request.params as { windowId: number };
        return handler(request, windowId);
      },
    );

  const actor = (r: FastifyRequest) => r.actor!;
  const expected = (r: FastifyRequest) => (r.body as { ticketId?: number } | undefined)?.ticketId;

  command(
    'call-next',
    '叫号 Call next',
    null,
    (r, id) => app.hallService.callNext(actor(r), id, idempotencyOf(r)),
    'Takes the next ticket by the routing policy (transferred to this window, priority within the fairness limit, then oldest). ' +
      'Refused while the window still has a called or serving ticket, so a double click never calls two.',
  );
  command(
    'call',
    '选呼 Call a specific number (reason required)',
    Type.Object({
      ticketId: Type.Optional(Id),
      number: Type.Optional(Type.String({ minLength: 2, maxLength: 12 })),
      reason: Type.String({ minLength: 1, maxLength: 200 }),
    }),
    (r, id) => {
      const b = r.body as { ticketId?: number; number?: string; reason: string };
      return app.hallService.callSpecific(actor(r), id, b, idempotencyOf(r));
    },
  );
  for (const [path, action, summary] of [
    ['recall', 'recall', '重呼 Recall the current ticket'],
    ['start', 'start', '开始办理 Start serving the current ticket'],
    ['finish', 'finish', '办结 Finish the current ticket'],
    ['no-show', 'no_show', '过号 Mark the current ticket as missed'],
    ['hold', 'hold', '挂起 Hold the ticket being served (visitor fetches a document)'],
  ] as const) {
    command(path, summary, ExpectTicket, (r, id) => app.hallService.actOnCurrent(actor(r), id, action, expected(r), idempotencyOf(r)));
  }
  command('resume', '回呼 Call a held ticket again', Type.Object({ ticketId: Id }), (r, id) =>
    app.hallService.resume(actor(r), id, (r.body as { ticketId: number }).ticketId, idempotencyOf(r)),
  );
  command('requeue', '过号重排 Re-queue a missed ticket within the grace', Type.Object({ ticketId: Id }), (r, id) =>
    app.hallService.requeue(actor(r), id, (r.body as { ticketId: number }).ticketId, idempotencyOf(r)),
  );
  command(
    'transfer',
    '转移 Transfer the ticket at this window to another service or window',
    Type.Object({
      ticketId: Id,
      toServiceId: Type.Optional(Id),
      toWindowId: Type.Optional(Id),
      note: Type.String({ maxLength: 200, default: '' }),
    }),
    async (r, id) => {
      const b = r.body as { ticketId: number; toServiceId?: number; toWindowId?: number; note: string };
      const window = await app.store.read((tx) => tx.windows.get(id));
      if (!window) throw errors.notFound('窗口', 'Window');
      return app.hallService.transfer(
        actor(r),
        window.hallId,
        { ticketId: b.ticketId, fromWindowId: id, toServiceId: b.toServiceId ?? null, toWindowId: b.toWindowId ?? null, note: b.note },
        idempotencyOf(r),
      );
    },
    'The visitor keeps the number and original issue time. With toWindowId the ticket waits for that window only (多窗联办).',
  );
  command(
    'status',
    'Open, pause (reason required) or close the window',
    Type.Object({
      status: Type.Union([Type.Literal('open'), Type.Literal('paused'), Type.Literal('closed')]),
      reason: Type.Optional(Type.String({ maxLength: 100 })),
    }),
    (r, id) =>
      app.hallService.setWindowStatus(actor(r), id, r.body as { status: 'open' | 'paused' | 'closed'; reason?: string }, idempotencyOf(r)),
  );
  command('sign-in', 'A clerk signs in to this window', null, (r, id) => app.hallService.signIn(actor(r), id, idempotencyOf(r)));
  command('sign-out', 'The clerk leaves this window (an open window closes)', null, (r, id) =>
    app.hallService.signOut(actor(r), id, idempotencyOf(r)),
  );

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
        body: Type.Object({
          mode: Type.Union(WINDOW_MODES.map((m) => Type.Literal(m))),
          zoneId: Type.Optional(Type.Union([Id, Type.Null()])),
          services: Type.Array(
            Type.Object({
              serviceId: Id,
              tier: Type.Optional(Type.Integer({ minimum: 1, maximum: 9 })),
              weight: Type.Optional(Type.Integer({ minimum: 1, maximum: 10 })),
            }),
            { maxItems: 200 },
          ),
          reason: Type.Optional(Type.String({ maxLength: 200 })),
        }),
        response: errorResponses,
      },
    },
    async (request) => {
      requireUser(request, MANAGERS);
      const { windowId } = request.params as { windowId: number };
      return app.hallService.setWindowServices(request.actor!, windowId, request.body as never, idempotencyOf(request));
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
      const { windowId } = request.params as { windowId: number };
      return app.hallService.windowDetail(request.actor!, windowId);
    },
  );
};
export default windows;
