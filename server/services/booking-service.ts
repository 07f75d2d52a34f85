/**
 * 预约 (appointments): slots the manager configures, bookings visitors make on their phone, the
 * check-in (at the kiosk by booking code or phone number, at the guide desk, or on the phone in
 * the hall) that issues a ticket with appointment priority, and the sweep that records bookings
 * nobody checked in as no-shows. The rules are pure functions in common/domain/booking.ts; each
 * change here is one command of the unit of work (one transaction, its events after commit).
 */
import { randomInt } from 'node:crypto';
import type {
  AppointmentSlotView,
  CheckInRefusalBooking,
  BookingOptionsView,
  BookingView,
  CheckInResult,
  ManagerBookingView,
  NotificationView,
} from '../../common/phone.js';
import { maskPhone } from '../../common/ui/format.js';
import {
  bookingCode,
  bookingDates,
  canCancel,
  cancelDeadline,
  checkBooking,
  checkInTiming,
  checkInWindow,
  type CheckInWindow,
  checkSlot,
  dayAvailability,
  noShowBlock,
  slotOutsideHours,
  type SlotInput,
} from '../../common/domain/booking.js';
import { isWorkingDay, localTime, localToEpoch, serviceDay, weekdayOf } from '../../common/domain/calendar.js';
import { errors } from '../../common/domain/errors.js';
import { phoneErrors } from '../../common/domain/phone-errors.js';
import { normalizePhone } from '../../common/domain/phone.js';
import type { AppointmentSettings, CalendarSettings } from '../../common/domain/settings.js';
import { SYSTEM, type Actor, type Hall, type Service } from '../../common/domain/types.js';
import type { AppointmentSlot, Booking } from '../store/repositories/phone.js';
import type { StoreTx } from '../store/store.js';
import { assertHall, assertManager, isManager, loadHall, requireService } from './guards.js';
import { issueWithin, newPublicCode } from './issuing.js';
import type { CommandContext, Idempotency, UnitOfWork } from './unit-of-work.js';

/** A visitor on their phone: no account, known by the secret code in the URL. */
export const VISITOR: Actor = { kind: 'visitor', id: null, name: '群众' };

export interface SlotChange {
  serviceId?: number;
  weekday?: number;
  start?: string;
  end?: string;
  capacity?: number;
}

export interface BookingRequestInput {
  serviceId: number;
  date: string;
  start: string;
  phone: string;
}

/** How the kiosk or the guide desk finds a booking: its code, or the phone number (and the service when several). */
export interface CheckInLookup {
  code?: string;
  phone?: string;
  serviceId?: number;
}

const rulesOf = (s: AppointmentSettings) => ({
  cancelBeforeMinutes: s.cancelBeforeMinutes,
  checkInEarlyMinutes: s.checkInEarlyMinutes,
  checkInLateMinutes: s.checkInLateMinutes,
  noShowLimit: s.noShowLimit,
  blockDays: s.blockDays,
});

/** When a booking's slot starts and ends, and its check-in window. */
export function bookingTimes(hall: Pick<Hall, 'timezone' | 'settings'>, booking: Pick<Booking, 'date' | 'start' | 'end'>) {
  const startsAt = localToEpoch(booking.date, booking.start, hall.timezone);
  const endsAt = localToEpoch(booking.date, booking.end, hall.timezone);
  return { startsAt, endsAt, window: checkInWindow(startsAt, endsAt, hall.settings.appointment) };
}

const hhmm = (at: number, timezone: string) => localTime(at, timezone).hhmm;
const dateTime = (at: number, timezone: string) => {
  const t = localTime(at, timezone);
  return `${t.date} ${t.hhmm}`;
};

export class BookingService {
  constructor(private readonly uow: UnitOfWork) {}

  // ---------------------------------------------------------------------------------------------
  // Slots (managers)

  listSlots(actor: Actor, hallId: number, serviceId?: number): Promise<AppointmentSlotView[]> {
    return this.uow.read(async (tx) => {
      const hall = await loadHall(tx, hallId);
      assertHall(actor, hall.id);
      assertManager(actor);
      const services = (await tx.services.list(hall.id)).filter((s) => serviceId === undefined || s.id === serviceId);
      const slots = await tx.phone.slotsOf(services.map((s) => s.id));
      return slots.map((slot) =>
        slotView(
          slot,
          hall,
          services.find((s) => s.id === slot.serviceId)!,
        ),
      );
    });
  }

