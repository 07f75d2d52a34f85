/**
 * The visitor's phone in Chromium at 360×740 against the real server: take a number on the hall
 * QR page, watch the place fall as clerks call (API), get the called alert (vibration recorded),
 * miss it and see until when it can be re-queued, be served and rate later (补评) on the phone;
 * the printed slip's `?rate=1` opens the rating form directly; English works at that width.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startScreensHall, type ScreensHall } from '../counter/e2e-hall.js';
import type { Agent } from '../helpers/app.js';
import { newPage, screenshot } from '../helpers/browser.js';
import { runningClock } from '../helpers/clock.js';

const PHONE = { width: 360, height: 740 };
let screens: ScreensHall;
let clerk: Agent;
let w1: number;

beforeAll(async () => {
  screens = await startScreensHall({ clock: runningClock('2026-11-23T10:00:00+08:00') });
  clerk = await screens.hall.signIn('clerk01');
  w1 = screens.hall.ids.window('1');
});
afterAll(() => screens?.close());

/** Texts in a card whose colour has less than 4.5:1 contrast with the card's background (runs in the page). */
function lowContrastTexts(card: Element): string[] {
  const rgb = (c: string) => (c.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
  const luminance = (c: string) => {
    const [r, g, b] = rgb(c).map((v) => (v / 255 <= 0.03928 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  };
  const background = luminance(getComputedStyle(card).backgroundColor);
  const low: string[] = [];
  for (const el of [card, ...card.querySelectorAll('*')]) {
    const own = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim());
    if (!own) continue;
    const text = luminance(getComputedStyle(el).color);
    const ratio = (Math.max(text, background) + 0.05) / (Math.min(text, background) + 0.05);
    if (ratio < 4.5) low.push(`${el.textContent.trim().slice(0, 20)}: ${ratio.toFixed(1)}:1`);
  }
  return low;
}

const view = (page: Page, selector: string) => page.locator(`hq-ticket-view ${selector}`);
async function phonePage(url: string) {
  const { page, context } = await newPage(screens.browser, PHONE);
  // Record vibrations: headless Chromium has no motor, the page's request is what counts.
  await page.addInitScript(() => {
    const w = window as unknown as { vibrations: unknown[] };
    w.vibrations = [];
    Object.defineProperty(navigator, 'vibrate', { value: (p: unknown) => (w.vibrations.push(p), true), configurable: true });
  });
  await page.goto(`${screens.base}${url}`);
  return { page, context };
}
/** Elements wider than the page: nothing may stick out at 360 px. */
const overflowing = (page: Page) =>
  page.evaluate(() => {
    const out: string[] = [];
    const walk = (root: Document | ShadowRoot) => {
      for (const el of root.querySelectorAll('*')) {
        const r = el.getBoundingClientRect();
        if (r.width > 0 && (r.right > window.innerWidth + 1 || r.left < -1)) out.push(`${el.tagName.toLowerCase()}.${el.className}`);
        if (el.shadowRoot) walk(el.shadowRoot);
      }
    };
    walk(document);
    return out;
  });

describe('the visitor’s phone', () => {
  it('takes a number on the hall QR page, watches its place fall, is called, misses, is served and rates', async () => {
    for (let i = 0; i < 3; i++) await screens.issue('D');
    await screens.hall.store.transact((tx) => tx.services.update(screens.hall.ids.service('B'), { dailyQuota: 0 }));
    const { page, context } = await phonePage('/h/demo');
    await expect.poll(() => page.locator('hq-take-app button.service[data-prefix="B"] .off').textContent()).toBe('今日号已取完');
    expect(await page.locator('hq-take-app button.service[data-prefix="B"]').isDisabled()).toBe(true);
    await expect.poll(() => page.locator('hq-take-app button.service[data-prefix="D"] .meta').textContent()).toContain('等候 3 人');
    await screenshot(page, 'phone-take');
    expect(await overflowing(page)).toEqual([]);

    await page.locator('hq-take-app button.service[data-prefix="D"]').click();
    await expect(page.locator('hq-take-app [data-testid="take"]').isDisabled()).resolves.toBe(true);
    await page.locator('hq-phone-number input').fill('138 1234 5678');
    await screenshot(page, 'phone-take-phone');
    await page.locator('hq-take-app [data-testid="take"]').click();
    await page.waitForURL(/\/t\/[a-z2-9]{16}$/);
    await expect.poll(() => view(page, '[data-testid="ahead"]').textContent()).toBe('3人');
    expect(await view(page, '[data-testid="number"]').textContent()).toBe('D004');
    await expect.poll(() => view(page, '.live').textContent()).toContain('实时更新');
    // Shown only where the browser still locks audio (a real phone); this Chromium allows it.
    if (await view(page, '[data-testid="enable-alerts"]').count()) await view(page, '[data-testid="enable-alerts"]').click();
    await expect.poll(() => view(page, '.alerts').textContent()).toContain('已开启声音与振动提醒');
    await screenshot(page, 'phone-waiting');
    expect(await overflowing(page)).toEqual([]);

    // Clerks call the three before: the place falls without a reload.
    for (const expected of ['2人', '1人', '0人']) {
      for (const c of ['call-next', 'start', 'finish']) expect((await clerk.post(`/api/windows/${w1}/${c}`)).statusCode).toBe(200);
      await expect.poll(() => view(page, '[data-testid="ahead"]').textContent(), { timeout: 5000 }).toBe(expected);
    }
    expect(await view(page, '.next').textContent()).toContain('下一位就是您');

    expect((await clerk.post(`/api/windows/${w1}/call-next`)).json().ticket.number).toBe('D004');
    await expect.poll(() => view(page, '[data-testid="called-window"]').textContent(), { timeout: 5000 }).toBe('1 号窗口');
    expect(await page.title()).toBe('【请到 1 号窗口】D004');
    expect(await page.evaluate(() => (window as unknown as { vibrations: unknown[] }).vibrations)).toContainEqual([
      400, 200, 400, 200, 800,
    ]);
    // The words that matter most must read on the red card (WCAG AA: 4.5:1 and more).
    expect(await view(page, 'section.called').evaluate(lowContrastTexts)).toEqual([]);
    await screenshot(page, 'phone-called');

    await clerk.post(`/api/windows/${w1}/no-show`);
    await expect.poll(() => view(page, '.state .title').textContent(), { timeout: 5000 }).toBe('您已过号');
    expect(await view(page, '[data-testid="requeue-until"]').textContent()).toMatch(/^\d{2}:\d{2} 前有效$/);
    expect(await view(page, '.state .big').textContent()).toBe('请到 1 号窗口申请重新排队');
    await screenshot(page, 'phone-missed');

    // The visitor comes back in time: re-queued, called, served.
    const ticketId = (await clerk.get(`/api/windows/${w1}`)).json().missed.find((t: { number: string }) => t.number === 'D004').id;
    expect((await clerk.post(`/api/windows/${w1}/requeue`, { ticketId })).statusCode).toBe(200);
    for (const c of ['call-next', 'start', 'finish']) expect((await clerk.post(`/api/windows/${w1}/${c}`)).statusCode).toBe(200);
    await expect.poll(() => view(page, '[data-testid="invite"]').count(), { timeout: 5000 }).toBe(1);
    await screenshot(page, 'phone-done-rate');
    // Each face's words stay on one line at 360 px.
    const wrapped = await view(page, '[data-testid="invite"] button > span').evaluateAll((spans) =>
      spans.filter((s) => s.getBoundingClientRect().height > parseFloat(getComputedStyle(s).lineHeight) * 1.5).map((s) => s.textContent),
    );
    expect(wrapped).toEqual([]);

    // 补评: a 不满意 needs a reason before it can be sent.
    await view(page, '[data-testid="invite"] button[data-level="2"]').click();
    const form = (selector: string) => page.locator(`hq-rating-form ${selector}`);
    await expect(form('button.send').isDisabled()).resolves.toBe(true);
    await form('button.chip[data-reason="办理效率低"]').click();
    await form('button.chip[data-reason="其他"]').click();
    await form('textarea').fill('等候时间太长');
    await screenshot(page, 'phone-rating-bad');
    expect(await overflowing(page)).toEqual([]);
    await form('button.send').click();
    await expect.poll(() => view(page, '.thanks h1').textContent()).toBe('感谢您的评价！');
    await screenshot(page, 'phone-rating-thanks');
    const code = new URL(page.url()).pathname.split('/')[2]!;
    const stored = await screens.hall.store.read(async (tx) => tx.ratings.byTicket((await tx.tickets.byCode(code))!.id));
    expect(stored).toMatchObject({ level: 2, channel: 'phone', reasons: ['办理效率低', '其他'], comment: '等候时间太长' });
    await view(page, '.thanks button').click();
    await expect.poll(() => view(page, '.rated').textContent()).toContain('您已评价：不满意');
    await context.close();
  }, 90_000);

  it('the evaluation slip’s link (?rate=1) opens the rating form directly; a rated ticket says so', async () => {
    const served = await screens.issue('C');
    const code = (await screens.hall.store.read((tx) => tx.tickets.get(served.id)))!.publicCode;
    const clerk02 = await screens.hall.signIn('clerk02');
    const w2 = screens.hall.ids.window('2');
    expect((await clerk02.post(`/api/windows/${w2}/call`, { ticketId: served.id, reason: '测试' })).statusCode).toBe(200);
    for (const c of ['start', 'finish']) await clerk02.post(`/api/windows/${w2}/${c}`);
    const { page, context } = await phonePage(`/t/${code}?rate=1`);
    await expect.poll(() => page.locator('hq-rating-form button.level').count()).toBe(5);
    expect((await page.locator('hq-rating-form button.level').allTextContents()).map((t) => t.trim())).toEqual([
      '非常满意',
      '满意',
      '基本满意',
      '不满意',
      '非常不满意',
    ]);
    await screenshot(page, 'phone-rate-from-slip');
    await page.locator('hq-rating-form button.level[data-level="5"]').click();
    await page.locator('hq-rating-form button.send').click();
    await expect.poll(() => view(page, '.thanks h1').textContent()).toBe('感谢您的评价！');
    // The pad cannot rate it any more; opening the slip again shows the rating, not the form.
    await page.goto(`${screens.base}/t/${code}?rate=1`);
    await expect.poll(() => view(page, '.rated').textContent()).toContain('非常满意');
    expect(await page.locator('hq-rating-form').count()).toBe(0);
    await context.close();
  });

  it('a refused reload (429) says the view may be old, keeps it, and recovers after the wait the server gave', async () => {
    await screens.issue('F');
    const mine = (
      await screens.hall.anonymous.post('/api/phone/halls/demo/tickets', { serviceId: screens.hall.ids.service('F'), phone: '13900002222' })
    ).json();
    const { page, context } = await phonePage(`/t/${mine.publicCode}`);
    await expect.poll(() => view(page, '[data-testid="ahead"]').textContent()).toBe('1人');
    await expect.poll(() => view(page, '.live').getAttribute('class')).toBe('live ');
    let refused = 0;
    await page.route('**/api/phone/tickets/*', (route) => {
      refused++;
      return route.fulfill({
        status: 429,
        contentType: 'application/json',
        headers: { 'retry-after': '2' },
        body: JSON.stringify({
          statusCode: 429,
          code: 'rate_limited',
          message: '操作过于频繁，请稍后再试。',
          messageEn: 'Too many requests.',
          details: { retryAfterSeconds: 2 },
        }),
      });
    });
    // Another visitor takes a number in the same service: the page reloads, and is refused.
    await screens.issue('F');
    await expect.poll(() => view(page, '.live').getAttribute('class'), { timeout: 5000 }).toBe('live off');
    expect(refused).toBeGreaterThan(0);
    expect(await view(page, '[data-testid="ahead"]').textContent()).toBe('1人');
    await screenshot(page, 'phone-stale');
    await page.unroute('**/api/phone/tickets/*');
    await expect.poll(() => view(page, '.live').getAttribute('class'), { timeout: 8000 }).toBe('live ');
    await context.close();
  });

  it('in English at 360 px: the waiting page fits; an unknown code says so', async () => {
    await screens.issue('E');
    const res = await screens.hall.anonymous.post('/api/phone/halls/demo/tickets', {
      serviceId: screens.hall.ids.service('E'),
      phone: '13900001111',
    });
    const { page, context } = await phonePage(`/t/${res.json().publicCode}?lang=en`);
    await expect.poll(() => view(page, '[data-testid="status"]').textContent()).toBe('Waiting');
    expect(await view(page, '.stats').textContent()).toContain('Ahead of you');
    await screenshot(page, 'phone-waiting-en');
    expect(await overflowing(page)).toEqual([]);
    await page.goto(`${screens.base}/t/abcdefghjkmnpqrs?lang=en`);
    await expect.poll(() => page.locator('hq-ticket-app h1').textContent()).toBe('Ticket not found');
    await context.close();
  });
});
