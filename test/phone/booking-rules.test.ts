/**
 * 预约 rules as tables (pure, no server): slots, the booking window over working days and the
 * hall's non-working days, the booking checks in order, the cancellation deadline, the check-in
 * window's edges, no-show blocking, and hall-local slot times.
 */
import { describe, expect, it } from 'vitest';
import {
  bookingCode,
  bookingDates,
  canCancel,
  cancelDeadline,
  checkBooking,
  checkInTiming,
  checkInWindow,
  checkSlot,
  dayAvailability,
  noShowBlock,
  slotOutsideHours,
  type BookingRequest,
  type SlotDef,
} from '../../common/domain/booking.js';
import { localToEpoch } from '../../common/domain/calendar.js';

const weekdays = { openWeekdays: [1, 2, 3, 4, 5], nonWorkingDays: [] as string[], extraWorkingDays: [] as string[] };
const slot = (id: number, weekday: number, start: string, end: string, capacity = 5): SlotDef => ({
  id,
  serviceId: 1,
  weekday,
  start,
  end,
  capacity,
});
const MIN = 60_000;

describe('slots', () => {
  const existing = [slot(1, 1, '09:00', '10:00'), slot(2, 1, '10:00', '11:00'), slot(3, 2, '09:00', '10:00')];
  it.each([
    [{ weekday: 1, start: '11:00', end: '12:00', capacity: 3 }, null],
    [{ weekday: 3, start: '09:00', end: '10:00', capacity: 3 }, null], // another weekday
    [{ weekday: 1, start: '08:00', end: '09:00', capacity: 1 }, null], // touching is not overlapping
    [{ weekday: 1, start: '09:30', end: '10:30', capacity: 3 }, 'slot_overlap:start'],
    [{ weekday: 1, start: '08:00', end: '12:00', capacity: 3 }, 'slot_overlap:start'],
    [{ weekday: 0, start: '09:00', end: '10:00', capacity: 3 }, 'invalid_input:weekday'],
    [{ weekday: 8, start: '09:00', end: '10:00', capacity: 3 }, 'invalid_input:weekday'],
    [{ weekday: 4, start: '9:00', end: '10:00', capacity: 3 }, 'invalid_input:start'],
    [{ weekday: 4, start: '09:00', end: '1000', capacity: 3 }, 'invalid_input:end'],
    [{ weekday: 4, start: '10:00', end: '10:00', capacity: 3 }, 'invalid_input:end'],
    [{ weekday: 4, start: '11:00', end: '10:00', capacity: 3 }, 'invalid_input:end'],
    [{ weekday: 4, start: '24:00', end: '24:30', capacity: 3 }, 'invalid_input:start'],
    [{ weekday: 4, start: '09:00', end: '10:00', capacity: 0 }, 'invalid_input:capacity'],
    [{ weekday: 4, start: '09:00', end: '10:00', capacity: 501 }, 'invalid_input:capacity'],
  ])('%j → %s (the refusal names the field)', (input, expected) => {
    if (expected === null) expect(() => checkSlot(input, existing)).not.toThrow();
    else {
      const [code, field] = expected.split(':');
      expect(() => checkSlot(input, existing)).toThrow(expect.objectContaining({ code, details: expect.objectContaining({ field }) }));
    }
  });

  it('a slot does not overlap itself when it is changed', () => {
    expect(() => checkSlot({ weekday: 1, start: '09:00', end: '09:45', capacity: 2 }, existing, 1)).not.toThrow();
  });

  it.each([
    ['09:00', '10:00', '08:30-12:00,13:30-17:30', false],
    ['11:30', '12:30', '08:30-12:00,13:30-17:30', true],
    ['07:00', '08:00', '08:30-12:00', true],
    ['07:00', '08:00', '', false], // no hours set: always open
  ])('slot %s–%s outside hours %s: %s', (start, end, hours, outside) => {
    expect(slotOutsideHours({ start, end }, hours)).toBe(outside);
  });

  it('availability lists the weekday’s slots in time order with free places', () => {
    const slots = [slot(2, 1, '14:00', '15:00', 4), slot(1, 1, '09:00', '10:00', 2), slot(3, 2, '09:00', '10:00')];
    expect(
      dayAvailability(
        slots,
        new Map([
          ['09:00', 2],
          ['14:00', 1],
        ]),
        1,
      ),
    ).toEqual([
      { slotId: 1, start: '09:00', end: '10:00', capacity: 2, booked: 2, remaining: 0 },
      { slotId: 2, start: '14:00', end: '15:00', capacity: 4, booked: 1, remaining: 3 },
    ]);
    // A capacity lowered below what is booked shows no place, not a negative one.
    expect(dayAvailability([slot(1, 1, '09:00', '10:00', 1)], new Map([['09:00', 3]]), 1)[0]!.remaining).toBe(0);
  });
});

