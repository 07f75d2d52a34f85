/**
 * The kiosk's 预约签到 rules (display/kiosk/check-in-logic.ts) as tables: what a keypad key does
 * to the entry, when an entry may be sent and how it is shown, the request body, what each
 * refusal of the server means on the kiosk, and when a normal number is offered instead.
 */
import { describe, expect, it } from 'vitest';
import {
  checkInOutcome,
  entryComplete,
  entryGroups,
  entryProblem,
  KEYPAD,
  lookupOf,
  minutesUntilOpen,
  offersNormalNumber,
  pressKey,
  refusedBooking,
  type Entry,
  type KeypadKey,
} from '../../display/kiosk/check-in-logic.js';
import { noticeKind, type NoticeKind } from '../../display/kiosk/kiosk-logic.js';

const code = (digits: string): Entry => ({ mode: 'code', digits });
const phone = (digits: string): Entry => ({ mode: 'phone', digits });

describe('pressKey', () => {
  const cases: [what: string, entry: Entry, key: KeypadKey, digits: string][] = [
    ['a digit is added', code('123'), '4', '1234'],
    ['the first digit', phone(''), '1', '1'],
    ['a code takes 8 digits, no more', code('12345678'), '9', '12345678'],
    ['a phone number takes 11 digits, no more', phone('13812345678'), '0', '13812345678'],
    ['a phone number has room after 8', phone('13812345'), '6', '138123456'],
    ['delete removes the last digit', code('1234'), 'delete', '123'],
    ['delete on nothing stays empty', code(''), 'delete', ''],
    ['clear empties', phone('1381234'), 'clear', ''],
  ];
  it.each(cases)('%s', (_what, entry, key, digits) => {
    expect(pressKey(entry, key)).toEqual({ mode: entry.mode, digits });
  });

  it('the keypad has every digit once, clear and delete', () => {
    expect([...KEYPAD].sort()).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'clear', 'delete']);
  });
});

describe('entryComplete and entryProblem', () => {
  const cases: [what: string, entry: Entry, complete: boolean, problem: ReturnType<typeof entryProblem>][] = [
    ['empty code', code(''), false, null],
    ['7 digits of a code', code('1234567'), false, null],
    ['8 digits of a code', code('12345678'), true, null],
    ['a code starting with 0 is never a booking code', code('01234567'), false, 'code_starts_with_zero'],
    ['said at the first digit', code('0'), false, 'code_starts_with_zero'],
    ['10 digits of a phone number', phone('1381234567'), false, null],
    ['11 digits of a phone number', phone('13812345678'), true, null],
    ['a mobile number starts with 1', phone('23812345678'), false, 'phone_starts_with_one'],
    ['said at the first digit of a phone number', phone('0'), false, 'phone_starts_with_one'],
    ['8 digits are not a phone number', phone('13812345'), false, null],
  ];
  it.each(cases)('%s', (_what, entry, complete, problem) => {
    expect(entryComplete(entry)).toBe(complete);
    expect(entryProblem(entry)).toBe(problem);
  });
});

describe('entryGroups: the boxes as the number is read', () => {
  it('a code is 4 + 4', () => {
    expect(entryGroups(code('123456'))).toEqual([
      ['1', '2', '3', '4'],
      ['5', '6', '', ''],
    ]);
  });
  it('a phone number is 3 + 4 + 4', () => {
    expect(entryGroups(phone('1381234'))).toEqual([
      ['1', '3', '8'],
      ['1', '2', '3', '4'],
      ['', '', '', ''],
    ]);
  });
  it('empty boxes before typing', () => {
    expect(entryGroups(phone('')).flat()).toEqual(Array(11).fill(''));
  });
});

describe('lookupOf: the request body', () => {
  const cases: [what: string, entry: Entry, serviceId: number | undefined, body: unknown][] = [
    ['by code', code('12345678'), undefined, { code: '12345678' }],
    ['a service chosen means nothing for a code', code('12345678'), 7, { code: '12345678' }],
    ['by phone', phone('13812345678'), undefined, { phone: '13812345678' }],
    ['by phone, the service chosen', phone('13812345678'), 7, { phone: '13812345678', serviceId: 7 }],
  ];
  it.each(cases)('%s', (_what, entry, serviceId, body) => {
    expect(lookupOf(entry, serviceId)).toEqual(body);
  });
});

const facts = {
  serviceId: 3,
  serviceName: '社保参保登记',
  serviceNameEn: 'Social insurance registration',
  date: '2026-11-24',
  start: '09:00',
  end: '10:00',
  checkInFrom: '08:30',
  checkInUntil: '10:15',
  opensAt: Date.parse('2026-11-24T08:30:00+08:00'),
  closesAt: Date.parse('2026-11-24T10:15:00+08:00'),
};

