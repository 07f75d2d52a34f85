/**
 * Rate limits on the public endpoints and brute-forcing sign-in (issue 8, Abuse and bad input),
 * with the limits the server ships (DEFAULT_LIMITS). Each limit is hit from one client: the next
 * request is a 429 `rate_limited` with a message in Chinese and in English and a Retry-After;
 * another client is not affected; a forged X-Forwarded-For does not buy a fresh allowance (unless
 * the server is told it sits behind a proxy, where that header is how clients are told apart);
 * and each breach is logged once, with the route's template and never a visitor's code.
 * Sign-in: an account locks after five wrong passwords (even the right one is refused then, with
 * the wait in minutes), a client spraying many accounts is cut off by the per-client limit, and
 * the log says so without the password or the name typed.
 */
import { Writable } from 'node:stream';
import type { LightMyRequestResponse } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { LOG_REDACT, LOG_SERIALIZERS } from '../../server/app.js';
import { DEFAULT_LIMITS, TICKET_READS_PER_ADDRESS } from '../../server/routes/common.js';
import { createTestHall, DEMO_TOKENS, type TestHall } from '../helpers/app.js';

let hall: TestHall;
let lines: string[];
afterEach(() => hall?.close());

/** A hall with the shipped limits whose JSON log lines are kept in `lines`. */
async function loggedHall(options: { trustProxy?: boolean } = {}) {
  lines = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  hall = await createTestHall({ logger: { level: 'info', stream, redact: LOG_REDACT, serializers: LOG_SERIALIZERS }, ...options });
  return hall;
}
const logged = (msg: string) => lines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.msg === msg);

/** One client (by its address) calling the app. */
const from = (ip: string, headers: Record<string, string> = {}) => ({
  get: (url: string) => hall.app.inject({ method: 'GET', url, remoteAddress: ip, headers }),
  post: (url: string, payload: unknown = {}) =>
    hall.app.inject({ method: 'POST', url, payload: payload as Record<string, unknown>, remoteAddress: ip, headers }),
});

function expectRateLimited(res: LightMyRequestResponse) {
  expect(res.statusCode, res.body).toBe(429);
  const body = res.json();
  expect(body).toMatchObject({
    statusCode: 429,
    code: 'rate_limited',
    message: '操作过于频繁，请稍后再试。',
    messageEn: 'Too many requests; please wait a moment and try again.',
  });
  expect(body.details.retryAfterSeconds).toBeGreaterThan(0);
  expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
}

/** Sends `limit` allowed requests, then one more that must be refused; returns the statuses. */
async function hitLimit(send: (i: number) => Promise<LightMyRequestResponse>, limit: number, allowed: number[]) {
  for (let i = 0; i < limit; i++) {
    const res = await send(i);
    expect(allowed, `request ${i + 1}: ${res.statusCode} ${res.body.slice(0, 200)}`).toContain(res.statusCode);
  }
  const over = await send(limit);
  expectRateLimited(over);
  return over;
}

