/**
 * The clerk's commands and window management through the HTTP API, on the demo hall:
 * windows 1–3 are 社保 zone windows (clerk01–03 signed in and open), 8 is 无差别 (clerk06),
 * 12 is a specialist window for P and Q (clerk08), 11 (发票 M) is closed with nobody on it.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestHall, DEMO_TOKENS, type Agent, type TestHall } from '../helpers/app.js';

let hall: TestHall;
let kiosk: Agent;
let clerk01: Agent;
let manager: Agent;
let w1: number;

beforeEach(async () => {
  hall = await createTestHall();
  kiosk = hall.device(DEMO_TOKENS.kiosk);
  clerk01 = await hall.signIn('clerk01');
  manager = await hall.signIn('manager');
  w1 = hall.ids.window('1');
});
afterEach(() => hall.close());

async function issue(prefix: string, extra: Record<string, unknown> = {}, by: Agent = kiosk) {
  const res = await by.post(`/api/halls/${hall.hallId}/tickets`, { serviceId: hall.ids.service(prefix), ...extra });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ ticket: { id: number; number: string }; publicCode: string }>();
}

const act = (agent: Agent, window: number, command: string, body: unknown = {}) => agent.post(`/api/windows/${window}/${command}`, body);

describe('a ticket through its whole life', () => {
  it('call → recall → start → finish, each recorded as an event with who did it', async () => {
    const t = await issue('A');
    const called = await act(clerk01, w1, 'call-next');
    expect(called.statusCode).toBe(200);
    expect(called.json().ticket).toMatchObject({ id: t.ticket.id, status: 'called', windowId: w1 });
    expect(called.json().window.current.number).toBe('A001');

    hall.clock.advanceMinutes(1);
    expect((await act(clerk01, w1, 'recall')).json().ticket.recallCount).toBe(1);
    expect((await act(clerk01, w1, 'start')).json().ticket.status).toBe('serving');
    hall.clock.advanceMinutes(7);
    const finished = await act(clerk01, w1, 'finish');
    expect(finished.json().ticket).toMatchObject({ status: 'done' });
    expect(finished.json().window.current).toBeNull();

    const events = await hall.store.read((tx) => tx.events.query({ hallId: hall.hallId, limit: 20 }));
    // Window 1 has a paired pad: the finish also asks it for a rating (server/services/rating-service.ts).
    expect(events.map((e) => e.type).reverse()).toEqual([
      'ticket:issued',
      'ticket:called',
      'ticket:recalled',
      'ticket:started',
      'ticket:finished',
      'rating:requested',
    ]);
    expect(events[1]).toMatchObject({ actorKind: 'user', actorName: '李敏', ticketId: t.ticket.id, windowId: w1 });
    expect(events.map((e) => e.seq)).toEqual([6, 5, 4, 3, 2, 1]);
  });

  it('no-show, then re-queue within the grace puts it back; after the grace it is refused', async () => {
    const a = await issue('A');
    await issue('A');
    await act(clerk01, w1, 'call-next');
    expect((await act(clerk01, w1, 'no-show')).json().ticket.status).toBe('no_show');
    hall.clock.advanceMinutes(10);
    const back = await act(clerk01, w1, 'requeue', { ticketId: a.ticket.id });
    expect(back.statusCode).toBe(200);
    expect(back.json().ticket).toMatchObject({ status: 'waiting', queuedAt: hall.clock() });
    // It went to the end: the other ticket is next.
    expect((await act(clerk01, w1, 'call-next')).json().ticket.number).toBe('A002');
    await act(clerk01, w1, 'no-show');
    hall.clock.advanceMinutes(31);
    const late = await act(clerk01, w1, 'requeue', {
      ticketId: (await hall.store.read((tx) => tx.tickets.byNumber(hall.hallId, '2026-11-23', 'A002')))!.id,
    });
    expect(late.statusCode).toBe(409);
    expect(late.json()).toMatchObject({ code: 'grace_expired' });
  });

  it('hold and resume (挂起 / 回呼) at the same window', async () => {
    const a = await issue('A');
    await issue('B');
    await act(clerk01, w1, 'call-next');
    await act(clerk01, w1, 'start');
    expect((await act(clerk01, w1, 'hold')).json().ticket.status).toBe('held');
    // While A is held the window serves someone else.
    expect((await act(clerk01, w1, 'call-next')).json().ticket.number).toBe('B001');
    const busy = await act(clerk01, w1, 'resume', { ticketId: a.ticket.id });
    expect(busy.json()).toMatchObject({ code: 'window_busy', details: { number: 'B001' } });
    await act(clerk01, w1, 'start');
    await act(clerk01, w1, 'finish');
    const resumed = await act(clerk01, w1, 'resume', { ticketId: a.ticket.id });
    expect(resumed.json().ticket).toMatchObject({ status: 'called', number: 'A001' });
    const detail = (await clerk01.get(`/api/windows/${w1}`)).json();
    expect(detail.held).toEqual([]);
  });

  it('transfer to another service keeps the number and original time (多窗联办)', async () => {
    const a = await issue('A');
    hall.clock.advanceMinutes(5);
    const p = await issue('P'); // 户籍: window 12 (clerk08)
    await act(clerk01, w1, 'call-next');
    await act(clerk01, w1, 'start');
    const moved = await act(clerk01, w1, 'transfer', { ticketId: a.ticket.id, toServiceId: hall.ids.service('P'), note: '需办理户籍迁移' });
    expect(moved.statusCode).toBe(200);
    expect(moved.json().ticket).toMatchObject({ number: 'A001', status: 'waiting', serviceId: hall.ids.service('P') });
    expect(moved.json().ticket.transferredFrom).toEqual([{ serviceId: hall.ids.service('A'), windowId: w1, note: '需办理户籍迁移' }]);
    const clerk08 = await hall.signIn('clerk08');
    const next = (await act(clerk08, hall.ids.window('12'), 'call-next')).json().ticket;
    expect(next).toMatchObject({ number: 'A001', callReason: 'transfer' });
    expect(p.ticket.number).toBe('P001');
  });

  it('transfer to one window: only that window may call it, even for a service it does not serve', async () => {
    const a = await issue('A');
    await act(clerk01, w1, 'call-next');
    await act(clerk01, w1, 'start');
    const w12 = hall.ids.window('12');
    await act(clerk01, w1, 'transfer', { ticketId: a.ticket.id, toWindowId: w12, note: '' });
    const clerk02 = await hall.signIn('clerk02');
    expect((await act(clerk02, hall.ids.window('2'), 'call-next')).json().code).toBe('queue_empty');
    const clerk08 = await hall.signIn('clerk08');
    expect((await act(clerk08, w12, 'call-next')).json().ticket).toMatchObject({ number: 'A001', windowId: w12 });
  });

  it('选呼 calls a chosen number, needs a reason, and records it', async () => {
    await issue('A');
    await issue('A');
    const noReason = await act(clerk01, w1, 'call', { number: 'A002', reason: '' });
    expect(noReason.statusCode).toBe(400);
    const res = await act(clerk01, w1, 'call', { number: 'a002', reason: '群众持预约短信' });
    expect(res.json().ticket).toMatchObject({ number: 'A002', callReason: 'manager' });
    const [event] = await hall.store.read((tx) => tx.events.query({ hallId: hall.hallId, types: ['ticket:called'], limit: 1 }));
    expect(event!.reason).toBe('群众持预约短信');
    expect((await act(clerk01, w1, 'finish')).json().code).toBe('illegal_transition');
  });

  it('选呼 of a service the window does not serve is refused for a clerk', async () => {
    await issue('P');
    const res = await act(clerk01, w1, 'call', { number: 'P001', reason: '帮忙' });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('service_not_served');
  });

  it('acting on a ticket the screen did not show is refused (stale console)', async () => {
    await issue('A');
    await act(clerk01, w1, 'call-next');
    const res = await act(clerk01, w1, 'start', { ticketId: 999 });
    expect(res.json()).toMatchObject({ code: 'ticket_changed' });
  });
});

describe('call next', () => {
  it('calls nothing twice: a second call while one is open is refused with the open number', async () => {
    await issue('A');
    await issue('A');
    expect((await act(clerk01, w1, 'call-next')).statusCode).toBe(200);
    const second = await act(clerk01, w1, 'call-next');
    expect(second.statusCode).toBe(409);
    expect(second.json()).toMatchObject({ code: 'window_busy', message: expect.stringContaining('A001') });
  });

  it('the same idempotency key returns the first call, even after the window moved on', async () => {
    await issue('A');
    await issue('A');
    const first = await clerk01.post(`/api/windows/${w1}/call-next`, {}, { idempotencyKey: 'clerk01-call-1' });
    await act(clerk01, w1, 'no-show');
    const retry = await clerk01.post(`/api/windows/${w1}/call-next`, {}, { idempotencyKey: 'clerk01-call-1' });
    expect(retry.statusCode).toBe(200);
    expect(retry.json()).toEqual(first.json());
    const called = await hall.store.read((tx) => tx.events.query({ hallId: hall.hallId, types: ['ticket:called'], limit: 10 }));
    expect(called).toHaveLength(1);
  });

  it('an empty queue says so', async () => {
    const res = await act(clerk01, w1, 'call-next');
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'queue_empty', message: expect.any(String), messageEn: expect.any(String) });
  });

  it('a paused window cannot call, and says why', async () => {
    await issue('A');
    expect((await act(clerk01, w1, 'status', { status: 'paused', reason: '午休' })).json().window).toMatchObject({
      status: 'paused',
      pauseReason: '午休',
    });
    expect((await act(clerk01, w1, 'call-next')).json()).toMatchObject({ code: 'window_not_open', details: { status: 'paused' } });
  });

  it('a priority ticket issued by staff goes first, with its reason', async () => {
    await issue('A');
    await issue('A', { priority: 'elderly' }, manager);
    expect((await act(clerk01, w1, 'call-next')).json().ticket).toMatchObject({ number: 'A002', callReason: 'priority' });
  });

  it('the clerk console lists waiting tickets in call order', async () => {
    await issue('A');
    await issue('B', { priority: 'pregnant' }, manager);
    await issue('P');
    const detail = (await clerk01.get(`/api/windows/${w1}`)).json();
    expect(detail.waiting.map((t: { number: string }) => t.number)).toEqual(['B001', 'A001']);
    expect(detail.today).toMatchObject({ called: 0, served: 0 });
  });
});

describe('window management', () => {
  it('pausing needs a reason; opening needs a clerk; closing needs no open ticket', async () => {
    expect((await act(clerk01, w1, 'status', { status: 'paused' })).json().code).toBe('reason_required');
    const w11 = hall.ids.window('11');
    expect((await act(manager, w11, 'status', { status: 'open' })).json().code).toBe('no_clerk_on_window');
    await issue('A');
    await act(clerk01, w1, 'call-next');
    expect((await act(clerk01, w1, 'status', { status: 'closed' })).json().code).toBe('window_busy');
  });

  it('reassigning services takes effect on the next call', async () => {
    await issue('A');
    hall.clock.advanceMinutes(1);
    await issue('P');
    const res = await manager.put(`/api/windows/${w1}/services`, {
      mode: 'specialist',
      services: [{ serviceId: hall.ids.service('P') }],
      reason: '户籍窗口排队长',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().window).toMatchObject({ mode: 'specialist', serviceIds: [hall.ids.service('P')] });
    expect((await act(clerk01, w1, 'call-next')).json().ticket.number).toBe('P001');
  });

  it('turning a specialist window into a 无差别 comprehensive window and back', async () => {
    const w12 = hall.ids.window('12');
    const all = (await manager.put(`/api/windows/${w12}/services`, { mode: 'hall', services: [] })).json().window;
    expect(all.serviceIds).toHaveLength(21);
    const zone = (await manager.put(`/api/windows/${w12}/services`, { mode: 'zone', services: [] })).json().window;
    expect(zone.serviceIds).toEqual([hall.ids.service('P'), hall.ids.service('Q'), hall.ids.service('R'), hall.ids.service('S')]);
    const back = await manager.put(`/api/windows/${w12}/services`, { mode: 'specialist', services: [] });
    expect(back.statusCode).toBe(400);
  });

  it('a clerk cannot reassign services', async () => {
    const res = await clerk01.put(`/api/windows/${w1}/services`, { mode: 'hall', services: [] });
    expect(res.statusCode).toBe(403);
  });

  it('sign-in: only permitted windows, one clerk per window; sign-out closes the window', async () => {
    const clerk09 = await hall.signIn('clerk09'); // floats: may staff every window
    expect((await act(clerk09, w1, 'sign-in')).json()).toMatchObject({ code: 'window_taken', details: { name: '李敏' } });
    const w11 = hall.ids.window('11');
    expect((await act(clerk09, w11, 'sign-in')).json().window.clerk).toMatchObject({ name: '周杰', staffNo: 'ZW0109' });
    expect((await act(clerk09, w11, 'status', { status: 'open' })).json().window.status).toBe('open');

    const clerk02 = await hall.signIn('clerk02'); // 社保 zone: may not staff 11
    expect((await act(clerk02, hall.ids.window('5'), 'sign-in')).json().code).toBe('window_not_permitted');

    const out = (await act(clerk09, w11, 'sign-out')).json().window;
    expect(out).toMatchObject({ clerk: null, status: 'closed' });
  });

  it('signing in to another window leaves the first one', async () => {
    const clerk09 = await hall.signIn('clerk09');
    await act(clerk09, hall.ids.window('11'), 'sign-in');
    await act(clerk09, hall.ids.window('13'), 'sign-in');
    const windows = await hall.store.read((tx) => tx.windows.list(hall.hallId));
    expect(windows.filter((w) => w.clerkId === hall.ids.user('clerk09')).map((w) => w.number)).toEqual(['13']);
  });

  it('the board notice is set by managers and trimmed', async () => {
    const res = await manager.put(`/api/halls/${hall.hallId}/notice`, { notice: '  今日下午系统升级，暂停办理不动产登记。 ' });
    expect(res.json()).toEqual({ notice: '今日下午系统升级，暂停办理不动产登记。' });
    const snap = (await hall.device(DEMO_TOKENS.board).get(`/api/halls/${hall.hallId}/snapshot`)).json();
    expect(snap.hall.notice).toBe('今日下午系统升级，暂停办理不动产登记。');
  });
});