  createSlot(
    actor: Actor,
    hallId: number,
    input: SlotInput & { serviceId: number },
    idempotency?: Idempotency,
  ): Promise<AppointmentSlotView> {
    return this.uow.command(actor, hallId, idempotency, async (c) => {
      assertManager(actor);
      const service = requireService(c.ctx, input.serviceId);
      const others = await c.tx.phone.slotsOf([service.id]);
      checkSlot(input, others);
      const slot = await c.tx.phone.insertSlot({
        serviceId: service.id,
        weekday: input.weekday,
        start: input.start,
        end: input.end,
        capacity: input.capacity,
      });
      await emitSlot(c, 'created', slot);
      return slotView(slot, c.hall, service);
    });
  }

  updateSlot(actor: Actor, slotId: number, change: SlotChange, idempotency?: Idempotency): Promise<AppointmentSlotView> {
    return this.inSlotHall(slotId, (hallId) =>
      this.uow.command(actor, hallId, idempotency, async (c) => {
        assertManager(actor);
        const slot = await loadSlot(c.tx, slotId);
        const service = requireService(c.ctx, change.serviceId ?? slot.serviceId);
        const merged = { ...slot, ...change, serviceId: service.id };
        checkSlot(merged, await c.tx.phone.slotsOf([service.id]), slot.id);
        const updated = (await c.tx.phone.updateSlot(slot.id, {
          serviceId: merged.serviceId,
          weekday: merged.weekday,
          start: merged.start,
          end: merged.end,
          capacity: merged.capacity,
        }))!;
        await emitSlot(c, 'updated', updated);
        return slotView(updated, c.hall, service);
      }),
    );
  }

  /** Bookings already made for the slot stay valid: they carry their own times. */
  deleteSlot(actor: Actor, slotId: number, idempotency?: Idempotency): Promise<{ deleted: number }> {
    return this.inSlotHall(slotId, (hallId) =>
      this.uow.command(actor, hallId, idempotency, async (c) => {
        assertManager(actor);
        const slot = await loadSlot(c.tx, slotId);
        await c.tx.phone.deleteSlot(slot.id);
        await emitSlot(c, 'deleted', slot);
        return { deleted: slot.id };
      }),
    );
  }

  private async inSlotHall<T>(slotId: number, run: (hallId: number) => Promise<T>): Promise<T> {
    const hallId = await this.uow.read(async (tx) => {
      const slot = await tx.phone.slot(slotId);
      const service = slot ? await tx.services.get(slot.serviceId) : null;
      return service?.hallId ?? null;
    });
    if (hallId === null) throw errors.notFound('预约时段', 'Appointment slot');
    return run(hallId);
  }

  // ---------------------------------------------------------------------------------------------
  // Visitors: what can be booked, booking, their booking, cancelling

  options(hallCode: string, serviceId: number): Promise<BookingOptionsView> {
    return this.uow.read(async (tx) => {
      const hall = await hallByCode(tx, hallCode);
      const settings = hall.settings.appointment;
      if (!settings.enabled) throw phoneErrors.appointmentsOff();
      const service = await tx.services.get(serviceId);
      if (!service || service.hallId !== hall.id || !service.enabled) throw errors.notFound('事项', 'Service');
      const slots = await tx.phone.slotsOf([service.id]);
      if (slots.length === 0) throw phoneErrors.serviceNotBookable();
      const now = this.uow.clock();
      const days: BookingOptionsView['days'] = [];
      for (const date of bookingDates(serviceDay(now, hall.timezone), settings.maxDaysAhead, hall.settings.calendar)) {
        const weekday = weekdayOf(date);
        const available = dayAvailability(slots, await tx.phone.bookedCounts(service.id, date), weekday);
        if (available.length)
          days.push({
            date,
            weekday,
            slots: available.map(({ start, end, capacity, remaining }) => ({ start, end, capacity, remaining })),
          });
      }
      return {
        now,
        hall: { id: hall.id, code: hall.code, name: hall.name, timezone: hall.timezone },
        service: { id: service.id, name: service.name, nameEn: service.nameEn },
        days,
        rules: rulesOf(settings),
      };
    });
  }

