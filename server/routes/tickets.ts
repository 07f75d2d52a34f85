import type { FastifyPluginAsync } from 'fastify';
import { Type } from 'typebox';
import { errors } from '../domain/errors.js';
import { MANAGERS, requireUser } from '../plugins/auth.js';
import { errorResponses, Id, IdempotencyHeader, idempotencyOf } from './common.js';

const TicketParams = Type.Object({ ticketId: Id });

/** A visitor's ticket status (public, by secret code) and managers' ticket commands. */
const tickets: FastifyPluginAsync<{ statusLimit: number }> = async (app, opts) => {
  app.get(
    '/tickets/status/:code',
    {
      config: { rateLimit: { max: opts.statusLimit, timeWindow: 60_000 } },
      schema: {
        tags: ['tickets'],
        summary: "A visitor's ticket: status, people ahead, estimated wait, where to go (public)",
        description: 'The code is the unguessable one in the ticket QR, never the ticket id. Rate-limited per client.',
        params: Type.Object({ code: Type.String({ pattern: '^[a-z2-9]{8,40}$' }) }),
        response: { ...errorResponses, 429: Type.Ref('ApiError') },
      },
    },
    async (request, reply) => {
      const { code } = request.params as { code: string };
      reply.header('cache-control', 'no-store');
      return app.hallService.ticketStatus(code);
    },
  );

  app.post(
    '/tickets/:ticketId/cancel',
    {
      schema: {
        tags: ['tickets'],
        summary: 'Cancel a waiting or missed ticket, with a reason (manager)',
        params: TicketParams,
        headers: IdempotencyHeader,
        body: Type.Object({ reason: Type.String({ minLength: 1, maxLength: 200 }) }),
        response: errorResponses,
      },
    },
    async (request) => {
      requireUser(request, MANAGERS);
      const { ticketId } = request.params as { ticketId: number };
      const { reason } = request.body as { reason: string };
      const hallId = await hallOfTicket(ticketId);
      return app.hallService.cancel(request.actor!, hallId, ticketId, reason, idempotencyOf(request));
    },
  );

  app.post(
    '/tickets/:ticketId/transfer',
    {
      schema: {
        tags: ['tickets'],
        summary: 'Move a waiting ticket to another service or to one window (manager)',
        description: 'The visitor keeps the number and the original queue time.',
        params: TicketParams,
        headers: IdempotencyHeader,
        body: Type.Object({
          toServiceId: Type.Optional(Id),
          toWindowId: Type.Optional(Id),
          note: Type.String({ maxLength: 200, default: '' }),
        }),
        response: errorResponses,
      },
    },
    async (request) => {
      requireUser(request, MANAGERS);
      const { ticketId } = request.params as { ticketId: number };
      const body = request.body as { toServiceId?: number; toWindowId?: number; note: string };
      const hallId = await hallOfTicket(ticketId);
      return app.hallService.transfer(
        request.actor!,
        hallId,
        { ticketId, toServiceId: body.toServiceId ?? null, toWindowId: body.toWindowId ?? null, note: body.note },
        idempotencyOf(request),
      );
    },
  );

  /** The hall a ticket belongs to (the command then checks the caller may act there). */
  async function hallOfTicket(ticketId: number): Promise<number> {
    const ticket = await app.store.read((tx) => tx.tickets.get(ticketId));
    if (!ticket) throw errors.notFound('号票', 'Ticket');
    return ticket.hallId;
  }
};
export default tickets;
