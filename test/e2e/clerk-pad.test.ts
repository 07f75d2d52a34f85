/**
 * The clerk console and the rating pad in Chromium against the real server: a clerk signs in,
 * chooses window 1 (its window screen shows the clerk), calls next by keyboard (the hall board
 * and the window screen show the call), starts, opens the transfer dialog, finishes; the
 * window's pad asks for a rating; 不满意 without a reason cannot be sent; with a reason it is
 * stored and its 差评 case is open.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startScreensHall, type ScreensHall } from '../counter/e2e-hall.js';
import { DEMO_TOKENS, type TestHall } from '../helpers/app.js';
import { newPage, screenshot } from '../helpers/browser.js';
import { openSocket, type Recorder } from '../helpers/sockets.js';

let screens: ScreensHall;
let hall: TestHall;
let browser: Browser;
let base: string;
let board: Recorder;

beforeAll(async () => {
  screens = await startScreensHall();
  ({ hall, browser, base } = screens);
  board = await openSocket(base, { token: DEMO_TOKENS.board });
});
afterAll(async () => {
  board?.close();
  await screens?.close();
});

const issue = (...args: Parameters<ScreensHall['issue']>) => screens.issue(...args);

/** The desk's action button by its id (see counter/clerk/actions.ts). */
const action = (page: Page, id: string) => page.locator(`hq-desk-view button[data-action="${id}"]`);
const currentNumber = (page: Page) => page.locator('hq-current-ticket .number');

