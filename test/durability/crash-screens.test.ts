/**
 * A crash with the hall's screens open (issue 8, Faults), the whole system: the real server as a
 * child process on a fixed port with a fresh DATA_DIR, a hall board and a signed-in clerk console
 * in headless Chromium. A burst of ticket issues and calls goes through the API and the server is
 * killed with SIGKILL in the middle of it. Both screens show that they are offline (the console
 * locks its actions) and keep their last state. The server restarts on the same port and
 * database and takes a new call; without a reload the board shows that call, the true recent
 * calls and waiting counts (the board's own model of the server's snapshot), and the console
 * shows its window's true current ticket with exactly the actions that ticket allows. Every
 * acknowledged ticket and call is in the database and the numbering continues without a gap or
 * a duplicate. Screenshots: test-output/screenshots/crash-{board,clerk}-{offline,recovered}.png.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Browser, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import type { HallSnapshot, WindowDetail } from '../../common/protocol.js';
import { availableActions } from '../../counter/clerk/actions.js';
import { boardModel } from '../../display/board/board-model.js';
import { DEMO_PASSWORD, DEMO_TOKENS } from '../../server/demo/seed.js';
import { launchBrowser, newPage, screenshot } from '../helpers/browser.js';
import { freePort, signInOverHttp, startServer, type ServerProcess } from '../helpers/server-process.js';
import { stubPage } from '../display/page-stubs.js';

const dataDir = mkdtempSync(join(tmpdir(), 'hall-crash-screens-'));
const running: ServerProcess[] = [];
let browser: Browser | null = null;
afterAll(async () => {
  await browser?.close();
  for (const s of running) await s.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

const kiosk = { authorization: `Bearer ${DEMO_TOKENS.kiosk}`, 'content-type': 'application/json' };
const boardAuth = { authorization: `Bearer ${DEMO_TOKENS.board}` };

type Status = 'called' | 'serving' | 'no_show' | 'done';
/** What the API acknowledged for a called ticket, and the change in flight when the server died. */
interface CallRecord {
  number: string;
  acked: Status;
  inFlight: Status | null;
}

const board = (page: Page, selector: string) => page.locator(`hq-board-view ${selector}`);
const desk = (page: Page, selector: string) => page.locator(`hq-desk-view ${selector}`);
/** The console's action buttons that can be pressed now. */
const enabledActions = (page: Page) =>
  desk(page, 'button[data-action]').evaluateAll((buttons) =>
    buttons
      .filter((b) => !(b as HTMLButtonElement).disabled)
      .map((b) => b.getAttribute('data-action')!)
      .sort(),
  );

async function json<T>(res: Promise<Response>): Promise<T> {
  const r = await res;
  if (!r.ok) throw new Error(`${r.status} ${await r.text()}`);
  return (await r.json()) as T;
}

