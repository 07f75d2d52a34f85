/**
 * 预约 (appointments): the pure rules. No I/O: the booking service loads slots, counts and the
 * visitor's history and asks these functions; test/phone/booking-rules.test.ts holds the tables.
 *
 *  - Slots: per service and weekday, "HH:MM"–"HH:MM" with a capacity; slots of one service and
 *    weekday never overlap.
 *  - Booking window: from the next day up to N working days ahead (the hall's open weekdays,
 *    minus its non-working days, plus its extra working days). Today cannot be booked.
 *  - One booking per phone per service per day (cancelled ones do not count).
 *  - Cancelling is possible until `cancelBeforeMinutes` before the slot starts.
 *  - Check-in from `checkInEarlyMinutes` before the slot starts until `checkInLateMinutes` after
 *    it ends, both edges included. Outside it: too early / too late.
 *  - No-shows: a booking not checked in by the end of its check-in window is a no-show. When a
 *    phone reaches `noShowLimit` no-shows within 30 days, it may not book for `blockDays` days
 *    from the date of the no-show that reached the limit.
 */
import type { AppointmentSlot } from '../phone.js';
import type { BookingStatus } from '../vocabulary.js';
import { addDays, isWorkingDay, parseHours } from './calendar.js';
import { errors } from './errors.js';
import { phoneErrors } from './phone-errors.js';
import type { AppointmentSettings, CalendarSettings } from './settings.js';

/** The days a run of no-shows is counted in ("N no-shows in a month"). */
export const NO_SHOW_WINDOW_DAYS = 30;
/** Bounds of what a manager may set per slot. */
export const MAX_SLOT_CAPACITY = 500;

export type SlotDef = AppointmentSlot;

export type SlotInput = Pick<SlotDef, 'weekday' | 'start' | 'end' | 'capacity'>;

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;
export const minutesOf = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/**
 * A manager's slot: valid times and capacity, and no overlap with the other slots of its service and
 * weekday. Each refusal names its field (`details.field`) for the form that sent it.
 */
export function checkSlot(slot: SlotInput, others: readonly SlotDef[], selfId: number | null = null): void {
  if (!Number.isInteger(slot.weekday) || slot.weekday < 1 || slot.weekday > 7) {
    throw errors.invalidInput('星期应为 1（周一）到 7（周日）。', 'The weekday is 1 (Monday) to 7 (Sunday).', { field: 'weekday' });
  }
  for (const field of ['start', 'end'] as const) {
    if (!HHMM.test(slot[field]))
      throw errors.invalidInput('时间格式应为 HH:MM，例如 09:00。', 'Times are HH:MM, for example 09:00.', { field });
  }
  if (minutesOf(slot.end) <= minutesOf(slot.start)) {
    throw errors.invalidInput('结束时间应晚于开始时间。', 'The end must be after the start.', { field: 'end' });
  }
  if (!Number.isInteger(slot.capacity) || slot.capacity < 1 || slot.capacity > MAX_SLOT_CAPACITY) {
    throw errors.invalidInput(
      `每个时段可预约人数应为 1 到 ${MAX_SLOT_CAPACITY}。`,
      `A slot takes 1 to ${MAX_SLOT_CAPACITY} appointments.`,
      { field: 'capacity' },
    );
  }
  for (const other of others) {
    if (other.id === selfId || other.weekday !== slot.weekday) continue;
    if (minutesOf(slot.start) < minutesOf(other.end) && minutesOf(other.start) < minutesOf(slot.end))
      throw phoneErrors.slotOverlap(other.start, other.end);
  }
}

/** A warning (not a refusal) when a slot lies outside the hours the service opens. */
export function slotOutsideHours(slot: Pick<SlotDef, 'start' | 'end'>, openingHours: string): boolean {
  const ranges = parseHours(openingHours);
  if (!ranges || ranges.length === 0) return false;
  return !ranges.some((r) => minutesOf(slot.start) >= r.start && minutesOf(slot.end) <= r.end);
}

/** The dates open for booking on `today`: from the next day, the next `maxDaysAhead` working days. */
export function bookingDates(today: string, maxDaysAhead: number, calendar: CalendarSettings): string[] {
  const dates: string[] = [];
  let d = today;
  // Bounded: a calendar with no working day at all must not loop forever.
  for (let guard = 0; dates.length < maxDaysAhead && guard < 366; guard++) {
    d = addDays(d, 1);
    if (isWorkingDay(d, calendar)) dates.push(d);
  }
  return dates;
}

export interface SlotAvailability {
  slotId: number;
  start: string;
  end: string;
  capacity: number;
  /** Bookings that hold a place (every status but cancelled). */
  booked: number;
  remaining: number;
}