describe('clerk console and rating pad', () => {
  it('signs in, calls by keyboard, transfers dialog, finishes; the pad asks, blocks a bad rating without reason, stores it with one', async () => {
    // clerk01 starts signed out of every window, to choose one.
    const api = await hall.signIn('clerk01');
    const w1 = hall.ids.window('1');
    expect((await api.post(`/api/windows/${w1}/sign-out`)).statusCode).toBe(200);
    await issue('A');
    await issue('B');
    const manager = await hall.signIn('manager');
    await issue('C', manager, { priority: 'elderly' });

    // The hall board and window 1's screen, in the browser too: they follow the clerk.
    const boardPage = (await newPage(browser, { width: 1280, height: 720 })).page;
    await boardPage.goto(`${base}/board#token=${DEMO_TOKENS.board}`);
    const screenPage = (await newPage(browser, { width: 1280, height: 720 })).page;
    await screenPage.goto(`${base}/window-screen#token=${DEMO_TOKENS.windowScreen('1')}`);
    const onScreen = (selector: string) => screenPage.locator(`hq-window-screen-view ${selector}`).textContent();
    await expect.poll(() => onScreen('.status')).toBe('已关闭');
    expect(await onScreen('.clerk')).toBe('暂无工作人员');

    const { page, context } = await newPage(browser, { width: 1366, height: 768 });
    await page.goto(`${base}/clerk`);
    await page.locator('hq-login-form input[name=username]').waitFor();
    await screenshot(page, 'clerk-signed-out');
    await page.locator('hq-login-form input[name=username]').fill('clerk01');
    await page.locator('hq-login-form input[name=password]').fill('demo1234');
    await page.locator('hq-login-form button').click();

    // Only the windows clerk01 may staff (the 社保 zone and the 无差别 windows).
    await page.locator('hq-window-picker button.window').first().waitFor();
    const offered = await page
      .locator('hq-window-picker button.window')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-window')));
    expect(offered).toEqual(['1', '2', '3', '8', '9']);
    await screenshot(page, 'clerk-window-picker');
    await page.locator('hq-window-picker button[data-window="1"]').click();

    // Signing in closes nothing and opens nothing: the window is closed until the clerk opens it.
    await expect.poll(() => page.locator('hq-desk-view header h1').textContent()).toBe('1号窗口');
    await expect.poll(() => action(page, 'open-toggle').isEnabled()).toBe(true);
    await expect.poll(() => action(page, 'call-next').isDisabled()).toBe(true);
    await expect.poll(() => onScreen('.clerk .name')).toBe('李敏');
    await page.keyboard.press('o');
    await expect.poll(() => page.locator('hq-desk-view .pill').textContent()).toContain('服务中');
    await expect.poll(() => onScreen('.status')).toBe('服务中');
    await expect.poll(() => page.locator('hq-ticket-lists ol.waiting li').count()).toBe(3);
    // Priority (elderly) first, then by time.
    const order = await page.locator('hq-ticket-lists ol.waiting li .no').allTextContents();
    expect(order).toEqual(['C001', 'A001', 'B001']);
    await screenshot(page, 'clerk-idle');

    // The pad of window 1, landscape, idle.
    const padContext = await newPage(browser, { width: 1280, height: 800 });
    const pad = padContext.page;
    await pad.goto(`${base}/pad#token=${DEMO_TOKENS.pad('1')}`);
    await expect.poll(() => pad.locator('hq-pad-view .clerk h1').textContent()).toBe('李敏');
    await screenshot(pad, 'pad-idle-landscape');

    // Space calls next, twice in a row: one call only.
    await page.keyboard.press('Space');
    await page.keyboard.press('Space');
    const called = await board.waitFor('ticket:called');
    expect(called.call).toMatchObject({ number: 'C001', windowNumber: '1' });
    await expect.poll(() => currentNumber(page).textContent()).toBe('C001');
    await expect.poll(() => boardPage.locator('hq-board-view .hero .number').textContent()).toBe('C001');
    expect(await boardPage.locator('hq-board-view .hero .go').textContent()).toContain('1号窗口');
    await expect.poll(() => onScreen('main .ticket')).toBe('C001');
    const snapshot = (await hall.device(DEMO_TOKENS.board).get(`/api/halls/${hall.hallId}/snapshot`)).json();
    expect(snapshot.recentCalls[0]).toMatchObject({ number: 'C001', windowNumber: '1' });
    const calls = await hall.store.read((tx) => tx.events.query({ hallId: hall.hallId, types: ['ticket:called'], limit: 10 }));
    expect(calls).toHaveLength(1);
    await expect.poll(() => page.locator('hq-current-ticket .history').textContent()).toContain('老年人');
    await screenshot(page, 'clerk-called');

    // R recalls, S starts.
    await page.keyboard.press('r');
    await expect.poll(() => page.locator('hq-current-ticket .history').textContent()).toContain('已重呼 1 次');
    await page.keyboard.press('s');
    await expect.poll(() => page.locator('hq-current-ticket .status').textContent()).toBe('办理中');

    // T opens the transfer dialog; Esc closes it without doing anything.
    await page.keyboard.press('t');
    await page.locator('hq-transfer-dialog select').waitFor();
    await expect.poll(() => page.locator('hq-transfer-dialog select option').count()).toBeGreaterThan(20);
    await screenshot(page, 'clerk-transfer-dialog');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('hq-transfer-dialog').count()).toBe(0);

    // F finishes: the pad asks for a rating of C001.
    await page.keyboard.press('f');
    await expect.poll(() => currentNumber(page).count()).toBe(0);
    await expect.poll(() => pad.locator('hq-pad-view .served').textContent()).toContain('C001');
    await expect.poll(() => page.locator('hq-current-ticket .pad').textContent()).toContain('C001');
    await screenshot(pad, 'pad-asking-landscape');

    // 不满意 without a reason: the send button stays disabled and nothing is stored.
    await pad.locator('hq-pad-view button.level[data-level="2"]').click();
    await expect.poll(() => pad.locator('hq-pad-view .reasons').count()).toBe(1);
    expect(await pad.locator('hq-pad-view button.send').isDisabled()).toBe(true);
    await pad.locator('hq-pad-view button.send').click({ force: true });
    expect(await pad.locator('hq-pad-view .hint').textContent()).toContain('请至少选择一项不满意的原因');
    expect(await hall.store.read((tx) => tx.ratings.list({ hallId: hall.hallId, limit: 10 }))).toEqual([]);

    // "其他" needs text too.
    await pad.locator('hq-pad-view button.chip[data-reason="其他"]').click();
    expect(await pad.locator('hq-pad-view button.send').isDisabled()).toBe(true);
    await pad.locator('hq-pad-view button.chip[data-reason="其他"]').click();
    await pad.locator('hq-pad-view button.chip[data-reason="办理效率低"]').click();
    expect(await pad.locator('hq-pad-view button.send').isEnabled()).toBe(true);
    await screenshot(pad, 'pad-bad-with-reasons-landscape');
    // The clerk's console has heard nothing of the choice.
    expect(await page.locator('hq-current-ticket .pad').textContent()).not.toMatch(/不满意|已评价/);

    await pad.locator('hq-pad-view button.send').click();
    await expect.poll(() => pad.locator('hq-pad-view .thanks h1').textContent()).toBe('感谢您的评价！');
    await screenshot(pad, 'pad-thanks-landscape');

    const [rating] = await hall.store.read((tx) => tx.ratings.list({ hallId: hall.hallId, limit: 10 }));
    expect(rating).toMatchObject({ level: 2, reasons: ['办理效率低'], channel: 'pad', windowId: w1, clerkId: hall.ids.user('clerk01') });
    const cases = await hall.store.read((tx) => tx.ratings.listCases({ hallId: hall.hallId, limit: 10 }));
    expect(cases).toEqual([expect.objectContaining({ ratingId: rating!.id, status: 'open' })]);
    // Now that it is stored, the clerk sees that the visitor rated (still not how).
    await expect.poll(() => page.locator('hq-current-ticket .pad').textContent()).toContain('C001 已评价');

    // The pad goes back to idle after the thank-you.
    await expect.poll(() => pad.locator('hq-pad-view .clerk h1').count(), { timeout: 8000 }).toBe(1);

    await padContext.context.close();
    await boardPage.context().close();
    await screenPage.context().close();
    await context.close();
  }, 60_000);
});
