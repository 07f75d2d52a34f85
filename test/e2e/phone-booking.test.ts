/**
 * 预约 on the phone in Chromium at 360×740, on a running clock that the test moves to the next
 * morning: book a slot, see the booking confirmed with its code, try to check in too early (told
 * when, offered a normal number), check in within the window, get the priority ticket, and see it
 * called before older normal tickets, with the reason on both visitors' pages.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startScreensHall, type ScreensHall } from '../counter/e2e-hall.js';
import { newPage, screenshot } from '../helpers/browser.js';
import { runningClock, type TestClock } from '../helpers/clock.js';

const PHONE = { width: 360, height: 740 };
let screens: ScreensHall;
let clock: TestClock;

beforeAll(async () => {
  clock = runningClock('2026-11-23T10:00:00+08:00');
  screens = await startScreensHall({ clock });
});
afterAll(() => screens?.close());

const flow = (page: Page, selector: string) => page.locator(`hq-booking-flow ${selector}`);
const booking = (page: Page, selector: string) => page.locator(`hq-booking-page ${selector}`);
const ticket = (page: Page, selector: string) => page.locator(`hq-ticket-view ${selector}`);

describe('预约 on the phone', () => {
  it('book, check in too early, check in on time, get called first with the reason shown', async () => {
    const { page, context } = await newPage(screens.browser, PHONE);
    await page.goto(`${screens.base}/h/demo/book`);
    await expect.poll(() => flow(page, 'button.choice').count()).toBe(4);
    await screenshot(page, 'phone-book-services');
    await flow(page, 'button.choice[data-prefix="A"]').click();
    await expect.poll(() => flow(page, 'button.day').count()).toBe(7);
    expect(await flow(page, 'button.day[aria-pressed="true"]').getAttribute('data-date')).toBe('2026-11-24');
    await flow(page, 'button.slot[data-start="09:00"]').click();
    await page.locator('hq-booking-flow hq-phone-number input').fill('13812345678');
    expect(await flow(page, '.summary').textContent()).toContain('09:00–10:00');
    await screenshot(page, 'phone-book-slot');
    await flow(page, '[data-testid="book"]').click();
    await page.waitForURL(/\/b\/[a-z2-9]{16}$/);
    await expect.poll(() => booking(page, '[data-testid="booking-status"] .title').textContent()).toBe('预约成功');
    expect(await booking(page, '[data-testid="booking-code"]').textContent()).toMatch(/^\d{4} \d{4}$/);
    expect(await booking(page, '.facts').textContent()).toContain('138****5678');
    await screenshot(page, 'phone-booking-confirmed');

    // The next morning, 08:00: too early; the page says when, and offers a normal number.
    clock.set('2026-11-24T08:00:00+08:00');
    await page.reload();
    await expect.poll(() => booking(page, '[data-testid="too-early"]').textContent()).toContain('请于 08:30 以后签到');
    expect(await booking(page, '[data-testid="check-in"] a.btn').getAttribute('href')).toMatch(/^\/h\/demo\?service=\d+$/);
    await screenshot(page, 'phone-check-in-too-early');

    // 08:35: two normal tickets are taken, one of them on a phone.
    clock.set('2026-11-24T08:35:00+08:00');
    await screens.issue('A');
    const normal = (
      await screens.hall.anonymous.post('/api/phone/halls/demo/tickets', { serviceId: screens.hall.ids.service('A'), phone: '13900002222' })
    ).json();
    const other = await newPage(screens.browser, PHONE);
    await other.page.goto(`${screens.base}/t/${normal.publicCode}`);
    await expect.poll(() => ticket(other.page, '[data-testid="ahead"]').textContent()).toBe('1人');

    // 08:40: within the window. Check in on the phone: the appointment ticket, first in line.
    clock.set('2026-11-24T08:40:00+08:00');
    await page.reload();
    await booking(page, '[data-testid="check-in-button"]').click();
    await page.waitForURL(/\/t\/[a-z2-9]{16}$/);
    await expect.poll(() => ticket(page, '.badges').textContent()).toContain('预约号');
    expect(await ticket(page, '[data-testid="ahead"]').textContent()).toBe('0人');
    expect(await ticket(page, '.card').nth(2).textContent()).toContain('预约时段');
    await screenshot(page, 'phone-appointment-ticket');

    // The clerk calls next: the appointment goes before both older normal tickets.
    const clerk = await screens.hall.signIn('clerk01');
    const call = (await clerk.post(`/api/windows/${screens.hall.ids.window('1')}/call-next`)).json();
    expect(call.ticket.callReason).toBe('appointment');
    await expect.poll(() => ticket(page, '[data-testid="called-window"]').textContent(), { timeout: 5000 }).toBe('1 号窗口');
    expect(await page.locator('hq-ticket-view').evaluate((el) => el.shadowRoot!.textContent)).toContain('您的号码按“预约号”优先叫号。');
    await screenshot(page, 'phone-appointment-called');

    // The older normal visitor reads why a later number went first.
    await expect.poll(() => ticket(other.page, '[data-testid="passed-by"]').textContent(), { timeout: 5000 }).toContain(call.ticket.number);
    expect(await ticket(other.page, '[data-testid="passed-by"]').textContent()).toContain('提前预约的群众在预约时段优先办理。');
    await screenshot(other.page, 'phone-passed-by');
    await other.context.close();
    await context.close();
  }, 90_000);
});
