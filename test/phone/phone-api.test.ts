/**
 * 扫码取号, the ticket page and 补评 through the HTTP API: every limit (one active ticket per phone
 * per service, phoneMaxAhead, the quota shared with the kiosk, opening hours, the per-client rate
 * limit), cancelling from the phone, what the ticket page tells (and does not tell), and one
 * rating per ticket across pad and phone.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestHall, DEMO_TOKENS, type Agent, type TestHall } from '../helpers/app.js';

let hall: TestHall;
let kiosk: Agent;
const PHONE = '13812345678';
const take = (serviceId: number, phone = PHONE, agent: Agent = hall.anonymous) =>
  agent.post('/api/phone/halls/demo/tickets', { serviceId, phone });
const page = (code: string) => hall.anonymous.get(`/api/phone/tickets/${code}`);

beforeEach(async () => {
  hall = await createTestHall({ limits: { phoneIssue: 1000, status: 1000 } });
  kiosk = hall.device(DEMO_TOKENS.kiosk);
});
afterEach(() => hall.close());

async function settings(patch: Record<string, unknown>) {
  await hall.store.transact((tx) =>
    tx.halls.update(hall.hallId, { settings: { calendar: { openWeekdays: [1, 2, 3, 4, 5, 6, 7] }, ...patch } }),
  );
}

/** Serves a ticket to the end at window 1 (clerk01). */
async function serveAtWindow1(ticketId: number) {
  const clerk = await hall.signIn('clerk01');
  const w1 = hall.ids.window('1');
  const called = await clerk.post(`/api/windows/${w1}/call`, { ticketId, reason: '测试' });
  expect(called.statusCode, called.body).toBe(200);
  for (const c of ['start', 'finish']) expect((await clerk.post(`/api/windows/${w1}/${c}`)).statusCode).toBe(200);
  return clerk;
}

describe('the hall QR page', () => {
  it('lists enabled services with their queue and whether a phone may take a number now', async () => {
    await kiosk.post(`/api/halls/${hall.hallId}/tickets`, { serviceId: hall.ids.service('A') });
    const res = await hall.anonymous.get('/api/phone/halls/demo');
    expect(res.statusCode).toBe(200);
    const view = res.json();
    expect(view).toMatchObject({
      hall: { code: 'demo', name: '示范县政务服务中心' },
      phoneTaking: true,
      appointments: true,
      notifyAhead: 3,
    });
    const a = view.services.find((s: { prefix: string }) => s.prefix === 'A');
    expect(a).toMatchObject({ name: '社保参保登记', waiting: 1, left: 299, refusal: null, bookable: true });
    expect(view.services.find((s: { prefix: string }) => s.prefix === 'B').bookable).toBe(false);
  });

  it('says why not: outside hours, quota used up, phone taking off', async () => {
    await hall.store.transact(async (tx) => {
      await tx.halls.update(hall.hallId, { openingHours: '08:30-12:00,13:30-17:30' });
      await tx.services.update(hall.ids.service('K'), { dailyQuota: 0 });
    });
    hall.clock.set('2026-11-23T12:30:00+08:00');
    let services = (await hall.anonymous.get('/api/phone/halls/demo')).json().services;
    expect(services.find((s: { prefix: string }) => s.prefix === 'A').refusal).toBe('outside_hours');
    hall.clock.set('2026-11-23T10:00:00+08:00');
    services = (await hall.anonymous.get('/api/phone/halls/demo')).json().services;
    expect(services.find((s: { prefix: string }) => s.prefix === 'A').refusal).toBeNull();
    expect(services.find((s: { prefix: string }) => s.prefix === 'K').refusal).toBe('quota_reached');
    await settings({ issuing: { phoneTaking: false } });
    const off = (await hall.anonymous.get('/api/phone/halls/demo')).json();
    expect(off.phoneTaking).toBe(false);
    expect(off.services.every((s: { refusal: string }) => s.refusal === 'phone_taking_off')).toBe(true);
  });

  it('an unknown hall is a 404 with a message', async () => {
    const res = await hall.anonymous.get('/api/phone/halls/nowhere');
    expect(res.statusCode).toBe(404);
    expect(res.json().message).toBe('大厅不存在。');
  });
});

