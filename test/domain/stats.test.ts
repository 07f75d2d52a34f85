/**
 * Statistics rules (common/domain/stats.ts) as tables: the percentile, what counts as served,
 * no-show and cancelled, waits and service times, 好评率 and participation, excluded ratings,
 * and the hall-local hour a ticket belongs to. Expected values are worked out by hand.
 */
import { describe, expect, it } from 'vitest';
import { computeStats, localMidnight, percentile, type StatTicket } from '../../common/domain/stats.js';

const DAY = '2026-11-23';
/** 2026-11-23 hh:mm in Shanghai (UTC+8). */
const at = (hhmm: string) => Date.parse(`${DAY}T${hhmm}:00+08:00`);
const OPTS = { timezone: 'Asia/Shanghai', waitTargetMinutes: 30 };

function ticket(
  p: Partial<StatTicket> & { issued: string; called?: string; start?: string; finish?: string; missed?: string },
): StatTicket {
  return {
    serviceId: p.serviceId ?? 1,
    windowId: p.windowId ?? (p.called ? 1 : null),
    clerkId: p.clerkId ?? (p.called ? 7 : null),
    serviceDay: p.serviceDay ?? DAY,
    status: p.status ?? (p.finish ? 'done' : 'waiting'),
    issuedAt: at(p.issued),
    firstCalledAt: p.called ? at(p.called) : null,
    servingAt: p.start ? at(p.start) : null,
    finishedAt: p.finish ? at(p.finish) : null,
    noShowAt: p.missed ? at(p.missed) : null,
    ratingLevel: p.ratingLevel ?? null,
    ratingExcluded: p.ratingExcluded ?? false,
  };
}

describe('percentile (nearest rank)', () => {
  it.each([
    [[], null],
    [[5], 5],
    [[1, 2], 2], // ceil(1.8) = 2nd
    [[1, 2, 3, 4, 5], 5], // ceil(4.5) = 5th
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 9], // ceil(9) = 9th
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 10], // ceil(9.9) = 10th
  ])('%j → %s', (values, expected) => {
    expect(percentile(values, 0.9)).toBe(expected);
  });
});

describe('what a ticket counts as', () => {
  it.each([
    ['done', {}, { served: 1, noShows: 0, cancelled: 0, open: 0 }],
    ['no_show', { missed: '09:20' }, { served: 0, noShows: 1, cancelled: 0, open: 0 }],
    [
      'cancelled after being missed (日终清号)',
      { status: 'cancelled' as const, missed: '09:20' },
      { served: 0, noShows: 1, cancelled: 0, open: 0 },
    ],
    ['cancelled while waiting', { status: 'cancelled' as const }, { served: 0, noShows: 0, cancelled: 1, open: 0 }],
    ['still waiting', { status: 'waiting' as const }, { served: 0, noShows: 0, cancelled: 0, open: 1 }],
    ['held at a window', { status: 'held' as const }, { served: 0, noShows: 0, cancelled: 0, open: 1 }],
  ])('%s', (_name, extra, expected) => {
    const status = 'status' in extra ? extra.status : 'missed' in extra ? ('no_show' as const) : ('done' as const);
    const t = ticket({
      issued: '09:00',
      called: '09:10',
      start: '09:11',
      finish: status === 'done' ? '09:20' : undefined,
      ...extra,
      status,
    });
    const { totals } = computeStats([t], OPTS);
    expect(totals).toMatchObject({ issued: 1, ...expected });
  });
});

