/**
 * The shared reducer: what each event does to a screen's snapshot, and that replays and
 * duplicates never apply twice.
 */
import { describe, expect, it } from 'vitest';
import { applyEvent, applyEvents } from '../../common/hall-state.js';
import type { CallView, HallSnapshot, RealtimeEvent, TicketView, WindowView } from '../../common/protocol.js';

const ticket = (over: Partial<TicketView>): TicketView => ({
  id: 1,
  number: 'A001',
  serviceId: 10,
  status: 'waiting',
  priority: 'normal',
  windowId: null,
  targetWindowId: null,
  issuedAt: 0,
  queuedAt: 0,
  calledAt: null,
  servingAt: null,
  finishedAt: null,
  noShowAt: null,
  heldAt: null,
  recallCount: 0,
  callReason: null,
  transferredFrom: [],
  ...over,
});

const window = (over: Partial<WindowView>): WindowView => ({
  id: 3,
  number: '3',
  name: '综合窗口',
  zoneId: 1,
  mode: 'zone',
  status: 'open',
  pauseReason: null,
  statusChangedAt: null,
  serviceIds: [10],
  clerk: null,
  backupClerk: null,
  current: null,
  printsRatingSlip: false,
  ...over,
});

const call = (seq: number, number: string): CallView => ({
  seq,
  at: seq,
  ticketId: seq,
  number,
  serviceId: 10,
  windowId: 3,
  windowNumber: '3',
  windowName: '综合窗口',
  zoneId: 1,
  recall: false,
  reason: null,
  text: { 'zh-CN': `请${number}号到3号窗口办理`, en: '' },
  speech: { 'zh-CN': '', en: '' },
});

const snapshot = (): HallSnapshot => ({
  seq: 10,
  now: 0,
  hall: {
    id: 1,
    code: 'demo',
    name: '大厅',
    timezone: 'Asia/Shanghai',
    serviceDay: '2026-11-23',
    notice: '',
    openingHours: '',
    voice: { language: 'zh-CN', rate: 1, repeat: 1, chime: true },
    noShowGraceMinutes: 30,
  },
  zones: [],
  services: [
    {
      id: 10,
      zoneId: 1,
      name: '社保',
      nameEn: '',
      prefix: 'A',
      dailyQuota: null,
      issuedToday: 1,
      openingHours: '',
      expectedMinutes: 5,
      enabled: true,
    },
  ],
  windows: [window({})],
  queues: [{ serviceId: 10, waiting: 1, oldestQueuedAt: 0, estimateMinutes: 5, openWindows: 1 }],
  recentCalls: [],
  missed: [],
  waiting: [ticket({})],
});

const called: RealtimeEvent = {
  seq: 11,
  type: 'ticket:called',
  at: 11,
  reason: null,
  ticket: ticket({ status: 'called', windowId: 3 }),
  window: window({ current: ticket({ status: 'called', windowId: 3 }) }),
  queues: [{ serviceId: 10, waiting: 0, oldestQueuedAt: null, estimateMinutes: 0, openWindows: 1 }],
  call: call(11, 'A001'),
};

describe('applyEvent', () => {
  it('a call updates the window, the queue, the waiting list and the recent calls', () => {
    const s = applyEvent(snapshot(), called);
    expect(s.seq).toBe(11);
    expect(s.windows[0]!.current!.number).toBe('A001');
    expect(s.queues[0]!.waiting).toBe(0);
    expect(s.waiting).toEqual([]);
    expect(s.recentCalls.map((c) => c.number)).toEqual(['A001']);
  });

  it('an event already reflected (seq not newer) changes nothing', () => {
    const once = applyEvent(snapshot(), called);
    expect(applyEvent(once, called)).toBe(once);
    expect(applyEvent(snapshot(), { ...called, seq: 10 })).toEqual(snapshot());
  });

  it('a no-show enters the missed list and leaves the window; a requeue leaves the missed list', () => {
    let s = applyEvent(snapshot(), called);
    s = applyEvent(s, {
      seq: 12,
      type: 'ticket:no_show',
      at: 12,
      reason: null,
      ticket: ticket({ status: 'no_show', windowId: 3, noShowAt: 12 }),
    });
    expect(s.missed.map((t) => t.number)).toEqual(['A001']);
    expect(s.windows[0]!.current).toBeNull();
    s = applyEvent(s, { seq: 13, type: 'ticket:requeued', at: 13, reason: null, ticket: ticket({ status: 'waiting' }) });
    expect(s.missed).toEqual([]);
    expect(s.waiting!.map((t) => t.number)).toEqual(['A001']);
  });

  it('an issue counts toward the service and the notice changes the hall', () => {
    let s = applyEvent(snapshot(), { seq: 11, type: 'ticket:issued', at: 11, reason: null, ticket: ticket({ id: 2, number: 'A002' }) });
    expect(s.services[0]!.issuedToday).toBe(2);
    s = applyEvent(s, { seq: 12, type: 'hall:notice', at: 12, reason: null, notice: '今日系统维护' });
    expect(s.hall.notice).toBe('今日系统维护');
  });

  it('keeps recent calls newest first, without duplicates, capped', () => {
    const events = Array.from({ length: 25 }, (_, i): RealtimeEvent => ({
      seq: 11 + i,
      type: 'ticket:called',
      at: 0,
      reason: null,
      call: call(11 + i, `A${String(i + 1).padStart(3, '0')}`),
    }));
    const s = applyEvents(snapshot(), [...events].reverse());
    expect(s.recentCalls).toHaveLength(20);
    expect(s.recentCalls[0]!.number).toBe('A025');
    expect(new Set(s.recentCalls.map((c) => c.seq)).size).toBe(20);
  });

  it('does not mutate its input', () => {
    const before = snapshot();
    const copy = structuredClone(before);
    applyEvent(before, called);
    expect(before).toEqual(copy);
  });
});