describe('扫码取号', () => {
  it('issues an e-ticket with source phone, and its page shows the number and where it stands', async () => {
    await kiosk.post(`/api/halls/${hall.hallId}/tickets`, { serviceId: hall.ids.service('A') });
    const res = await take(hall.ids.service('A'), '138 1234 5678');
    expect(res.statusCode, res.body).toBe(201);
    const issued = res.json();
    expect(issued).toMatchObject({ ticket: { number: 'A002', status: 'waiting' }, ahead: 1 });
    const stored = await hall.store.read((tx) => tx.tickets.get(issued.ticket.id));
    expect(stored).toMatchObject({ source: 'phone', phone: PHONE, priority: 'normal' });
    const view = (await page(issued.publicCode)).json();
    expect(view).toMatchObject({ hallCode: 'demo', cancellable: true, passedBy: [], booking: null, rating: { state: 'not_finished' } });
    expect(view.status).toMatchObject({ ticket: { number: 'A002' }, serviceName: '社保参保登记', ahead: 1 });
    expect(view.status.estimate.low).toBeLessThanOrEqual(view.status.estimate.high);
    expect(JSON.stringify(view)).not.toContain(PHONE);
  });

  it('one active ticket per phone number per service; another service or a finished one is fine', async () => {
    const first = await take(hall.ids.service('A'));
    expect(first.statusCode).toBe(201);
    const again = await take(hall.ids.service('A'), '+86 138-1234-5678');
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'phone_active_ticket', details: { number: 'A001' } });
    expect(again.json().message).toContain('A001');
    expect((await take(hall.ids.service('B'))).statusCode).toBe(201);
    expect((await take(hall.ids.service('A'), '13900000000')).statusCode).toBe(201);
    // Once served, the same phone may take the service again.
    await serveAtWindow1(first.json().ticket.id);
    expect((await take(hall.ids.service('A'))).statusCode).toBe(201);
  });

  it('refuses a malformed phone number with a clear message, writing nothing', async () => {
    const res = await take(hall.ids.service('A'), '12345');
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'phone_invalid', message: '请输入正确的 11 位手机号码。' });
    expect(await hall.store.read((tx) => tx.tickets.list({ hallId: hall.hallId, serviceDay: '2026-11-23' }))).toEqual([]);
  });

  it('shares the daily quota with the kiosk', async () => {
    await hall.store.transact((tx) => tx.services.update(hall.ids.service('K'), { dailyQuota: 2 }));
    expect((await kiosk.post(`/api/halls/${hall.hallId}/tickets`, { serviceId: hall.ids.service('K') })).statusCode).toBe(201);
    expect((await take(hall.ids.service('K'))).statusCode).toBe(201);
    const third = await take(hall.ids.service('K'), '13900000000');
    expect(third.statusCode).toBe(409);
    expect(third.json().code).toBe('quota_reached');
    expect((await kiosk.post(`/api/halls/${hall.hallId}/tickets`, { serviceId: hall.ids.service('K') })).json().code).toBe('quota_reached');
  });

  it('cancelling an e-ticket from the phone frees its place in the quota', async () => {
    await hall.store.transact((tx) => tx.services.update(hall.ids.service('K'), { dailyQuota: 1 }));
    const mine = (await take(hall.ids.service('K'))).json();
    expect((await kiosk.post(`/api/halls/${hall.hallId}/tickets`, { serviceId: hall.ids.service('K') })).json().code).toBe('quota_reached');
    const cancelled = await hall.anonymous.post(`/api/phone/tickets/${mine.publicCode}/cancel`);
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(cancelled.json()).toMatchObject({ cancellable: false, status: { ticket: { status: 'cancelled' } } });
    expect((await hall.store.read((tx) => tx.tickets.get(mine.ticket.id)))!.cancelReason).toBe('群众在手机上取消');
    expect((await kiosk.post(`/api/halls/${hall.hallId}/tickets`, { serviceId: hall.ids.service('K') })).statusCode).toBe(201);
    // Cancelling again answers the same, without a second event.
    const events = (await hall.store.read((tx) => tx.events.query({ hallId: hall.hallId, types: ['ticket:cancelled'], limit: 10 }))).length;
    expect((await hall.anonymous.post(`/api/phone/tickets/${mine.publicCode}/cancel`)).statusCode).toBe(200);
    expect((await hall.store.read((tx) => tx.events.query({ hallId: hall.hallId, types: ['ticket:cancelled'], limit: 10 }))).length).toBe(
      events,
    );
    // The phone may take a new one now.
    await hall.store.transact((tx) => tx.services.update(hall.ids.service('K'), { dailyQuota: null }));
    expect((await take(hall.ids.service('K'))).statusCode).toBe(201);
  });

  it('a called ticket cannot be cancelled from the phone', async () => {
    const mine = (await take(hall.ids.service('A'))).json();
    const clerk = await hall.signIn('clerk01');
    await clerk.post(`/api/windows/${hall.ids.window('1')}/call-next`);
    const res = await hall.anonymous.post(`/api/phone/tickets/${mine.publicCode}/cancel`);
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('ticket_not_cancellable');
  });

  it('only up to phoneMaxAhead people ahead', async () => {
    await settings({ issuing: { phoneMaxAhead: 2 } });
    const a = hall.ids.service('A');
    await kiosk.post(`/api/halls/${hall.hallId}/tickets`, { serviceId: a });
    expect((await take(a)).statusCode).toBe(201); // one was waiting
    const second = await take(a, '13700000000'); // two were waiting: two ahead is still allowed
    expect(second.statusCode).toBe(201);
    expect(second.json().ahead).toBe(2);
    const res = await take(a, '13900000000'); // three are waiting
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'phone_queue_long', details: { limit: 2 } });
    expect(res.json().message).toContain('取号机');
  });

  it('a missed ticket holds the phone while it can be re-queued, so the phone cannot queue twice; cancelling it frees the phone', async () => {
    const a = hall.ids.service('A');
    const first = (await take(a)).json();
    const clerk = await hall.signIn('clerk01');
    await clerk.post(`/api/windows/${hall.ids.window('1')}/call-next`);
    expect((await clerk.post(`/api/windows/${hall.ids.window('1')}/no-show`)).statusCode).toBe(200);
    const again = await take(a);
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'phone_missed_ticket', details: { number: first.ticket.number, until: '09:30' } }); // missed at 09:00, 30 minutes' grace
    expect(again.json().message).toContain('重新排队');
    expect(again.json().messageEn).toContain('re-queue');
    expect((await hall.anonymous.post(`/api/phone/tickets/${first.publicCode}/cancel`)).statusCode).toBe(200);
    expect((await take(a)).statusCode).toBe(201);
  });

  it('a ticket missed longer ago than the grace no longer holds the phone', async () => {
    const a = hall.ids.service('A');
    await take(a);
    const clerk = await hall.signIn('clerk01');
    await clerk.post(`/api/windows/${hall.ids.window('1')}/call-next`);
    await clerk.post(`/api/windows/${hall.ids.window('1')}/no-show`);
    hall.clock.advanceMinutes(30);
    expect((await take(a)).statusCode).toBe(201);
  });

  it('only within opening hours, unless the hall lets phones take numbers all day; never on a closed day', async () => {
    await hall.store.transact((tx) =>
      tx.halls.update(hall.hallId, { openingHours: '08:30-12:00,13:30-17:30', settings: { calendar: { openWeekdays: [1, 2, 3, 4, 5] } } }),
    );
    hall.clock.set('2026-11-23T07:45:00+08:00');
    const early = await take(hall.ids.service('A'));
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('outside_hours');
    await hall.store.transact((tx) =>
      tx.halls.update(hall.hallId, { settings: { calendar: { openWeekdays: [1, 2, 3, 4, 5] }, issuing: { phoneOnlyInHours: false } } }),
    );
    expect((await take(hall.ids.service('A'))).statusCode).toBe(201);
    hall.clock.set('2026-11-28T10:00:00+08:00'); // Saturday
    expect((await take(hall.ids.service('A'), '13900000000')).json().code).toBe('not_working_day');
  });

  it('refused entirely when the hall does not take numbers by phone', async () => {
    await settings({ issuing: { phoneTaking: false } });
    const res = await take(hall.ids.service('A'));
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'phone_taking_off', message: '本大厅暂未开通扫码取号，请到大厅取号机取号。' });
  });

  it('a retry with the same idempotency key returns the same ticket', async () => {
    const a = await hall.anonymous.post(
      '/api/phone/halls/demo/tickets',
      { serviceId: hall.ids.service('A'), phone: PHONE },
      { idempotencyKey: 'phone-take-0001' },
    );
    const b = await hall.anonymous.post(
      '/api/phone/halls/demo/tickets',
      { serviceId: hall.ids.service('A'), phone: PHONE },
      { idempotencyKey: 'phone-take-0001' },
    );
    expect(b.statusCode).toBe(201);
    expect(b.json().ticket.id).toBe(a.json().ticket.id);
  });
});