describe('waits, service times and ratings', () => {
  // Waits 5, 10, 15, 40 min (one over the 30-min target) and one never called; service 4, 6, 20 min.
  const tickets = [
    ticket({ issued: '09:00', called: '09:05', start: '09:06', finish: '09:10', ratingLevel: 5 }),
    ticket({ issued: '09:00', called: '09:10', start: '09:10', finish: '09:16', ratingLevel: 3 }),
    ticket({ issued: '09:30', called: '09:45', start: '09:45', finish: '10:05', ratingLevel: 1 }),
    ticket({ issued: '10:00', called: '10:40', status: 'no_show', missed: '10:45' }),
    ticket({ issued: '10:10', status: 'cancelled' }),
  ];

  it('averages and P90 in minutes; waits over the target; 好评率 and 参评率', () => {
    const { totals } = computeStats(tickets, OPTS);
    expect(totals).toEqual({
      issued: 5,
      served: 3,
      noShows: 1,
      cancelled: 1,
      open: 0,
      called: 4,
      waitAvgMinutes: 17.5, // (5 + 10 + 15 + 40) / 4
      waitP90Minutes: 40, // 4th of 4
      serviceAvgMinutes: 10, // (4 + 6 + 20) / 3
      serviceP90Minutes: 20,
      waitsOverTarget: 1,
      ratings: [1, 0, 1, 0, 1],
      rated: 3,
      excludedRatings: 0,
      satisfactionPercent: 66.7, // levels 5 and 3 of three ratings
      participationPercent: 100, // 3 rated of 3 served
    });
  });

  it('a wait exactly at the target is not over it', () => {
    const { totals } = computeStats([ticket({ issued: '09:00', called: '09:30' })], OPTS);
    expect(totals.waitsOverTarget).toBe(0);
    expect(computeStats([ticket({ issued: '09:00', called: '09:31' })], OPTS).totals.waitsOverTarget).toBe(1);
  });

  it('a rating excluded by an approved appeal counts nowhere, but is reported as excluded', () => {
    const excluded = tickets.map((t) => (t.ratingLevel === 1 ? { ...t, ratingExcluded: true } : t));
    const { totals } = computeStats(excluded, OPTS);
    expect(totals).toMatchObject({
      ratings: [1, 0, 1, 0, 0],
      rated: 2,
      excludedRatings: 1,
      satisfactionPercent: 100,
      participationPercent: 66.7,
    });
  });

  it('nothing to divide by gives null, not zero', () => {
    const { totals } = computeStats([ticket({ issued: '09:00', status: 'cancelled' })], OPTS);
    expect(totals).toMatchObject({
      waitAvgMinutes: null,
      waitP90Minutes: null,
      serviceAvgMinutes: null,
      satisfactionPercent: null,
      participationPercent: null,
    });
  });

  it('breaks down by service, window, clerk, hour and day; the never-called go under null, last', () => {
    const mixed = [
      ticket({ issued: '08:59', called: '09:04', start: '09:04', finish: '09:10', serviceId: 2, windowId: 3, clerkId: 30 }),
      ticket({ issued: '09:00', called: '09:10', start: '09:10', finish: '09:15', serviceId: 1, windowId: 4, clerkId: 40 }),
      ticket({ issued: '13:30', status: 'cancelled', serviceId: 1, serviceDay: DAY }),
    ];
    const { by } = computeStats(mixed, OPTS);
    expect(by.service.map((r) => [r.key, r.issued, r.served])).toEqual([
      [1, 2, 1],
      [2, 1, 1],
    ]);
    expect(by.window.map((r) => [r.key, r.issued])).toEqual([
      [3, 1],
      [4, 1],
      [null, 1],
    ]);
    expect(by.clerk.map((r) => r.key)).toEqual([30, 40, null]);
    expect(by.hour.map((r) => [r.key, r.issued])).toEqual([
      [8, 1],
      [9, 1],
      [13, 1],
    ]);
    expect(by.day.map((r) => [r.key, r.issued])).toEqual([[DAY, 3]]);
  });
});

describe('the hall-local day and hour', () => {
  it.each([
    ['Asia/Shanghai', '2026-11-23', '2026-11-22T16:00:00Z'],
    ['UTC', '2026-11-23', '2026-11-23T00:00:00Z'],
    ['America/New_York', '2026-11-23', '2026-11-23T05:00:00Z'], // EST, UTC−5
    ['America/New_York', '2026-07-01', '2026-07-01T04:00:00Z'], // EDT, UTC−4
  ])('%s: %s starts at %s', (tz, date, iso) => {
    expect(localMidnight(date, tz)).toBe(Date.parse(iso));
  });

  it('a ticket issued at 23:30 local counts in hour 23 of its own day, not the next UTC day', () => {
    const late = ticket({ issued: '23:30' });
    expect(computeStats([late], OPTS).by.hour.map((r) => r.key)).toEqual([23]);
  });
});
