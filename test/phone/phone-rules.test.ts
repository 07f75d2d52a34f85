/**
 * The phone's rules as tables (pure, no server): phone numbers, taking an e-ticket, what the hall
 * QR page says about each service, 补评's window, and the "called before you" explanation.
 */
import { describe, expect, it } from 'vitest';
import type { TicketStatus } from '../../common/vocabulary.js';
import { maskPhone } from '../../common/ui/format.js';
import {
  checkPhoneTaking,
  isNear,
  laterRatingUntil,
  normalizePhone,
  passedBy,
  phoneRatingState,
  takeRefusal,
  type TakeState,
} from '../../common/domain/phone.js';
import { bookingText, ticketText } from '../../server/services/notifier.js';

const DAY = 24 * 3600_000;

describe('phone numbers', () => {
  it.each([
    ['13812345678', '13812345678'],
    ['138 1234 5678', '13812345678'],
    ['138-1234-5678', '13812345678'],
    ['+8613812345678', '13812345678'],
    ['8613812345678', '13812345678'],
    ['19912345678', '19912345678'],
  ])('accepts %s', (raw, phone) => {
    expect(normalizePhone(raw)).toBe(phone);
  });
  it.each(['', '1381234567', '138123456789', '12812345678', '23812345678', 'abcdefghijk', '1381234567x', '+1 555 123 4567'])(
    'refuses %j',
    (raw) => {
      expect(() => normalizePhone(raw)).toThrow(expect.objectContaining({ code: 'phone_invalid', statusCode: 400 }));
    },
  );
  it('masks all but the first three and last four digits', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
  });
});

describe('taking an e-ticket', () => {
  const NOW = Date.parse('2026-11-23T10:00:00+08:00');
  const base = { enabled: true, maxAhead: null, waiting: 4, mine: [], graceMinutes: 30, now: NOW, timezone: 'Asia/Shanghai' };
  const mine = (status: TicketStatus, noShowAt: number | null = null) => [{ number: 'A003', status, noShowAt }];
  it.each([
    ['fine', base, null],
    ['phone taking off', { ...base, enabled: false }, 'phone_taking_off'],
    ['already waiting', { ...base, mine: mine('waiting') }, 'phone_active_ticket'],
    ['already at a window', { ...base, mine: mine('serving') }, 'phone_active_ticket'],
    ['held', { ...base, mine: mine('held') }, 'phone_active_ticket'],
    ['an earlier one done', { ...base, mine: mine('done') }, null],
    ['an earlier one cancelled', { ...base, mine: mine('cancelled') }, null],
    ['missed, can still be re-queued', { ...base, mine: mine('no_show', NOW - 29 * 60_000) }, 'phone_missed_ticket'],
    ['missed, the grace is over', { ...base, mine: mine('no_show', NOW - 30 * 60_000) }, null],
    ['below the limit', { ...base, maxAhead: 5 }, null],
    ['at the limit: the new one has that many ahead', { ...base, maxAhead: 4 }, null],
    ['over the limit', { ...base, maxAhead: 3 }, 'phone_queue_long'],
    ['no limit', { ...base, waiting: 900 }, null],
  ])('%s', (_name, request, code) => {
    if (code === null) expect(() => checkPhoneTaking(request)).not.toThrow();
    else expect(() => checkPhoneTaking(request)).toThrow(expect.objectContaining({ code }));
  });
  it('names the ticket the phone already holds', () => {
    expect(() => checkPhoneTaking({ ...base, mine: mine('called') })).toThrow(expect.objectContaining({ details: { number: 'A003' } }));
    // Missed at 09:50 with 30 minutes' grace: re-queue at a window until 10:20, hall time.
    expect(() => checkPhoneTaking({ ...base, mine: mine('no_show', NOW - 10 * 60_000) })).toThrow(
      expect.objectContaining({ details: { number: 'A003', until: '10:20' } }),
    );
  });
});

describe('what the hall QR page says about a service', () => {
  const open: TakeState = {
    phoneTaking: true,
    serviceEnabled: true,
    workingDay: true,
    inHours: true,
    onlyInHours: true,
    quota: 100,
    issued: 10,
    openWindows: 2,
    allowWhenNoWindowOpen: true,
    waiting: 3,
    maxAhead: null,
  };
  it.each([
    ['takes numbers', open, null],
    ['phone taking off', { ...open, phoneTaking: false }, 'phone_taking_off'],
    ['service off', { ...open, serviceEnabled: false }, 'service_disabled'],
    ['closed day', { ...open, workingDay: false }, 'not_working_day'],
    ['outside hours', { ...open, inHours: false }, 'outside_hours'],
    ['outside hours, but phones may take all day', { ...open, inHours: false, onlyInHours: false }, null],
    ['quota used up', { ...open, issued: 100 }, 'quota_reached'],
    ['no quota', { ...open, quota: null, issued: 5000 }, null],
    ['no open window, allowed', { ...open, openWindows: 0 }, null],
    ['no open window, not allowed', { ...open, openWindows: 0, allowWhenNoWindowOpen: false }, 'no_open_window'],
    ['queue too long for phones', { ...open, maxAhead: open.waiting - 1 }, 'phone_queue_long'],
    ["queue at the phones' limit", { ...open, maxAhead: open.waiting }, null],
    ['the first reason wins', { ...open, workingDay: false, issued: 100 }, 'not_working_day'],
  ])('%s', (_name, state, refusal) => {
    expect(takeRefusal(state)).toBe(refusal);
  });
});

