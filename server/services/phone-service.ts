/**
 * The visitor's phone: the hall QR page (扫码取号: which services take a number now), taking an
 * e-ticket, the ticket page's view (status, why someone was called first, what can be done),
 * cancelling an e-ticket, and 补评 (rating a finished ticket later, channel 'phone').
 *
 * A visitor has no account: the hall's public code and the ticket's secret code in the URL are
 * all they show. Limits against abuse are the rules of common/domain/phone.ts plus the issuing's
 * own (quota shared with the kiosk, opening hours, working days) and a per-client rate limit on
 * the routes.
 */
import type { PhoneHallView, PhoneTicketView } from '../../common/phone.js';
import type { RatingResult } from '../../common/protocol.js';
import { isWorkingDay, localTime, withinHours } from '../../common/domain/calendar.js';
import { errors } from '../../common/domain/errors.js';
import { phoneErrors } from '../../common/domain/phone-errors.js';
import { checkPhoneTaking, normalizePhone, passedBy, phoneRatingState, takeRefusal } from '../../common/domain/phone.js';
import { hallByCode, VISITOR } from './booking-service.js';
import { loadTicketByCode, requireService } from './guards.js';
import type { HallService } from './hall-service.js';
import { issueWithin, type IssuedTicket } from './issuing.js';
import type { Idempotency, UnitOfWork } from './unit-of-work.js';
import type { ChannelRule, RatingService } from './rating-service.js';
import { HallContext, queueStats } from './views.js';

export const CANCEL_REASON = '群众在手机上取消';

/** 补评: only a visitor (by the ticket's code) rates on the phone, within `laterRatingDays` of the finish. */
export const phoneRatingChannel: ChannelRule = {
  async authorize(c) {
    if (c.actor.kind !== 'visitor') throw errors.forbidden();
  },
  async ready(c, ticket) {
    const days = c.hall.settings.rating.laterRatingDays;
    if (phoneRatingState(ticket, false, c.now, days).state === 'expired') throw phoneErrors.laterRatingExpired(days);
  },
};

export class PhoneService {
  constructor(
    private readonly uow: UnitOfWork,
    /** For the visitor's ticket status and cancelling a ticket, as at the kiosk. */
    private readonly hallService: HallService,
    private readonly ratingService: RatingService,
  ) {}

  /** The hall QR page: each service's queue and whether a phone may take a number for it now. */
  hallPage(hallCode: string): Promise<PhoneHallView> {
    return this.uow.read(async (tx) => {
      const hall = await hallByCode(tx, hallCode);
      const now = this.uow.clock();
      const ctx = await HallContext.load(tx, hall, now);
      const [stats, issued, slots] = await Promise.all([
        queueStats(tx, ctx),
        tx.tickets.issuedCounts(hall.id, ctx.day),
        tx.phone.slotsOf(ctx.services.map((s) => s.id)),
      ]);
      const { issuing, calendar, appointment } = hall.settings;
      const local = localTime(now, hall.timezone);
      const workingDay = isWorkingDay(local.date, calendar);
      const bookable = new Set(slots.map((s) => s.serviceId));
      const services = ctx.services
        .filter((s) => s.enabled)
        .map((service) => {
          const queue = stats.find((q) => q.view.serviceId === service.id)!.view;
          const hours = service.openingHours ?? hall.openingHours;
          const taken = issued.get(service.id) ?? 0;
          return {
            id: service.id,
            zoneId: service.zoneId,
            name: service.name,
            nameEn: service.nameEn,
            prefix: service.prefix,
            waiting: queue.waiting,
            estimateMinutes: queue.estimateMinutes,
            openWindows: queue.openWindows,
            left: service.dailyQuota === null ? null : Math.max(0, service.dailyQuota - taken),
            openingHours: hours,
            refusal: takeRefusal({
              phoneTaking: issuing.phoneTaking,
              serviceEnabled: service.enabled,
              workingDay,
              inHours: withinHours(hours, local.minutes),
              onlyInHours: issuing.phoneOnlyInHours,
              quota: service.dailyQuota,
              issued: taken,
              openWindows: queue.openWindows,
              allowWhenNoWindowOpen: issuing.allowWhenNoWindowOpen,
              waiting: queue.waiting,
              maxAhead: issuing.phoneMaxAhead,
            }),
            bookable: appointment.enabled && bookable.has(service.id),
          };
        });
      return {
        now,
        hall: {
          id: hall.id,
          code: hall.code,
          name: hall.name,
          timezone: hall.timezone,
          openingHours: hall.openingHours,
          serviceDay: ctx.day,
        },
        phoneTaking: issuing.phoneTaking,
        appointments: appointment.enabled,
        notifyAhead: issuing.notifyAhead,
        zones: ctx.zones.map((z) => ({ id: z.id, name: z.name, nameEn: z.nameEn, kind: z.kind })),
        services,
      };
    });
  }

