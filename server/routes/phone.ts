import type { FastifyPluginAsync } from 'fastify';
import { Type } from 'typebox';
import { MAX_COMMENT } from '../services/rating-service.js';
import { errorResponses, Id, IdempotencyHeader, idempotencyOf, ticketReadLimits } from './common.js';

/** A hall's public code (in /h/<code>). */
const HallCode = Type.String({ pattern: '^[A-Za-z0-9_-]{1,40}$' });
/** The unguessable code of a ticket or a booking. */
const SecretCode = Type.String({ pattern: '^[a-z2-9]{8,40}$' });
/** Typed by visitors: the domain checks the format and explains what is wrong. */
const Phone = Type.String({ minLength: 1, maxLength: 20, description: 'Mainland mobile number, 11 digits (spaces, dashes, +86 allowed)' });
const LimitedErrors = { ...errorResponses, 429: Type.Ref('ApiError') };
const Any = Type.Object({}, { additionalProperties: true });

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
const phone: FastifyPluginAsync<PhoneRouteOptions> = async (app, opts) => {
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
        params: Type.Object({ hallCode: HallCode }),
        response: LimitedErrors,
      },
    },
    async (request) => app.phoneService.hallPage((request.params as { hallCode: string }).hallCode),
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
        params: Type.Object({ hallCode: HallCode }),
        headers: IdempotencyHeader,
        body: Type.Object({ serviceId: Id, phone: Phone }),
        response: { ...LimitedErrors, 201: Any },
      },
    },
    async (request, reply) => {
      const { hallCode } = request.params as { hallCode: string };
      const body = request.body as { serviceId: number; phone: string };
      return reply.code(201).send(await app.phoneService.take(hallCode, body, idempotencyOf(request)));
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
        params: Type.Object({ code: SecretCode }),
        response: LimitedErrors,
      },
    },
    async (request) => app.phoneService.ticket((request.params as { code: string }).code),
  );

  app.post(
    '/phone/tickets/:code/cancel',
    {
      config: write,
      schema: {
        tags: ['phone'],
        summary: 'The visitor cancels their waiting or missed ticket; its place in the quota is free again (public, by code)',
        params: Type.Object({ code: SecretCode }),
        headers: IdempotencyHeader,
        response: LimitedErrors,
      },
    },
    async (request) => app.phoneService.cancel((request.params as { code: string }).code, idempotencyOf(request)),
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
        params: Type.Object({ code: SecretCode }),
        headers: IdempotencyHeader,
        body: Type.Object({
          level: Type.Integer({ minimum: 1, maximum: 5 }),
          reasons: Type.Array(Type.String({ minLength: 1, maxLength: 40 }), { maxItems: 12, default: [] }),
          comment: Type.String({ maxLength: MAX_COMMENT, default: '' }),
        }),
        response: LimitedErrors,
      },
    },
    async (request) => {
      const body = request.body as { level: number; reasons: string[]; comment: string };
      return app.phoneService.rate((request.params as { code: string }).code, body, idempotencyOf(request));
    },
  );

  app.get(
    '/phone/halls/:hallCode/services/:serviceId/slots',
    {
      config: read,
      schema: {
        tags: ['phone'],
        summary: '预约: the dates (from the next day, N working days) and slots with free places of a service (public)',
        params: Type.Object({ hallCode: HallCode, serviceId: Id }),
        response: LimitedErrors,
      },
    },
    async (request) => {
      const { hallCode, serviceId } = request.params as { hallCode: string; serviceId: number };
      return app.bookingService.options(hallCode, serviceId);
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
        params: Type.Object({ hallCode: HallCode }),
        headers: IdempotencyHeader,
        body: Type.Object({
          serviceId: Id,
          date: Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' }),
          start: Type.String({ pattern: '^\\d{2}:\\d{2}$' }),
          phone: Phone,
        }),
        response: { ...LimitedErrors, 201: Any },
      },
    },
    async (request, reply) => {
      const { hallCode } = request.params as { hallCode: string };
      const body = request.body as { serviceId: number; date: string; start: string; phone: string };
      return reply.code(201).send(await app.bookingService.book(hallCode, body, idempotencyOf(request)));
    },
  );

  app.get(
    '/phone/bookings/:code',
    {
      config: read,
      schema: {
        tags: ['phone'],
        summary: "The visitor's booking: slot, booking code, cancel deadline, check-in window (public, by code)",
        params: Type.Object({ code: SecretCode }),
        response: LimitedErrors,
      },
    },
    async (request) => app.bookingService.view((request.params as { code: string }).code),
  );

  app.post(
    '/phone/bookings/:code/cancel',
    {
      config: write,
      schema: {
        tags: ['phone'],
        summary: 'Cancel a booking, until cancelBeforeMinutes before the slot (public, by code)',
        params: Type.Object({ code: SecretCode }),
        headers: IdempotencyHeader,
        response: LimitedErrors,
      },
    },
    async (request) => app.bookingService.cancel((request.params as { code: string }).code, idempotencyOf(request)),
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
        params: Type.Object({ code: SecretCode }),
        headers: IdempotencyHeader,
        response: LimitedErrors,
      },
    },
    async (request) => app.bookingService.checkInByPublicCode((request.params as { code: string }).code, idempotencyOf(request)),
  );
};
export default phone;