describe('per-client rate limit', () => {
  it('the 11th number in a minute from one client is refused with 429; another client is not', async () => {
    const limited = await createTestHall(); // default limits: 10 a minute
    try {
      const codes: number[] = [];
      for (let i = 0; i < 11; i++) {
        const res = await limited.app.inject({
          method: 'POST',
          url: '/api/phone/halls/demo/tickets',
          payload: { serviceId: limited.ids.service('A'), phone: `1390000${String(i).padStart(4, '0')}` },
          remoteAddress: '10.0.0.7',
        });
        codes.push(res.statusCode);
        if (i === 10) expect(res.json()).toMatchObject({ code: 'rate_limited', message: '操作过于频繁，请稍后再试。' });
      }
      expect(codes).toEqual([...Array(10).fill(201), 429]);
      const other = await limited.app.inject({
        method: 'POST',
        url: '/api/phone/halls/demo/tickets',
        payload: { serviceId: limited.ids.service('B'), phone: '13700000000' },
        remoteAddress: '10.0.0.8',
      });
      expect(other.statusCode).toBe(201);
    } finally {
      await limited.close();
    }
  });
});

describe('the ticket page', () => {
  it('explains a later number called first, in order of the calls, without anything about who', async () => {
    const a = hall.ids.service('A');
    const mine = (await take(a)).json();
    hall.clock.advanceMinutes(2);
    const manager = await hall.signIn('manager');
    const elderly = (await manager.post(`/api/halls/${hall.hallId}/tickets`, { serviceId: a, priority: 'elderly' })).json();
    hall.clock.advanceMinutes(3);
    const clerk = await hall.signIn('clerk01');
    const call = (await clerk.post(`/api/windows/${hall.ids.window('1')}/call-next`)).json();
    expect(call.ticket.number).toBe(elderly.ticket.number);
    const view = (await page(mine.publicCode)).json();
    expect(view.passedBy).toEqual([{ number: elderly.ticket.number, reason: 'priority', at: hall.clock() }]);
    expect(view.status.ahead).toBe(0);
    expect(JSON.stringify(view)).not.toContain('elderly');
  });

  it('explains a ticket transferred into the queue after mine and called first, though it was issued before mine', async () => {
    const earlier = (await take(hall.ids.service('A'), '13600000000')).json();
    hall.clock.advanceMinutes(1);
    const mine = (await take(hall.ids.service('B'))).json();
    const clerk = await hall.signIn('clerk01');
    const w1 = hall.ids.window('1');
    expect((await clerk.post(`/api/windows/${w1}/call-next`)).json().ticket.number).toBe(earlier.ticket.number);
    await clerk.post(`/api/windows/${w1}/start`);
    hall.clock.advanceMinutes(4);
    expect(
      (
        await clerk.post(`/api/windows/${w1}/transfer`, {
          ticketId: earlier.ticket.id,
          toServiceId: hall.ids.service('B'),
          note: '还需办理社保卡',
        })
      ).statusCode,
    ).toBe(200);
    hall.clock.advanceMinutes(1);
    const call = (await clerk.post(`/api/windows/${w1}/call-next`)).json();
    expect(call.ticket).toMatchObject({ number: earlier.ticket.number, callReason: 'transfer' });
    const view = (await page(mine.publicCode)).json();
    expect(view.passedBy).toEqual([{ number: earlier.ticket.number, reason: 'transfer', at: hall.clock() }]);
    expect(JSON.stringify(view)).not.toContain('还需办理');
  });

  it('a missed ticket says until when it can be re-queued', async () => {
    const mine = (await take(hall.ids.service('A'))).json();
    const clerk = await hall.signIn('clerk01');
    await clerk.post(`/api/windows/${hall.ids.window('1')}/call-next`);
    await clerk.post(`/api/windows/${hall.ids.window('1')}/no-show`);
    const view = (await page(mine.publicCode)).json();
    expect(view.status.ticket.status).toBe('no_show');
    expect(view.status.requeueUntil).toBe(hall.clock() + 30 * 60_000);
    expect(view.cancellable).toBe(true);
  });

  it('an unknown code is a 404; a malformed one a 400', async () => {
    expect((await page('abcdefghjkmnpqrs')).statusCode).toBe(404);
    expect((await hall.anonymous.get('/api/phone/tickets/ABC')).statusCode).toBe(400);
  });
});

