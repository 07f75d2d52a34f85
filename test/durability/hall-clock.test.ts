/**
 * The day rolls over at the hall's midnight on the real server (issue 8, Clock): server/main.ts as
 * a child process with TZ=America/Los_Angeles for a hall in Asia/Shanghai, on a test clock
 * (test/helpers/fake-clock.mjs) that starts on Monday 23:58 in the hall and jumps past its
 * midnight, which is Monday 08:00 for the server. With tickets still waiting, missed and at a
 * window: numbering restarts at A001 at once; the server's own end-of-day job, on its real
 * one-minute timer, closes the waiting and missed tickets as 日终清号 while the one at the window
 * stays with the clerk (docs/operations.md, "The end of the service day"); the printed tickets carry the
 * hall's date and time; and a board whose own browser is in Los Angeles shows the hall's date and
 * no call of the hall's yesterday.
 *
 * Waits up to a minute for the job: runs when FAULTS_LONG=1 (.ci/run sets it).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import type { HallSnapshot } from '../../common/protocol.js';
import { DEMO_TOKENS } from '../../server/demo/seed.js';
import { DAY_CLOSE_REASON } from '../../server/services/day-close.js';
import { launchBrowser, newPage, screenshot } from '../helpers/browser.js';
import { freePort, signInOverHttp, startServer, type ServerProcess } from '../helpers/server-process.js';
import { stubPage } from '../display/page-stubs.js';

const dataDir = mkdtempSync(join(tmpdir(), 'hall-clock-'));
let server: ServerProcess | null = null;
let browser: Browser | null = null;
afterAll(async () => {
  await browser?.close();
  await server?.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

/** An event as GET /api/halls/:hallId/events returns it (the stored row). */
interface StoredEvent {
  type: string;
  ticketId: number | null;
  reason: string | null;
  data: Record<string, unknown>;
}

const kiosk = { authorization: `Bearer ${DEMO_TOKENS.kiosk}`, 'content-type': 'application/json' };

