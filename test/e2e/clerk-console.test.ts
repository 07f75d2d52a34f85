/**
 * The clerk console in Chromium against the real server, beyond the happy path: pause with a
 * reason and resume, 选呼 with a reason, no-show and re-queue, hold and 回呼 — all by keyboard;
 * a dropped connection shows a banner, disables the actions, and the console shows the true
 * state after reconnecting; in a burst of hall events it keeps showing its window's changes; the
 * English console fits.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startScreensHall, type ScreensHall } from '../counter/e2e-hall.js';
import type { TestHall } from '../helpers/app.js';
import { newPage, screenshot } from '../helpers/browser.js';

let screens: ScreensHall;
let hall: TestHall;
let browser: Browser;
let base: string;

beforeAll(async () => {
  screens = await startScreensHall();
  ({ hall, browser, base } = screens);
});
afterAll(() => screens?.close());

const issue = (prefix: string) => screens.issue(prefix);
const action = (page: Page, id: string) => page.locator(`hq-desk-view button[data-action="${id}"]`);
const currentNumber = (page: Page) => page.locator('hq-current-ticket .number');
const ticketRow = (id: number) => hall.store.read((tx) => tx.tickets.get(id));

/** Opens the console signed in as `username`, already on their window (the demo signs clerks in). */
async function openConsole(username: string, options: { lang?: string } = {}): Promise<{ page: Page; context: BrowserContext }> {
  const { page, context } = await newPage(browser, { width: 1366, height: 768 });
  await page.goto(`${base}/clerk${options.lang ? `?lang=${options.lang}` : ''}`);
  await page.locator('hq-login-form input[name=username]').fill(username);
  await page.locator('hq-login-form input[name=password]').fill('demo1234');
  await page.locator('hq-login-form button').click();
  await page.locator('hq-desk-view main').waitFor();
  await expect.poll(() => action(page, 'pause-toggle').isEnabled()).toBe(true);
  return { page, context };
}

