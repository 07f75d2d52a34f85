import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { MANAGERS, requireActor, requireUser, STAFF } from '../plugins/auth.js';
import { BOARD_RECENT_CALLS } from '../plugins/realtime.js';
import { AnyObject, errorResponses, HallParams, IdempotencyHeader } from '../schemas/common.js';
import { EventsQuery, NoticeBody, SnapshotQuery } from '../schemas/halls.js';
import { IssueTicketBody } from '../schemas/tickets.js';
import { assertHall } from '../services/guards.js';
import { idempotencyOf } from './common.js';

/** Hall-level reads (snapshot, services, events) and the commands that belong to a hall. */
const halls: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/halls', { schema: { tags: ['halls'], summary: 'Halls on this server (public: id, code, name)' } }, async () =>
    app.hallService.hallList(),
  );

  app.get(
    '/halls/:hallId/snapshot',
    {
      schema: {
        tags: ['halls'],
        summary: 'The hall state every screen starts from: windows, queues, recent calls, missed list',
        description: 'Boards paired to a zone get that zone only; staff also get the waiting list.',
        params: HallParams,
        querystring: SnapshotQuery,
        response: errorResponses,
      },
    },
    async (request) => {
      const { hallId } = request.params;
      const actor = requireActor(request, { roles: STAFF, devices: ['board', 'window_screen', 'kiosk', 'pad'] });
      assertHall(actor, hallId);
      const deviceZone = request.device?.kind === 'board' ? request.device.zoneId : null;
      const staff = request.user !== null;
      return app.hallService.snapshot(hallId, {
        zoneId: deviceZone ?? request.query.zoneId ?? null,
        includeWaiting: staff,
        includeDevices: staff,
        ...(request.device?.kind === 'board' ? { recentCalls: BOARD_RECENT_CALLS } : {}),
      });
    },
  );

  app.get(
    '/halls/:hallId/services',
    {
      schema: {
        tags: ['halls'],
        summary: 'Services with their queues now (public: for the kiosk and the phone)',
        params: HallParams,
        response: errorResponses,
      },
    },
    async (request) => {
      const snapshot = await app.hallService.snapshot(request.params.hallId, { recentCalls: 0 });
      return {
        hall: snapshot.hall,
        zones: snapshot.zones,
        services: snapshot.services.filter((s) => s.enabled),
        queues: snapshot.queues,
      };
    },
  );

  app.get(
    '/halls/:hallId/events',
    {
      schema: {
        tags: ['halls'],
        summary: 'Events after a sequence number, oldest first (catch-up over HTTP)',
        params: HallParams,
        querystring: EventsQuery,
        response: errorResponses,
      },
    },
    async (request) => {
      const actor = requireActor(request, { roles: STAFF });
      return app.hallService.eventsSince(actor, request.params.hallId, request.query.after, request.query.limit);
    },
  );

  app.put(
    '/halls/:hallId/notice',
    {
      schema: {
        tags: ['halls'],
        summary: 'Set the scrolling notice on the hall boards (manager)',
        params: HallParams,
        headers: IdempotencyHeader,
        body: NoticeBody,
        response: errorResponses,
      },
    },
    async (request) => {
      requireUser(request, MANAGERS);
      return app.hallService.setNotice(request.actor!, request.params.hallId, request.body.notice, idempotencyOf(request));
    },
  );

  app.post(
    '/halls/:hallId/tickets',
    {
      schema: {
        tags: ['tickets'],
        summary: 'Issue a ticket (kiosk device, or staff at the guide desk)',
        description:
          'Refused with a clear 409 when the quota is reached (quota_reached), outside opening hours (outside_hours), ' +
          'or when no open window serves the service and the hall does not allow it (no_open_window). ' +
          'Priority (绿色通道) tickets need staff unless the hall allows self-declaration. ' +
          "A kiosk's ticket is printed on its printer after commit (staff name the guide desk's printer with printerId): " +
          "the answer says `print.status` 'pending' and the outcome follows as the ticket:printed event; 'none' means no printer (show the e-ticket).",
        params: HallParams,
        headers: IdempotencyHeader,
        body: IssueTicketBody,
        response: { ...errorResponses, 201: AnyObject },
      },
    },
    async (request, reply) => {
      const { hallId } = request.params;
      const { serviceId, priority, printerId: askedPrinterId } = request.body;
      const actor = requireActor(request, { roles: STAFF, devices: ['kiosk'] });
      const source = request.device ? 'kiosk' : 'staff';
      const printerId = await app.printService.issuingPrinter(request.device, hallId, askedPrinterId);
      const issued = await app.hallService.issueTicket(
        actor,
        { hallId, serviceId, priority: priority ?? 'normal', source, printerId },
        idempotencyOf(request),
      );
      return reply.code(201).send(await app.printService.issueView(issued, printerId));
    },
  );
};
export default halls;