/** The slots of one service on a date (its weekday) with their free places, in time order. */
export function dayAvailability(
  slots: readonly SlotDef[],
  bookedByStart: ReadonlyMap<string, number>,
  weekday: number,
): SlotAvailability[] {
  return slots
    .filter((s) => s.weekday === weekday)
    .sort((a, b) => minutesOf(a.start) - minutesOf(b.start))
    .map((s) => {
      const booked = bookedByStart.get(s.start) ?? 0;
      return { slotId: s.id, start: s.start, end: s.end, capacity: s.capacity, booked, remaining: Math.max(0, s.capacity - booked) };
    });
}

export interface BookingRequest {
  date: string;
  /** The dates open for booking now (`bookingDates`). */
  openDates: readonly string[];
  /** The chosen slot on that date, or undefined when no slot starts at the chosen time. */
  slot: SlotAvailability | undefined;
  /** The phone's other bookings of this service on that date that still hold a place. */
  sameDay: number;
  /** From `noShowBlock`: the date from which the phone may book again, if blocked. */
  block: { until: string; count: number } | null;
  today: string;
}

/** Every rule of a new booking, in the order a visitor should hear about them. */
export function checkBooking(r: BookingRequest): void {
  if (r.block && r.today < r.block.until) throw phoneErrors.bookingBlocked(r.block.count, r.block.until);
  if (!r.openDates.includes(r.date)) {
    if (r.openDates.length === 0) throw phoneErrors.serviceNotBookable();
    throw phoneErrors.bookingDateClosed(r.openDates[0]!, r.openDates[r.openDates.length - 1]!);
  }
  if (!r.slot) throw phoneErrors.slotUnknown();
  if (r.sameDay > 0) throw phoneErrors.bookingDuplicate(r.date);
  if (r.slot.remaining <= 0) throw phoneErrors.slotFull();
}

/** Statuses of a booking that hold its place in the slot. */
export const HOLDS_PLACE: readonly BookingStatus[] = ['booked', 'checked_in', 'no_show'];

/** The last moment a booking can be cancelled. */
export const cancelDeadline = (slotStartAt: number, settings: Pick<AppointmentSettings, 'cancelBeforeMinutes'>): number =>
  slotStartAt - settings.cancelBeforeMinutes * 60_000;

export const canCancel = (now: number, slotStartAt: number, settings: Pick<AppointmentSettings, 'cancelBeforeMinutes'>): boolean =>
  now <= cancelDeadline(slotStartAt, settings);

export interface CheckInWindow {
  opensAt: number;
  closesAt: number;
}

/** From `checkInEarlyMinutes` before the slot starts to `checkInLateMinutes` after it ends. */
export function checkInWindow(
  slotStartAt: number,
  slotEndAt: number,
  settings: Pick<AppointmentSettings, 'checkInEarlyMinutes' | 'checkInLateMinutes'>,
): CheckInWindow {
  return { opensAt: slotStartAt - settings.checkInEarlyMinutes * 60_000, closesAt: slotEndAt + settings.checkInLateMinutes * 60_000 };
}

export type CheckInTiming = 'early' | 'open' | 'late';

/** Both edges belong to the window. */
export function checkInTiming(now: number, window: CheckInWindow): CheckInTiming {
  if (now < window.opensAt) return 'early';
  if (now > window.closesAt) return 'late';
  return 'open';
}

/**
 * Whether a phone may book, from the dates of its no-shows: for each no-show, count the no-shows
 * in the 30 days up to and including its date; one that reaches `noShowLimit` starts a block of
 * `blockDays` days. Returns the date from which booking is possible again (the latest block's
 * end) and how many no-shows caused it, or null when no block reaches past `today`.
 */
export function noShowBlock(
  noShowDates: readonly string[],
  today: string,
  settings: Pick<AppointmentSettings, 'noShowLimit' | 'blockDays'>,
): { until: string; count: number } | null {
  if (settings.noShowLimit < 1 || settings.blockDays < 1) return null;
  const dates = [...noShowDates].sort();
  let block: { until: string; count: number } | null = null;
  for (let i = 0; i < dates.length; i++) {
    const from = addDays(dates[i]!, -(NO_SHOW_WINDOW_DAYS - 1));
    const count = dates.slice(0, i + 1).filter((d) => d >= from).length;
    if (count < settings.noShowLimit) continue;
    const until = addDays(dates[i]!, settings.blockDays);
    if (!block || until > block.until) block = { until, count };
  }
  return block && block.until > today ? block : null;
}

/** A short code to type at the kiosk: 8 digits, never starting with 0 (read aloud as a number). */
export function bookingCode(random: () => number): string {
  let code = String(1 + Math.floor(random() * 9));
  for (let i = 0; i < 7; i++) code += String(Math.floor(random() * 10));
  return code;
}
