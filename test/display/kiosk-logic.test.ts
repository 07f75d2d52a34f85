/**
 * The kiosk's rules (display/kiosk/kiosk-logic.ts) as tables: what a tile says, what a search
 * finds, what a refusal means for the visitor and whether the same tap may be retried, and what
 * the print outcome means for the ticket on screen.
 */
import { describe, expect, it } from 'vitest';
import type { QueueView, ServiceView, ZoneView } from '../../common/protocol.js';
import {
  canRetry,
  isETicket,
  noticeAfterPrint,
  noticeKind,
  printerNotice,
  printStateOf,
  searchServices,
  servicesOfZone,
  ticketSeconds,
  TICKET_ETICKET_S,
  TICKET_PRINTED_S,
  tileOf,
  tileTakesNumbers,
} from '../../display/kiosk/kiosk-logic.js';

const service = (over: Partial<ServiceView> = {}): ServiceView => ({
  id: 1,
  zoneId: 10,
  name: '社保参保登记',
  nameEn: 'Social insurance registration',
  prefix: 'A',
  dailyQuota: 300,
  issuedToday: 0,
  openingHours: '08:30-12:00,13:30-17:30',
  expectedMinutes: 8,
  enabled: true,
  ...over,
});
const queue = (over: Partial<QueueView> = {}): QueueView => ({
  serviceId: 1,
  waiting: 3,
  oldestQueuedAt: null,
  estimateMinutes: 12,
  openWindows: 2,
  ...over,
});
const at = (hhmm: string) => Date.parse(`2026-11-23T${hhmm}:00+08:00`);

describe('tileOf', () => {
  const cases: [
    what: string,
    s: ServiceView,
    q: QueueView | undefined,
    time: string,
    allow: boolean,
    state: string,
    left: number | null,
  ][] = [
    ['open, plenty of numbers', service(), queue(), '09:00', true, 'open', null],
    ['open, few numbers left', service({ dailyQuota: 100, issuedToday: 85 }), queue(), '09:00', true, 'open', 15],
    ['quota used up', service({ dailyQuota: 100, issuedToday: 100 }), queue(), '09:00', true, 'quota_full', 0],
    ['no quota set', service({ dailyQuota: null, issuedToday: 900 }), queue(), '09:00', true, 'open', null],
    ['lunch break', service(), queue(), '12:30', true, 'outside_hours', null],
    ['before opening', service(), queue(), '08:00', true, 'outside_hours', null],
    ['no open window, hall issues anyway', service(), queue({ openWindows: 0 }), '09:00', true, 'no_window', null],
    ['no open window, hall refuses', service(), queue({ openWindows: 0 }), '09:00', false, 'no_window_closed', null],
    ['no queue known yet', service(), undefined, '09:00', true, 'no_window', null],
    ['quota wins over hours', service({ dailyQuota: 1, issuedToday: 1 }), queue(), '12:30', true, 'quota_full', 0],
  ];
  it.each(cases)('%s', (_what, s, q, time, allow, state, left) => {
    const tile = tileOf(s, q, at(time), 'Asia/Shanghai', allow);
    expect(tile.state).toBe(state);
    expect(tile.left).toBe(left);
  });

  it('carries the waiting count and estimate of the queue', () => {
    expect(tileOf(service(), queue({ waiting: 7, estimateMinutes: 21 }), at('10:00'), 'Asia/Shanghai', true)).toMatchObject({
      waiting: 7,
      estimateMinutes: 21,
    });
  });

  it.each([
    ['open', true],
    ['no_window', true],
    ['no_window_closed', false],
    ['quota_full', false],
    ['outside_hours', false],
  ] as const)('a %s tile looks takeable: %s', (state, takes) => expect(tileTakesNumbers(state)).toBe(takes));
});