describe('booking window: from the next day, N working days', () => {
  it.each([
    // Monday: Tuesday … Monday of next week, skipping the weekend.
    ['2026-11-23', 5, weekdays, ['2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27', '2026-11-30']],
    // Friday: today is never bookable; the weekend is skipped.
    ['2026-11-27', 2, weekdays, ['2026-11-30', '2026-12-01']],
    // Saturday: Monday is the first.
    ['2026-11-28', 1, weekdays, ['2026-11-30']],
    // A holiday is skipped and does not count.
    ['2026-11-23', 3, { ...weekdays, nonWorkingDays: ['2026-11-25'] }, ['2026-11-24', '2026-11-26', '2026-11-27']],
    // A 调休 working Saturday counts.
    ['2026-11-26', 2, { ...weekdays, extraWorkingDays: ['2026-11-28'] }, ['2026-11-27', '2026-11-28']],
    // A hall open every day.
    ['2026-11-27', 3, { ...weekdays, openWeekdays: [1, 2, 3, 4, 5, 6, 7] }, ['2026-11-28', '2026-11-29', '2026-11-30']],
    ['2026-11-23', 0, weekdays, []],
    // A hall with no working day at all ends, empty.
    ['2026-11-23', 3, { ...weekdays, openWeekdays: [] }, []],
  ])('from %s, %i days, %j', (today, n, calendar, expected) => {
    expect(bookingDates(today, n, calendar)).toEqual(expected);
  });
});

describe('booking checks, in the order a visitor hears them', () => {
  const open: Omit<BookingRequest, 'slot' | 'sameDay' | 'block'> = {
    today: '2026-11-23',
    date: '2026-11-24',
    openDates: ['2026-11-24', '2026-11-25'],
  };
  const free = { slotId: 1, start: '09:00', end: '10:00', capacity: 5, booked: 2, remaining: 3 };
  const full = { ...free, booked: 5, remaining: 0 };
  it.each([
    ['all fine', { ...open, slot: free, sameDay: 0, block: null }, null],
    ['blocked until after today', { ...open, slot: free, sameDay: 0, block: { until: '2026-12-01', count: 3 } }, 'booking_blocked'],
    ['a block ending today no longer applies', { ...open, slot: free, sameDay: 0, block: { until: '2026-11-23', count: 3 } }, null],
    ['today', { ...open, date: '2026-11-23', slot: free, sameDay: 0, block: null }, 'booking_date_closed'],
    ['too far ahead', { ...open, date: '2026-11-26', slot: free, sameDay: 0, block: null }, 'booking_date_closed'],
    ['no window at all', { ...open, openDates: [], slot: free, sameDay: 0, block: null }, 'service_not_bookable'],
    ['no such slot', { ...open, slot: undefined, sameDay: 0, block: null }, 'slot_unknown'],
    ['second booking that day', { ...open, slot: free, sameDay: 1, block: null }, 'booking_duplicate'],
    ['full', { ...open, slot: full, sameDay: 0, block: null }, 'slot_full'],
    ['blocked beats full', { ...open, slot: full, sameDay: 1, block: { until: '2026-12-01', count: 3 } }, 'booking_blocked'],
    ['duplicate beats full', { ...open, slot: full, sameDay: 1, block: null }, 'booking_duplicate'],
  ])('%s', (_name, request, code) => {
    if (code === null) expect(() => checkBooking(request as BookingRequest)).not.toThrow();
    else expect(() => checkBooking(request as BookingRequest)).toThrow(expect.objectContaining({ code }));
  });

  it('the date window error names the first and last bookable days', () => {
    expect(() => checkBooking({ ...open, date: '2026-12-24', slot: free, sameDay: 0, block: null })).toThrow(
      expect.objectContaining({
        details: { first: '2026-11-24', last: '2026-11-25' },
        messageZh: expect.stringContaining('2026-11-24 至 2026-11-25'),
      }),
    );
  });
});

describe('cancellation deadline', () => {
  const start = Date.parse('2026-11-24T09:00:00+08:00');
  const rule = { cancelBeforeMinutes: 60 };
  it.each([
    [start - 61 * MIN, true],
    [start - 60 * MIN, true], // exactly at the deadline: still possible
    [start - 60 * MIN + 1, false],
    [start, false],
  ])('at %i: %s', (now, ok) => {
    expect(canCancel(now, start, rule)).toBe(ok);
  });
  it('is the slot start minus the minutes', () => {
    expect(cancelDeadline(start, { cancelBeforeMinutes: 0 })).toBe(start);
    expect(cancelDeadline(start, rule)).toBe(start - 60 * MIN);
  });
});

