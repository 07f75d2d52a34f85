/**
 * Visitor notifications: "you are 3 away" once, called, booking confirmed and the reminder, each
 * at most once; the shipped notifier writes to the log (phone masked) and to the webhook (full
 * number for the gateway); a failing or hanging webhook is recorded and never touches the ticket.
 * No phone number, and no visitor's secret code, ever reaches the log.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import type { NotificationView } from '../../common/phone.js';
import { LOG_REDACT, LOG_SERIALIZERS } from '../../server/app.js';
import type { FastifyBaseLogger } from 'fastify';
import { LogWebhookNotifier, type Notification, type Notifier } from '../../server/services/notifier.js';
import { createTestHall, DEMO_TOKENS, type TestHall } from '../helpers/app.js';

const PHONE = '13812345678';
let hall: TestHall | null = null;
let webhook: Server | null = null;
afterEach(async () => {
  await hall?.close();
  hall = null;
  await new Promise((r) => (webhook ? webhook.close(r) : r(undefined)));
  webhook = null;
});

async function recordingHall() {
  const sent: Notification[] = [];
  const notifier: Notifier = { send: async (n) => void sent.push(n) };
  hall = await createTestHall({ limits: { phoneIssue: 1000, status: 1000 }, notifier });
  return { hall, sent };
}

const kinds = (sent: Notification[]) => sent.map((n) => n.kind);

describe('ticket notifications', () => {
  it('"you are 3 away" once when the queue moves up to it, then "called"', async () => {
    const { hall, sent } = await recordingHall();
    const kiosk = hall.device(DEMO_TOKENS.kiosk);
    const a = hall.ids.service('A');
    for (let i = 0; i < 5; i++) await kiosk.post(`/api/halls/${hall.hallId}/tickets`, { serviceId: a });
    const mine = (await hall.anonymous.post('/api/phone/halls/demo/tickets', { serviceId: a, phone: PHONE })).json();
    expect(mine.ahead).toBe(5);
    const clerk = await hall.signIn('clerk01');
    const w1 = hall.ids.window('1');
    const next = async () => {
      hall.clock.advanceMinutes(1);
      for (const c of ['call-next', 'start', 'finish']) expect((await clerk.post(`/api/windows/${w1}/${c}`)).statusCode).toBe(200);
      await hall.app.notifications.idle();
    };
    await next(); // 4 ahead
    expect(sent).toEqual([]);
    await next(); // 3 ahead
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      kind: 'ticket_near',
      phone: PHONE,
      ticket: { number: mine.ticket.number, ahead: 3, serviceName: '社保参保登记' },
    });
    expect(sent[0]!.text['zh-CN']).toContain('前面还有 3 人');
    await next();
    await next();
    await next(); // 0 ahead
    expect(kinds(sent)).toEqual(['ticket_near']);
    hall.clock.advanceMinutes(1);
    await clerk.post(`/api/windows/${w1}/call-next`);
    await hall.app.notifications.idle();
    expect(kinds(sent)).toEqual(['ticket_near', 'ticket_called']);
    expect(sent[1]).toMatchObject({ ticket: { number: mine.ticket.number, windowNumber: '1' } });
    expect(sent[1]!.text['zh-CN']).toBe(`【示范县政务服务中心】请 ${mine.ticket.number} 号到 1 号窗口办理社保参保登记。`);
    // A recall is the board's business; the phone page alerts by itself.
    await clerk.post(`/api/windows/${w1}/recall`);
    await hall.app.notifications.idle();
    expect(sent).toHaveLength(2);
  });

  it('not when the ticket was already that close when taken; kiosk tickets (no phone) never', async () => {
    const { hall, sent } = await recordingHall();
    const a = hall.ids.service('A');
    await hall.device(DEMO_TOKENS.kiosk).post(`/api/halls/${hall.hallId}/tickets`, { serviceId: a });
    const mine = (await hall.anonymous.post('/api/phone/halls/demo/tickets', { serviceId: a, phone: PHONE })).json();
    await hall.app.notifications.idle();
    expect(sent).toEqual([]);
    const rows = await hall.store.read((tx) => tx.phone.notificationsOf(hall.hallId, 10));
    expect(rows).toEqual([expect.objectContaining({ kind: 'ticket_near', status: 'skipped', ticketId: mine.ticket.id })]);
    const clerk = await hall.signIn('clerk01');
    await clerk.post(`/api/windows/${hall.ids.window('1')}/call-next`); // the kiosk ticket
    await hall.app.notifications.idle();
    expect(sent).toEqual([]);
  });

  it('switched off with notifyAhead 0', async () => {
    const { hall, sent } = await recordingHall();
    await hall.store.transact((tx) =>
      tx.halls.update(hall.hallId, { settings: { calendar: { openWeekdays: [1, 2, 3, 4, 5, 6, 7] }, issuing: { notifyAhead: 0 } } }),
    );
    for (let i = 0; i < 5; i++)
      await hall.device(DEMO_TOKENS.kiosk).post(`/api/halls/${hall.hallId}/tickets`, { serviceId: hall.ids.service('A') });
    await hall.anonymous.post('/api/phone/halls/demo/tickets', { serviceId: hall.ids.service('A'), phone: PHONE });
    const clerk = await hall.signIn('clerk01');
    for (let i = 0; i < 3; i++)
      for (const c of ['call-next', 'start', 'finish']) await clerk.post(`/api/windows/${hall.ids.window('1')}/${c}`);
    await hall.app.notifications.idle();
    expect(sent).toEqual([]);
  });
});

describe('booking notifications', () => {
  it('confirmed when booked; one reminder 2 hours before, once', async () => {
    const { hall, sent } = await recordingHall();
    const booking = (
      await hall.anonymous.post('/api/phone/halls/demo/bookings', {
        serviceId: hall.ids.service('A'),
        date: '2026-11-24',
        start: '09:00',
        phone: PHONE,
      })
    ).json();
    await hall.app.notifications.idle();
    expect(kinds(sent)).toEqual(['booking_confirmed']);
    hall.clock.set('2026-11-24T06:59:59+08:00');
    expect(await hall.app.jobs.run('booking-reminders')).toBe(0);
    hall.clock.set('2026-11-24T07:00:00+08:00');
    expect(await hall.app.jobs.run('booking-reminders')).toBe(1);
    expect(await hall.app.jobs.run('booking-reminders')).toBe(0);
    expect(sent[1]).toMatchObject({ kind: 'booking_reminder', phone: PHONE, booking: { code: booking.code, start: '09:00' } });
  });

  it('no reminder for a cancelled booking, nor for one made after its reminder moment', async () => {
    const { hall, sent } = await recordingHall();
    const reminded = (
      await hall.anonymous.post('/api/phone/halls/demo/bookings', {
        serviceId: hall.ids.service('A'),
        date: '2026-11-25',
        start: '09:00',
        phone: PHONE,
      })
    ).json();
    const cancelled = (
      await hall.anonymous.post('/api/phone/halls/demo/bookings', {
        serviceId: hall.ids.service('E'),
        date: '2026-11-25',
        start: '09:00',
        phone: PHONE,
      })
    ).json();
    expect((await hall.anonymous.post(`/api/phone/bookings/${cancelled.publicCode}/cancel`)).statusCode).toBe(200);
    hall.clock.set('2026-11-25T07:10:00+08:00');
    expect(await hall.app.jobs.run('booking-reminders')).toBe(1);
    await hall.app.notifications.idle();
    expect(sent.filter((n) => n.kind === 'booking_reminder').map((n) => n.kind === 'booking_reminder' && n.booking.code)).toEqual([
      reminded.code,
    ]);

    // A day ahead: booked at 10:00 for 09:00 tomorrow, the reminder moment (09:00 today) has passed.
    await hall.store.transact((tx) =>
      tx.halls.update(hall.hallId, {
        settings: { calendar: { openWeekdays: [1, 2, 3, 4, 5, 6, 7] }, appointment: { reminderMinutes: 24 * 60 } },
      }),
    );
    hall.clock.set('2026-11-25T10:00:00+08:00');
    expect(
      (
        await hall.anonymous.post('/api/phone/halls/demo/bookings', {
          serviceId: hall.ids.service('H'),
          date: '2026-11-26',
          start: '09:00',
          phone: PHONE,
        })
      ).statusCode,
    ).toBe(201);
    expect(await hall.app.jobs.run('booking-reminders')).toBe(0);
  });
});

describe('the manager’s list of notifications', () => {
  it('says what each was about (the ticket number, the booking’s service and slot) and whether it went out, never the phone number', async () => {
    const failing: Notifier = {
      send: async (n) => {
        if (n.kind === 'ticket_called') throw new Error('gateway down');
      },
    };
    hall = await createTestHall({ limits: { phoneIssue: 1000, status: 1000 }, notifier: failing });
    await hall.anonymous.post('/api/phone/halls/demo/bookings', {
      serviceId: hall.ids.service('A'),
      date: '2026-11-24',
      start: '09:00',
      phone: PHONE,
    });
    const taken = (await hall.anonymous.post('/api/phone/halls/demo/tickets', { serviceId: hall.ids.service('B'), phone: PHONE })).json();
    const clerk = await hall.signIn('clerk01');
    const manager = await hall.signIn('manager');
    await manager.put(`/api/windows/${hall.ids.window('1')}/services`, {
      mode: 'specialist',
      services: [{ serviceId: hall.ids.service('B'), tier: 1 }],
    });
    expect((await clerk.post(`/api/windows/${hall.ids.window('1')}/call-next`)).json().ticket.number).toBe(taken.ticket.number);
    await hall.app.notifications.idle();

    const res = await manager.get(`/api/halls/${hall.hallId}/notifications`);
    expect(res.statusCode).toBe(200);
    const list = res.json<NotificationView[]>();
    expect(list.find((n) => n.kind === 'booking_confirmed')).toMatchObject({
      status: 'sent',
      ticketNumber: null,
      booking: { serviceName: '社保参保登记', date: '2026-11-24', start: '09:00', end: '10:00' },
    });
    expect(list.find((n) => n.kind === 'ticket_called')).toMatchObject({
      status: 'failed',
      error: expect.stringContaining('gateway down'),
      ticketNumber: taken.ticket.number,
      booking: null,
    });
    expect(res.body).not.toContain(PHONE);
    expect(res.body).not.toContain('dedupeKey');
  });
});

describe('the shipped notifier: log and webhook', () => {
  async function startWebhook(answer: (req: IncomingMessage) => number | 'hang') {
    const bodies: unknown[] = [];
    webhook = createServer((req, res) => {
      let body = '';
      req.on('data', (d) => (body += d));
      req.on('end', () => {
        bodies.push(JSON.parse(body));
        const status = answer(req);
        if (status === 'hang') return; // never answers
        res.writeHead(status).end();
      });
    });
    await new Promise<void>((r) => webhook!.listen(0, '127.0.0.1', r));
    return { url: `http://127.0.0.1:${(webhook.address() as AddressInfo).port}/sms`, bodies };
  }

  function logged() {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    return { lines, logger: { level: 'info', stream, redact: LOG_REDACT, serializers: LOG_SERIALIZERS } };
  }

  it('POSTs JSON with the full number to the webhook; logs it masked; nothing in the log carries a phone number', async () => {
    const hook = await startWebhook(() => 200);
    const log = logged();
    hall = await createTestHall({ logger: log.logger, notifyWebhookUrl: hook.url, limits: { phoneIssue: 1000, status: 1000 } });
    const booking = (
      await hall.anonymous.post('/api/phone/halls/demo/bookings', {
        serviceId: hall.ids.service('A'),
        date: '2026-11-24',
        start: '09:00',
        phone: PHONE,
      })
    ).json();
    await hall.anonymous.post('/api/phone/halls/demo/tickets', { serviceId: hall.ids.service('B'), phone: '13987654321' });
    await hall.anonymous.post('/api/phone/halls/demo/tickets', { serviceId: hall.ids.service('B'), phone: '139 8765 4321' }); // refused: already holds one
    await hall.anonymous.post('/api/phone/halls/demo/tickets', { serviceId: hall.ids.service('B'), phone: '1398765432' }); // refused: malformed
    const manager = await hall.signIn('manager');
    await manager.get(`/api/halls/${hall.hallId}/bookings?date=2026-11-24`);
    hall.clock.set('2026-11-24T09:00:00+08:00');
    const checkedIn = (await hall.device(DEMO_TOKENS.kiosk).post(`/api/halls/${hall.hallId}/bookings/check-in`, { phone: PHONE })).json();
    await hall.anonymous.get(`/api/phone/tickets/${checkedIn.issued.publicCode}`);
    await hall.anonymous.get(`/api/phone/bookings/${booking.publicCode}`);
    await hall.app.notifications.idle();
    expect(hook.bodies).toEqual([
      expect.objectContaining({ kind: 'booking_confirmed', phone: PHONE, booking: expect.objectContaining({ code: booking.code }) }),
    ]);
    const text = log.lines.join('');
    expect(text).toContain('138****5678');
    expect(text).toContain('notification');
    for (const digits of [PHONE, '13987654321', '1398765432', '8765 4321']) expect(text).not.toContain(digits);
    // Nor the visitors' secret codes from the URLs.
    expect(text).toContain('/api/phone/tickets/***');
    for (const code of [checkedIn.issued.publicCode, booking.publicCode]) expect(text).not.toContain(code);
    const rows = await hall.store.read((tx) => tx.phone.notificationsOf(hall!.hallId, 10));
    expect(rows.find((r) => r.kind === 'booking_confirmed')).toMatchObject({ status: 'sent', error: null });
  });

  it('a webhook that fails or hangs is recorded as failed; the booking and the tickets are untouched', async () => {
    let mode: 'fail' | 'hang' = 'fail';
    const hook = await startWebhook(() => (mode === 'fail' ? 500 : 'hang'));
    // The shipped notifier with a short timeout, logging nowhere.
    const quiet = {
      info() {},
      warn() {},
      error() {},
      debug() {},
      fatal() {},
      trace() {},
      child: () => quiet,
      level: 'silent',
      silent() {},
    } as unknown as FastifyBaseLogger;
    hall = await createTestHall({ notifier: new LogWebhookNotifier(quiet, hook.url, 300), limits: { phoneIssue: 1000, status: 1000 } });
    const res = await hall.anonymous.post('/api/phone/halls/demo/bookings', {
      serviceId: hall.ids.service('A'),
      date: '2026-11-24',
      start: '09:00',
      phone: PHONE,
    });
    expect(res.statusCode).toBe(201);
    await hall.app.notifications.idle();
    let [row] = await hall.store.read((tx) => tx.phone.notificationsOf(hall!.hallId, 1));
    expect(row).toMatchObject({ kind: 'booking_confirmed', status: 'failed', error: 'webhook answered 500' });
    expect((await hall.anonymous.get(`/api/phone/bookings/${res.json().publicCode}`)).json().status).toBe('booked');

    // A hanging webhook: the visitor's ticket is issued at once; the notification fails after the timeout.
    mode = 'hang';
    const kiosk = hall.device(DEMO_TOKENS.kiosk);
    const c = hall.ids.service('C');
    for (let i = 0; i < 4; i++) await kiosk.post(`/api/halls/${hall.hallId}/tickets`, { serviceId: c });
    const mine = await hall.anonymous.post('/api/phone/halls/demo/tickets', { serviceId: c, phone: PHONE });
    expect(mine.statusCode).toBe(201);
    const clerk = await hall.signIn('clerk01');
    const started = Date.now();
    const call = await clerk.post(`/api/windows/${hall.ids.window('1')}/call-next`);
    expect(call.statusCode).toBe(200);
    expect(Date.now() - started).toBeLessThan(2000);
    await hall.app.notifications.idle();
    [row] = await hall.store.read((tx) => tx.phone.notificationsOf(hall!.hallId, 1));
    expect(row).toMatchObject({ kind: 'ticket_near', status: 'failed' });
    expect((await hall.anonymous.get(`/api/phone/tickets/${mine.json().publicCode}`)).json().status.ticket.status).toBe('waiting');
  });
});

describe('NOTIFY_WEBHOOK_URL', () => {
  it('is optional, must be an http(s) URL, and a bad one stops the server with its name', async () => {
    const { loadConfig, ConfigError } = await import('../../server/config.js');
    expect(loadConfig({}).notifyWebhookUrl).toBeNull();
    expect(loadConfig({ NOTIFY_WEBHOOK_URL: 'https://sms.example.gov.cn/hall/notify' }).notifyWebhookUrl).toBe(
      'https://sms.example.gov.cn/hall/notify',
    );
    for (const bad of ['ftp://sms.example/x', 'not a url']) {
      expect(() => loadConfig({ NOTIFY_WEBHOOK_URL: bad })).toThrow(ConfigError);
      expect(() => loadConfig({ NOTIFY_WEBHOOK_URL: bad })).toThrow(/NOTIFY_WEBHOOK_URL/);
    }
  });
});
