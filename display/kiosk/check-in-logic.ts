/**
 * The kiosk's appointment check-in (预约签到) rules, as pure functions (tested in node): what the
 * on-screen keypad does to the entry, when an entry is complete, how it is shown, what the
 * server is asked, and what each refusal means for the visitor: type again, choose the service,
 * or a message, with a normal number for the same service where that is the way forward.
 */
import type { CheckInRefusalBooking } from '../../common/phone.js';
import { noticeKind, type NoticeKind } from './kiosk-logic.js';

/** The visitor types the 8-digit booking code or the 11-digit phone number of the booking. */
export type EntryMode = 'code' | 'phone';

export interface Entry {
  mode: EntryMode;
  digits: string;
}

export const ENTRY_LENGTH: Record<EntryMode, number> = { code: 8, phone: 11 };

/** Seconds without a touch before the check-in screen returns to the start (typing takes a while). */
export const CHECK_IN_IDLE_S = 45;

export type KeypadKey = '0' | '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9' | 'delete' | 'clear';

/** The keypad in the order it is laid out: 1–9, then clear, 0, delete. */
export const KEYPAD: readonly KeypadKey[] = ['1', '2', '3', '4', '5', '6', '7', '8', '9', 'clear', '0', 'delete'];

/** A key pressed: a digit is added while there is room; delete removes the last; clear empties. */
export function pressKey(entry: Entry, key: KeypadKey): Entry {
  if (key === 'clear') return { ...entry, digits: '' };
  if (key === 'delete') return { ...entry, digits: entry.digits.slice(0, -1) };
  if (entry.digits.length >= ENTRY_LENGTH[entry.mode]) return entry;
  return { ...entry, digits: entry.digits + key };
}

/** What is wrong with what has been typed so far, before it is sent (null: nothing yet). */
export type EntryProblem = 'code_starts_with_zero' | 'phone_starts_with_one' | null;

/** Booking codes never start with 0; mobile numbers start with 1: said as soon as the first digit is typed. */
export function entryProblem(entry: Entry): EntryProblem {
  const first = entry.digits[0];
  if (first === undefined) return null;
  if (entry.mode === 'code' && first === '0') return 'code_starts_with_zero';
  if (entry.mode === 'phone' && first !== '1') return 'phone_starts_with_one';
  return null;
}

/** The entry can be sent: all its digits, and nothing wrong with them. */
export const entryComplete = (entry: Entry): boolean =>
  entry.digits.length === ENTRY_LENGTH[entry.mode] && /^\d+$/.test(entry.digits) && entryProblem(entry) === null;

/** The digit boxes in groups, as the visitor reads the number: a code 4+4, a phone number 3+4+4; empty boxes are ''. */
export function entryGroups(entry: Entry): string[][] {
  const sizes = entry.mode === 'code' ? [4, 4] : [3, 4, 4];
  const groups: string[][] = [];
  let at = 0;
  for (const size of sizes) {
    groups.push(Array.from({ length: size }, (_, i) => entry.digits[at + i] ?? ''));
    at += size;
  }
  return groups;
}

/** The body of POST /api/halls/:hallId/bookings/check-in (without the guide desk's printer). */
export type CheckInLookup = { code: string } | { phone: string; serviceId?: number };

export function lookupOf(entry: Entry, serviceId?: number): CheckInLookup {
  if (entry.mode === 'code') return { code: entry.digits };
  return serviceId === undefined ? { phone: entry.digits } : { phone: entry.digits, serviceId };
}

/** One of the visitor's appointments today, when a phone number has several. */
export interface BookingChoice {
  serviceId: number;
  serviceName: string;
  start: string;
  end: string;
}

/** What a check-in refusal means on the kiosk. */
export type CheckInOutcome =
  /** Stay on the keypad with the entry, say what is wrong: the visitor corrects a digit. */
  | { then: 'retype'; code: string }
  /** The phone number has several appointments today: choose the service, then check in again. */
  | { then: 'choose'; bookings: BookingChoice[] }
  /** A message screen; `booking` when the server named it. */
  | { then: 'notice'; kind: NoticeKind; booking: CheckInRefusalBooking | null };

const RETYPE = new Set(['no_booking_today', 'phone_invalid', 'invalid_input']);

/**
 * A refusal of the server (its code and details), or none at all (null: unreachable, no answer),
 * and what the kiosk does with it. Refusals that are not about the booking (rate limited, a
 * disabled service, …) are the kiosk's ordinary notices (`noticeKind`).
 */
export function checkInOutcome(code: string | null, details: Record<string, unknown> | undefined): CheckInOutcome {
  if (code !== null && RETYPE.has(code)) return { then: 'retype', code };
  if (code === 'booking_choose_service') {
    const bookings = Array.isArray(details?.bookings) ? details.bookings.filter(isChoice) : [];
    if (bookings.length) return { then: 'choose', bookings };
  }
  return { then: 'notice', kind: noticeKind(code), booking: refusedBooking(details) };
}

function isChoice(value: unknown): value is BookingChoice {
  const v = value as BookingChoice | null;
  return (
    !!v && typeof v.serviceId === 'number' && typeof v.serviceName === 'string' && typeof v.start === 'string' && typeof v.end === 'string'
  );
}

/** The booking in a refusal's details, when they name one completely. */
export function refusedBooking(details: Record<string, unknown> | undefined): CheckInRefusalBooking | null {
  if (!details) return null;
  const strings = ['serviceName', 'serviceNameEn', 'date', 'start', 'end', 'checkInFrom', 'checkInUntil'] as const;
  const numbers = ['serviceId', 'opensAt', 'closesAt'] as const;
  if (!strings.every((k) => typeof details[k] === 'string') || !numbers.every((k) => typeof details[k] === 'number')) return null;
  const d = details as unknown as CheckInRefusalBooking;
  return {
    serviceId: d.serviceId,
    serviceName: d.serviceName,
    serviceNameEn: d.serviceNameEn,
    date: d.date,
    start: d.start,
    end: d.end,
    checkInFrom: d.checkInFrom,
    checkInUntil: d.checkInUntil,
    opensAt: d.opensAt,
    closesAt: d.closesAt,
  };
}

/**
 * Whether the refusal screen offers a normal number for the booked service instead: when the
 * appointment cannot be checked in now (too early, too late, another day, lapsed, cancelled) and
 * the server named the service. Not for a booking already checked in: that visitor has a number.
 */
export function offersNormalNumber(kind: NoticeKind, booking: CheckInRefusalBooking | null): boolean {
  return (
    booking !== null && ['check_in_early', 'check_in_late', 'check_in_other_day', 'booking_missed', 'booking_cancelled'].includes(kind)
  );
}

/** Whole minutes until check-in opens (at least 1 while it has not), for "还有 25 分钟可以签到". */
export const minutesUntilOpen = (opensAt: number, now: number): number => Math.max(1, Math.ceil((opensAt - now) / 60_000));
