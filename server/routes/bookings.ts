import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { generate, correction } from 'lean-qr';
import { toSvgSource } from 'lean-qr/extras/svg';
import type { HallLinksView, KioskCheckInView, NotificationView } from '../../common/phone.js';
import { MANAGERS, requireActor, requireUser, STAFF } from '../plugins/auth.js';
import { BookingsQuery, CheckInBody, NewSlotBody, SlotChangeBody, SlotParams, SlotsQuery, VisitorQrQuery } from '../schemas/bookings.js';
import { AnyObject, errorResponses, HallParams, IdempotencyHeader } from '../schemas/common.js';
import { idempotencyOf } from './common.js';

export interface BookingRouteOptions {
  /** Base URL of the printed visitor links (PUBLIC_URL); else the address the request came to. */
  publicUrl: string | null;
}

/**
 * 预约 at the hall's side: the kiosk's (and guide desk's) check-in, the manager's appointment
 * slots and day list, and the hall's visitor links and printable QR code.
 */
const bookings: FastifyPluginAsyncTypebox<BookingRouteOptions> = async (app, opts) => {
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
        body: CheckInBody,
        response: errorResponses,
      },
    },
    async (request): Promise<KioskCheckInView> => {
      const { hallId } = request.params;
      const actor = requireActor(request, { roles: STAFF, devices: ['kiosk'] });
      const { printerId: askedPrinterId, ...lookup } = request.body;
      const printerId = await app.printService.issuingPrinter(request.device, hallId, askedPrinterId);
      const { booking, issued } = await app.bookingService.checkIn(actor, hallId, lookup, idempotencyOf(request), printerId);
      return { booking, issued: await app.printService.issueView(issued, printerId) };
    },
  );

  app.get(
    '/halls/:hallId/bookings',
    {
      schema: {
        tags: ['bookings'],
        summary: "A day's appointments with the visitors' phone numbers (manager)",
        params: HallParams,
        querystring: BookingsQuery,
        response: errorResponses,
      },
    },
    async (request, reply) => {
      requireUser(request, MANAGERS);
      reply.header('cache-control', 'no-store');
      return app.bookingService.list(request.actor!, request.params.hallId, request.query.date);
    },
  );

  app.get(
    '/halls/:hallId/appointment-slots',
    {
      schema: {
        tags: ['bookings'],
        summary: 'Appointment slots of the hall’s services (manager)',
        params: HallParams,
        querystring: SlotsQuery,
        response: errorResponses,
      },
    },
    async (request) => {
      requireUser(request, MANAGERS);
      return app.bookingService.listSlots(request.actor!, request.params.hallId, request.query.serviceId);
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
        body: NewSlotBody,
        response: { ...errorResponses, 201: AnyObject },
      },
    },
    async (request, reply) => {
      requireUser(request, MANAGERS);
      const slot = await app.bookingService.createSlot(request.actor!, request.params.hallId, request.body, idempotencyOf(request));
      return reply.code(201).send(slot);
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
        body: SlotChangeBody,
        response: errorResponses,
      },
    },
    async (request) => {
      requireUser(request, MANAGERS);
      return app.bookingService.updateSlot(request.actor!, request.params.slotId, request.body, idempotencyOf(request));
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
      requireUser(request, MANAGERS);
      return app.bookingService.deleteSlot(request.actor!, request.params.slotId, idempotencyOf(request));
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
      requireUser(request, MANAGERS);
      return linksOf(request, await app.bookingService.visitorHallCode(request.actor!, request.params.hallId));
    },
  );

  app.get(
    '/halls/:hallId/visitor-qr.svg',
    {
      schema: {
        tags: ['bookings'],
        summary: 'The hall QR code as a printable SVG: `page=take` (扫码取号, default) or `page=book` (预约) (manager)',
        params: HallParams,
        querystring: VisitorQrQuery,
        response: errorResponses,
      },
    },
    async (request, reply) => {
      requireUser(request, MANAGERS);
      const url = linksOf(request, await app.bookingService.visitorHallCode(request.actor!, request.params.hallId))[request.query.page];
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
      requireUser(request, MANAGERS);
      return app.bookingService.notificationLog(request.actor!, request.params.hallId);
    },
  );
};
export default bookings;