describe('check-in window: 30 minutes before the start to 15 minutes after the end, edges included', () => {
  const start = Date.parse('2026-11-24T09:00:00+08:00');
  const end = Date.parse('2026-11-24T10:00:00+08:00');
  const window = checkInWindow(start, end, { checkInEarlyMinutes: 30, checkInLateMinutes: 15 });
  it('opens and closes around the slot', () => {
    expect(window).toEqual({ opensAt: start - 30 * MIN, closesAt: end + 15 * MIN });
  });
  it.each([
    [start - 31 * MIN, 'early'],
    [start - 30 * MIN - 1, 'early'],
    [start - 30 * MIN, 'open'],
    [start, 'open'],
    [start + 40 * MIN, 'open'], // within the slot
    [end + 15 * MIN, 'open'],
    [end + 15 * MIN + 1, 'late'],
    [end + 60 * MIN, 'late'],
  ])('at %i: %s', (now, timing) => {
    expect(checkInTiming(now, window)).toBe(timing);
  });
});

describe('no-show blocking: N no-shows within 30 days block booking for M days', () => {
  const rule = { noShowLimit: 3, blockDays: 30 };
  it.each([
    ['none', [], '2026-11-23', null],
    ['two are not enough', ['2026-11-02', '2026-11-10'], '2026-11-23', null],
    ['three within 30 days', ['2026-11-02', '2026-11-10', '2026-11-20'], '2026-11-23', { until: '2026-12-20', count: 3 }],
    ['three spread over more than 30 days', ['2026-10-01', '2026-10-20', '2026-11-05'], '2026-11-23', null],
    ['the 30 days include both ends', ['2026-10-22', '2026-11-05', '2026-11-20'], '2026-11-23', { until: '2026-12-20', count: 3 }],
    ['just over 30 days', ['2026-10-21', '2026-11-05', '2026-11-20'], '2026-11-23', null],
    ['the block is over on its last day', ['2026-10-01', '2026-10-02', '2026-10-03'], '2026-11-02', null],
    ['the day before it ends', ['2026-10-01', '2026-10-02', '2026-10-03'], '2026-11-01', { until: '2026-11-02', count: 3 }],
    [
      'a fourth no-show extends the block',
      ['2026-11-02', '2026-11-10', '2026-11-20', '2026-11-22'],
      '2026-11-23',
      { until: '2026-12-22', count: 4 },
    ],
    ['order does not matter', ['2026-11-20', '2026-11-02', '2026-11-10'], '2026-11-23', { until: '2026-12-20', count: 3 }],
  ])('%s', (_name, dates, today, expected) => {
    expect(noShowBlock(dates, today, rule)).toEqual(expected);
  });
  it('a limit or block of 0 switches blocking off', () => {
    const many = ['2026-11-20', '2026-11-21', '2026-11-22'];
    expect(noShowBlock(many, '2026-11-23', { noShowLimit: 0, blockDays: 30 })).toBeNull();
    expect(noShowBlock(many, '2026-11-23', { noShowLimit: 3, blockDays: 0 })).toBeNull();
    expect(noShowBlock(['2026-11-22'], '2026-11-23', { noShowLimit: 1, blockDays: 7 })).toEqual({ until: '2026-11-29', count: 1 });
  });
});

describe('hall-local times and codes', () => {
  it.each([
    ['2026-11-24', '09:00', 'Asia/Shanghai', '2026-11-24T01:00:00.000Z'],
    ['2026-11-24', '00:00', 'Asia/Shanghai', '2026-11-23T16:00:00.000Z'],
    ['2026-11-24', '23:59', 'Asia/Urumqi', '2026-11-24T17:59:00.000Z'],
    ['2026-07-01', '09:00', 'Europe/Berlin', '2026-07-01T07:00:00.000Z'], // summer time
    ['2026-01-15', '09:00', 'Europe/Berlin', '2026-01-15T08:00:00.000Z'],
    ['2026-03-29', '02:30', 'Europe/Berlin', '2026-03-29T01:30:00.000Z'], // an hour that does not exist: the one after
  ])('%s %s in %s', (date, time, tz, iso) => {
    expect(new Date(localToEpoch(date, time, tz)).toISOString()).toBe(iso);
  });

  it('booking codes are 8 digits and never start with 0', () => {
    expect(bookingCode(() => 0)).toBe('10000000');
    expect(bookingCode(() => 0.9999)).toBe('99999999');
    let i = 0;
    const seq = [0.5, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7];
    expect(bookingCode(() => seq[i++]!)).toBe('51234567');
  });
});
