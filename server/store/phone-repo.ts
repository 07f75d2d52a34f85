/**
 * What the visitor's phone features store, behind the store boundary: appointment slots,
 * bookings, the notifications sent, and the ticket queries of 扫码取号 (a phone's tickets, the
 * numbers called before a waiting ticket). The interface the services see and its SQLite
 * implementation.
 */
import { and, asc, desc, eq, gte, inArray, isNotNull, lte, ne, sql } from 'drizzle-orm';
import type { AppointmentSlot } from '../../common/phone.js';
import type { BookingStatus } from '../../common/vocabulary.js';
import type { Ticket } from '../../common/domain/types.js';
import type { Db } from './database.js';
import * as t from './schema.js';

export type { AppointmentSlot };
export type NewSlot = Omit<AppointmentSlot, 'id'>;

export interface Booking {
  id: number;
  hallId: number;
  serviceId: number;
  /** 8 digits, typed at the kiosk. */
  code: string;
  /** Unguessable, in the visitor's booking URL. */
  publicCode: string;
  /** Hall-local 'YYYY-MM-DD' and 'HH:MM' bounds of the slot, copied when booked. */
  date: string;
  start: string;
  end: string;
  phone: string;
  status: BookingStatus;
  ticketId: number | null;
  checkedInAt: number | null;
  cancelledAt: number | null;
  createdAt: number;
  updatedAt: number;
}
export type NewBooking = Omit<Booking, 'id' | 'ticketId' | 'checkedInAt' | 'cancelledAt' | 'status'>;
export type BookingPatch = Partial<Pick<Booking, 'status' | 'ticketId' | 'checkedInAt' | 'cancelledAt' | 'updatedAt'>>;

export interface NotificationRecord {
  id: number;
  hallId: number;
  kind: string;
  dedupeKey: string;
  ticketId: number | null;
  bookingId: number | null;
  status: string;
  error: string | null;
  createdAt: number;
}
export type NewNotification = Omit<NotificationRecord, 'id' | 'error'>;

/** A called ticket as the "called before you" explanation reads it. */
export interface CalledRow {
  number: string;
  queuedAt: number;
  calledAt: number;
  callReason: Ticket['callReason'];
  /** When it was last moved into this service from another (转办), else null. */
  transferredAt: number | null;
}

export interface PhoneRepo {
  slotsOf(serviceIds: number[]): Promise<AppointmentSlot[]>;
  slot(id: number): Promise<AppointmentSlot | null>;
  insertSlot(slot: NewSlot): Promise<AppointmentSlot>;
  updateSlot(id: number, patch: Partial<NewSlot>): Promise<AppointmentSlot | null>;
  deleteSlot(id: number): Promise<void>;

  booking(id: number): Promise<Booking | null>;
  bookingByCode(code: string): Promise<Booking | null>;
  bookingByPublicCode(publicCode: string): Promise<Booking | null>;
  insertBooking(booking: NewBooking): Promise<Booking>;
  updateBooking(id: number, patch: BookingPatch): Promise<Booking>;
  /** Places taken per slot start of a service on a date (every status but cancelled). */
  bookedCounts(serviceId: number, date: string): Promise<Map<string, number>>;
  /** A phone's bookings in a hall, newest date first. */
  bookingsOfPhone(hallId: number, phone: string): Promise<Booking[]>;
  /** A hall's bookings on the given dates, optionally of some statuses, in slot order. */
  bookingsOn(hallId: number, dates: string[], statuses?: BookingStatus[]): Promise<Booking[]>;
  /**
   * A hall's bookings still 'booked' with a date in the range (both ends included): up to today
   * for the no-show sweep, from today when the hall closes days.
   */
  openBookings(hallId: number, dates: { from?: string; until?: string }): Promise<Booking[]>;

  /** A phone's tickets of a service day, oldest first. */
  ticketsOfPhone(hallId: number, serviceDay: string, phone: string): Promise<Ticket[]>;
  /** Waiting tickets of a service that carry a phone number (to notify). */
  waitingWithPhone(serviceId: number, serviceDay: string): Promise<Ticket[]>;
  /** Tickets of a service day called out of order (with a reason) since `since`. */
  calledWithReason(serviceId: number, serviceDay: string, since: number): Promise<CalledRow[]>;

  /** Records a notification unless one with its key exists: the record when this call made it, else null. */
  claimNotification(record: NewNotification): Promise<NotificationRecord | null>;
  finishNotification(id: number, status: string, error: string | null): Promise<void>;
  /** Which of these keys were already used. */
  usedNotificationKeys(keys: string[]): Promise<Set<string>>;
  notificationsOf(hallId: number, limit: number): Promise<NotificationRecord[]>;
}

/** Statuses a ticket has once it has been called. */
const CALLED_STATUSES = ['called', 'serving', 'held', 'done', 'no_show'] as const;

