/**
 * Issuing tickets and the visitor's status page through the HTTP API.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestHall, DEMO_TOKENS, type Agent, type TestHall } from '../helpers/app.js';

let hall: TestHall;
let kiosk: Agent;
const issueUrl = () => `/api/halls/${hall.hallId}/tickets`;

beforeEach(async () => {
  hall = await createTestHall();
  kiosk = hall.device(DEMO_TOKENS.kiosk);
});
afterEach(() => hall.close());

async function setHall(patch: Record<string, unknown>, settings?: Record<string, unknown>) {
  await hall.store.transact(async (tx) => {
    await tx.halls.update(hall.hallId, { ...patch, ...(settings ? { settings: settings } : {}) });
  });
}

describe('issuing at the kiosk', () => {
  it('numbers run per prefix from 001 and the answer says who is ahead', async () => {
    const a1 = await kiosk.post(issueUrl(), { serviceId: hall.ids.service('A') });
    const a2 = await kiosk.post(issueUrl(), { serviceId: hall.ids.service('A') });
    const b1 = await kiosk.post(issueUrl(), { serviceId: hall.ids.service('B') });
    expect([a1.statusCode, a2.statusCode, b1.statusCode]).toEqual([201, 201, 201]);
    expect(a1.json().ticket.number).toBe('A001');
    expect(a2.json().ticket.number).toBe('A002');
    expect(b1.json().ticket.number).toBe('B001');
    expect(a2.json()).toMatchObject({ ahead: 1, serviceName: '社保参保登记', hallName: '示范县政务服务中心', warnings: [] });
    expect(a2.json().estimateMinutes).toBeGreaterThan(0);
    expect(a1.json().publicCode).toMatch(/^[a-z2-9]{16}$/);
    expect(a1.json().publicCode).not.toBe(a2.json().publicCode);
  });

  it('numbers restart at local midnight and continue within the day', async () => {
    hall.clock.set('2026-11-23T23:58:00+08:00');
    expect((await kiosk.post(issueUrl(), { serviceId: hall.ids.service('A') })).json().ticket.number).toBe('A001');
    expect((await kiosk.post(issueUrl(), { serviceId: hall.ids.service('A') })).json().ticket.number).toBe('A002');
    hall.clock.set('2026-11-24T00:00:30+08:00');
    const next = (await kiosk.post(issueUrl(), { serviceId: hall.ids.service('A') })).json();
    expect(next.ticket.number).toBe('A001');
    const rows = await hall.store.read((tx) => tx.tickets.list({ hallId: hall.hallId, serviceDay: '2026-11-24' }));
    expect(rows.map((t) => t.number)).toEqual(['A001']);
  });

  it('a cancelled number is never reused', async () => {
    const first = (await kiosk.post(issueUrl(), { serviceId: hall.ids.service('A') })).json();
    const manager = await hall.signIn('manager');
    expect((await manager.post(`/api/tickets/${first.ticket.id}/cancel`, { reason: '重复取号' })).statusCode).toBe(200);
    expect((await kiosk.post(issueUrl(), { serviceId: hall.ids.service('A') })).json().ticket.number).toBe('A002');
  });

  it('refuses past the daily quota with a clear 409, and a cancelled ticket frees its place', async () => {
    await hall.store.transact((tx) => tx.services.update(hall.ids.service('K'), { dailyQuota: 2 }));
    const first = await kiosk.post(issueUrl(), { serviceId: hall.ids.service('K') });
    await kiosk.post(issueUrl(), { serviceId: hall.ids.service('K') });
    const third = await kiosk.post(issueUrl(), { serviceId: hall.ids.service('K') });
    expect(third.statusCode).toBe(409);
    expect(third.json()).toMatchObject({ code: 'quota_reached', details: { quota: 2 } });
    expect(third.json().message).toContain('号源已满');
    const manager = await hall.signIn('manager');
    await manager.post(`/api/tickets/${first.json().ticket.id}/cancel`, { reason: '群众离开' });
    expect((await kiosk.post(issueUrl(), { serviceId: hall.ids.service('K') })).json().ticket.number).toBe('K003');
  });

  it('refuses outside opening hours and on closed days; staff may issue anyway', async () => {
    await setHall({ openingHours: '08:30-12:00,13:30-17:30' }, { calendar: { openWeekdays: [1, 2, 3, 4, 5] } });
    hall.clock.set('2026-11-23T12:30:00+08:00'); // Monday lunch
    const lunch = await kiosk.post(issueUrl(), { serviceId: hall.ids.service('A') });
    expect(lunch.statusCode).toBe(409);
    expect(lunch.json()).toMatchObject({ code: 'outside_hours', details: { hours: '08:30-12:00,13:30-17:30' } });
    hall.clock.set('2026-11-28T10:00:00+08:00'); // Saturday
    expect((await kiosk.post(issueUrl(), { serviceId: hall.ids.service('A') })).json().code).toBe('not_working_day');
    const manager = await hall.signIn('manager');
    expect((await manager.post(issueUrl(), { serviceId: hall.ids.service('A') })).statusCode).toBe(201);
  });

  it('warns, or refuses when configured, when no open window serves the service', async () => {
    // Service K (工程建设项目审批) is served by windows 6 and 7 (企业服务区) and the 无差别 windows
    // 8 and 9; 7 and 9 are closed in the demo: close 6 and 8.
    for (const [clerkName, window] of [
      ['clerk05', '6'],
      ['clerk06', '8'],
    ] as const) {
      const clerk = await hall.signIn(clerkName);
      expect((await clerk.post(`/api/windows/${hall.ids.window(window)}/status`, { status: 'closed' })).statusCode).toBe(200);
    }
    const warned = await kiosk.post(issueUrl(), { serviceId: hall.ids.service('K') });
    expect(warned.statusCode).toBe(201);
    expect(warned.json().warnings).toEqual(['no_open_window']);
    await setHall({}, { issuing: { allowWhenNoWindowOpen: false } });
    const refused = await kiosk.post(issueUrl(), { serviceId: hall.ids.service('K') });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('no_open_window');
  });

  it('priority tickets need staff unless the hall allows self-declaration', async () => {
    const self = await kiosk.post(issueUrl(), { serviceId: hall.ids.service('A'), priority: 'elderly' });
    expect(self.statusCode).toBe(403);
    expect(self.json().code).toBe('priority_needs_staff');
    const manager = await hall.signIn('manager');
    const staff = await manager.post(issueUrl(), { serviceId: hall.ids.service('A'), priority: 'elderly' });
    expect(staff.statusCode).toBe(201);
    expect(staff.json().ticket).toMatchObject({ priority: 'elderly' });
    await setHall({}, { issuing: { selfDeclaredPriority: true } });
    expect((await kiosk.post(issueUrl(), { serviceId: hall.ids.service('A'), priority: 'disabled' })).statusCode).toBe(201);
    expect((await manager.post(issueUrl(), { serviceId: hall.ids.service('A'), priority: 'appointment' })).json().code).toBe(
      'invalid_input',
    );
  });

  it('a disabled service takes no numbers', async () => {
    await hall.store.transact((tx) => tx.services.update(hall.ids.service('A'), { enabled: false }));
    const res = await kiosk.post(issueUrl(), { serviceId: hall.ids.service('A') });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('service_disabled');
  });

  it('a retried issue with the same idempotency key returns the same ticket, not a second one', async () => {
    const body = { serviceId: hall.ids.service('A') };
    const first = await kiosk.post(issueUrl(), body, { idempotencyKey: 'kiosk-1-0001' });
    const again = await kiosk.post(issueUrl(), body, { idempotencyKey: 'kiosk-1-0001' });
    expect(again.json()).toEqual(first.json());
    const count = await hall.store.read((tx) => tx.tickets.countIssued(hall.ids.service('A'), '2026-11-23'));
    expect(count).toBe(1);
    const other = await kiosk.post(issueUrl(), { serviceId: hall.ids.service('B') }, { idempotencyKey: 'kiosk-1-0001' });
    expect(other.statusCode).toBe(422);
    expect(other.json().code).toBe('idempotency_mismatch');
  });
});

describe("the visitor's status page", () => {
  it('shows people ahead and estimate while waiting, then where to go when called', async () => {
    await kiosk.post(issueUrl(), { serviceId: hall.ids.service('A') });
    const mine = (await kiosk.post(issueUrl(), { serviceId: hall.ids.service('A') })).json();
    const waiting = await hall.anonymous.get(`/api/tickets/status/${mine.publicCode}`);
    expect(waiting.statusCode).toBe(200);
    expect(waiting.json()).toMatchObject({
      ahead: 1,
      window: null,
      ticket: { number: 'A002', status: 'waiting' },
      serviceName: '社保参保登记',
    });
    expect(waiting.json().estimate.low).toBeLessThanOrEqual(waiting.json().estimate.minutes);
    expect(waiting.json().estimate.high).toBeGreaterThanOrEqual(waiting.json().estimate.minutes);
    expect(waiting.headers['cache-control']).toBe('no-store');

    const clerk = await hall.signIn('clerk01');
    const w1 = hall.ids.window('1');
    await clerk.post(`/api/windows/${w1}/call-next`);
    expect((await hall.anonymous.get(`/api/tickets/status/${mine.publicCode}`)).json().ahead).toBe(0);
    await clerk.post(`/api/windows/${w1}/no-show`);
    await clerk.post(`/api/windows/${w1}/call-next`);
    const called = (await hall.anonymous.get(`/api/tickets/status/${mine.publicCode}`)).json();
    expect(called).toMatchObject({ ticket: { status: 'called' }, window: { number: '1', name: '社保综合窗口' }, estimate: null });
  });

  it('says until when a missed ticket can come back', async () => {
    const mine = (await kiosk.post(issueUrl(), { serviceId: hall.ids.service('A') })).json();
    const clerk = await hall.signIn('clerk01');
    await clerk.post(`/api/windows/${hall.ids.window('1')}/call-next`);
    await clerk.post(`/api/windows/${hall.ids.window('1')}/no-show`);
    const status = (await hall.anonymous.get(`/api/tickets/status/${mine.publicCode}`)).json();
    expect(status.ticket.status).toBe('no_show');
    expect(status.requeueUntil).toBe(hall.clock() + 30 * 60_000);
  });

  it('an unknown or malformed code is a 404 or 400, never another ticket', async () => {
    expect((await hall.anonymous.get('/api/tickets/status/abcdefghjkmnpqrs')).statusCode).toBe(404);
    expect((await hall.anonymous.get('/api/tickets/status/1')).statusCode).toBe(400);
    expect((await hall.anonymous.get('/api/tickets/status/ABCDEFGHJKMNPQRS')).statusCode).toBe(400);
  });

  it('is rate-limited per client', async () => {
    const limited = await createTestHall({ limits: { status: 3 } });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 5; i++) codes.push((await limited.anonymous.get('/api/tickets/status/abcdefghjkmnpqrs')).statusCode);
      expect(codes).toEqual([404, 404, 404, 429, 429]);
      const body = (await limited.anonymous.get('/api/tickets/status/abcdefghjkmnpqrs')).json();
      expect(body).toMatchObject({ code: 'rate_limited', message: expect.stringContaining('频繁') });
    } finally {
      await limited.close();
    }
  });
});
