/**
 * A service day is the hall's, not the server's (issue 8, Clock). This file runs with the process
 * in America/Los_Angeles (set before anything is imported) while the demo hall is in
 * Asia/Shanghai, 16 hours apart in November: the hall's midnight is 08:00 the same day on the
 * server, and the server's midnight is 16:00 in the hall. Numbering restarts at the hall's
 * midnight and only there; the end-of-day close (日终清号) runs then; the snapshot, the ticket
 * page and the printed ticket say the hall's date and time. Any `getHours()`/`getDate()` on the
 * server's local time would put the day boundary at the wrong one of the two midnights.
 * (test/durability/hall-clock.test.ts does the same with the real server process and its timers.)
 */
import { vi } from 'vitest';

vi.hoisted(() => {
  process.env.TZ = 'America/Los_Angeles';
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY_CLOSE_REASON } from '../../server/services/day-close.js';
import type { Agent } from '../helpers/app.js';
import { testClock } from '../helpers/clock.js';
import { startPrinterHall, type PrinterHall } from '../printer/printer-hall.js';

let ph: PrinterHall;
const clock = testClock('2026-11-23T23:58:00+08:00'); // Monday in the hall; Monday 07:58 on the server
let kiosk: Agent;
beforeAll(async () => {
  ph = await startPrinterHall({ app: { clock, limits: { status: 1000 } } });
  kiosk = ph.kiosk;
});
afterAll(() => ph.close());

const issue = async (prefix: string) => {
  const res = await kiosk.post(ph.issueUrl, { serviceId: ph.hall.ids.service(prefix) });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ ticket: { id: number; number: string }; publicCode: string }>();
};
const status = async (code: string) => (await ph.hall.anonymous.get(`/api/tickets/status/${code}`)).json().ticket.status as string;
const snapshot = () => ph.hall.app.hallService.snapshot(ph.hall.hallId);
const waiting = async (prefix: string) => (await snapshot()).queues.find((q) => q.serviceId === ph.hall.ids.service(prefix))!.waiting;
/** The 取号时间 line of the printed ticket of the ticket with this public code. */
const printedTime = (code: string) =>
  ph.printer.jobs.find((j) => j.qr.some((q) => q.endsWith(`/t/${code}`)))?.lines.find((l) => l.includes('取号时间'));

describe('the process runs far from the hall', () => {
  it('is really in Los Angeles time (the premise of every test below)', () => {
    const hallMidnight = Date.parse('2026-11-24T00:00:00+08:00');
    expect(new Date(hallMidnight).getTimezoneOffset()).toBe(480);
    expect(new Date(hallMidnight).getDate()).toBe(23);
    expect(new Date(hallMidnight).getHours()).toBe(8);
  });
});

describe('the service day follows the hall', () => {
  let yesterday: {
    waiting: Awaited<ReturnType<typeof issue>>;
    missed: Awaited<ReturnType<typeof issue>>;
    serving: Awaited<ReturnType<typeof issue>>;
  };
  let clerk: Agent;

  it('before the hall’s midnight: Monday’s numbers, Monday on the ticket', async () => {
    const missed = await issue('A');
    const serving = await issue('A');
    const waitingTicket = await issue('A');
    expect([missed, serving, waitingTicket].map((t) => t.ticket.number)).toEqual(['A001', 'A002', 'A003']);
    clerk = await ph.hall.signIn('clerk01');
    const w1 = ph.hall.ids.window('1');
    expect((await clerk.post(`/api/windows/${w1}/call-next`)).json().ticket.number).toBe('A001');
    expect((await clerk.post(`/api/windows/${w1}/no-show`)).statusCode).toBe(200);
    expect((await clerk.post(`/api/windows/${w1}/call-next`)).json().ticket.number).toBe('A002');
    expect((await clerk.post(`/api/windows/${w1}/start`)).statusCode).toBe(200);
    yesterday = { waiting: waitingTicket, missed, serving };
    expect((await snapshot()).hall.serviceDay).toBe('2026-11-23');
    await ph.settle();
    expect(printedTime(waitingTicket.publicCode)).toContain('2026-11-23 23:58');
    clock.set('2026-11-23T23:59:30+08:00');
    expect(await ph.hall.app.jobs.run('close-past-days')).toBe(0);
  });

  it('the hall’s midnight (08:00 on the server, same server day): numbers restart, yesterday’s queue is closed', async () => {
    clock.set('2026-11-24T00:00:30+08:00');
    expect(new Date(clock()).getDate()).toBe(23); // still Monday for the server
    const first = await issue('A');
    expect(first.ticket.number).toBe('A001');
    expect((await snapshot()).hall.serviceDay).toBe('2026-11-24');
    await ph.settle();
    expect(printedTime(first.publicCode)).toContain('2026-11-24 00:00');
    // Only today's ticket waits; yesterday's waiting one is not in any queue.
    expect(await waiting('A')).toBe(1);

    // 日终清号: waiting and missed tickets of the past day are cancelled; the one at the window stays.
    expect(await ph.hall.app.jobs.run('close-past-days')).toBe(2);
    expect(await status(yesterday.waiting.publicCode)).toBe('cancelled');
    expect(await status(yesterday.missed.publicCode)).toBe('cancelled');
    expect(await status(yesterday.serving.publicCode)).toBe('serving');
    const closed = await ph.hall.store.read((tx) => tx.tickets.get(yesterday.waiting.ticket.id));
    expect(closed).toMatchObject({ cancelReason: DAY_CLOSE_REASON, serviceDay: '2026-11-23' });
    expect(await status(first.publicCode)).toBe('waiting');
    // The clerk finishes yesterday's visitor; the window then calls today's A001.
    const w1 = ph.hall.ids.window('1');
    expect((await clerk.post(`/api/windows/${w1}/finish`)).json().ticket.number).toBe('A002');
    expect((await clerk.post(`/api/windows/${w1}/call-next`)).json().ticket).toMatchObject({ id: first.ticket.id, number: 'A001' });
  });

  it('the server’s midnight (16:00 in the hall) changes nothing: numbering goes on, nothing is closed', async () => {
    clock.set('2026-11-24T15:59:00+08:00');
    expect((await issue('A')).ticket.number).toBe('A002');
    clock.set('2026-11-24T16:00:30+08:00');
    expect(new Date(clock()).getDate()).toBe(24); // the server's own day has turned
    const after = await issue('A');
    expect(after.ticket.number).toBe('A003');
    expect((await snapshot()).hall.serviceDay).toBe('2026-11-24');
    expect(await ph.hall.app.jobs.run('close-past-days')).toBe(0);
    expect(await status(after.publicCode)).toBe('waiting');
    expect(await waiting('A')).toBe(2);
    const day = await ph.hall.store.read((tx) => tx.tickets.list({ hallId: ph.hall.hallId, serviceDay: '2026-11-24' }));
    expect(day.map((t) => t.number).sort()).toEqual(['A001', 'A002', 'A003']);
  });
});