export function createPhoneRepo(db: Db): PhoneRepo {
  const byCode = db
    .select()
    .from(t.bookings)
    .where(eq(t.bookings.publicCode, sql.placeholder('publicCode')))
    .prepare();
  const calledWithReason = db
    .select({
      number: t.tickets.number,
      queuedAt: t.tickets.queuedAt,
      calledAt: t.tickets.calledAt,
      callReason: t.tickets.callReason,
      transfers: t.tickets.transfers,
    })
    .from(t.tickets)
    .where(
      and(
        eq(t.tickets.serviceId, sql.placeholder('serviceId')),
        eq(t.tickets.serviceDay, sql.placeholder('serviceDay')),
        inArray(t.tickets.status, [...CALLED_STATUSES]),
        isNotNull(t.tickets.callReason),
        gte(t.tickets.calledAt, sql.placeholder('since')),
      ),
    )
    .orderBy(desc(t.tickets.calledAt))
    .limit(50)
    .prepare();
  return {
    async slotsOf(serviceIds) {
      if (serviceIds.length === 0) return [];
      return db
        .select()
        .from(t.appointmentSlots)
        .where(inArray(t.appointmentSlots.serviceId, serviceIds))
        .orderBy(asc(t.appointmentSlots.serviceId), asc(t.appointmentSlots.weekday), asc(t.appointmentSlots.start))
        .all();
    },
    async slot(id) {
      return db.select().from(t.appointmentSlots).where(eq(t.appointmentSlots.id, id)).get() ?? null;
    },
    async insertSlot(slot) {
      return db.insert(t.appointmentSlots).values(slot).returning().get();
    },
    async updateSlot(id, patch) {
      if (Object.keys(patch).length === 0) return (await this.slot(id)) ?? null;
      return db.update(t.appointmentSlots).set(patch).where(eq(t.appointmentSlots.id, id)).returning().get() ?? null;
    },
    async deleteSlot(id) {
      db.delete(t.appointmentSlots).where(eq(t.appointmentSlots.id, id)).run();
    },

    async booking(id) {
      return db.select().from(t.bookings).where(eq(t.bookings.id, id)).get() ?? null;
    },
    async bookingByCode(code) {
      return db.select().from(t.bookings).where(eq(t.bookings.code, code)).get() ?? null;
    },
    async bookingByPublicCode(publicCode) {
      return byCode.get({ publicCode }) ?? null;
    },
    async insertBooking(booking) {
      return db
        .insert(t.bookings)
        .values({ ...booking, status: 'booked' })
        .returning()
        .get();
    },
    async updateBooking(id, patch) {
      const row = db.update(t.bookings).set(patch).where(eq(t.bookings.id, id)).returning().get();
      if (!row) throw new Error(`booking ${id} vanished during update`);
      return row;
    },
    async bookedCounts(serviceId, date) {
      const rows = db
        .select({ start: t.bookings.start, n: sql<number>`count(*)` })
        .from(t.bookings)
        .where(and(eq(t.bookings.serviceId, serviceId), eq(t.bookings.date, date), ne(t.bookings.status, 'cancelled')))
        .groupBy(t.bookings.start)
        .all();
      return new Map(rows.map((r) => [r.start, r.n]));
    },
    async bookingsOfPhone(hallId, phone) {
      return db
        .select()
        .from(t.bookings)
        .where(and(eq(t.bookings.hallId, hallId), eq(t.bookings.phone, phone)))
        .orderBy(desc(t.bookings.date), desc(t.bookings.start))
        .all();
    },
    async bookingsOn(hallId, dates, statuses) {
      if (dates.length === 0) return [];
      return db
        .select()
        .from(t.bookings)
        .where(
          and(
            eq(t.bookings.hallId, hallId),
            inArray(t.bookings.date, dates),
            ...(statuses?.length ? [inArray(t.bookings.status, statuses)] : []),
          ),
        )
        .orderBy(asc(t.bookings.date), asc(t.bookings.start), asc(t.bookings.id))
        .all();
    },
    async openBookings(hallId, dates) {
      return db
        .select()
        .from(t.bookings)
        .where(
          and(
            eq(t.bookings.hallId, hallId),
            eq(t.bookings.status, 'booked'),
            ...(dates.from !== undefined ? [gte(t.bookings.date, dates.from)] : []),
            ...(dates.until !== undefined ? [lte(t.bookings.date, dates.until)] : []),
          ),
        )
        .orderBy(asc(t.bookings.date), asc(t.bookings.start), asc(t.bookings.id))
        .all();
    },

    async ticketsOfPhone(hallId, serviceDay, phone) {
      return db
        .select()
        .from(t.tickets)
        .where(and(eq(t.tickets.hallId, hallId), eq(t.tickets.serviceDay, serviceDay), eq(t.tickets.phone, phone)))
        .orderBy(asc(t.tickets.id))
        .all();
    },
    async waitingWithPhone(serviceId, serviceDay) {
      return db
        .select()
        .from(t.tickets)
        .where(
          and(
            eq(t.tickets.serviceId, serviceId),
            eq(t.tickets.serviceDay, serviceDay),
            eq(t.tickets.status, 'waiting'),
            isNotNull(t.tickets.phone),
          ),
        )
        .all();
    },
    async calledWithReason(serviceId, serviceDay, since) {
      return calledWithReason.all({ serviceId, serviceDay, since }).map(({ transfers, ...r }) => ({
        ...r,
        calledAt: r.calledAt ?? 0,
        transferredAt: transfers.findLast((step) => step.toServiceId === serviceId && step.fromServiceId !== serviceId)?.at ?? null,
      }));
    },

    async claimNotification(record) {
      return db.insert(t.notifications).values(record).onConflictDoNothing({ target: t.notifications.dedupeKey }).returning().get() ?? null;
    },
    async finishNotification(id, status, error) {
      db.update(t.notifications).set({ status, error }).where(eq(t.notifications.id, id)).run();
    },
    async usedNotificationKeys(keys) {
      if (keys.length === 0) return new Set();
      const rows = db
        .select({ key: t.notifications.dedupeKey })
        .from(t.notifications)
        .where(inArray(t.notifications.dedupeKey, keys))
        .all();
      return new Set(rows.map((r) => r.key));
    },
    async notificationsOf(hallId, limit) {
      return db
        .select()
        .from(t.notifications)
        .where(eq(t.notifications.hallId, hallId))
        .orderBy(desc(t.notifications.id))
        .limit(limit)
        .all();
    },
  };
}