  /**
   * 扫码取号: an e-ticket for a service, in the same transaction as its checks: phone taking on,
   * one active ticket per phone number per service (a missed one counts while it can be re-queued), at most `phoneMaxAhead` waiting; then the
   * issuing's own checks (quota shared with the kiosk, working day, opening hours unless the hall
   * lets phones take numbers all day).
   */
  async take(hallCode: string, input: { serviceId: number; phone: string }, idempotency?: Idempotency): Promise<IssuedTicket> {
    const hallId = await this.uow.read(async (tx) => (await hallByCode(tx, hallCode)).id);
    return this.uow.command(VISITOR, hallId, idempotency, async (c) => {
      const { issuing } = c.hall.settings;
      if (!issuing.phoneTaking) throw phoneErrors.phoneTakingOff();
      const phone = normalizePhone(input.phone);
      requireService(c.ctx, input.serviceId);
      const [queue] = await c.tx.tickets.queueCounts(c.hall.id, c.ctx.day, [input.serviceId]);
      const mine = (await c.tx.phone.ticketsOfPhone(c.hall.id, c.ctx.day, phone)).filter((t) => t.serviceId === input.serviceId);
      checkPhoneTaking({
        enabled: issuing.phoneTaking,
        maxAhead: issuing.phoneMaxAhead,
        waiting: queue?.waiting ?? 0,
        mine,
        graceMinutes: c.hall.settings.fairness.noShowGraceMinutes,
        now: c.now,
        timezone: c.hall.timezone,
      });
      return issueWithin(c, {
        hallId: c.hall.id,
        serviceId: input.serviceId,
        source: 'phone',
        phone,
        skipHours: !issuing.phoneOnlyInHours,
      });
    });
  }

  /** The ticket page: the visitor's status view plus what the phone explains and offers. */
  async ticket(code: string): Promise<PhoneTicketView> {
    const status = await this.hallService.ticketStatus(code);
    return this.uow.read(async (tx) => {
      const ticket = await loadTicketByCode(tx, code);
      const hall = (await tx.halls.get(ticket.hallId))!;
      const now = this.uow.clock();
      const rating = await tx.ratings.byTicket(ticket.id);
      const { state, until } = phoneRatingState(ticket, rating !== null, now, hall.settings.rating.laterRatingDays);
      const called =
        ticket.status === 'waiting' ? await tx.phone.calledWithReason(ticket.serviceId, ticket.serviceDay, ticket.queuedAt) : [];
      const booking = ticket.bookingId ? await tx.phone.booking(ticket.bookingId) : null;
      const window = ticket.windowId ? await tx.windows.get(ticket.windowId) : null;
      return {
        now,
        status,
        hallCode: hall.code,
        cancellable: ticket.status === 'waiting' || ticket.status === 'no_show',
        passedBy: passedBy(ticket, called),
        rating: {
          state,
          until,
          level: rating?.level ?? null,
          channel: rating?.channel ?? null,
          reasons: [...hall.settings.rating.badReasons],
        },
        lastWindow: window ? { number: window.number, name: window.name } : null,
        noShowGraceMinutes: hall.settings.fairness.noShowGraceMinutes,
        booking: booking ? { date: booking.date, start: booking.start, end: booking.end } : null,
        phoneTaking: hall.settings.issuing.phoneTaking,
      };
    });
  }

  /** The visitor gives up a waiting or missed ticket: its place in the quota is free again. */
  async cancel(code: string, idempotency?: Idempotency): Promise<PhoneTicketView> {
    const ticket = await this.uow.read((tx) => loadTicketByCode(tx, code));
    if (ticket.status !== 'waiting' && ticket.status !== 'no_show' && ticket.status !== 'cancelled') throw phoneErrors.notCancellable();
    if (ticket.status !== 'cancelled') await this.hallService.cancel(VISITOR, ticket.hallId, ticket.id, CANCEL_REASON, idempotency);
    return this.ticket(code);
  }

  /** 补评 on the phone: the same levels and reasons as the pad; one rating per ticket across channels. */
  async rate(code: string, input: { level: number; reasons: string[]; comment: string }, idempotency?: Idempotency): Promise<RatingResult> {
    const ticket = await this.uow.read((tx) => loadTicketByCode(tx, code));
    return this.ratingService.submitRating(VISITOR, { ticketId: ticket.id, ...input, channel: 'phone' }, idempotency);
  }
}
