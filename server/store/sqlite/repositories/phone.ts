import { and, asc, desc, eq, gte, inArray, isNotNull, lte, ne, sql } from 'drizzle-orm';
import type { PhoneRepo } from '../../repositories/phone.js';
import type { Db } from '../database.js';
import * as t from '../schema.js';

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
