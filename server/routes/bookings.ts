import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { generate, correction } from 'lean-qr';
import { toSvgSource } from 'lean-qr/extras/svg';
import { Type } from 'typebox';
import type { HallLinksView, KioskCheckInView, NotificationView } from '../../common/phone.js';
import { errors } from '../../common/domain/errors.js';
import { MANAGERS, requireActor, requireUser, STAFF } from '../plugins/auth.js';
import type { CheckInLookup, SlotChange } from '../services/booking-service.js';
import { assertHall } from '../services/guards.js';
import { errorResponses, Id, IdempotencyHeader, idempotencyOf } from './common.js';
import { issueAnswer, issuingPrinter } from './issuing.js';

const HallParams = Type.Object({ hallId: Id });
const SlotParams = Type.Object({ slotId: Id });
const HHMM = Type.String({ pattern: '^\\d{2}:\\d{2}$', description: 'HH:MM, hall-local' });
const Weekday = Type.Integer({ minimum: 1, maximum: 7, description: '1 = Monday … 7 = Sunday' });
const Capacity = Type.Integer({ minimum: 1, maximum: 500 });

export interface BookingRouteOptions {
  /** Base URL of the printed visitor links (PUBLIC_URL); else the address the request came to. */
  publicUrl: string | null;
}

/**
 * 预约 at the hall's side: the kiosk's (and guide desk's) check-in, the manager's appointment
 * slots and day list, and the hall's visitor links and printable QR code.
 */
