/**
 * The visitor's phone: the pure rules of 扫码取号 (taking an e-ticket), of 补评 (rating a finished
 * ticket later) and of explaining the call order. Tables in test/phone/phone-rules.test.ts.
 */
import type { PhoneRatingState, TakeRefusal } from '../phone.js';
import type { CallReason, TicketStatus } from '../vocabulary.js';
import { localTime } from './calendar.js';
import { graceEndsAt } from './lifecycle.js';
import { phoneErrors } from './phone-errors.js';

/**
 * A mainland mobile number as stored: 11 digits starting 13–19. Spaces, dashes and a +86 / 86
 * prefix are accepted and dropped. Throws a message the visitor can act on otherwise.
 */
export function normalizePhone(raw: string): string {
  let digits = String(raw ?? '').replace(/[\s\-()]/g, '');
  if (digits.startsWith('+86')) digits = digits.slice(3);
  else if (digits.length === 13 && digits.startsWith('86')) digits = digits.slice(2);
  if (!/^1[3-9]\d{9}$/.test(digits)) throw phoneErrors.phoneInvalid();
  return digits;
}

/** Statuses in which a ticket still counts for "one active ticket per phone per service". */
export const ACTIVE_STATUSES: readonly TicketStatus[] = ['waiting', 'called', 'serving', 'held'];

export interface PhoneTakingRequest {
  /** issuing.phoneTaking */
  enabled: boolean;
  /** issuing.phoneMaxAhead: e-tickets only while at most this many wait (null: no limit). */
  maxAhead: number | null;
  /** Tickets waiting in the service's queue now. */
  waiting: number;
  /** The phone's tickets of today in this service's queue. */
  mine: readonly { number: string; status: TicketStatus; noShowAt: number | null }[];
  /** fairness.noShowGraceMinutes: a missed ticket can be re-queued this long, so it still counts. */
  graceMinutes: number;
  now: number;
  /** The hall's, to say until when. */
  timezone: string;
}

/** The phone's own limits; quota, hours and working days are checked by the issuing itself. */
export function checkPhoneTaking(r: PhoneTakingRequest): void {
  if (!r.enabled) throw phoneErrors.phoneTakingOff();
  const active = r.mine.find((t) => ACTIVE_STATUSES.includes(t.status));
  if (active) throw phoneErrors.phoneActiveTicket(active.number);
  for (const t of r.mine) {
    if (t.status !== 'no_show' || t.noShowAt === null) continue;
    const until = graceEndsAt(t.noShowAt, r.graceMinutes);
    if (r.now < until) throw phoneErrors.phoneMissedTicket(t.number, localTime(until, r.timezone).hhmm);
  }
  if (queueTooLongForPhones(r.maxAhead, r.waiting)) throw phoneErrors.phoneQueueLong(r.maxAhead!);
}

/** issuing.phoneMaxAhead: a new e-ticket may have at most that many people ahead (null: no limit). */
const queueTooLongForPhones = (maxAhead: number | null, waiting: number): boolean => maxAhead !== null && waiting > maxAhead;

/** What the hall QR page needs to know to say whether a service takes phone numbers now. */
export interface TakeState {
  phoneTaking: boolean;
  serviceEnabled: boolean;
  workingDay: boolean;
  /** Now within the service's opening hours. */
  inHours: boolean;
  /** issuing.phoneOnlyInHours */
  onlyInHours: boolean;
  quota: number | null;
  issued: number;
  openWindows: number;
  allowWhenNoWindowOpen: boolean;
  waiting: number;
  maxAhead: number | null;
}

/**
 * Why a phone cannot take a number for a service now, or null: the same refusals the issuing
 * itself makes (which stays the authority), shown before the visitor types their number.
 */
export function takeRefusal(s: TakeState): TakeRefusal | null {
  if (!s.phoneTaking) return 'phone_taking_off';
  if (!s.serviceEnabled) return 'service_disabled';
  if (!s.workingDay) return 'not_working_day';
  if (s.onlyInHours && !s.inHours) return 'outside_hours';
  if (s.quota !== null && s.issued >= s.quota) return 'quota_reached';
  if (s.openWindows === 0 && !s.allowWhenNoWindowOpen) return 'no_open_window';
  if (queueTooLongForPhones(s.maxAhead, s.waiting)) return 'phone_queue_long';
  return null;
}

/** 补评 is possible until this moment: `days` days after the service finished. */
export const laterRatingUntil = (finishedAt: number, days: number): number => finishedAt + days * 24 * 3600_000;

/**
 * What the phone can do about rating a ticket: not yet (not finished), open (until when), rated
 * (once, whatever the channel), or expired.
 */
export function phoneRatingState(
  ticket: { status: TicketStatus; finishedAt: number | null; ratingStatus: string | null },
  rated: boolean,
  now: number,
  days: number,
): { state: PhoneRatingState; until: number | null } {
  if (rated || ticket.ratingStatus === 'rated') return { state: 'rated', until: null };
  if (ticket.status !== 'done' || ticket.finishedAt === null) return { state: 'not_finished', until: null };
  const until = laterRatingUntil(ticket.finishedAt, days);
  return { state: now <= until ? 'open' : 'expired', until };
}

export interface CalledTicket {
  number: string;
  queuedAt: number;
  calledAt: number;
  callReason: CallReason | null;
  /** When it was moved into this queue from another service; it keeps its original queue time. */
  transferredAt: number | null;
}

export interface PassedBy {
  number: string;
  reason: CallReason;
  at: number;
}

/**
 * Numbers called before a waiting ticket although they joined its queue after it (a transferred
 * ticket joins when it is moved in, whatever its issue time), each with the
 * reason the caller recorded (绿色通道, appointment, transfer, …), newest first: what the phone
 * explains so the order looks fair because it is.
 */
export function passedBy(mine: { queuedAt: number }, called: readonly CalledTicket[], limit = 3): PassedBy[] {
  return called
    .filter((c) => c.callReason !== null && (c.transferredAt ?? c.queuedAt) > mine.queuedAt && c.calledAt >= mine.queuedAt)
    .sort((a, b) => b.calledAt - a.calledAt)
    .slice(0, limit)
    .map((c) => ({ number: c.number, reason: c.callReason!, at: c.calledAt }));
}

/** "You are N away": sent once, when at most this many wait before the ticket. */
export const isNear = (ahead: number, threshold: number): boolean => threshold > 0 && ahead <= threshold;
