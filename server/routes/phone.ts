import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AnyObject, IdempotencyHeader, limitedErrorResponses } from '../schemas/common.js';
import { BookingBody, HallCodeParams, PhoneRatingBody, PhoneTicketBody, SecretCodeParams, SlotsParams } from '../schemas/phone.js';
import { idempotencyOf, ticketReadLimits } from './common.js';

export interface PhoneRouteOptions {
  /** Reads per client per minute (hall page, slots); the ticket page: per client and ticket (ticketReadLimits). */
  readLimit: number;
  /** Changes per client per minute (take a number, book, cancel, check in, rate). */
  writeLimit: number;
}

/**
 * The visitor's phone (public; no account). Phone numbers travel only in request bodies, never in
 * a URL, so they never reach the request log. Every route is rate-limited per client.
 */
const phone: FastifyPluginAsyncTypebox<PhoneRouteOptions> = async (app, opts) => {
  const read = { rateLimit: { max: opts.readLimit, timeWindow: 60_000 } };
  const write = { rateLimit: { max: opts.writeLimit, timeWindow: 60_000 } };
  app.addHook('onSend', async (_request, reply) => {
    reply.header('cache-control', 'no-store');
  });

  app.get(
    '/phone/halls/:hallCode',
    {
      config: read,
      schema: {
        tags: ['phone'],
        summary: '扫码取号 page: the hall, its services and whether each takes a phone number now (public)',
        params: HallCodeParams,
        response: limitedErrorResponses,
      },
    },
    async (request) => app.phoneService.hallPage(request.params.hallCode),
  );

  app.post(
    '/phone/halls/:hallCode/tickets',
    {
      config: write,
      schema: {
        tags: ['phone'],
        summary: '扫码取号: take an e-ticket for a service (public, rate-limited)',
        description:
          'One active ticket per phone number per service (phone_active_ticket; a missed one that can still be re-queued: phone_missed_ticket); refused when the hall does not take numbers by phone ' +
          '(phone_taking_off), when more than phoneMaxAhead wait (phone_queue_long), and for the same reasons as the kiosk: the daily quota ' +
          'shared with the kiosk (quota_reached), opening hours (outside_hours, unless the hall allows phone numbers all day), working days.',
        params: HallCodeParams,
        headers: IdempotencyHeader,
        body: PhoneTicketBody,
        response: { ...limitedErrorResponses, 201: AnyObject },
      },
    },
    async (request, reply) => {
      return reply.code(201).send(await app.phoneService.take(request.params.hallCode, request.body, idempotencyOf(request)));
    },
  );

  app.get(
    '/phone/tickets/:code',
    {
      ...ticketReadLimits(app, opts.readLimit),
      schema: {
        tags: ['phone'],
        summary:
          "The visitor's ticket page: status, people ahead, estimate, window, why others were called first, rating (public, by code)",
        params: SecretCodeParams,
        response: limitedErrorResponses,
      },
    },
    async (request) => app.phoneService.ticket(request.params.code),
  );

  app.post(
    '/phone/tickets/:code/cancel',
    {
      config: write,
      schema: {
        tags: ['phone'],
        summary: 'The visitor cancels their waiting or missed ticket; its place in the quota is free again (public, by code)',
        params: SecretCodeParams,
        headers: IdempotencyHeader,
        response: limitedErrorResponses,
      },
    },
    async (request) => app.phoneService.cancel(request.params.code, idempotencyOf(request)),
  );

  app.post(
    '/phone/tickets/:code/rating',
    {
      config: write,
      schema: {
        tags: ['phone'],
        summary: '补评: rate a finished ticket on the phone, within laterRatingDays (public, by code)',
        description:
          'The same levels and reasons as the pad; one rating per ticket across pad and phone (rating_already_rated). ' +
          'Levels 1–2 need a reason from the hall’s list, or “其他” with a comment; they open a 差评 case.',
        params: SecretCodeParams,
        headers: IdempotencyHeader,
        body: PhoneRatingBody,
        response: limitedErrorResponses,
      },
    },
    async (request) => {
      return app.phoneService.rate(request.params.code, request.body, idempotencyOf(request));
    },
  );

  app.get(
    '/phone/halls/:hallCode/services/:serviceId/slots',
    {
      config: read,
      schema: {
        tags: ['phone'],
        summary: '预约: the dates (from the next day, N working days) and slots with free places of a service (public)',
        params: SlotsParams,
        response: limitedErrorResponses,
      },
    },
    async (request) => {
      return app.bookingService.options(request.params.hallCode, request.params.serviceId);
    },
  );

  app.post(
    '/phone/halls/:hallCode/bookings',
    {
      config: write,
      schema: {
        tags: ['phone'],
        summary: '预约: book a slot (public, rate-limited)',
        description:
          'Refused when the date is outside the booking window (booking_date_closed), the slot is full (slot_full), the phone already ' +
          'booked this service that day (booking_duplicate), or the phone is blocked after too many no-shows (booking_blocked, with the date).',
        params: HallCodeParams,
        headers: IdempotencyHeader,
        body: BookingBody,
        response: { ...limitedErrorResponses, 201: AnyObject },
      },
    },
    async (request, reply) => {
      return reply.code(201).send(await app.bookingService.book(request.params.hallCode, request.body, idempotencyOf(request)));
    },
  );

  app.get(
    '/phone/bookings/:code',
    {
      config: read,
      schema: {
        tags: ['phone'],
        summary: "The visitor's booking: slot, booking code, cancel deadline, check-in window (public, by code)",
        params: SecretCodeParams,
        response: limitedErrorResponses,
      },
    },
    async (request) => app.bookingService.view(request.params.code),
  );

  app.post(
    '/phone/bookings/:code/cancel',
    {
      config: write,
      schema: {
        tags: ['phone'],
        summary: 'Cancel a booking, until cancelBeforeMinutes before the slot (public, by code)',
        params: SecretCodeParams,
        headers: IdempotencyHeader,
        response: limitedErrorResponses,
      },
    },
    async (request) => app.bookingService.cancel(request.params.code, idempotencyOf(request)),
  );

  app.post(
    '/phone/bookings/:code/check-in',
    {
      config: write,
      schema: {
        tags: ['phone'],
        summary: 'Check in on the phone in the hall: issues the ticket with appointment priority (public, by code)',
        description:
          'Within the check-in window only: too early (check_in_too_early) or too late (check_in_too_late) say when, and the visitor may take a normal number.',
        params: SecretCodeParams,
        headers: IdempotencyHeader,
        response: limitedErrorResponses,
      },
    },
    async (request) => app.bookingService.checkInByPublicCode(request.params.code, idempotencyOf(request)),
  );
};
export default phone;