  /** A new booking: every rule of common/domain/booking.ts, the place taken in the same transaction. */
  async book(hallCode: string, input: BookingRequestInput, idempotency?: Idempotency): Promise<BookingView> {
    const hallId = await this.uow.read(async (tx) => (await hallByCode(tx, hallCode)).id);
    return this.uow.command(VISITOR, hallId, idempotency, async (c) => {
      const settings = c.hall.settings.appointment;
      if (!settings.enabled) throw phoneErrors.appointmentsOff();
      const phone = normalizePhone(input.phone);
      const service = c.ctx.serviceById.get(input.serviceId);
      if (!service || !service.enabled) throw errors.notFound('事项', 'Service');
      const slots = await c.tx.phone.slotsOf([service.id]);
      if (slots.length === 0) throw phoneErrors.serviceNotBookable();
      const today = c.ctx.day;
      const mine = await c.tx.phone.bookingsOfPhone(c.hall.id, phone);
      const openDates = bookingDates(today, settings.maxDaysAhead, c.hall.settings.calendar);
      const available = openDates.includes(input.date)
        ? dayAvailability(slots, await c.tx.phone.bookedCounts(service.id, input.date), weekdayOf(input.date))
        : [];
      checkBooking({
        today,
        date: input.date,
        openDates,
        slot: available.find((s) => s.start === input.start),
        sameDay: mine.filter(
          (b) => b.serviceId === service.id && b.date === input.date && (b.status === 'booked' || b.status === 'checked_in'),
        ).length,
        block: noShowBlock(
          mine.filter((b) => b.status === 'no_show').map((b) => b.date),
          today,
          settings,
        ),
      });
      const slot = available.find((s) => s.start === input.start)!;
      const booking = await c.tx.phone.insertBooking({
        hallId: c.hall.id,
        serviceId: service.id,
        code: await uniqueBookingCode(c.tx),
        publicCode: newPublicCode(),
        date: input.date,
        start: slot.start,
        end: slot.end,
        phone,
        createdAt: c.now,
        updatedAt: c.now,
      });
      await emitBooking(c, 'booked', booking);
      return bookingView(c.hall, service, booking, null, c.now);
    });
  }

  view(publicCode: string): Promise<BookingView> {
    return this.uow.read(async (tx) => {
      const booking = await loadBookingByCode(tx, publicCode);
      const hall = (await tx.halls.get(booking.hallId))!;
      const service = (await tx.services.get(booking.serviceId))!;
      const ticket = booking.ticketId ? await tx.tickets.get(booking.ticketId) : null;
      return bookingView(hall, service, booking, ticket, this.uow.clock());
    });
  }

  /** The visitor cancels, until `cancelBeforeMinutes` before the slot; the place is free again. */
  async cancel(publicCode: string, idempotency?: Idempotency): Promise<BookingView> {
    const found = await this.uow.read((tx) => loadBookingByCode(tx, publicCode));
    return this.uow.command(VISITOR, found.hallId, idempotency, async (c) => {
      const booking = (await c.tx.phone.booking(found.id))!;
      assertOpen(booking);
      const { startsAt } = bookingTimes(c.hall, booking);
      if (!canCancel(c.now, startsAt, c.hall.settings.appointment))
        throw phoneErrors.cancelTooLate(dateTime(cancelDeadline(startsAt, c.hall.settings.appointment), c.hall.timezone));
      const cancelled = await c.tx.phone.updateBooking(booking.id, { status: 'cancelled', cancelledAt: c.now, updatedAt: c.now });
      await emitBooking(c, 'cancelled', cancelled);
      return bookingView(c.hall, requireService(c.ctx, booking.serviceId), cancelled, null, c.now);
    });
  }

  // ---------------------------------------------------------------------------------------------
  // Check-in

  /** On the visitor's phone, in the hall: by the booking's secret code. */
  async checkInByPublicCode(publicCode: string, idempotency?: Idempotency): Promise<CheckInResult> {
    const found = await this.uow.read((tx) => loadBookingByCode(tx, publicCode));
    return this.uow.command(VISITOR, found.hallId, idempotency, async (c) => checkInWithin(c, (await c.tx.phone.booking(found.id))!));
  }