const bookings: FastifyPluginAsync<BookingRouteOptions> = async (app, opts) => {
  const linksOf = (request: FastifyRequest, hallCode: string): HallLinksView => {
    const base = opts.publicUrl ?? `${request.protocol}://${request.host}`;
    const code = encodeURIComponent(hallCode);
    return { take: `${base}/h/${code}`, book: `${base}/h/${code}/book` };
  };

  app.post(
    '/halls/:hallId/bookings/check-in',
    {
      schema: {
        tags: ['bookings'],
        summary: 'Appointment check-in at the kiosk or guide desk: by booking code, or by phone number (kiosk, staff)',
        description:
          'Issues the ticket with appointment priority; `issued` is exactly the answer of a ticket issue (POST /halls/:hallId/tickets), with `statusUrl` and `print`: ' +
          "a kiosk's appointment ticket is printed on its printer (staff at the guide desk name theirs with printerId) and the outcome follows as the ticket:printed event. " +
          'Send an Idempotency-Key: a retried tap returns the first ticket. Within the check-in window only: ' +
          'check_in_too_early / check_in_too_late (and check_in_not_today, booking_no_show) say when, and their `details` name the service and the slot ' +
          '(serviceId, serviceName, serviceNameEn, date, start, end, checkInFrom, checkInUntil, opensAt, closesAt) so the kiosk can offer a normal number for that service. ' +
          'With a phone number that has several appointments today the answer is booking_choose_service with the list in `details.bookings`: send the serviceId too.',
        params: HallParams,
        headers: IdempotencyHeader,
        body: Type.Object({
          code: Type.Optional(Type.String({ pattern: '^\\s*\\d{8}\\s*$', description: 'The 8-digit booking code' })),
          phone: Type.Optional(Type.String({ minLength: 1, maxLength: 20 })),
          serviceId: Type.Optional(Id),
          printerId: Type.Optional(Id),
        }),
        response: errorResponses,
      },
    },
    async (request): Promise<KioskCheckInView> => {
      const { hallId } = request.params as { hallId: number };
      const actor = requireActor(request, { roles: STAFF, devices: ['kiosk'] });
      const { printerId: askedPrinterId, ...lookup } = request.body as CheckInLookup & { printerId?: number };
      const printerId = await issuingPrinter(app, request, hallId, askedPrinterId);
      const { booking, issued } = await app.bookingService.checkIn(actor, hallId, lookup, idempotencyOf(request), printerId);
      return { booking, issued: await issueAnswer(app, issued, printerId) };
    },
  );

  app.get(
    '/halls/:hallId/bookings',
    {
      schema: {
        tags: ['bookings'],
        summary: "A day's appointments with the visitors' phone numbers (manager)",
        params: HallParams,
        querystring: Type.Object({ date: Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' }) }),
        response: errorResponses,
      },
    },
    async (request, reply) => {
      const { hallId } = request.params as { hallId: number };
      const { date } = request.query as { date: string };
      requireUser(request, MANAGERS);
      reply.header('cache-control', 'no-store');
      return app.bookingService.list(request.actor!, hallId, date);
    },
  );

  app.get(
    '/halls/:hallId/appointment-slots',
    {
      schema: {
        tags: ['bookings'],
        summary: 'Appointment slots of the hall’s services (manager)',
        params: HallParams,
        querystring: Type.Object({ serviceId: Type.Optional(Id) }),
        response: errorResponses,
      },
    },
    async (request) => {
      const { hallId } = request.params as { hallId: number };
      const { serviceId } = request.query as { serviceId?: number };
      requireUser(request, MANAGERS);
      return app.bookingService.listSlots(request.actor!, hallId, serviceId);
    },
  );

  app.post(
    '/halls/:hallId/appointment-slots',
    {
      schema: {
        tags: ['bookings'],
        summary: 'Add an appointment slot to a service: weekday, HH:MM–HH:MM, capacity (manager)',
        description:
          'Slots of one service and weekday may not overlap (slot_overlap). `outsideHours` flags a slot outside the service’s opening hours.',
        params: HallParams,
        headers: IdempotencyHeader,
        body: Type.Object({ serviceId: Id, weekday: Weekday, start: HHMM, end: HHMM, capacity: Capacity }),
        response: { ...errorResponses, 201: Type.Object({}, { additionalProperties: true }) },
      },
    },
    async (request, reply) => {
      const { hallId } = request.params as { hallId: number };
      requireUser(request, MANAGERS);
      const body = request.body as { serviceId: number; weekday: number; start: string; end: string; capacity: number };
      return reply.code(201).send(await app.bookingService.createSlot(request.actor!, hallId, body, idempotencyOf(request)));
    },
  );

  app.put(
    '/appointment-slots/:slotId',
    {
      schema: {
        tags: ['bookings'],
        summary: 'Change an appointment slot; bookings already made keep their times (manager)',
        params: SlotParams,
        headers: IdempotencyHeader,
        body: Type.Object({
          weekday: Type.Optional(Weekday),
          start: Type.Optional(HHMM),
          end: Type.Optional(HHMM),
          capacity: Type.Optional(Capacity),
        }),
        response: errorResponses,
      },
    },
    async (request) => {
      const { slotId } = request.params as { slotId: number };
      requireUser(request, MANAGERS);
      return app.bookingService.updateSlot(request.actor!, slotId, request.body as SlotChange, idempotencyOf(request));
    },
  );

  app.delete(
    '/appointment-slots/:slotId',
    {
      schema: {
        tags: ['bookings'],
        summary: 'Remove an appointment slot; bookings already made stay valid (manager)',
        params: SlotParams,
        headers: IdempotencyHeader,
        response: errorResponses,
      },
    },
    async (request) => {
      const { slotId } = request.params as { slotId: number };
      requireUser(request, MANAGERS);
      return app.bookingService.deleteSlot(request.actor!, slotId, idempotencyOf(request));
    },
  );

  app.get(
    '/halls/:hallId/visitor-links',
    {
      schema: {
        tags: ['bookings'],
        summary: 'The hall’s visitor links for its posters: 扫码取号 and 预约 (manager; render them with <hq-qr>)',
        params: HallParams,
        response: errorResponses,
      },
    },
    async (request) => {
      const { hallId } = request.params as { hallId: number };
      return linksOf(request, await managedHallCode(request, hallId));
    },
  );

  app.get(
    '/halls/:hallId/visitor-qr.svg',
    {
      schema: {
        tags: ['bookings'],
        summary: 'The hall QR code as a printable SVG: `page=take` (扫码取号, default) or `page=book` (预约) (manager)',
        params: HallParams,
        querystring: Type.Object({ page: Type.Union([Type.Literal('take'), Type.Literal('book')], { default: 'take' }) }),
        response: errorResponses,
      },
    },
    async (request, reply) => {
      const { hallId } = request.params as { hallId: number };
      const { page } = request.query as { page: 'take' | 'book' };
      const url = linksOf(request, await managedHallCode(request, hallId))[page];
      const svg = toSvgSource(generate(url, { minCorrectionLevel: correction.M }), {
        on: 'black',
        off: 'white',
        padX: 4,
        padY: 4,
        xmlDeclaration: true,
      });
      return reply.type('image/svg+xml').header('cache-control', 'no-cache').send(svg);
    },
  );

  app.get(
    '/halls/:hallId/notifications',
    {
      schema: {
        tags: ['bookings'],
        summary:
          'The latest 200 notifications sent to visitors and whether they went out, with the ticket number or the booking’s service and slot (manager; no phone numbers)',
        params: HallParams,
        response: errorResponses,
      },
    },
    async (request): Promise<NotificationView[]> => {
      const { hallId } = request.params as { hallId: number };
      await managedHallCode(request, hallId);
      return app.store.read(async (tx) => {
        const rows = await tx.phone.notificationsOf(hallId, 200);
        const services = new Map((await tx.services.list(hallId)).map((s) => [s.id, s]));
        const numbers = new Map<number, string | null>();
        const bookingsById = new Map<number, NotificationView['booking']>();
        for (const row of rows) {
          if (row.ticketId !== null && !numbers.has(row.ticketId))
            numbers.set(row.ticketId, (await tx.tickets.get(row.ticketId))?.number ?? null);
          if (row.bookingId !== null && !bookingsById.has(row.bookingId)) {
            const b = await tx.phone.booking(row.bookingId);
            const service = b ? services.get(b.serviceId) : undefined;
            bookingsById.set(
              row.bookingId,
              b
                ? { serviceName: service?.name ?? '', serviceNameEn: service?.nameEn ?? '', date: b.date, start: b.start, end: b.end }
                : null,
            );
          }
        }
        return rows.map(({ dedupeKey: _key, hallId: _hall, ...row }) => ({
          ...row,
          ticketNumber: row.ticketId !== null ? (numbers.get(row.ticketId) ?? null) : null,
          booking: row.bookingId !== null ? (bookingsById.get(row.bookingId) ?? null) : null,
        }));
      });
    },
  );

  /** The hall's public code, after checking the caller manages that hall. */
  async function managedHallCode(request: FastifyRequest, hallId: number): Promise<string> {
    requireUser(request, MANAGERS);
    assertHall(request.actor!, hallId);
    const hall = await app.store.read((tx) => tx.halls.get(hallId));
    if (!hall) throw errors.notFound('大厅', 'Hall');
    return hall.code;
  }
};
export default bookings;
