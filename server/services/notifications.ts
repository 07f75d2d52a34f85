/**
 * Decides which notifications committed events call for and hands them to the `Notifier`:
 *
 *  - booking confirmed: a `booking:updated` event with action `booked`;
 *  - reminder: the 'booking-reminders' job, `reminderMinutes` before the slot (not for bookings
 *    made after that moment: their confirmation says it all);
 *  - "you are N away": whenever a queue changes, each waiting ticket with a phone number that now
 *    has at most `issuing.notifyAhead` tickets before it; not when it already had that few when it
 *    was issued (the visitor just saw it on the screen);
 *  - called: `ticket:called` and `ticket:resumed` of a ticket with a phone number;
 *  - the hall closed a booked day: a `booking:updated` event with action `hall_closed`.
 *
 * Each notification is recorded with a key before it is sent, so it goes out at most once, also
 * across restarts; a failure of the channel is recorded and logged, and never reaches the ticket,
 * the booking or the command that caused it (this runs after commit, off the request).
 */
import type { FastifyBaseLogger } from 'fastify';
import { addDays, localTime, serviceDay } from '../../common/domain/calendar.js';
import { isNear } from '../../common/domain/phone.js';
import { peopleAhead } from '../../common/domain/routing.js';
import type { BookingStatus } from '../../common/vocabulary.js';
import type { Hall, Ticket } from '../../common/domain/types.js';
import type { Booking, NewNotification } from '../store/repositories/phone.js';
import type { Store, StoreTx } from '../store/store.js';
import { bookingTimes } from './booking-service.js';
import type { PublishedEvent } from './event-bus.js';
import { toCandidate } from './hall-service.js';
import { boostBefore } from './issuing.js';
import type { Clock } from './unit-of-work.js';
import { bookingText, ticketText, type BookingFacts, type BookingNotificationKind, type Notification, type Notifier } from './notifier.js';

/** Each booking notification goes out once: its dedupe key is this prefix and the booking id. */
const KEY_OF: Record<BookingNotificationKind, string> = {
  booking_confirmed: 'confirmed',
  booking_reminder: 'reminder',
  booking_closed: 'closed',
};

/** The booking events that tell the visitor, each sent only while the booking still has that status. */
const BOOKING_NOTICES = new Map<unknown, BookingNotice>([
  ['booked', { kind: 'booking_confirmed', status: 'booked' }],
  // The hall closed the booked day.
  ['hall_closed', { kind: 'booking_closed', status: 'hall_closed' }],
]);

interface BookingNotice {
  kind: Exclude<BookingNotificationKind, 'booking_reminder'>;
  status: BookingStatus;
}

interface Plan {
  called: { hallId: number; ticketId: number; windowNumber: string }[];
  bookings: (BookingNotice & { bookingId: number })[];
  /** Services whose queue changed, per hall. */
  queues: Map<number, Set<number>>;
  /** Tickets issued in these events: if already near, the visitor knows. */
  issued: Set<number>;
}

export class NotificationDispatcher {
  private chain: Promise<void> = Promise.resolve();