  /**
   * At the kiosk or the guide desk: by the 8-digit booking code, or by phone number (and service,
   * when several). `printerId` prints the appointment ticket there, like a number taken at the kiosk.
   */
  checkIn(
    actor: Actor,
    hallId: number,
    lookup: CheckInLookup,
    idempotency?: Idempotency,
    printerId: number | null = null,
  ): Promise<CheckInResult> {
    return this.uow.command(actor, hallId, idempotency, async (c) => {
      let booking: Booking | null = null;
      if (lookup.code !== undefined) {
        booking = await c.tx.phone.bookingByCode(lookup.code.replace(/\s/g, ''));
        if (!booking || booking.hallId !== c.hall.id) throw phoneErrors.noBookingToday();
      } else if (lookup.phone !== undefined) {
        const today = (await c.tx.phone.bookingsOfPhone(c.hall.id, normalizePhone(lookup.phone))).filter(
          (b) => b.date === c.ctx.day && (lookup.serviceId === undefined || b.serviceId === lookup.serviceId),
        );
        const open = today.filter((b) => b.status === 'booked').sort((a, b) => a.start.localeCompare(b.start));
        if (open.length > 1) {
          throw phoneErrors.chooseBooking(
            open.map((b) => ({
              serviceId: b.serviceId,
              serviceName: c.ctx.serviceById.get(b.serviceId)?.name ?? '',
              start: b.start,
              end: b.end,
            })),
          );
        }
        booking = open[0] ?? today[0] ?? null;
        if (!booking) throw phoneErrors.noBookingToday();
      } else {
        throw errors.invalidInput('请提供预约码或手机号码。', 'Give the booking code or the phone number.');
      }
      return checkInWithin(c, booking, printerId);
    });
  }

  // ---------------------------------------------------------------------------------------------
  // Managers and the sweep

  /** A day's bookings with the full phone numbers (to call visitors). */
  list(actor: Actor, hallId: number, date: string): Promise<ManagerBookingView[]> {
    return this.uow.read(async (tx) => {
      const hall = await loadHall(tx, hallId);
      assertHall(actor, hall.id);
      assertManager(actor);
      const services = new Map((await tx.services.list(hall.id)).map((s) => [s.id, s]));
      const bookings = await tx.phone.bookingsOn(hall.id, [date]);
      const out: ManagerBookingView[] = [];
      for (const b of bookings) {
        const ticket = b.ticketId ? await tx.tickets.get(b.ticketId) : null;
        out.push({
          id: b.id,
          code: b.code,
          serviceId: b.serviceId,
          serviceName: services.get(b.serviceId)?.name ?? '',
          date: b.date,
          start: b.start,
          end: b.end,
          phone: b.phone,
          status: b.status,
          ticketNumber: ticket?.number ?? null,
          createdAt: b.createdAt,
          checkedInAt: b.checkedInAt,
          cancelledAt: b.cancelledAt,
        });
      }
      return out;
    });
  }

  /** The hall's public code, for the visitor links and QR code on its posters (its managers). */
  async visitorHallCode(actor: Actor, hallId: number): Promise<string> {
    if (!isManager(actor)) throw errors.forbidden();
    assertHall(actor, hallId);
    const hall = await this.uow.read((tx) => tx.halls.get(hallId));
    if (!hall) throw errors.notFound('大厅', 'Hall');
    return hall.code;
  }

