/**
 * The rating pad in Chromium against the real server, on a portrait tablet (800×1280) and in
 * English: it asks when the clerk finishes; unanswered, it counts down and returns to idle with
 * nothing recorded (the job then records "not rated"); answered, it thanks and returns to idle.
 * A pad with an unknown token says so instead of showing a blank page.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startScreensHall, type ScreensHall } from '../counter/e2e-hall.js';
import { DEMO_TOKENS, type Agent, type TestHall } from '../helpers/app.js';
import { newPage, screenshot } from '../helpers/browser.js';
import { runningClock } from '../helpers/clock.js';

const TIMEOUT_SECONDS = 6;
let screens: ScreensHall;
let hall: TestHall;
let browser: Browser;
let base: string;

beforeAll(async () => {
  // Real time that the test can move on: the pad's countdown is not waited out, it is skipped.
  screens = await startScreensHall({ clock: runningClock(Date.now()) });
  ({ hall, browser, base } = screens);
  await hall.store.transact((tx) =>
    tx.halls.update(hall.hallId, {
      settings: { calendar: { openWeekdays: [1, 2, 3, 4, 5, 6, 7] }, rating: { padTimeoutSeconds: TIMEOUT_SECONDS } },
    }),
  );
});
afterAll(() => screens?.close());

/** A ticket served to the end at window `number` by its clerk. */
async function serve(clerk: Agent, number: string, prefix = 'A'): Promise<{ id: number; number: string }> {
  const ticket = await screens.issue(prefix);
  for (const command of ['call-next', 'start', 'finish'])
    expect((await clerk.post(`/api/windows/${hall.ids.window(number)}/${command}`)).statusCode).toBe(200);
  return ticket;
}

const view = (page: Page, selector: string) => page.locator(`hq-pad-view ${selector}`);

describe('rating pad', () => {
  it('portrait: asks, times out back to idle with nothing recorded; then a rating is thanked', async () => {
    const clerk02 = await hall.signIn('clerk02');
    const { page, context } = await newPage(browser, { width: 800, height: 1280 });
    await page.clock.install();
    await page.goto(`${base}/pad#token=${DEMO_TOKENS.pad('2')}`);
    await expect.poll(() => view(page, '.clerk h1').textContent()).toBe('张伟');
    await screenshot(page, 'pad-idle-portrait');

    const first = await serve(clerk02, '2');
    await expect.poll(() => view(page, '.served').textContent()).toContain(first.number);
    await screenshot(page, 'pad-asking-portrait');
    await view(page, 'button.level[data-level="1"]').click();
    await view(page, 'button.chip[data-reason="其他"]').click();
    await view(page, 'textarea').fill('等候时间过长，窗口中途离开');
    await view(page, 'button.chip[data-reason="服务态度差"]').click();
    await screenshot(page, 'pad-bad-with-reasons-portrait');

    // Nobody presses send: at the deadline the pad returns to idle; nothing is recorded. The
    // pad's clock passes the deadline first (by itself, not by the server's expiry event), then
    // the server's, whose job looks for deadlines strictly in the past.
    const pastDeadline = (TIMEOUT_SECONDS + 1) * 1000;
    await page.clock.fastForward(pastDeadline);
    await expect.poll(() => view(page, '.clerk h1').count()).toBe(1);
    expect((await hall.store.read((tx) => tx.tickets.get(first.id)))!.ratingStatus).toBe('pending');
    hall.clock.advance(pastDeadline);
    expect(await hall.app.jobs.run('expire-pending-ratings')).toBe(1);
    expect((await hall.store.read((tx) => tx.tickets.get(first.id)))!.ratingStatus).toBe('unrated');
    expect(await hall.store.read((tx) => tx.ratings.byTicket(first.id))).toBeNull();

    const second = await serve(clerk02, '2', 'B');
    await expect.poll(() => view(page, '.served').textContent()).toContain(second.number);
    await view(page, 'button.level[data-level="5"]').click();
    await view(page, 'button.send').click();
    await expect.poll(() => view(page, '.thanks h1').textContent()).toBe('感谢您的评价！');
    await screenshot(page, 'pad-thanks-portrait');
    expect(await hall.store.read((tx) => tx.ratings.byTicket(second.id))).toMatchObject({ level: 5, channel: 'pad' });
    await context.close();
  }, 60_000);

  it('in English, landscape: the five choices and the reasons fit', async () => {
    const clerk03 = await hall.signIn('clerk03');
    const { page, context } = await newPage(browser, { width: 1280, height: 800 });
    await page.goto(`${base}/pad?lang=en#token=${DEMO_TOKENS.pad('3')}`);
    await expect.poll(() => view(page, '.invite').textContent()).toContain('please rate my service here');
    await screenshot(page, 'pad-idle-landscape-en');
    const t = await serve(clerk03, '3');
    await expect.poll(() => view(page, '.served').textContent()).toContain(t.number);
    await view(page, 'button.level[data-level="2"]').click();
    await view(page, 'button.chip[data-reason="一次性告知不到位"]').click();
    await screenshot(page, 'pad-bad-with-reasons-landscape-en');
    expect((await view(page, 'button.level').allTextContents()).map((t) => t.trim())).toEqual([
      'Very satisfied',
      'Satisfied',
      'Fairly satisfied',
      'Dissatisfied',
      'Very dissatisfied',
    ]);
    const overflowing = await page
      .locator('hq-pad-view')
      .evaluate((host) =>
        [...host.shadowRoot!.querySelectorAll('button')].filter((b) => b.scrollWidth > b.clientWidth + 1).map((b) => b.textContent),
      );
    expect(overflowing).toEqual([]);
    await view(page, 'button.send').click();
    await expect.poll(() => view(page, '.thanks h1').textContent()).toBe('Thank you for your rating!');
    await context.close();
  }, 60_000);

  it('an unknown token shows why, with a way to pair again', async () => {
    const { page, context } = await newPage(browser, { width: 800, height: 1280 });
    await page.goto(`${base}/pad#token=not-a-real-token-0000`);
    await expect.poll(() => page.locator('hq-pairing-panel h1').textContent()).toContain('设备未配对或令牌无效');
    await context.close();
  });
});
