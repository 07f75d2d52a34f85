import type { FastifyPluginAsync } from 'fastify';
import { Type } from 'typebox';
import type { TicketLookupView } from '../../common/manager-protocol.js';
import { serviceDay } from '../../common/domain/calendar.js';
import { DomainError, errors } from '../../common/domain/errors.js';
import { MANAGERS, requireUser } from '../plugins/auth.js';
import { assertHall } from '../services/guards.js';
import { ticketView } from '../services/views.js';
import { errorResponses, Id, IdempotencyHeader, idempotencyOf, ticketReadLimits } from './common.js';

const TicketParams = Type.Object({ ticketId: Id });

/** A visitor's ticket status (public, by secret code) and managers' ticket commands. */
const tickets: FastifyPluginAsync<{ statusLimit: number }> = async (app, opts) => {
  app.get(
    '/tickets/status/:code',
    {
      ...ticketReadLimits(app, opts.statusLimit),
      schema: {
        tags: ['tickets'],
        summary: "A visitor's ticket: status, people ahead, estimated wait, where to go (public)",
        description:
          'The code is the unguessable one in the ticket QR, never the ticket id. Rate-limited per client and ticket, under a ceiling per client address ten times higher.',
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

  app.get(
    '/halls/:hallId/tickets/lookup',
    {
      schema: {
        tags: ['tickets'],
        summary: 'Find a ticket by its number, today or on a given service day (manager; e.g. to reprint it)',
        description: 'Numbers restart every service day, so a number names one ticket per day. `number` is case-insensitive (a012 = A012).',
        params: Type.Object({ hallId: Id }),
        querystring: Type.Object({
          number: Type.String({ minLength: 2, maxLength: 12, pattern: '^\\s*[A-Za-z]{1,4}\\d{1,6}\\s*$' }),
          day: Type.Optional(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD, hall-local; default today' })),
        }),
        response: errorResponses,
      },
    },
    async (request): Promise<TicketLookupView> => {
      requireUser(request, MANAGERS);
      const { hallId } = request.params as { hallId: number };
      assertHall(request.actor!, hallId);
      const query = request.query as { number: string; day?: string };
      const number = query.number.trim().toUpperCase();
      return app.store.read(async (tx) => {
        const hall = await tx.halls.get(hallId);
        if (!hall) throw errors.notFound('大厅', 'Hall');
        const day = query.day ?? serviceDay(app.clock(), hall.timezone);
        const ticket = await tx.tickets.byNumber(hallId, day, number);
        if (!ticket) {
          throw new DomainError(
            404,
            'ticket_number_unknown',
            `${day} 没有 ${number} 号。请核对号码和日期。`,
            `There is no ticket ${number} on ${day}; check the number and the date.`,
            { number, day, field: 'number' },
          );
        }
        const service = await tx.services.get(ticket.serviceId);
        const window = ticket.windowId ? await tx.windows.get(ticket.windowId) : null;
        return {
          ticket: ticketView(ticket),
          serviceDay: ticket.serviceDay,
          serviceName: service?.name ?? '',
          serviceNameEn: service?.nameEn ?? '',
          windowNumber: window?.number ?? null,
          printStatus: ticket.printStatus,
        };
      });
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