describe('public endpoints, shipped limits', () => {
  it(`ticket status: ${DEFAULT_LIMITS.status} reads a minute per client, then 429; another client still reads`, async () => {
    await loggedHall();
    const { publicCode } = (
      await hall.device(DEMO_TOKENS.kiosk).post(`/api/halls/${hall.hallId}/tickets`, { serviceId: hall.ids.service('A') })
    ).json();
    const phone = from('10.1.0.1');
    await hitLimit(() => phone.get(`/api/tickets/status/${publicCode}`), DEFAULT_LIMITS.status, [200]);
    expect((await from('10.1.0.2').get(`/api/tickets/status/${publicCode}`)).statusCode).toBe(200);
    // Logged once for the client and the route, with the route's template, not the ticket's code.
    const breaches = logged('rate limit exceeded');
    expect(breaches).toEqual([expect.objectContaining({ level: 40, ip: '10.1.0.1', method: 'GET', route: '/api/tickets/status/:code' })]);
    expectRateLimited(await phone.get(`/api/tickets/status/${publicCode}`));
    expect(logged('rate limit exceeded')).toHaveLength(1);
    expect(lines.join('\n')).not.toContain(publicCode);
  });

  it(`the phone's ticket page: ${DEFAULT_LIMITS.status} reads a minute per client, then 429`, async () => {
    await loggedHall();
    const phone = from('10.1.1.1');
    const { publicCode } = (
      await phone.post('/api/phone/halls/demo/tickets', { serviceId: hall.ids.service('A'), phone: '13912345678' })
    ).json();
    await hitLimit(() => phone.get(`/api/phone/tickets/${publicCode}`), DEFAULT_LIMITS.status, [200]);
    expect(logged('rate limit exceeded')).toEqual([expect.objectContaining({ route: '/api/phone/tickets/:code' })]);
  });

  it('phones behind one address (hall Wi-Fi, a carrier NAT) each follow their own ticket: the limit is per ticket', async () => {
    await loggedHall();
    const kiosk = hall.device(DEMO_TOKENS.kiosk);
    const codes: string[] = [];
    for (let i = 0; i < 2; i++)
      codes.push((await kiosk.post(`/api/halls/${hall.hallId}/tickets`, { serviceId: hall.ids.service('A') })).json().publicCode);
    const nat = from('100.64.0.1');
    await hitLimit(() => nat.get(`/api/phone/tickets/${codes[0]}`), DEFAULT_LIMITS.status, [200]);
    expect((await nat.get(`/api/phone/tickets/${codes[1]}`)).statusCode).toBe(200);
    expect((await nat.get(`/api/tickets/status/${codes[1]}`)).statusCode).toBe(200);
  });

  it(`guessing ticket codes from one address stops at ${TICKET_READS_PER_ADDRESS}× the per-ticket limit`, async () => {
    await loggedHall();
    const guesser = from('10.1.2.1');
    const ceiling = DEFAULT_LIMITS.status * TICKET_READS_PER_ADDRESS;
    const guess = (i: number) =>
      `zz${String(i)
        .padStart(8, '0')
        .replace(/\d/g, (d) => 'abcdefghij'[Number(d)]!)}`;
    await hitLimit((i) => guesser.get(`/api/phone/tickets/${guess(i)}`), ceiling, [404]);
    expect(logged('rate limit exceeded')).toEqual([expect.objectContaining({ ip: '10.1.2.1', route: '/api/phone/tickets/:code' })]);
    expect((await from('10.1.2.2').get(`/api/phone/tickets/${guess(1)}`)).statusCode).toBe(404);
  });

  it(`扫码取号: ${DEFAULT_LIMITS.phoneIssue} numbers a minute per client, then 429, nothing issued; another client still takes one`, async () => {
    await loggedHall();
    const phone = from('10.1.2.1');
    const take = (i: number) =>
      phone.post('/api/phone/halls/demo/tickets', { serviceId: hall.ids.service('A'), phone: `1390000${String(i).padStart(4, '0')}` });
    await hitLimit(take, DEFAULT_LIMITS.phoneIssue, [201]);
    const issued = await hall.store.read((tx) => tx.tickets.list({ hallId: hall.hallId, serviceDay: '2026-11-23' }));
    expect(issued).toHaveLength(DEFAULT_LIMITS.phoneIssue);
    expect(
      (await from('10.1.2.2').post('/api/phone/halls/demo/tickets', { serviceId: hall.ids.service('A'), phone: '13700000000' })).statusCode,
    ).toBe(201);
    // The phone numbers typed are not in the log.
    expect(lines.join('\n')).not.toMatch(/1390000\d{4}|13700000000/);
  });

  it(`预约 booking: ${DEFAULT_LIMITS.phoneIssue} requests a minute per client, then 429`, async () => {
    await loggedHall();
    const phone = from('10.1.3.1');
    const book = (i: number) =>
      phone.post('/api/phone/halls/demo/bookings', {
        serviceId: hall.ids.service('A'),
        date: '2026-11-24',
        start: '09:00',
        phone: `1380000${String(i).padStart(4, '0')}`,
      });
    // The slot holds 6: later requests are refused as full (409) but still count.
    await hitLimit(book, DEFAULT_LIMITS.phoneIssue, [201, 409]);
  });

  it(`pairing: ${DEFAULT_LIMITS.pairing} requests a minute per client, then 429, no device created`, async () => {
    await loggedHall();
    const screen = from('10.1.4.1');
    const pair = () => screen.post('/api/devices/pairing', { hallId: hall.hallId, kind: 'board' });
    const devices = async () => (await hall.store.read((tx) => tx.devices.list(hall.hallId))).length;
    const before = await devices();
    await hitLimit(pair, DEFAULT_LIMITS.pairing, [201]);
    expect(await devices()).toBe(before + DEFAULT_LIMITS.pairing);
    expect((await from('10.1.4.2').post('/api/devices/pairing', { hallId: hall.hallId, kind: 'board' })).statusCode).toBe(201);
    expect(logged('rate limit exceeded')).toEqual([expect.objectContaining({ ip: '10.1.4.1', route: '/api/devices/pairing' })]);
  });

  it('a forged X-Forwarded-For does not give a client a fresh allowance', async () => {
    await loggedHall();
    for (let i = 0; i < DEFAULT_LIMITS.pairing; i++)
      expect(
        (await from('10.1.5.1', { 'x-forwarded-for': `192.0.2.${i}` }).post('/api/devices/pairing', { hallId: hall.hallId, kind: 'board' }))
          .statusCode,
      ).toBe(201);
    expectRateLimited(
      await from('10.1.5.1', { 'x-forwarded-for': '198.51.100.7' }).post('/api/devices/pairing', { hallId: hall.hallId, kind: 'board' }),
    );
  });

  it('behind a proxy (TRUST_PROXY) clients are told apart by X-Forwarded-For, so one visitor does not use up the hall’s allowance', async () => {
    await loggedHall({ trustProxy: true });
    const proxy = (client: string) => from('10.0.0.1', { 'x-forwarded-for': client });
    const take = (client: string, i: number) =>
      proxy(client).post('/api/phone/halls/demo/tickets', {
        serviceId: hall.ids.service('B'),
        phone: `1360000${String(i).padStart(4, '0')}`,
      });
    await hitLimit((i) => take('203.0.113.5', i), DEFAULT_LIMITS.phoneIssue, [201]);
    expect((await take('203.0.113.6', 99)).statusCode).toBe(201);
    expect(logged('rate limit exceeded')).toEqual([expect.objectContaining({ ip: '203.0.113.5' })]);
  });
});