describe('补评: rating later on the phone', () => {
  it('rates a finished ticket once, with channel phone; the pad cannot rate it again', async () => {
    const mine = (await take(hall.ids.service('A'))).json();
    await serveAtWindow1(mine.ticket.id);
    let view = (await page(mine.publicCode)).json();
    expect(view.rating).toMatchObject({
      state: 'open',
      until: hall.clock() + 7 * 24 * 3600_000,
      reasons: ['服务态度差', '办理效率低', '一次性告知不到位', '材料要求不清'],
    });
    const rated = await hall.anonymous.post(`/api/phone/tickets/${mine.publicCode}/rating`, { level: 4 });
    expect(rated.statusCode, rated.body).toBe(200);
    expect(rated.json()).toMatchObject({ rating: { level: 4, channel: 'phone' }, case: null });
    expect(await hall.store.read((tx) => tx.ratings.byTicket(mine.ticket.id))).toMatchObject({
      level: 4,
      channel: 'phone',
      windowId: hall.ids.window('1'),
    });
    view = (await page(mine.publicCode)).json();
    expect(view.rating).toMatchObject({ state: 'rated', level: 4, channel: 'phone' });

    const again = await hall.anonymous.post(`/api/phone/tickets/${mine.publicCode}/rating`, { level: 1, reasons: ['服务态度差'] });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('rating_already_rated');
    const pad = await hall.device(DEMO_TOKENS.pad('1')).post('/api/pad/ratings', { ticketId: mine.ticket.id, level: 5 });
    expect(pad.statusCode).toBe(409);
    expect(pad.json().code).toBe('rating_already_rated');
    expect(await hall.store.read((tx) => tx.ratings.list({ hallId: hall.hallId, limit: 10 }))).toHaveLength(1);
  });

  it('a ticket rated on the pad cannot be rated on the phone', async () => {
    const mine = (await take(hall.ids.service('A'))).json();
    await serveAtWindow1(mine.ticket.id);
    expect((await hall.device(DEMO_TOKENS.pad('1')).post('/api/pad/ratings', { ticketId: mine.ticket.id, level: 5 })).statusCode).toBe(200);
    expect((await page(mine.publicCode)).json().rating).toMatchObject({ state: 'rated', level: 5, channel: 'pad' });
    const res = await hall.anonymous.post(`/api/phone/tickets/${mine.publicCode}/rating`, { level: 3 });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'rating_already_rated', message: '该号票已经评价过，每张号票只能评价一次。' });
  });

  it('the phone may answer while the pad is still asking; the pad then cannot', async () => {
    const mine = (await take(hall.ids.service('A'))).json();
    await serveAtWindow1(mine.ticket.id);
    expect((await hall.store.read((tx) => tx.tickets.get(mine.ticket.id)))!.ratingStatus).toBe('pending');
    expect((await hall.anonymous.post(`/api/phone/tickets/${mine.publicCode}/rating`, { level: 5 })).statusCode).toBe(200);
    expect(
      (
        await hall.device(DEMO_TOKENS.pad('1')).post('/api/pad/ratings', { ticketId: mine.ticket.id, level: 2, reasons: ['办理效率低'] })
      ).json().code,
    ).toBe('rating_already_rated');
  });

  it('a 差评 needs a reason, as on the pad, and opens a case', async () => {
    const mine = (await take(hall.ids.service('A'))).json();
    await serveAtWindow1(mine.ticket.id);
    const bare = await hall.anonymous.post(`/api/phone/tickets/${mine.publicCode}/rating`, { level: 2 });
    expect(bare.statusCode).toBe(400);
    expect(bare.json().code).toBe('rating_reason_required');
    const other = await hall.anonymous.post(`/api/phone/tickets/${mine.publicCode}/rating`, { level: 1, reasons: ['其他'] });
    expect(other.json().code).toBe('rating_comment_required');
    const ok = await hall.anonymous.post(`/api/phone/tickets/${mine.publicCode}/rating`, {
      level: 1,
      reasons: ['其他', '办理效率低'],
      comment: '材料退回三次',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().case).toMatchObject({ deadline: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
  });

  it('within laterRatingDays of the finish only; not before it is finished', async () => {
    const mine = (await take(hall.ids.service('A'))).json();
    const early = await hall.anonymous.post(`/api/phone/tickets/${mine.publicCode}/rating`, { level: 5 });
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('rating_not_finished');
    await serveAtWindow1(mine.ticket.id);
    hall.clock.advance(7 * 24 * 3600_000 + 1);
    const late = await hall.anonymous.post(`/api/phone/tickets/${mine.publicCode}/rating`, { level: 5 });
    expect(late.statusCode).toBe(409);
    expect(late.json()).toMatchObject({ code: 'rating_later_expired', details: { days: 7 } });
    expect((await page(mine.publicCode)).json().rating.state).toBe('expired');
    expect(await hall.store.read((tx) => tx.ratings.byTicket(mine.ticket.id))).toBeNull();
  });

  it('staff cannot rate through the phone channel', async () => {
    const mine = (await take(hall.ids.service('A'))).json();
    await serveAtWindow1(mine.ticket.id);
    const actor = { kind: 'user' as const, id: hall.ids.user('manager'), name: '孙主任', role: 'manager' as const, hallId: hall.hallId };
    await expect(
      hall.app.ratingService.submitRating(actor, { ticketId: mine.ticket.id, level: 5, reasons: [], comment: '', channel: 'phone' }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    expect(await hall.store.read((tx) => tx.ratings.byTicket(mine.ticket.id))).toBeNull();
  });
});