describe.runIf(process.env.FAULTS_LONG === '1')('the hall’s midnight on a server in another timezone', () => {
  it('numbers restart at the hall’s midnight, the day-close job closes yesterday’s queue, tickets and board say the hall’s date', async () => {
    const printerPort = await freePort();
    server = await startServer(
      { DATA_DIR: dataDir, TZ: 'America/Los_Angeles', HALL_TIMEZONE: 'Asia/Shanghai', VIRTUAL_PRINTER_PORT: String(printerPort) },
      { clock: '2026-11-23T23:58:00+08:00' },
    );
    const base = server.base;
    // The premise: the server process keeps Pacific time (UTC−8 in November).
    expect(server.tzOffsetMinutes).toBe(480);

    const api = async (path: string, init: RequestInit = {}) => {
      const res = await fetch(`${base}${path}`, init);
      const body = await res.json();
      if (!res.ok) throw new Error(`${path}: ${res.status} ${JSON.stringify(body)}`);
      return body;
    };
    const hallId = (await api('/api/halls'))[0].id as number;
    const services = (await api(`/api/halls/${hallId}/services`)).services as { id: number; prefix: string }[];
    const issue = (prefix: string) =>
      api(`/api/halls/${hallId}/tickets`, {
        method: 'POST',
        headers: kiosk,
        body: JSON.stringify({ serviceId: services.find((s) => s.prefix === prefix)!.id }),
      });
    const snapshot = async () =>
      (await api(`/api/halls/${hallId}/snapshot`, { headers: { authorization: `Bearer ${DEMO_TOKENS.board}` } })) as HallSnapshot;
    const status = async (code: string) => (await api(`/api/tickets/status/${code}`)).ticket.status as string;

    // Monday 23:58 in the hall: A001 called and missed, A002 at the window, A003 waiting.
    const monday = [await issue('A'), await issue('A'), await issue('A')];
    expect(monday.map((t) => t.ticket.number)).toEqual(['A001', 'A002', 'A003']);
    const clerk = await signInOverHttp(base, 'clerk01');
    const windowId = (await api('/api/auth/me', { headers: clerk })).signedInWindowId as number;
    const command = (name: string) => api(`/api/windows/${windowId}/${name}`, { method: 'POST', headers: clerk, body: '{}' });
    expect((await command('call-next')).ticket.number).toBe('A001');
    await command('no-show');
    expect((await command('call-next')).ticket.number).toBe('A002');
    await command('start');
    expect((await snapshot()).hall.serviceDay).toBe('2026-11-23');

    // The hall's midnight; for the server it is Monday 08:00:20.
    await server.setClock('2026-11-24T00:00:20+08:00');
    expect(server.tzOffsetMinutes).toBe(480);
    const tuesday = await issue('A');
    expect(tuesday.ticket.number).toBe('A001');
    const after = await snapshot();
    expect(after.hall.serviceDay).toBe('2026-11-24');
    expect(after.queues.find((q) => q.serviceId === services.find((s) => s.prefix === 'A')!.id)!.waiting).toBe(1);

    // The board in a browser that is itself on Pacific time: the hall's date, none of yesterday's calls.
    browser = await launchBrowser();
    const { page: board } = await newPage(browser, { width: 1920, height: 1080, timezoneId: 'America/Los_Angeles' });
    await stubPage(board);
    await board.goto(`${base}/board#token=${DEMO_TOKENS.board}`);
    await board.locator('hq-board-view .clock').waitFor();
    await expect.poll(() => board.locator('hq-board-view .date').textContent()).toBe('2026年11月24日星期二');
    expect(await board.locator('hq-board-view .clock').textContent()).toMatch(/^00:0[0-2]:\d\d$/);
    expect(await board.locator('hq-board-view .hero .number').count()).toBe(0);
    expect(await board.locator('hq-board-view .missed li .no').allTextContents()).toEqual([]);
    await screenshot(board, 'clock-board-new-day-pacific-browser');

    // 日终清号 by the server's own job (every minute on a real timer): waiting and missed closed,
    // the ticket at the window left to the clerk, today's ticket untouched.
    const [missed, atWindow, waiting] = monday.map((t) => t.publicCode as string);
    await expect.poll(() => status(waiting!), { timeout: 75_000, interval: 1000 }).toBe('cancelled');
    expect(await status(missed!)).toBe('cancelled');
    expect(await status(atWindow!)).toBe('serving');
    expect(await status(tuesday.publicCode)).toBe('waiting');
    // One event each (phones following them learn it), with the reason, for Monday's service day.
    const events = (await api(`/api/halls/${hallId}/events?after=0&limit=1000`, { headers: clerk })) as StoredEvent[];
    expect(events.filter((e) => e.type === 'ticket:expired').map((e) => [e.ticketId, e.reason, e.data.serviceDay])).toEqual([
      [monday[0].ticket.id, DAY_CLOSE_REASON, '2026-11-23'],
      [monday[2].ticket.id, DAY_CLOSE_REASON, '2026-11-23'],
    ]);
    // The clerk finishes yesterday's visitor; then the window calls today's A001.
    expect((await command('finish')).ticket.number).toBe('A002');
    expect((await command('call-next')).ticket.id).toBe(tuesday.ticket.id);

    // What the virtual printer printed: the hall's date and time on each ticket.
    const previews = readdirSync(join(dataDir, 'printer-previews'))
      .filter((f) => f.endsWith('.txt'))
      .sort();
    const times = previews.map((f) => /取号时间：\s*(\S+ \S+)/.exec(readFileSync(join(dataDir, 'printer-previews', f), 'utf8'))?.[1]);
    expect(times).toEqual(['2026-11-23 23:58', '2026-11-23 23:58', '2026-11-23 23:58', '2026-11-24 00:00']);
  }, 150_000);
});
