import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { TicketLookupView } from '../../common/manager-protocol.js';
import { MANAGERS, requireUser } from '../plugins/auth.js';
import { errorResponses, HallParams, IdempotencyHeader } from '../schemas/common.js';
import { CancelTicketBody, TicketCodeParams, TicketLookupQuery, TicketParams, TransferTicketBody } from '../schemas/tickets.js';
import { idempotencyOf, ticketReadLimits } from './common.js';

/** A visitor's ticket status (public, by secret code) and managers' ticket commands. */
const tickets: FastifyPluginAsyncTypebox<{ statusLimit: number }> = async (app, opts) => {
  app.get(
    '/tickets/status/:code',
    {
      ...ticketReadLimits(app, opts.statusLimit),
      schema: {
        tags: ['tickets'],
        summary: "A visitor's ticket: status, people ahead, estimated wait, where to go (public)",
        description:
          'The code is the unguessable one in the ticket QR, never the ticket id. Rate-limited per client and ticket, under a ceiling per client address ten times higher.',
        params: TicketCodeParams,
        response: { ...errorResponses, 429: Type.Ref('ApiError') },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return app.hallService.ticketStatus(request.params.code);
    },
  );

  app.get(
    '/halls/:hallId/tickets/lookup',
    {
      schema: {
        tags: ['tickets'],
        summary: 'Find a ticket by its number, today or on a given service day (manager; e.g. to reprint it)',
        description: 'Numbers restart every service day, so a number names one ticket per day. `number` is case-insensitive (a012 = A012).',
        params: HallParams,
        querystring: TicketLookupQuery,
        response: errorResponses,
      },
    },
    async (request): Promise<TicketLookupView> => {
      requireUser(request, MANAGERS);
      return app.hallService.lookupTicket(request.actor!, request.params.hallId, request.query.number, request.query.day);
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
        body: CancelTicketBody,
        response: errorResponses,
      },
    },
    async (request) => {
      requireUser(request, MANAGERS);
      const { ticketId } = request.params;
      const hallId = await app.hallService.hallOfTicket(ticketId);
      return app.hallService.cancel(request.actor!, hallId, ticketId, request.body.reason, idempotencyOf(request));
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
        body: TransferTicketBody,
        response: errorResponses,
      },
    },
    async (request) => {
      requireUser(request, MANAGERS);
      const { ticketId } = request.params;
      const { toServiceId, toWindowId, note } = request.body;
      const hallId = await app.hallService.hallOfTicket(ticketId);
      return app.hallService.transfer(
        request.actor!,
        hallId,
        { ticketId, toServiceId: toServiceId ?? null, toWindowId: toWindowId ?? null, note },
        idempotencyOf(request),
      );
    },
  );
};
export default tickets;
