import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  isWorkingDay,
  localTime,
  msUntilNextDay,
  parseHours,
  serviceDay,
  withinHours,
} from '../../common/domain/calendar.js';

const CAL = { openWeekdays: [1, 2, 3, 4, 5], nonWorkingDays: ['2026-10-01', '2026-10-02'], extraWorkingDays: ['2026-09-27'] };

describe('service day is the hall-local date', () => {
  it.each([
    ['2026-11-23T15:59:59Z', 'Asia/Shanghai', '2026-11-23'],
    ['2026-11-23T16:00:00Z', 'Asia/Shanghai', '2026-11-24'],
    ['2026-11-23T16:00:00Z', 'Asia/Urumqi', '2026-11-23'],
    ['2026-11-23T16:00:00Z', 'UTC', '2026-11-23'],
  ])('%s in %s → %s', (iso, tz, day) => {
    expect(serviceDay(Date.parse(iso), tz)).toBe(day);
  });

  it('local time of day and weekday', () => {
    expect(localTime(Date.parse('2026-11-23T01:30:00Z'), 'Asia/Shanghai')).toEqual({
      date: '2026-11-23',
      minutes: 9 * 60 + 30,
      weekday: 1,
      hhmm: '09:30',
    });
  });

  it('time until the next local midnight', () => {
    expect(msUntilNextDay(Date.parse('2026-11-23T23:59:00+08:00'), 'Asia/Shanghai')).toBe(60_000);
  });
});

describe('opening hours', () => {
  it.each([
    [
      '08:30-12:00,13:30-17:30',
      [
        { start: 510, end: 720 },
        { start: 810, end: 1050 },
      ],
    ],
    ['00:00-24:00', [{ start: 0, end: 1440 }]],
    ['', []],
    ['8:30-12:00', null],
    ['12:00-08:30', null],
    ['08:00-12:00,11:00-13:00', null],
    ['25:00-26:00', null],
  ])('parse %j', (text, ranges) => {
    expect(parseHours(text)).toEqual(ranges);
  });

  it.each([
    [8 * 60 + 29, false],
    [8 * 60 + 30, true],
    [11 * 60 + 59, true],
    [12 * 60, false],
    [13 * 60 + 30, true],
    [17 * 60 + 30, false],
  ])('minute %i open: %s', (minutes, open) => {
    expect(withinHours('08:30-12:00,13:30-17:30', minutes)).toBe(open);
  });
});

describe('working days', () => {
  it.each([
    ['2026-11-23', true], // Monday
    ['2026-11-28', false], // Saturday
    ['2026-10-01', false], // holiday
    ['2026-09-27', true], // 调休 Sunday
  ])('%s working: %s', (date, working) => {
    expect(isWorkingDay(date, CAL)).toBe(working);
  });

  it('a hall open on weekends (周末不打烊) works on Saturday', () => {
    expect(isWorkingDay('2026-11-28', { ...CAL, openWeekdays: [1, 2, 3, 4, 5, 6, 7] })).toBe(true);
  });

  it.each([
    ['2026-11-20', 5, '2026-11-27'], // Friday + 5 → next Friday
    ['2026-11-21', 1, '2026-11-23'], // Saturday + 1 → Monday
    ['2026-09-30', 1, '2026-10-05'], // skips the holidays and the weekend
    ['2026-09-25', 1, '2026-09-27'], // Friday + 1 → the 调休 Sunday
  ])('%s + %i working days → %s', (date, n, due) => {
    expect(addWorkingDays(date, n, CAL)).toBe(due);
  });
});