  /** It only reads: what to send is decided from committed state, after the command. */
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly notifier: Notifier,
    private readonly log: FastifyBaseLogger,
    private readonly publicUrl: string | null,
  ) {}

  /** The bus subscriber: plans synchronously, works in order, one batch after another. */
  readonly onEvents = (events: PublishedEvent[]): void => {
    const plan = planOf(events);
    if (!plan) return;
    this.chain = this.chain.then(() => this.handle(plan)).catch((err) => this.log.error({ err }, 'notifications failed'));
  };

  /** Resolves when every batch seen so far has been handled (tests; shutdown). */
  idle(): Promise<void> {
    return this.chain;
  }

  private async handle(plan: Plan): Promise<void> {
    for (const call of plan.called) await this.called(call);
    for (const notice of plan.bookings) await this.bookingNotice(notice);
    for (const [hallId, serviceIds] of plan.queues) await this.near(hallId, [...serviceIds], plan.issued);
    for (const ticketId of plan.issued) await this.issuedNear(ticketId);
  }

  private async called(call: Plan['called'][number]): Promise<void> {
    const found = await this.store.read(async (tx) => {
      const ticket = await tx.tickets.get(call.ticketId);
      if (!ticket?.phone || ticket.status !== 'called') return null;
      return { ticket, hall: (await tx.halls.get(ticket.hallId))!, serviceName: (await tx.services.get(ticket.serviceId))?.name ?? '' };
    });
    if (!found) return;
    const { ticket, hall, serviceName } = found;
    const facts = { number: ticket.number, serviceName, windowNumber: call.windowNumber };
    await this.deliver(
      {
        hallId: hall.id,
        kind: 'ticket_called',
        dedupeKey: `called:${ticket.id}:${ticket.calledAt}`,
        ticketId: ticket.id,
        bookingId: ticket.bookingId,
      },
      false,
      () => ({
        kind: 'ticket_called',
        hallId: hall.id,
        hallName: hall.name,
        phone: ticket.phone!,
        ticket: facts,
        url: this.ticketUrl(ticket),
        text: ticketText('ticket_called', hall.name, facts, this.ticketUrl(ticket)),
      }),
    );
  }

  private async bookingNotice({ bookingId, kind, status }: Plan['bookings'][number]): Promise<void> {
    const found = await this.store.read(async (tx) => bookingContext(tx, bookingId));
    if (!found || found.booking.status !== status) return;
    await this.sendBooking(kind, found.hall, found.booking, found.serviceName);
  }

  private async near(hallId: number, serviceIds: number[], issued: Set<number>): Promise<void> {
    const found = await this.store.read(async (tx) => {
      const hall = await tx.halls.get(hallId);
      const threshold = hall?.settings.issuing.notifyAhead ?? 0;
      if (!hall || threshold <= 0) return null;
      const now = this.clock();
      const day = serviceDay(now, hall.timezone);
      const phones = (await Promise.all(serviceIds.map((id) => tx.phone.waitingWithPhone(id, day)))).flat();
      if (phones.length === 0) return null;
      const waiting = await tx.tickets.waitingCandidates(hall.id, day);
      const near = phones
        .map((ticket) => ({ ticket, ahead: peopleAhead(toCandidate(ticket), waiting, hall.settings.fairness, now) }))
        .filter((n) => isNear(n.ahead, threshold));
      const used = await tx.phone.usedNotificationKeys(near.map((n) => nearKey(n.ticket)));
      const services = new Map((await tx.services.list(hall.id)).map((s) => [s.id, s.name]));
      return { hall, near: near.filter((n) => !used.has(nearKey(n.ticket))), services };
    });
    if (!found) return;
    for (const { ticket, ahead } of found.near)
      await this.deliverNear(found.hall, ticket, ahead, found.services.get(ticket.serviceId) ?? '', issued.has(ticket.id));
  }

  /**
   * A ticket just issued moves nobody else nearer the front (a normal ticket queues behind
   * everyone, a priority one only adds to others' count), so an issue needs no look at the queue:
   * only the new ticket itself, when it has a phone number and is already near, is recorded as
   * skipped, so it is never told "you are N away" for what the visitor just saw on the screen.
   */
  private async issuedNear(ticketId: number): Promise<void> {
    const found = await this.store.read(async (tx) => {
      const ticket = await tx.tickets.get(ticketId);
      if (!ticket?.phone || ticket.status !== 'waiting') return null;
      const hall = await tx.halls.get(ticket.hallId);
      const threshold = hall?.settings.issuing.notifyAhead ?? 0;
      if (!hall || threshold <= 0) return null;
      const ahead = await tx.tickets.countAhead(ticket, boostBefore(hall.settings, this.clock()));
      return isNear(ahead, threshold) ? { hall, ticket, ahead } : null;
    });
    if (found) await this.deliverNear(found.hall, found.ticket, found.ahead, '', true);
  }

  private async deliverNear(hall: Hall, ticket: Ticket, ahead: number, serviceName: string, skip: boolean): Promise<void> {
    const facts = { number: ticket.number, serviceName, ahead };
    const url = this.ticketUrl(ticket);
    await this.deliver(
      { hallId: hall.id, kind: 'ticket_near', dedupeKey: nearKey(ticket), ticketId: ticket.id, bookingId: ticket.bookingId },
      skip,
      () => ({
        kind: 'ticket_near',
        hallId: hall.id,
        hallName: hall.name,
        phone: ticket.phone!,
        ticket: facts,
        url,
        text: ticketText('ticket_near', hall.name, facts, url),
      }),
    );
  }

  /** The 'booking-reminders' job. */
  async remind(): Promise<number> {
    let sent = 0;
    for (const hall of await this.store.read((tx) => tx.halls.list())) {
      const { enabled, reminderMinutes } = hall.settings.appointment;
      if (!enabled || reminderMinutes <= 0) continue;
      const now = this.clock();
      const today = serviceDay(now, hall.timezone);
      const dates = Array.from({ length: Math.ceil(reminderMinutes / 1440) + 1 }, (_, i) => addDays(today, i));
      const due = await this.store.read(async (tx) => {
        const open = await tx.phone.bookingsOn(hall.id, dates, ['booked']);
        const list = open.filter((b) => {
          const { startsAt } = bookingTimes(hall, b);
          const remindAt = startsAt - reminderMinutes * 60_000;
          return now >= remindAt && now < startsAt && b.createdAt < remindAt;
        });
        const used = await tx.phone.usedNotificationKeys(list.map((b) => `reminder:${b.id}`));
        const services = new Map((await tx.services.list(hall.id)).map((s) => [s.id, s.name]));
        return list.filter((b) => !used.has(`reminder:${b.id}`)).map((b) => ({ booking: b, serviceName: services.get(b.serviceId) ?? '' }));
      });
      for (const { booking, serviceName } of due) if (await this.sendBooking('booking_reminder', hall, booking, serviceName)) sent++;
    }
    return sent;
  }

  private async sendBooking(kind: BookingNotificationKind, hall: Hall, booking: Booking, serviceName: string): Promise<boolean> {
    const { window } = bookingTimes(hall, booking);
    const facts: BookingFacts = {
      code: booking.code,
      serviceName,
      date: booking.date,
      start: booking.start,
      end: booking.end,
      checkInFrom: localTime(window.opensAt, hall.timezone).hhmm,
      checkInUntil: localTime(window.closesAt, hall.timezone).hhmm,
    };
    const url = this.publicUrl ? `${this.publicUrl}/b/${booking.publicCode}` : null;
    const key = `${KEY_OF[kind]}:${booking.id}`;
    return this.deliver({ hallId: hall.id, kind, dedupeKey: key, ticketId: null, bookingId: booking.id }, false, () => ({
      kind,
      hallId: hall.id,
      hallName: hall.name,
      phone: booking.phone,
      booking: facts,
      url,
      text: bookingText(kind, hall.name, facts, url),
    }));
  }

  /**
   * Records the notification under its key, then sends it (or only records it as skipped).
   * Returns whether it was sent. At most once: a crash between the two loses it rather than
   * sending it twice.
   */
  private async deliver(record: Omit<NewNotification, 'status' | 'createdAt'>, skip: boolean, build: () => Notification): Promise<boolean> {
    const claimed = await this.store.transact((tx) =>
      tx.phone.claimNotification({ ...record, status: skip ? 'skipped' : 'sending', createdAt: this.clock() }),
    );
    if (!claimed || skip) return false;
    let error: string | null = null;
    try {
      await this.notifier.send(build());
    } catch (err) {
      error = err instanceof Error ? err.message.slice(0, 300) : 'failed';
      this.log.warn({ kind: record.kind, hallId: record.hallId, notificationId: claimed.id, error }, 'notification not delivered');
    }
    await this.store.transact((tx) => tx.phone.finishNotification(claimed.id, error ? 'failed' : 'sent', error));
    return error === null;
  }

  private ticketUrl(ticket: Ticket): string | null {
    return this.publicUrl ? `${this.publicUrl}/t/${ticket.publicCode}` : null;
  }
}