describe('searchServices', () => {
  const zones: ZoneView[] = [
    { id: 10, name: '社会保障服务区', nameEn: 'Social security', kind: 'theme' },
    { id: 20, name: '公安交警服务区', nameEn: 'Police and traffic', kind: 'professional' },
  ];
  const services = [
    service({ id: 1, name: '社保参保登记', nameEn: 'Social insurance registration', prefix: 'A' }),
    service({ id: 2, name: '社会保障卡办理', nameEn: 'Social security card', prefix: 'B' }),
    service({ id: 3, name: '居民身份证', nameEn: 'Resident ID card', prefix: 'Q', zoneId: 20 }),
    service({ id: 4, name: '机动车业务', nameEn: 'Vehicle registration', prefix: 'S', zoneId: 20 }),
    service({ id: 5, name: '社保暂停事项', nameEn: 'Paused', prefix: 'Z', enabled: false }),
  ];
  const ids = (q: string) => searchServices(services, zones, q).map((s) => s.id);
  it.each([
    ['Chinese name', '身份证', [3]],
    ['part of a name', '社保', [1]],
    ['English, any case', 'id CARD', [3]],
    ['zone name finds its services', '公安', [3, 4]],
    ['every word must match', 'registration vehicle', [4]],
    ['names starting with the query first', 'social', [1, 2]],
    ['ticket prefix', 'q', [3]],
    ['spaces ignored inside Chinese', '居民 身份', [3]],
    ['disabled services are never found', '暂停', []],
    ['nothing for an empty query', '   ', []],
    ['nothing found', '护照', []],
  ])('%s: %j', (_what, q, expected) => expect(ids(q)).toEqual(expected));

  it('a zone lists its enabled services in order', () => {
    expect(servicesOfZone(services, 10).map((s) => s.id)).toEqual([1, 2]);
  });
});

describe('refusals', () => {
  it.each([
    ['quota_reached', 'quota', false],
    ['outside_hours', 'hours', false],
    ['not_working_day', 'closed_day', false],
    ['no_open_window', 'no_window', false],
    ['service_disabled', 'disabled', false],
    ['priority_needs_staff', 'priority_staff', false],
    ['rate_limited', 'busy', true],
    ['unavailable', 'busy', true],
    [null, 'offline', true],
    ['invalid_input', 'other', false],
  ] as const)('%s → %s, retry with the same key: %s', (code, kind, retry) => {
    expect(noticeKind(code)).toBe(kind);
    expect(canRetry(noticeKind(code))).toBe(retry);
  });
});

describe('print outcome on screen', () => {
  it.each([
    ['pending', 'printing', false, TICKET_PRINTED_S],
    ['printed', 'printed', false, TICKET_PRINTED_S],
    ['failed', 'failed', true, TICKET_ETICKET_S],
    ['none', 'none', true, TICKET_ETICKET_S],
  ] as const)('issue answer print.status %s → %s (e-ticket %s, stays %i s)', (status, state, eticket, seconds) => {
    expect(printStateOf(status)).toBe(state);
    expect(isETicket(state)).toBe(eticket);
    expect(ticketSeconds(state)).toBe(seconds);
  });

  it('a print with no known outcome is an e-ticket', () => {
    expect(isETicket('unknown')).toBe(true);
    expect(TICKET_ETICKET_S).toBeGreaterThan(TICKET_PRINTED_S);
  });

  it.each([
    [null, null],
    [{ online: true, paper: 'ok', coverOpen: false, problem: null }, null],
    [{ online: true, paper: 'near_end', coverOpen: false, problem: null }, null],
    [{ online: true, paper: 'out', coverOpen: false, problem: 'paper_out' }, 'paper_out'],
    [{ online: false, paper: null, coverOpen: false, problem: 'offline' }, 'offline'],
    [{ online: false, paper: null, coverOpen: false, problem: 'timeout' }, 'offline'],
    [{ online: true, paper: 'ok', coverOpen: true, problem: 'cover_open' }, 'fault'],
    [{ online: null, paper: null, coverOpen: false, problem: null }, null],
  ] as const)('printer %j → start-screen notice %s', (printer, notice) => expect(printerNotice(printer)).toBe(notice));

  it.each([
    [null, null],
    ['paper_out', 'paper_out'],
    ['offline', 'offline'],
    ['timeout', 'offline'],
    ['cover_open', 'fault'],
    ['expired', null],
  ] as const)('a print that failed with %s → notice %s', (problem, notice) => expect(noticeAfterPrint(problem)).toBe(notice));
});