describe('brute-forcing sign-in', () => {
  const login = (ip: string, username: string, password: string) => from(ip).post('/api/auth/login', { username, password });

  it('five wrong passwords lock the account, even against the right password, with the wait in minutes; logged without the password or the name', async () => {
    await loggedHall();
    const guesses = ['guess-one-111', 'guess-two-222', 'guess-three-33', 'guess-four-444', 'guess-five-555'];
    const remaining: number[] = [];
    for (const guess of guesses) {
      const res = await login('10.2.0.1', 'clerk01', guess);
      expect(res.statusCode).toBe(401);
      remaining.push(res.json().details.remainingAttempts);
    }
    expect(remaining).toEqual([4, 3, 2, 1, 0]);
    const locked = await login('10.2.0.9', 'clerk01', 'demo1234'); // the right password, from elsewhere
    expect(locked.statusCode).toBe(429);
    expect(locked.json()).toMatchObject({
      code: 'account_locked',
      message: '登录失败次数过多，账号已暂时锁定，请 5 分钟后再试。',
      messageEn: 'Too many failed sign-ins; the account is locked for now. Try again in 5 minutes.',
      details: { retryAfterSeconds: 300 },
    });
    expect(locked.cookies).toEqual([]);

    const refused = logged('sign-in refused');
    expect(refused.map((l) => [l.level, l.ip, l.code])).toEqual([
      ...guesses.map(() => [40, '10.2.0.1', 'bad_credentials']),
      [40, '10.2.0.9', 'account_locked'],
    ]);
    expect(logged('account locked after repeated failed sign-ins')).toEqual([
      expect.objectContaining({ level: 40, ip: '10.2.0.1', userId: hall.ids.user('clerk01') }),
    ]);
    const log = lines.join('\n');
    for (const secret of [...guesses, 'demo1234', 'clerk01']) expect(log).not.toContain(secret);

    // The lock ends by itself.
    hall.clock.advanceMinutes(6);
    expect((await login('10.2.0.9', 'clerk01', 'demo1234')).statusCode).toBe(200);
  });

  it(`spraying many accounts from one client: ${DEFAULT_LIMITS.login} attempts a minute, then 429 for every name; logged once`, async () => {
    await loggedHall();
    const names = Array.from({ length: DEFAULT_LIMITS.login + 1 }, (_, i) => `staff${String(i).padStart(3, '0')}`);
    const over = await hitLimit((i) => login('10.2.1.1', names[i]!, 'Spring2026!'), DEFAULT_LIMITS.login, [401]);
    expect(over.cookies).toEqual([]);
    // Cut off even for a real account with its right password, from that client only.
    expectRateLimited(await login('10.2.1.1', 'clerk02', 'demo1234'));
    expect((await login('10.2.1.2', 'clerk02', 'demo1234')).statusCode).toBe(200);
    expect(logged('rate limit exceeded')).toEqual([expect.objectContaining({ level: 40, ip: '10.2.1.1', route: '/api/auth/login' })]);
    expect(logged('sign-in refused')).toHaveLength(DEFAULT_LIMITS.login);
    expect(lines.join('\n')).not.toMatch(/Spring2026!|staff0\d\d/);
  });
});