describe('clerk console by keyboard', () => {
  it('pause and resume, 选呼 with a reason, no-show and re-queue, hold and 回呼', async () => {
    // clerk03 at window 3 (社保 zone).
    const w3 = hall.ids.window('3');
    const a = await issue('A');
    const d = await issue('D');
    const { page, context } = await openConsole('clerk03');

    // P → pause dialog → 2 = 会议.
    await page.keyboard.press('p');
    await page.locator('hq-pause-dialog .chip').first().waitFor();
    await screenshot(page, 'clerk-pause-dialog');
    await page.keyboard.press('2');
    await expect.poll(() => page.locator('hq-desk-view .pill').textContent()).toContain('会议');
    expect(await hall.store.read((tx) => tx.windows.get(w3))).toMatchObject({ status: 'paused', pauseReason: '会议' });
    expect(await action(page, 'call-next').isDisabled()).toBe(true);
    await page.keyboard.press('p');
    await expect.poll(() => page.locator('hq-desk-view .pill').textContent()).toBe('服务中');

    // C → 选呼 D001 (not the oldest) with a reason.
    await page.keyboard.press('c');
    await page.locator('hq-call-dialog input[name=number]').fill(d.number);
    await page.locator('hq-call-dialog button[type=submit], hq-call-dialog footer button.primary').click();
    await expect.poll(() => page.locator('hq-call-dialog .hint').textContent()).toBe('选呼必须填写原因。');
    await page.locator('hq-call-dialog textarea').fill('群众持预约短信');
    await page.locator('hq-call-dialog footer button.primary').click();
    await expect.poll(() => currentNumber(page).textContent()).toBe(d.number);
    const [call] = await hall.store.read((tx) => tx.events.query({ hallId: hall.hallId, types: ['ticket:called'], limit: 1 }));
    expect(call).toMatchObject({ ticketId: d.id, reason: '群众持预约短信' });

    // M → no-show; the missed list offers 重排 within the grace.
    await page.keyboard.press('m');
    await expect.poll(() => page.locator('hq-ticket-lists ol.missed li .no').allTextContents()).toEqual([d.number]);
    await page.locator('hq-ticket-lists ol.missed button').click();
    await expect.poll(() => page.locator('hq-ticket-lists ol.missed li').count()).toBe(0);
    expect((await ticketRow(d.id))!.status).toBe('waiting');

    // Space calls A001 (oldest), S starts, H holds, B calls it back (回呼). Space Space S typed
    // while the call is still on its way (held here until the keys are in): the second Space adds
    // nothing (one call, never two), and S waits for the call, then starts the ticket it brought
    // (docs/screens.md, the clerk console's keyboard).
    const calls = () => hall.store.read((tx) => tx.events.query({ hallId: hall.hallId, types: ['ticket:called'], limit: 1000 }));
    const callsBefore = (await calls()).length;
    let callRequests = 0;
    let answerCall!: () => void;
    const callHeld = new Promise<void>((resolve) => (answerCall = resolve));
    await page.route('**/api/windows/*/call-next', async (route) => {
      callRequests++;
      await callHeld;
      await route.continue();
    });
    try {
      await page.keyboard.press('Space');
      await expect.poll(() => callRequests).toBe(1);
      await page.keyboard.press('Space');
      await page.keyboard.press('s');
      const note = page.locator('hq-desk-view .banner.note');
      await expect.poll(() => note.count()).toBe(1);
      expect(await note.textContent()).toContain('已记下开始办理（S），当前操作完成后执行。');
      expect(await action(page, 'start').getAttribute('class')).toContain('waiting');
    } finally {
      answerCall();
    }
    // Two commands, each answered and shown: on a busy machine more than the usual second.
    await expect.poll(() => page.locator('hq-current-ticket .status').textContent(), { timeout: 5000 }).toBe('办理中');
    await page.unroute('**/api/windows/*/call-next');
    expect(await currentNumber(page).textContent()).toBe(a.number);
    expect(callRequests).toBe(1);
    expect((await calls()).length - callsBefore).toBe(1);
    expect((await ticketRow(d.id))!.status).toBe('waiting');
    expect(await page.locator('hq-desk-view .banner.note').count()).toBe(0);
    await page.keyboard.press('h');
    await expect.poll(() => page.locator('hq-ticket-lists ol.held li .no').allTextContents()).toEqual([a.number]);
    await expect.poll(() => currentNumber(page).count()).toBe(0);
    await page.keyboard.press('b');
    await expect.poll(() => currentNumber(page).textContent()).toBe(a.number);
    expect((await ticketRow(a.id))!.status).toBe('called');
    await page.keyboard.press('s');
    await expect.poll(() => page.locator('hq-current-ticket .status').textContent()).toBe('办理中');
    await page.keyboard.press('f');
    await expect.poll(() => currentNumber(page).count()).toBe(0);
    await expect.poll(() => page.locator('hq-desk-view .today').textContent()).toMatch(/已办结\s*1/);

    // Space on a button that has the focus (clicked with the mouse) calls next and does not press it.
    await action(page, 'pause-toggle').click();
    await page.locator('hq-pause-dialog .chip').first().waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('hq-pause-dialog').count()).toBe(0);
    await action(page, 'pause-toggle').focus();
    await page.keyboard.press('Space');
    await expect.poll(() => currentNumber(page).textContent()).toBe(d.number);
    // The marker: the key was released (a button pressed by Space acts then) before the call was
    // answered, and a dialog it opened would be drawn by the same render that shows D's number.
    expect(await page.locator('hq-pause-dialog').count()).toBe(0);
    await context.close();
  }, 60_000);

  it('a dropped connection: banner, actions off, then the true state after reconnecting', async () => {
    const { page, context } = await openConsole('clerk02');
    await expect.poll(() => action(page, 'call-next').isEnabled()).toBe(true);
    await context.setOffline(true);
    hall.app.io.in(`staff:${hall.hallId}`).disconnectSockets(true);
    await expect.poll(() => page.locator('hq-desk-view .banner.offline').count()).toBe(1);
    expect(await action(page, 'call-next').isDisabled()).toBe(true);
    const before = await hall.store.read((tx) => tx.events.query({ hallId: hall.hallId, types: ['ticket:called'], limit: 100 }));
    await page.keyboard.press('Space');
    // Meanwhile the hall moves on: a new ticket for this window's services.
    const b = await issue('B');
    await screenshot(page, 'clerk-offline');
    expect(await hall.store.read((tx) => tx.events.query({ hallId: hall.hallId, types: ['ticket:called'], limit: 100 }))).toHaveLength(
      before.length,
    );

    await context.setOffline(false);
    await expect.poll(() => page.locator('hq-desk-view .banner.offline').count(), { timeout: 15_000 }).toBe(0);
    await expect.poll(() => page.locator('hq-ticket-lists ol.waiting li .no').allTextContents()).toContain(b.number);
    await expect.poll(() => action(page, 'call-next').isEnabled()).toBe(true);
    await context.close();
  }, 60_000);

  it('a busy hall: while events for the window keep coming, the console shows each change while they keep coming', async () => {
    const { page, context } = await openConsole('clerk01');
    const w1 = hall.ids.window('1');
    const clerk = await hall.signIn('clerk01');
    // Tickets for this window's services, one every 80 ms for 4 s: each event concerns the window.
    // The 80 ms paces the load on purpose (events keep coming for seconds); it waits for no state.
    let issuing = true;
    let issued = 0;
    const burst = (async () => {
      const end = Date.now() + 4000;
      while (Date.now() < end) {
        await issue('A');
        issued++;
        await new Promise((r) => setTimeout(r, 80));
      }
      issuing = false;
    })();
    // The call goes in once the burst is under way.
    await expect.poll(() => issued, { timeout: 3000 }).toBeGreaterThanOrEqual(3);
    const called = (await clerk.post(`/api/windows/${w1}/call-next`)).json().ticket;
    const shown = () =>
      currentNumber(page)
        .textContent({ timeout: 50 })
        .catch(() => null);
    await expect.poll(shown, { timeout: 2500, interval: 50 }).toBe(called.number);
    expect(issuing).toBe(true); // seen in the middle of the burst, not after it
    await burst;
    await clerk.post(`/api/windows/${w1}/no-show`);
    await context.close();
  }, 60_000);

  it('in English the console fits and errors come in English', async () => {
    const { page, context } = await openConsole('clerk08', { lang: 'en' });
    await expect.poll(() => page.locator('hq-desk-view header h1').textContent()).toBe('Window 12');
    await expect.poll(() => action(page, 'call-next').textContent()).toContain('Call next');
    // Nobody waits for 户籍/身份证 at window 12: 选呼 of a number that does not exist answers in English.
    await page.keyboard.press('c');
    await page.locator('hq-call-dialog input[name=number]').fill('P099');
    await page.locator('hq-call-dialog textarea').fill('test');
    await page.locator('hq-call-dialog footer button.primary').click();
    await expect.poll(() => page.locator('hq-desk-view .banner.error').textContent()).toContain('Ticket not found.');
    await screenshot(page, 'clerk-english-error');
    // No text overflows its button.
    const overflowing = await page
      .locator('hq-desk-view button[data-action]')
      .evaluateAll((buttons) =>
        buttons.filter((b) => b.scrollWidth > b.clientWidth + 1 || b.scrollHeight > b.clientHeight + 1).map((b) => b.textContent),
      );
    expect(overflowing).toEqual([]);
    await context.close();
  }, 60_000);
});
