import type { FastifyPluginAsync } from 'fastify';
import { Type } from 'typebox';
import { PRIORITY_KINDS } from '../../common/vocabulary.js';
import { MANAGERS, requireActor, requireUser, STAFF } from '../plugins/auth.js';
import { BOARD_RECENT_CALLS } from '../plugins/realtime.js';
import { assertHall } from '../services/guards.js';
import { errorResponses, Id, IdempotencyHeader, idempotencyOf } from './common.js';
import { issueAnswer, issuingPrinter } from './issuing.js';

const HallParams = Type.Object({ hallId: Id });

/** Hall-level reads (snapshot, services, events) and the commands that belong to a hall. */
const halls: FastifyPluginAsync = async (app) => {
  app.get('/halls', { schema: { tags: ['halls'], summary: 'Halls on this server (public: id, code, name)' } }, async () => {
    const list = await app.store.read((tx) => tx.halls.list());
    return list.map((h) => ({ id: h.id, code: h.code, name: h.name }));
  });

  app.get(
    '/halls/:hallId/snapshot',
    {
      schema: {
        tags: ['halls'],
        summary: 'The hall state every screen starts from: windows, queues, recent calls, missed list',
        description: 'Boards paired to a zone get that zone only; staff also get the waiting list.',
        params: HallParams,
        querystring: Type.Object({ zoneId: Type.Optional(Id) }),
        response: errorResponses,
      },
    },
    async (request) => {
      const { hallId } = request.params as { hallId: number };
      const { zoneId } = request.query as { zoneId?: number };
      const actor = requireActor(request, { roles: STAFF, devices: ['board', 'window_screen', 'kiosk', 'pad'] });
      assertHall(actor, hallId);
      const deviceZone = request.device?.kind === 'board' ? request.device.zoneId : null;
      const staff = request.user !== null;
      return app.hallService.snapshot(hallId, {
        zoneId: deviceZone ?? zoneId ?? null,
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
      const { hallId } = request.params as { hallId: number };
      const snapshot = await app.hallService.snapshot(hallId, { recentCalls: 0 });
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
        querystring: Type.Object({
          after: Type.Integer({ minimum: 0, default: 0 }),
          limit: Type.Integer({ minimum: 1, maximum: 1000, default: 200 }),
        }),
        response: errorResponses,
      },
    },
    async (request) => {
      const { hallId } = request.params as { hallId: number };
      const { after, limit } = request.query as { after: number; limit: number };
      const actor = requireActor(request, { roles: STAFF });
      assertHall(actor, hallId);
      return app.store.read((tx) => tx.events.since(hallId, after, limit));
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
        body: Type.Object({ notice: Type.String({ maxLength: 500 }) }),
        response: errorResponses,
      },
    },
    async (request) => {
      const { hallId } = request.params as { hallId: number };
      requireUser(request, MANAGERS);
      const { notice } = request.body as { notice: string };
      return app.hallService.setNotice(request.actor!, hallId, notice, idempotencyOf(request));
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
        body: Type.Object({
          serviceId: Id,
          priority: Type.Optional(Type.Union(PRIORITY_KINDS.map((p) => Type.Literal(p)))),
          printerId: Type.Optional(Id),
        }),
        response: { ...errorResponses, 201: Type.Object({}, { additionalProperties: true }) },
      },
    },
    async (request, reply) => {
      const { hallId } = request.params as { hallId: number };
      const body = request.body as { serviceId: number; priority?: (typeof PRIORITY_KINDS)[number]; printerId?: number };
      const actor = requireActor(request, { roles: STAFF, devices: ['kiosk'] });
      const source = request.device ? 'kiosk' : 'staff';
      const printerId = await issuingPrinter(app, request, hallId, body.printerId);
      const issued = await app.hallService.issueTicket(
        actor,
        { hallId, serviceId: body.serviceId, priority: body.priority ?? 'normal', source, printerId },
        idempotencyOf(request),
      );
      return reply.code(201).send(await issueAnswer(app, issued, printerId));
    },
  );
};
export default halls;