/** A ticket re-queued at the end gets a new "near" notification: the key holds its queue time. */
const nearKey = (ticket: Ticket): string => `near:${ticket.id}:${ticket.queuedAt}`;

function planOf(events: PublishedEvent[]): Plan | null {
  const plan: Plan = { called: [], bookings: [], queues: new Map(), issued: new Set() };
  let any = false;
  for (const { hallId, record, message } of events) {
    if ((record.type === 'ticket:called' || record.type === 'ticket:resumed') && record.ticketId !== null && message.call) {
      plan.called.push({ hallId, ticketId: record.ticketId, windowNumber: message.call.windowNumber });
      any = true;
    }
    const notice = record.type === 'booking:updated' ? BOOKING_NOTICES.get(record.data.action) : undefined;
    if (notice && typeof record.data.bookingId === 'number') {
      plan.bookings.push({ ...notice, bookingId: record.data.bookingId });
      any = true;
    }
    if (record.type === 'ticket:issued' && record.ticketId !== null) {
      plan.issued.add(record.ticketId);
      any = true;
      continue; // see issuedNear: an issue brings nobody nearer
    }
    if (message.queues?.length) {
      const set = plan.queues.get(hallId) ?? new Set<number>();
      for (const q of message.queues) set.add(q.serviceId);
      plan.queues.set(hallId, set);
      any = true;
    }
  }
  return any ? plan : null;
}

async function bookingContext(tx: StoreTx, bookingId: number): Promise<{ booking: Booking; hall: Hall; serviceName: string } | null> {
  const booking = await tx.phone.booking(bookingId);
  if (!booking) return null;
  const hall = await tx.halls.get(booking.hallId);
  if (!hall) return null;
  return { booking, hall, serviceName: (await tx.services.get(booking.serviceId))?.name ?? '' };
}