  /**
   * The latest notifications sent to the hall's visitors and whether they went out, each with
   * the ticket's number or the booking's service and slot; never a phone number (its managers).
   */
  async notificationLog(actor: Actor, hallId: number, limit = 200): Promise<NotificationView[]> {
    await this.visitorHallCode(actor, hallId);
    return this.uow.read(async (tx) => {
      const rows = await tx.phone.notificationsOf(hallId, limit);
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
            b ? { serviceName: service?.name ?? '', serviceNameEn: service?.nameEn ?? '', date: b.date, start: b.start, end: b.end } : null,
          );
        }
      }
      return rows.map(({ dedupeKey: _key, hallId: _hall, ...row }) => ({
        ...row,
        ticketNumber: row.ticketId !== null ? (numbers.get(row.ticketId) ?? null) : null,
        booking: row.bookingId !== null ? (bookingsById.get(row.bookingId) ?? null) : null,
      }));
    });
  }

  /**
   * The 'booking-no-shows' job: bookings past their check-in window without a check-in are
   * no-shows, except on a day the hall did not work (closed after the booking was made): those
   * the hall cancelled, and they never count against the visitor.
   */
  async markNoShows(): Promise<number> {
    let marked = 0;
    for (const hall of await this.uow.read((tx) => tx.halls.list())) {
      const now = this.uow.clock();
      const due = (await this.uow.read((tx) => tx.phone.openBookings(hall.id, { until: serviceDay(now, hall.timezone) }))).filter(
        (b) => bookingTimes(hall, b).window.closesAt < now,
      );
      if (due.length === 0) continue;
      marked += await this.uow.command(SYSTEM, hall.id, undefined, async (c) => {
        let n = 0;
        for (const seen of due) {
          const booking = await c.tx.phone.booking(seen.id);
          if (!booking || booking.status !== 'booked') continue;
          if (!isWorkingDay(booking.date, c.hall.settings.calendar)) {
            await closeBooking(c, booking);
            continue;
          }
          const missed = await c.tx.phone.updateBooking(booking.id, { status: 'no_show', updatedAt: c.now });
          await emitBooking(c, 'no_show', missed);
          n++;
        }
        return n;
      });
    }
    return marked;
  }
}

// -----------------------------------------------------------------------------------------------

/**
 * Checks in a booking inside an open command: today, within its window, still open; then issues
 * the appointment ticket (priority 'appointment'; never refused for the quota, whose place was
 * reserved at booking, for opening hours, since the window lies around the slot, nor because no
 * window serving it is open: the visitor came when told, the manager sees the alert).
 */
async function checkInWithin(c: CommandContext, booking: Booking, printerId: number | null = null): Promise<CheckInResult> {
  const service = requireService(c.ctx, booking.serviceId);
  const { window } = bookingTimes(c.hall, booking);
  const facts = checkInFacts(c.hall, service, booking, window);
  assertOpen(booking, facts);
  if (booking.date > c.ctx.day) throw phoneErrors.checkInNotToday(booking.date, facts);
  const timing = booking.date < c.ctx.day ? 'late' : checkInTiming(c.now, window);
  if (timing === 'early') throw phoneErrors.checkInTooEarly(facts.checkInFrom, facts.checkInUntil, facts);
  if (timing === 'late') throw phoneErrors.checkInTooLate(facts.checkInUntil, facts);
  const issued = await issueWithin(c, {
    hallId: c.hall.id,
    serviceId: service.id,
    priority: 'appointment',
    source: 'appointment',
    phone: booking.phone,
    bookingId: booking.id,
    printerId,
    reserved: true,
  });
  const checkedIn = await c.tx.phone.updateBooking(booking.id, {
    status: 'checked_in',
    ticketId: issued.ticket.id,
    checkedInAt: c.now,
    updatedAt: c.now,
  });
  await emitBooking(c, 'checked_in', checkedIn, { ticketId: issued.ticket.id, number: issued.ticket.number });
  return {
    booking: bookingView(c.hall, service, checkedIn, { publicCode: issued.publicCode, number: issued.ticket.number }, c.now),
    issued,
  };
}

/**
 * Inside a command that changes the hall's calendar: the bookings from today on that fall on a
 * day that is no longer a working day are cancelled by the hall (status hall_closed); each visitor
 * is told (see notifications.ts).
 */
export async function closeBookingsOnClosedDays(c: CommandContext, calendar: CalendarSettings): Promise<void> {
  for (const booking of await c.tx.phone.openBookings(c.hall.id, { from: c.ctx.day })) {
    if (!isWorkingDay(booking.date, calendar)) await closeBooking(c, booking);
  }
}

async function closeBooking(c: CommandContext, booking: Booking): Promise<void> {
  const closed = await c.tx.phone.updateBooking(booking.id, { status: 'hall_closed', cancelledAt: c.now, updatedAt: c.now });
  await emitBooking(c, 'hall_closed', closed);
}

/** The booking as a check-in refusal describes it (CheckInRefusalBooking, common/phone.ts). */
function checkInFacts(hall: Hall, service: Service, booking: Booking, window: CheckInWindow): CheckInRefusalBooking {
  return {
    serviceId: service.id,
    serviceName: service.name,
    serviceNameEn: service.nameEn,
    date: booking.date,
    start: booking.start,
    end: booking.end,
    checkInFrom: hhmm(window.opensAt, hall.timezone),
    checkInUntil: hhmm(window.closesAt, hall.timezone),
    opensAt: window.opensAt,
    closesAt: window.closesAt,
  };
}