describe('checkInOutcome: what a refusal means on the kiosk', () => {
  const cases: [
    code: string | null,
    details: Record<string, unknown> | undefined,
    then: string,
    kind: NoticeKind | null,
    named: boolean,
  ][] = [
    ['no_booking_today', undefined, 'retype', null, false],
    ['phone_invalid', undefined, 'retype', null, false],
    ['invalid_input', undefined, 'retype', null, false],
    ['check_in_too_early', { opens: '08:30', closes: '10:15', ...facts }, 'notice', 'check_in_early', true],
    ['check_in_too_late', { closes: '10:15', ...facts }, 'notice', 'check_in_late', true],
    ['check_in_not_today', facts, 'notice', 'check_in_other_day', true],
    ['booking_no_show', facts, 'notice', 'booking_missed', true],
    ['booking_cancelled', facts, 'notice', 'booking_cancelled', true],
    ['booking_checked_in', facts, 'notice', 'booking_checked_in', true],
    // An older server that does not name the booking: still the right message, no normal number offered.
    ['check_in_too_early', { opens: '08:30', closes: '10:15' }, 'notice', 'check_in_early', false],
    ['appointments_off', undefined, 'notice', 'other', false],
    ['rate_limited', undefined, 'notice', 'busy', false],
    [null, undefined, 'notice', 'offline', false],
  ];
  it.each(cases)('%s', (code, details, then, kind, named) => {
    const outcome = checkInOutcome(code, details);
    expect(outcome.then).toBe(then);
    if (outcome.then === 'retype') expect(outcome.code).toBe(code);
    if (outcome.then === 'notice') {
      expect(outcome.kind).toBe(kind);
      expect(outcome.booking !== null).toBe(named);
      if (named) expect(outcome.booking).toEqual(facts);
    }
  });

  it('several appointments today: the list to choose from', () => {
    const bookings = [
      { serviceId: 3, serviceName: '社保参保登记', start: '09:00', end: '10:00' },
      { serviceId: 9, serviceName: '不动产登记', start: '10:00', end: '11:00' },
    ];
    expect(checkInOutcome('booking_choose_service', { bookings })).toEqual({ then: 'choose', bookings });
    // A list the kiosk cannot read is a plain message, never an empty choice.
    expect(checkInOutcome('booking_choose_service', { bookings: [{ serviceId: 'x' }] })).toMatchObject({ then: 'notice', kind: 'other' });
  });

  it('the booking is only taken from complete details', () => {
    expect(refusedBooking({ ...facts, opensAt: '08:30' })).toBeNull();
    expect(refusedBooking({ ...facts, serviceName: undefined })).toBeNull();
    expect(refusedBooking(undefined)).toBeNull();
    expect(refusedBooking({ ...facts, phone: '13812345678' })).toEqual(facts);
  });
});

describe('offersNormalNumber', () => {
  const cases: [kind: NoticeKind, named: boolean, offered: boolean][] = [
    ['check_in_early', true, true],
    ['check_in_late', true, true],
    ['check_in_other_day', true, true],
    ['booking_missed', true, true],
    ['booking_cancelled', true, true],
    ['booking_checked_in', true, false], // that visitor has a number already
    ['check_in_early', false, false], // no service named: nothing to offer
    ['offline', false, false],
    ['quota', false, false],
  ];
  it.each(cases)('%s (booking named: %s) → %s', (kind, named, offered) => {
    expect(offersNormalNumber(kind, named ? refusedBooking(facts) : null)).toBe(offered);
  });
});

describe('noticeKind knows the check-in refusals', () => {
  it.each([
    ['check_in_too_early', 'check_in_early'],
    ['check_in_too_late', 'check_in_late'],
    ['check_in_not_today', 'check_in_other_day'],
    ['booking_no_show', 'booking_missed'],
    ['booking_cancelled', 'booking_cancelled'],
    ['booking_checked_in', 'booking_checked_in'],
  ])('%s → %s', (code, kind) => {
    expect(noticeKind(code)).toBe(kind);
  });
});

describe('minutesUntilOpen', () => {
  const opensAt = Date.parse('2026-11-24T09:30:00+08:00');
  it.each([
    ['08:40:00', 50],
    ['08:40:30', 50],
    ['09:29:01', 1],
    ['09:29:59', 1],
  ])('at %s → %s', (time, minutes) => {
    expect(minutesUntilOpen(opensAt, Date.parse(`2026-11-24T${time}+08:00`))).toBe(minutes);
  });
});