describe('crash with the screens open', () => {
  it('board and clerk console go offline, come back by themselves and show the true state; nothing acknowledged is lost', async () => {
    const port = await freePort();
    const env = { DATA_DIR: dataDir, PORT: String(port) };
    const first = await startServer(env);
    running.push(first);
    const base = first.base;
    const hallId = (await json<{ id: number }[]>(fetch(`${base}/api/halls`)))[0]!.id;
    const services = (await json<{ services: { id: number; prefix: string }[] }>(fetch(`${base}/api/halls/${hallId}/services`))).services;
    const service = (prefix: string) => services.find((s) => s.prefix === prefix)!.id;
    const clerk1 = await signInOverHttp(base, 'clerk01');
    const clerk2 = await signInOverHttp(base, 'clerk02');
    const w1 = (await json<{ signedInWindowId: number }>(fetch(`${base}/api/auth/me`, { headers: clerk1 }))).signedInWindowId;
    const w2 = (await json<{ signedInWindowId: number }>(fetch(`${base}/api/auth/me`, { headers: clerk2 }))).signedInWindowId;

    // The screens, opened as the hall opens them.
    browser = await launchBrowser();
    const boardPage = (await newPage(browser, { width: 1920, height: 1080 })).page;
    await stubPage(boardPage);
    await boardPage.goto(`${base}/board#token=${DEMO_TOKENS.board}`);
    await board(boardPage, '.clock').waitFor();
    const clerkPage = (await newPage(browser, { width: 1366, height: 768 })).page;
    await clerkPage.goto(`${base}/clerk`);
    await clerkPage.locator('hq-login-form input[name=username]').fill('clerk01');
    await clerkPage.locator('hq-login-form input[name=password]').fill(DEMO_PASSWORD);
    await clerkPage.locator('hq-login-form button').click();
    await expect.poll(() => desk(clerkPage, 'button[data-action="call-next"]').isEnabled(), { timeout: 15_000 }).toBe(true);

    // The hall is busy before the burst: a few tickets, a call at window 1 the screens show.
    for (const prefix of ['A', 'B', 'A', 'B'])
      await json(
        fetch(`${base}/api/halls/${hallId}/tickets`, {
          method: 'POST',
          headers: kiosk,
          body: JSON.stringify({ serviceId: service(prefix) }),
        }),
      );
    const opening = await json<{ ticket: { number: string } }>(
      fetch(`${base}/api/windows/${w1}/call-next`, { method: 'POST', headers: clerk1, body: '{}' }),
    );
    await expect.poll(() => board(boardPage, '.hero .number').textContent()).toBe(opening.ticket.number);
    await expect.poll(() => clerkPage.locator('hq-current-ticket .number').textContent()).toBe(opening.ticket.number);
    await json(fetch(`${base}/api/windows/${w1}/no-show`, { method: 'POST', headers: clerk1, body: '{}' }));
    for (const page of [boardPage, clerkPage])
      await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));

    // The burst: six kiosks issuing A and B; window 1 calling and marking 过号, window 2 calling, serving and finishing.
    const acked = new Map<string, string>(); // number → public code
    const calls = new Map<number, CallRecord>(); // ticket id → what the API said
    let stop = false;
    const deadline = Date.now() + 20_000; // the burst stops at the kill, long before on a quiet machine
    const issuer = (prefix: string) => async () => {
      for (let i = 0; i < 300 && !stop && Date.now() < deadline; i++) {
        try {
          const res = await fetch(`${base}/api/halls/${hallId}/tickets`, {
            method: 'POST',
            headers: kiosk,
            body: JSON.stringify({ serviceId: service(prefix) }),
          });
          if (res.status === 201) {
            const body = await res.json();
            acked.set(body.ticket.number, body.publicCode);
          }
        } catch {
          return; // the server died mid-request: that ticket was never acknowledged
        }
      }
    };
    /** Calls next, then takes the ticket through `steps` (an API command and the status it leads to). */
    const caller = (windowId: number, headers: Record<string, string>, steps: [command: string, status: Status][]) => async () => {
      for (let i = 0; i < 300 && !stop && Date.now() < deadline; i++) {
        try {
          const res = await fetch(`${base}/api/windows/${windowId}/call-next`, { method: 'POST', headers, body: '{}' });
          if (res.status !== 200) continue;
          const { ticket } = await res.json();
          const record: CallRecord = { number: ticket.number, acked: 'called', inFlight: null };
          calls.set(ticket.id, record);
          for (const [command, status] of steps) {
            record.inFlight = status;
            const after = await fetch(`${base}/api/windows/${windowId}/${command}`, { method: 'POST', headers, body: '{}' });
            if (after.status !== 200) break;
            record.acked = status;
            record.inFlight = null;
          }
        } catch {
          return;
        }
      }
    };
    const load = Promise.all([
      ...['A', 'B', 'A', 'B', 'A', 'B'].map((p) => issuer(p)()),
      caller(w1, clerk1, [['no-show', 'no_show']])(),
      caller(w2, clerk2, [
        ['start', 'serving'],
        ['finish', 'done'],
      ])(),
    ]);
    while ((acked.size < 120 || calls.size < 20) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    await first.kill('SIGKILL');
    stop = true;
    await load;
    expect(acked.size).toBeGreaterThanOrEqual(120);
    expect(calls.size).toBeGreaterThanOrEqual(20);

    // Both screens say they are offline and keep what they showed; the console locks every action.
    await expect.poll(() => board(boardPage, 'hq-offline-mark').count(), { timeout: 20_000 }).toBe(1);
    expect(await board(boardPage, '.hero .number').textContent()).toMatch(/^[AB]\d{3}$/);
    await expect.poll(() => desk(clerkPage, '.banner.offline').count(), { timeout: 20_000 }).toBe(1);
    expect(await enabledActions(clerkPage)).toEqual([]);
    expect(await desk(clerkPage, 'button[data-action]').count()).toBeGreaterThan(5);
    await screenshot(boardPage, 'crash-board-offline');
    await screenshot(clerkPage, 'crash-clerk-offline');

    // Restart on the same port and database; the clerk's session survived with it.
    const second = await startServer(env);
    running.push(second);
    expect(second.base).toBe(base);
    const before = await json<WindowDetail>(fetch(`${base}/api/windows/${w1}`, { headers: clerk1 }));
    if (before.window.current) await json(fetch(`${base}/api/windows/${w1}/no-show`, { method: 'POST', headers: clerk1, body: '{}' }));
    const newCall = (
      await json<{ ticket: { id: number; number: string } }>(
        fetch(`${base}/api/windows/${w1}/call-next`, { method: 'POST', headers: clerk1, body: '{}' }),
      )
    ).ticket;
    const nextIssue = (
      await json<{ ticket: { number: string } }>(
        fetch(`${base}/api/halls/${hallId}/tickets`, { method: 'POST', headers: kiosk, body: JSON.stringify({ serviceId: service('B') }) }),
      )
    ).ticket;

    // The board: the new call, and exactly what the server's snapshot says it should show.
    await expect.poll(() => board(boardPage, '.hero .number').textContent(), { timeout: 30_000 }).toBe(newCall.number);
    await expect.poll(() => board(boardPage, 'hq-offline-mark').count(), { timeout: 10_000 }).toBe(0);
    const snapshot = await json<HallSnapshot>(fetch(`${base}/api/halls/${hallId}/snapshot`, { headers: boardAuth }));
    const model = boardModel(snapshot, { now: snapshot.now, locale: 'zh-CN', zoneId: null });
    expect(model.hero?.number).toBe(newCall.number);
    await expect
      .poll(() => board(boardPage, '.recent li .no').allTextContents(), { timeout: 10_000 })
      .toEqual(model.recent.map((c) => c.number));
    const shownWaiting = () =>
      board(boardPage, '.waiting tbody tr').evaluateAll((rows) =>
        Object.fromEntries(rows.map((r) => [r.getAttribute('data-key'), Number(r.querySelector('td.count b')!.textContent)])),
      );
    await expect.poll(shownWaiting, { timeout: 10_000 }).toEqual(Object.fromEntries(model.waiting.map((r) => [r.key, r.waiting])));
    expect(model.waiting.reduce((n, r) => n + r.waiting, 0)).toBeGreaterThan(50); // the burst's tickets wait

    // The console: its window's true current ticket, and the actions that ticket allows.
    const detail = await json<WindowDetail>(fetch(`${base}/api/windows/${w1}`, { headers: clerk1 }));
    expect(detail.window.current?.number).toBe(newCall.number);
    await expect.poll(() => clerkPage.locator('hq-current-ticket .number').textContent(), { timeout: 30_000 }).toBe(newCall.number);
    await expect.poll(() => desk(clerkPage, '.banner.offline').count()).toBe(0);
    await expect.poll(() => enabledActions(clerkPage)).toEqual([...availableActions(detail)].sort());
    expect(await enabledActions(clerkPage)).toContain('recall');
    for (const page of [boardPage, clerkPage])
      expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
    await screenshot(boardPage, 'crash-board-recovered');
    await screenshot(clerkPage, 'crash-clerk-recovered');
    await second.kill('SIGTERM');

    // Every acknowledged ticket is there with its code; acknowledged calls kept; no gap, no duplicate.
    const db = new Database(join(dataDir, 'hall.db'), { readonly: true });
    const rows = db.prepare('SELECT id, prefix, seq, number, public_code AS code, status FROM tickets ORDER BY prefix, seq').all() as {
      id: number;
      prefix: string;
      seq: number;
      number: string;
      code: string;
      status: string;
    }[];
    db.close();
    const byNumber = new Map(rows.map((r) => [r.number, r]));
    expect(byNumber.size).toBe(rows.length);
    for (const [number, code] of acked) expect(byNumber.get(number)?.code, number).toBe(code);
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const [id, call] of calls) {
      const status = byId.get(id)?.status;
      if (id === newCall.id) continue;
      // A change in flight at the kill may or may not have been committed; the acknowledged one was.
      expect(
        [call.acked, call.inFlight, ...(before.window.current?.id === id ? ['no_show'] : [])],
        `${call.number} is ${status}`,
      ).toContain(status);
    }
    for (const prefix of ['A', 'B']) {
      const seqs = rows.filter((r) => r.prefix === prefix).map((r) => r.seq);
      expect(seqs, prefix).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
    }
    // The first number after the restart is the next one, and the last of its prefix.
    expect(nextIssue.number).toBe(rows.filter((r) => r.prefix === 'B').at(-1)!.number);
  }, 120_000);
});