describe('补评 on the phone', () => {
  const finishedAt = Date.parse('2026-11-23T10:00:00+08:00');
  const done = { status: 'done' as const, finishedAt, ratingStatus: 'unrated' };
  it.each([
    ['open right after', done, false, finishedAt + 1, { state: 'open', until: finishedAt + 7 * DAY }],
    ['open on the last moment', done, false, finishedAt + 7 * DAY, { state: 'open', until: finishedAt + 7 * DAY }],
    ['expired after', done, false, finishedAt + 7 * DAY + 1, { state: 'expired', until: finishedAt + 7 * DAY }],
    ['rated on the pad', { ...done, ratingStatus: 'rated' }, false, finishedAt + 1, { state: 'rated', until: null }],
    ['a rating exists', done, true, finishedAt + 1, { state: 'rated', until: null }],
    [
      'the pad is still asking: the phone may answer instead',
      { ...done, ratingStatus: 'pending' },
      false,
      finishedAt + 1,
      { state: 'open', until: finishedAt + 7 * DAY },
    ],
    [
      'not finished yet',
      { status: 'serving' as const, finishedAt: null, ratingStatus: null },
      false,
      finishedAt,
      { state: 'not_finished', until: null },
    ],
    [
      'cancelled',
      { status: 'cancelled' as const, finishedAt: null, ratingStatus: null },
      false,
      finishedAt,
      { state: 'not_finished', until: null },
    ],
  ])('%s', (_name, ticket, rated, now, expected) => {
    expect(phoneRatingState(ticket, rated, now, 7)).toEqual(expected);
  });
  it('the window is counted in days after the finish', () => {
    expect(laterRatingUntil(finishedAt, 1)).toBe(finishedAt + DAY);
  });
});

describe('why a later number was called first', () => {
  const mine = { queuedAt: 1000 };
  const called = [
    { number: 'A010', queuedAt: 1500, calledAt: 2000, callReason: 'appointment' as const },
    { number: 'A011', queuedAt: 1600, calledAt: 2500, callReason: 'priority' as const },
    { number: 'A002', queuedAt: 500, calledAt: 1800, callReason: 'requeue' as const }, // older: not a jump
    { number: 'A012', queuedAt: 1700, calledAt: 900, callReason: 'priority' as const }, // called before I came
    { number: 'A013', queuedAt: 1800, calledAt: 2600, callReason: null }, // in order
    { number: 'B004', queuedAt: 1200, calledAt: 3000, callReason: 'transfer' as const },
    { number: 'A014', queuedAt: 1900, calledAt: 3100, callReason: 'manager' as const },
    // Issued before me in another service, moved into mine after I came: it jumped me.
    { number: 'C001', queuedAt: 200, transferredAt: 1400, calledAt: 3200, callReason: 'transfer' as const },
    // Moved in before I came: it was ahead of me all along.
    { number: 'C002', queuedAt: 300, transferredAt: 900, calledAt: 3300, callReason: 'transfer' as const },
  ].map((c) => ({ transferredAt: null, ...c }));
  it('lists numbers queued after mine and called while I waited, with their reason, newest first', () => {
    expect(passedBy(mine, called, 10)).toEqual([
      { number: 'C001', reason: 'transfer', at: 3200 },
      { number: 'A014', reason: 'manager', at: 3100 },
      { number: 'B004', reason: 'transfer', at: 3000 },
      { number: 'A011', reason: 'priority', at: 2500 },
      { number: 'A010', reason: 'appointment', at: 2000 },
    ]);
    expect(passedBy(mine, called)).toHaveLength(3);
    expect(passedBy({ queuedAt: 5000 }, called)).toEqual([]);
  });
});

describe('notifications', () => {
  it.each([
    [3, 3, true],
    [2, 3, true],
    [0, 3, true],
    [4, 3, false],
    [0, 0, false], // switched off
  ])('%i ahead with threshold %i: near %s', (ahead, threshold, near) => {
    expect(isNear(ahead, threshold)).toBe(near);
  });

  it('texts say what to do, in both languages, without the phone number', () => {
    const b = {
      code: '12345678',
      serviceName: '不动产登记',
      date: '2026-11-24',
      start: '09:00',
      end: '10:00',
      checkInFrom: '08:30',
      checkInUntil: '10:15',
    };
    const confirmed = bookingText('booking_confirmed', '示范县政务服务中心', b, 'https://hall.example/b/abc');
    expect(confirmed['zh-CN']).toBe(
      '【示范县政务服务中心】预约成功：2026-11-24 09:00-10:00 不动产登记，预约码 12345678。请当天 08:30-10:15 到大厅取号机或用手机签到取号。 https://hall.example/b/abc',
    );
    expect(confirmed.en).toContain('Booking code 12345678');
    expect(bookingText('booking_reminder', '大厅', b, null)['zh-CN']).toBe(
      '【大厅】温馨提醒：您预约的 不动产登记 将于 2026-11-24 09:00 开始，请于 08:30-10:15 到大厅签到，预约码 12345678。',
    );
    expect(ticketText('ticket_near', '大厅', { number: 'A012', serviceName: '社保', ahead: 3 }, null)['zh-CN']).toBe(
      '【大厅】您的 A012 号（社保）前面还有 3 人，请回到大厅留意叫号。',
    );
    expect(ticketText('ticket_near', '大厅', { number: 'A012', serviceName: '社保', ahead: 1 }, null).en).toContain('1 person is ahead');
    expect(ticketText('ticket_near', '大厅', { number: 'A012', serviceName: '社保', ahead: 0 }, null)['zh-CN']).toContain('马上就要叫到了');
    expect(ticketText('ticket_called', '大厅', { number: 'A012', serviceName: '社保', windowNumber: '3' }, null)['zh-CN']).toBe(
      '【大厅】请 A012 号到 3 号窗口办理社保。',
    );
  });
});