function assertOpen(booking: Booking, facts?: CheckInRefusalBooking): void {
  const details = facts && { ...facts };
  if (booking.status === 'cancelled') throw phoneErrors.bookingCancelled(details);
  if (booking.status === 'checked_in') throw phoneErrors.bookingCheckedIn(details);
  if (booking.status === 'no_show') throw phoneErrors.bookingMissed(details);
  if (booking.status === 'hall_closed') throw phoneErrors.bookingHallClosed(details);
}

async function loadSlot(tx: StoreTx, slotId: number): Promise<AppointmentSlot> {
  const slot = await tx.phone.slot(slotId);
  if (!slot) throw errors.notFound('预约时段', 'Appointment slot');
  return slot;
}

/** A booking by the visitor's secret code. */
async function loadBookingByCode(tx: StoreTx, publicCode: string): Promise<Booking> {
  const booking = await tx.phone.bookingByPublicCode(publicCode);
  if (!booking) throw errors.notFound('预约', 'Appointment');
  return booking;
}

/** A hall by the public code in visitor URLs (/h/<code>). */
export async function hallByCode(tx: StoreTx, code: string): Promise<Hall> {
  const hall = await tx.halls.byCode(code);
  if (!hall) throw errors.notFound('大厅', 'Hall');
  return hall;
}

async function uniqueBookingCode(tx: StoreTx): Promise<string> {
  const random = () => randomInt(0, 2 ** 32) / 2 ** 32;
  for (let attempt = 0; attempt < 20; attempt++) {
    const code = bookingCode(random);
    if (!(await tx.phone.bookingByCode(code))) return code;
  }
  throw new Error('no free booking code after 20 attempts');
}

export function bookingView(
  hall: Hall,
  service: Service,
  booking: Booking,
  ticket: { publicCode: string; number: string } | null,
  now: number,
): BookingView {
  const { startsAt, endsAt, window } = bookingTimes(hall, booking);
  const settings = hall.settings.appointment;
  const cancelUntil = cancelDeadline(startsAt, settings);
  return {
    now,
    hall: { id: hall.id, code: hall.code, name: hall.name, timezone: hall.timezone },
    service: { id: service.id, name: service.name, nameEn: service.nameEn },
    code: booking.code,
    publicCode: booking.publicCode,
    date: booking.date,
    start: booking.start,
    end: booking.end,
    status: booking.status,
    phone: maskPhone(booking.phone),
    startsAt,
    endsAt,
    cancelUntil,
    cancellable: booking.status === 'booked' && now <= cancelUntil,
    checkIn: { ...window, timing: checkInTiming(now, window) },
    ticket: ticket ? { publicCode: ticket.publicCode, number: ticket.number } : null,
    rules: rulesOf(settings),
  };
}

function slotView(slot: AppointmentSlot, hall: Hall, service: Service): AppointmentSlotView {
  return { ...slot, outsideHours: slotOutsideHours(slot, service.openingHours ?? hall.openingHours) };
}

/** Staff hear about bookings (`booking:updated`, staff only); never the phone number. */
async function emitBooking(
  c: CommandContext,
  action: 'booked' | 'cancelled' | 'checked_in' | 'no_show' | 'hall_closed',
  booking: Booking,
  extra: Record<string, unknown> = {},
): Promise<void> {
  const facts = {
    action,
    bookingId: booking.id,
    serviceId: booking.serviceId,
    date: booking.date,
    start: booking.start,
    end: booking.end,
    status: booking.status,
    ...extra,
  };
  await c.emit({ type: 'booking:updated', ticketId: booking.ticketId, data: facts }, { publicData: facts });
}

async function emitSlot(c: CommandContext, action: 'created' | 'updated' | 'deleted', slot: AppointmentSlot): Promise<void> {
  const facts = {
    what: 'appointment_slot',
    action,
    slotId: slot.id,
    serviceId: slot.serviceId,
    weekday: slot.weekday,
    start: slot.start,
    end: slot.end,
    capacity: slot.capacity,
  };
  await c.emit({ type: 'config:changed', data: facts }, { publicData: facts });
}
