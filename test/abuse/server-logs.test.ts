/**
 * No personal data or secrets in the server's logs (issue 8, Abuse and bad input): the real server
 * (server/main.ts, LOG_LEVEL=info, PUBLIC_URL and NOTIFY_WEBHOOK_URL set, as a hall runs it) goes
 * through a visitor's whole day — a number taken by phone, followed, called, served and rated
 * later on the phone; an appointment booked, checked in at the kiosk with its code and another on
 * the phone, called, served and rated on the pad; staff signing in (once with a wrong password);
 * screens and a phone on the realtime connection. Then its JSON log lines are searched for every
 * phone number, ticket and booking code, booking code to type, password, session and CSRF token
 * and device token used: none may appear. The notifications still reached the webhook with the full
 * phone number (that is where they belong), and the log shows the requests and notifications with
 * the codes masked. On a test clock, so the appointment can be booked one day and kept the next.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io } from 'socket.io-client';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_TOKENS } from '../../server/demo/seed.js';
import { startServer, type ServerProcess } from '../helpers/server-process.js';

const dataDir = mkdtempSync(join(tmpdir(), 'hall-logs-'));
let server: ServerProcess | null = null;
let webhook: Server | null = null;
afterAll(async () => {
  await server?.kill('SIGKILL');
  await new Promise((r) => (webhook ? webhook.close(r) : r(null)));
  rmSync(dataDir, { recursive: true, force: true });
});

const PHONES = ['13912340001', '13912340002', '13912340003'];
const WRONG_PASSWORD = 'Autumn-Guess-2026';

describe('the server’s logs through a visitor’s whole day', () => {
  it('hold no phone number, ticket or booking code, password or token', async () => {
    const received: { phone: string; text: { 'zh-CN': string } }[] = [];
    webhook = createServer((req, res) => {
      let body = '';
      req.on('data', (d) => (body += d));
      req.on('end', () => {
        received.push(JSON.parse(body));
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((r) => webhook!.listen(0, '127.0.0.1', r));
    const hook = `http://127.0.0.1:${(webhook.address() as { port: number }).port}/sms`;
    server = await startServer(
      { DATA_DIR: dataDir, LOG_LEVEL: 'info', PUBLIC_URL: 'https://hall.example.gov.cn', NOTIFY_WEBHOOK_URL: hook },
      { clock: '2026-11-23T10:00:00+08:00' },
    );
    const base = server.base;

    const secrets: string[] = [...PHONES, DEMO_PASSWORD, WRONG_PASSWORD, DEMO_TOKENS.kiosk, DEMO_TOKENS.board, DEMO_TOKENS.pad('1')];
    const send = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
      const res = await fetch(`${base}${path}`, {
        method,
        headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await res.text();
      return { status: res.status, body: text.startsWith('{') || text.startsWith('[') ? JSON.parse(text) : text, headers: res.headers };
    };
    const ok = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
      const res = await send(method, path, body, headers);
      if (res.status >= 400) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body;
    };
    const signIn = async (username: string) => {
      const res = await fetch(`${base}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password: DEMO_PASSWORD }),
      });
      const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
      const { csrfToken } = await res.json();
      secrets.push(cookie.split('=')[1]!, csrfToken);
      return { cookie, 'x-csrf-token': csrfToken };
    };
    const kiosk = { authorization: `Bearer ${DEMO_TOKENS.kiosk}` };
    const pad = { authorization: `Bearer ${DEMO_TOKENS.pad('1')}` };

    const hallId = (await ok('GET', '/api/halls'))[0].id as number;
    const services = (await ok('GET', `/api/halls/${hallId}/services`)).services as { id: number; prefix: string }[];
    const A = services.find((s) => s.prefix === 'A')!.id;

    // Monday. Staff sign in, one of them mistyping first.
    expect((await send('POST', '/api/auth/login', { username: 'clerk01', password: WRONG_PASSWORD })).status).toBe(401);
    const clerk = await signIn('clerk01');
    const windowId = (await ok('GET', '/api/auth/me', undefined, clerk)).signedInWindowId as number;
    const board = io(base, { auth: { token: DEMO_TOKENS.board }, transports: ['websocket'] });

    // 扫码取号: a number on the phone, followed on its page and on the realtime connection.
    await ok('GET', '/api/phone/halls/demo');
    const mine = await ok('POST', '/api/phone/halls/demo/tickets', { serviceId: A, phone: PHONES[0] });
    secrets.push(mine.publicCode);
    await ok('GET', `/api/phone/tickets/${mine.publicCode}`);
    await ok('GET', `/api/tickets/status/${mine.publicCode}`);
    expect((await send('GET', `/t/${mine.publicCode}`)).status).toBe(200);
    const phoneSocket = io(base, { auth: { ticketCode: mine.publicCode }, transports: ['websocket'] });
    await new Promise((r) => phoneSocket.once('connect', () => r(null)));
    const called = await ok('POST', `/api/windows/${windowId}/call-next`, {}, clerk);
    expect(called.ticket.number).toBe(mine.ticket.number);
    await ok('POST', `/api/windows/${windowId}/start`, {}, clerk);
    await ok('POST', `/api/windows/${windowId}/finish`, {}, clerk);
    await ok('POST', `/api/phone/tickets/${mine.publicCode}/rating`, { level: 5 });

    // 预约 for Tuesday, two of them; a manager reads the day's list (with the phone numbers).
    const bookings: { publicCode: string; code: string }[] = [];
    for (const [phone, start] of [
      [PHONES[1], '09:00'],
      [PHONES[2], '10:00'],
    ] as const) {
      const booked = await ok('POST', '/api/phone/halls/demo/bookings', { serviceId: A, date: '2026-11-24', start, phone });
      secrets.push(booked.publicCode, booked.code);
      await ok('GET', `/api/phone/bookings/${booked.publicCode}`);
      expect((await send('GET', `/b/${booked.publicCode}`)).status).toBe(200);
      bookings.push(booked as { publicCode: string; code: string });
    }
    const manager = await signIn('manager');
    const list = await ok('GET', `/api/halls/${hallId}/bookings?date=2026-11-24`, undefined, manager);
    expect(JSON.stringify(list)).toContain(PHONES[1]);

    // Tuesday 09:35: one checks in at the kiosk with the code, one on the phone; both are served,
    // one rated on the pad (a 差评 with its reason), the other later on the phone.
    await server.setClock('2026-11-24T09:35:00+08:00');
    const atKiosk = await ok('POST', `/api/halls/${hallId}/bookings/check-in`, { code: bookings[0]!.code }, kiosk);
    const onPhone = await ok('POST', `/api/phone/bookings/${bookings[1]!.publicCode}/check-in`);
    secrets.push(atKiosk.issued.publicCode, onPhone.issued.publicCode);
    const clerkToday = await signIn('clerk01');
    for (const [i, issued] of [atKiosk.issued, onPhone.issued].entries()) {
      expect((await ok('POST', `/api/windows/${windowId}/call-next`, {}, clerkToday)).ticket.id).toBe(issued.ticket.id);
      await ok('POST', `/api/windows/${windowId}/start`, {}, clerkToday);
      await ok('POST', `/api/windows/${windowId}/finish`, {}, clerkToday);
      if (i === 0)
        await ok(
          'POST',
          '/api/pad/ratings',
          { ticketId: issued.ticket.id, level: 2, reasons: ['办理效率低'], comment: `请回电 ${PHONES[1]}` },
          pad,
        );
      else await ok('POST', `/api/phone/tickets/${issued.publicCode}/rating`, { level: 4 });
    }
    board.close();
    phoneSocket.close();
    // Let the notifications (called, booking confirmed) go out, then stop the server as a hall does.
    await expect.poll(() => received.length, { timeout: 10_000 }).toBeGreaterThanOrEqual(3);
    await server.kill('SIGTERM');

    const lines = server
      .output()
      .split('\n')
      .filter((l) => l.startsWith('{'));
    const entries = lines.map((l) => JSON.parse(l) as { msg: string; req?: { url: string } });
    // The log is not empty: requests, sign-ins and notifications are there, with the codes masked.
    expect(entries.length).toBeGreaterThan(60);
    const urls = entries.flatMap((e) => (e.req ? [e.req.url] : []));
    expect(urls).toContain('/api/phone/tickets/***');
    expect(urls).toContain('/t/***');
    expect(urls).toContain('/b/***');
    expect(entries.some((e) => e.msg === 'sign-in refused')).toBe(true);
    expect(entries.some((e) => e.msg.startsWith('notification:') && e.msg.includes('预约成功'))).toBe(true);
    expect(lines.join('\n')).toContain('139****0002');
    // …and the webhook got what the visitor's SMS needs: the full number.
    expect(received.map((n) => n.phone)).toContain(PHONES[1]);

    // Nothing that identifies a visitor or opens an account, a ticket, a booking or a device.
    const leaks = lines.flatMap((line) => secrets.filter((s) => line.includes(s)).map((s) => `${s} in ${line.slice(0, 300)}`));
    expect(leaks).toEqual([]);
    expect(lines.filter((l) => /(?<!\d)1[3-9]\d{9}(?!\d)/.test(l))).toEqual([]);
  }, 90_000);
});
