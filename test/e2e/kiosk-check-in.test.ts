/**
 * 预约签到 at the kiosk in Chromium against the real server, printing on the virtual printer, on
 * a running clock moved to the morning of the appointments: the entry on the start screen
 * (portrait, landscape, large text), the on-screen keypad by booking code and by phone number,
 * the appointment ticket printed with its slot, a code that is not found (typed again), a phone
 * number with two appointments (choose the service), too early (the message with the times and a
 * normal number that prints), a lost answer retried with the same key, English, and the return to
 * the start when idle. Screenshots go to test-output/screenshots/kiosk-check-in-*.png.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { VirtualPrinter } from '../../printer/virtual-printer.js';
import { startScreensHall, type ScreensHall } from '../counter/e2e-hall.js';
import type { TestHall } from '../helpers/app.js';
import { screenshot } from '../helpers/browser.js';
import { runningClock, type TestClock } from '../helpers/clock.js';
import { LANDSCAPE, openKiosk as openKioskPage, PORTRAIT, printState, signInAsGuideDesk } from '../helpers/kiosk.js';
import { addKioskPrinter } from '../printer/printer-hall.js';

const DAY = '2026-11-24';

let screens: ScreensHall;
let hall: TestHall;
let clock: TestClock;
let printer: VirtualPrinter;

/** The bookings of the day, made the day before on the phone API. */
const booked: Record<string, { code: string; phone: string; prefix: string; start: string }> = {};

async function book(name: string, prefix: string, start: string, phone: string) {
  const res = await hall.anonymous.post('/api/phone/halls/demo/bookings', { serviceId: hall.ids.service(prefix), date: DAY, start, phone });
  if (res.statusCode !== 201) throw new Error(`book ${name}: ${res.body}`);
  booked[name] = { code: res.json().code, phone, prefix, start };
}

beforeAll(async () => {
  clock = runningClock('2026-11-23T10:00:00+08:00');
  screens = await startScreensHall({ clock });
  hall = screens.hall;
  printer = new VirtualPrinter({ port: 0, outDir: null });
  await printer.start();
  await addKioskPrinter(hall, printer.address);
  await book('byCode', 'A', '09:00', '13800000001');
  await book('byPhone', 'E', '09:00', '13800000002');
  await book('early', 'H', '10:00', '13800000003');
  await book('twoA', 'A', '09:00', '13800000004');
  await book('twoH', 'H', '09:00', '13800000004');
  await book('lost', 'P', '09:00', '13800000005');
  await book('english', 'E', '09:00', '13800000006');
  await book('desk', 'E', '09:00', '13800000007');
  // The next morning, 08:40: the 09:00 slots are open for check-in (08:30–10:15), 10:00 opens at 09:30.
  clock.set(`${DAY}T08:40:00+08:00`);
});
afterAll(async () => {
  await screens?.close();
  await printer?.stop();
});
beforeEach(() => printer.setPaper('ok'));

/** The kiosk, with the 预约签到 entry on its start screen. */
async function openKiosk(size: { width: number; height: number }, query = '') {
  const kiosk = await openKioskPage(screens, size, { query });
  await kiosk.page.locator('hq-kiosk-services [data-check-in]').waitFor();
  return kiosk;
}

const checkIn = (page: Page, selector: string) => page.locator(`hq-kiosk-check-in ${selector}`);

/** Taps the digits on the on-screen keypad. */
async function type(page: Page, digits: string) {
  for (const d of digits) await checkIn(page, `[data-key="${d}"]`).click();
}

async function openCheckIn(page: Page, mode: 'code' | 'phone' = 'code') {
  await page.locator('hq-kiosk-services [data-check-in]').click();
  await checkIn(page, '.pad').waitFor();
  if (mode === 'phone') await checkIn(page, '[data-mode="phone"]').click();
}

/** Opens the keypad, types the booking's code and taps 签到取号. */
async function checkInByCode(page: Page, name: string) {
  await openCheckIn(page);
  await type(page, booked[name]!.code);
  await checkIn(page, '[data-go]').click();
}

async function ticketOf(number: string) {
  const serviceDay = (await hall.app.hallService.snapshot(hall.hallId)).hall.serviceDay;
  return (await hall.store.read((tx) => tx.tickets.list({ hallId: hall.hallId, serviceDay }))).find((t) => t.number === number)!;
}
const bookingStatus = async (name: string) => (await hall.store.read((tx) => tx.phone.bookingByCode(booked[name]!.code)))!.status;

/** Elements of a shadow root (and its children's) whose content is wider than they are. */
const overflowing = (page: Page, host: string) =>
  page
    .locator(host)
    .evaluate((el) =>
      [...el.shadowRoot!.querySelectorAll('button, .box, dd, h1, p')]
        .filter((b) => b.scrollWidth > b.clientWidth + 1)
        .map((b) => b.textContent?.trim()),
    );

/** Whether an element reaches into the kiosk's footer (it should fit in the screen's main area). */
async function coversFooter(page: Page, selector: string): Promise<boolean> {
  const box = (await page.locator(selector).boundingBox())!;
  const footer = (await page.locator('hq-kiosk-screen footer').boundingBox())!;
  return box.y + box.height > footer.y + 1;
}

/** Whether the topmost and the lowest element of a screen lie between the kiosk's header and footer. */
async function fitsMain(page: Page, top: string, bottom: string): Promise<boolean> {
  const header = (await page.locator('hq-kiosk-screen header').boundingBox())!;
  const first = (await page.locator(top).boundingBox())!;
  return first.y >= header.y + header.height - 1 && !(await coversFooter(page, bottom));
}

/** Parts of the check-in screen's left side that reach into the keypad (or the service choice). */
const intoKeypad = (page: Page) =>
  page.locator('hq-kiosk-check-in').evaluate((el) => {
    const pad = el.shadowRoot!.querySelector('.pad, .choices')!.getBoundingClientRect();
    return [...el.shadowRoot!.querySelectorAll('.info > *')]
      .filter((part) => {
        const r = part.getBoundingClientRect();
        return r.right > pad.left + 1 && r.left < pad.right - 1 && r.bottom > pad.top + 1 && r.top < pad.bottom - 1;
      })
      .map((part) => part.className);
  });

describe('预约签到 at the kiosk', () => {
  it('portrait, by booking code: the entry, the keypad, the appointment ticket printed with its slot', async () => {
    const { page, close } = await openKiosk(PORTRAIT);
    await screenshot(page, 'kiosk-check-in-start-portrait');
    await openCheckIn(page);
    expect(await checkIn(page, '[data-mode="code"]').getAttribute('aria-checked')).toBe('true');
    expect(await checkIn(page, '[data-go]').isDisabled()).toBe(true);
    expect(await fitsMain(page, 'hq-kiosk-check-in h1', 'hq-kiosk-check-in [data-go]')).toBe(true);
    await screenshot(page, 'kiosk-check-in-keypad-portrait');

    const { code } = booked.byCode!;
    await type(page, code.slice(0, 7) + '9');
    await checkIn(page, '[data-key="delete"]').click(); // a slip of the finger, corrected
    await type(page, code.slice(7));
    await checkIn(page, '[data-key="5"]').click(); // a ninth digit does not fit
    expect(await checkIn(page, '.entry').getAttribute('data-entry')).toBe(code);
    expect(await checkIn(page, '[data-go]').isDisabled()).toBe(false);
    await screenshot(page, 'kiosk-check-in-code-typed-portrait');
    const jobs = printer.jobs.length;
    await checkIn(page, '[data-go]').click();

    const number = page.locator('hq-kiosk-ticket [data-number]');
    await number.waitFor();
    await expect.poll(() => printState(page)).toBe('printed');
    const shown = (await number.textContent())!;
    expect(await page.locator('hq-kiosk-ticket [data-appointment]').textContent()).toContain('预约时段 09:00–10:00');
    expect(await page.locator('hq-kiosk-ticket .label').textContent()).toContain('签到成功');
    const ticket = await ticketOf(shown);
    expect(ticket).toMatchObject({
      priority: 'appointment',
      source: 'appointment',
      printStatus: 'printed',
      serviceId: hall.ids.service('A'),
    });
    expect(await bookingStatus('byCode')).toBe('checked_in');
    // The virtual printer received this ticket, marked 预约号 with its slot.
    await expect.poll(() => printer.jobs.length).toBe(jobs + 1);
    const job = printer.jobs[jobs]!;
    expect(job.lines).toContain(shown);
    expect(job.lines).toContain('预约号 · 预约时段 09:00-10:00');
    expect(job.qr).toEqual([`${screens.base}/t/${ticket.publicCode}`]);
    expect(await page.locator('hq-kiosk-ticket hq-qr').evaluate((el) => (el as HTMLElement & { value: string }).value)).toBe(job.qr[0]);
    await screenshot(page, 'kiosk-check-in-ticket-portrait');
    await close();
  }, 60_000);

  it('landscape, by phone number: switch to the phone keypad, the ticket prints', async () => {
    const { page, close } = await openKiosk(LANDSCAPE);
    await screenshot(page, 'kiosk-check-in-start-landscape');
    await openCheckIn(page, 'phone');
    await type(page, '2');
    expect(await checkIn(page, '[data-problem]').textContent()).toContain('以 1 开头');
    await checkIn(page, '[data-key="clear"]').click();
    await type(page, booked.byPhone!.phone);
    expect(await checkIn(page, '.entry').getAttribute('data-entry')).toBe(booked.byPhone!.phone);
    await screenshot(page, 'kiosk-check-in-phone-typed-landscape');
    expect(await overflowing(page, 'hq-kiosk-check-in')).toEqual([]);
    expect(await intoKeypad(page)).toEqual([]);
    const jobs = printer.jobs.length;
    await checkIn(page, '[data-go]').click();
    await expect.poll(() => printState(page)).toBe('printed');
    const shown = (await page.locator('hq-kiosk-ticket [data-number]').textContent())!;
    expect(shown).toMatch(/^E\d{3}$/);
    expect(await ticketOf(shown)).toMatchObject({ priority: 'appointment', printStatus: 'printed' });
    await expect.poll(() => printer.jobs.length).toBe(jobs + 1);
    expect(printer.jobs[jobs]!.lines).toContain(shown);
    await screenshot(page, 'kiosk-check-in-ticket-landscape');
    await close();
  }, 60_000);

  it('a code that is not found says so on the keypad and keeps the digits to correct', async () => {
    const { page, close } = await openKiosk(PORTRAIT);
    await openCheckIn(page);
    await type(page, '98765432');
    await checkIn(page, '[data-go]').click();
    await expect.poll(() => checkIn(page, '[data-error]').textContent()).toContain('没有找到');
    expect(await checkIn(page, '.entry').getAttribute('data-entry')).toBe('98765432');
    await screenshot(page, 'kiosk-check-in-not-found-portrait');
    await checkIn(page, '[data-key="delete"]').click();
    expect(await checkIn(page, '[data-error]').count()).toBe(0);
    await close();
  }, 60_000);

  it('a phone number with two appointments today: choose the service, then it checks in that one', async () => {
    const { page, close } = await openKiosk(PORTRAIT);
    await openCheckIn(page, 'phone');
    await type(page, booked.twoA!.phone);
    await checkIn(page, '[data-go]').click();
    await checkIn(page, '[data-choices]').waitFor();
    expect(await checkIn(page, '.choice').count()).toBe(2);
    expect(await fitsMain(page, 'hq-kiosk-check-in h1', 'hq-kiosk-check-in [data-retype]')).toBe(true);
    await screenshot(page, 'kiosk-check-in-choose-portrait');
    await checkIn(page, `[data-choice="${hall.ids.service('H')}"]`).click();
    await expect.poll(() => printState(page)).toBe('printed');
    const shown = (await page.locator('hq-kiosk-ticket [data-number]').textContent())!;
    expect(shown).toMatch(/^H\d{3}$/);
    expect(await bookingStatus('twoH')).toBe('checked_in');
    expect(await bookingStatus('twoA')).toBe('booked');
    await close();
  }, 60_000);

  it('too early: the message with the slot and the check-in times; the normal number instead is issued and printed', async () => {
    const { page, close } = await openKiosk(LANDSCAPE);
    await checkInByCode(page, 'early');
    const notice = page.locator('hq-kiosk-notice .card');
    await notice.waitFor();
    expect(await notice.getAttribute('data-kind')).toBe('check_in_early');
    expect(await notice.locator('h1').textContent()).toBe('还没到签到时间');
    const facts = (await notice.locator('[data-booking]').textContent())!;
    expect(facts).toContain('10:00–11:00');
    expect(facts).toContain('09:30–11:15');
    expect(facts).toContain('企业开办');
    expect(await notice.locator('[data-soon]').textContent()).toMatch(/还有 (49|50) 分钟可以签到/);
    expect(await overflowing(page, 'hq-kiosk-notice')).toEqual([]);
    expect(await coversFooter(page, 'hq-kiosk-notice .card')).toBe(false);
    await screenshot(page, 'kiosk-check-in-too-early-landscape');
    await page.locator('hq-kiosk-screen [data-tool="elder"]').click();
    expect(await coversFooter(page, 'hq-kiosk-notice .card')).toBe(false);
    await screenshot(page, 'kiosk-check-in-too-early-elder-landscape');
    await page.locator('hq-kiosk-screen [data-tool="elder"]').click();

    const jobs = printer.jobs.length;
    await notice.locator('[data-normal]').click();
    await expect.poll(() => printState(page)).toBe('printed');
    const shown = (await page.locator('hq-kiosk-ticket [data-number]').textContent())!;
    expect(await ticketOf(shown)).toMatchObject({
      priority: 'normal',
      source: 'kiosk',
      serviceId: hall.ids.service('H'),
      printStatus: 'printed',
    });
    expect(await page.locator('hq-kiosk-ticket [data-appointment]').count()).toBe(0);
    await expect.poll(() => printer.jobs.length).toBe(jobs + 1);
    expect(printer.jobs[jobs]!.lines.some((l) => l.includes('预约号'))).toBe(false);
    expect(await bookingStatus('early')).toBe('booked'); // still valid for its own time
    await close();
  }, 60_000);

  it('a lost answer: no number shown, the retry uses the same key and checks in once', async () => {
    const { page, close } = await openKiosk(LANDSCAPE);
    let lost = 0;
    await page.route('**/api/halls/*/bookings/check-in', async (route) => {
      if (lost++ === 0) {
        await route.fetch();
        await route.abort('connectionreset');
      } else await route.continue();
    });
    await checkInByCode(page, 'lost');
    const notice = page.locator('hq-kiosk-notice .card');
    await notice.waitFor();
    expect(await notice.getAttribute('data-kind')).toBe('offline');
    expect(await bookingStatus('lost')).toBe('checked_in'); // the server did check it in
    await notice.locator('[data-retry]').click();
    const shown = (await page.locator('hq-kiosk-ticket [data-number]').textContent())!;
    const ticket = await ticketOf(shown);
    expect(ticket.bookingId).not.toBeNull();
    const serviceDay = (await hall.app.hallService.snapshot(hall.hallId)).hall.serviceDay;
    const ofService = (await hall.store.read((tx) => tx.tickets.list({ hallId: hall.hallId, serviceDay }))).filter(
      (t) => t.serviceId === hall.ids.service('P'),
    );
    expect(ofService).toHaveLength(1);
    await close();
  }, 60_000);

  it('the guide desk, signed in as staff on the kiosk, checks a visitor in; it prints on the kiosk printer', async () => {
    const { page, close } = await openKiosk(LANDSCAPE);
    await signInAsGuideDesk(page);
    const jobs = printer.jobs.length;
    await checkInByCode(page, 'desk');
    await expect.poll(() => printState(page)).toBe('printed');
    const shown = (await page.locator('hq-kiosk-ticket [data-number]').textContent())!;
    expect(await ticketOf(shown)).toMatchObject({ priority: 'appointment', printStatus: 'printed' });
    await expect.poll(() => printer.jobs.length).toBe(jobs + 1);
    expect(printer.jobs[jobs]!.lines).toContain(shown);
    await close();
  }, 60_000);

  it('large-text mode: the entry and the keypad grow and nothing is cut', async () => {
    const { page, close } = await openKiosk(PORTRAIT);
    const entrySize = () => page.locator('hq-kiosk-services [data-check-in] b').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    const normal = await entrySize();
    await page.locator('hq-kiosk-screen [data-tool="elder"]').click();
    await expect.poll(entrySize).toBeGreaterThan(normal * 1.2);
    await screenshot(page, 'kiosk-check-in-start-elder-portrait');
    await openCheckIn(page, 'phone');
    await type(page, '13900001111');
    expect(await overflowing(page, 'hq-kiosk-check-in')).toEqual([]);
    expect(await intoKeypad(page)).toEqual([]);
    expect(await fitsMain(page, 'hq-kiosk-check-in h1', 'hq-kiosk-check-in [data-go]')).toBe(true);
    await screenshot(page, 'kiosk-check-in-keypad-elder-portrait');
    await page.setViewportSize(LANDSCAPE);
    expect(await overflowing(page, 'hq-kiosk-check-in')).toEqual([]);
    expect(await intoKeypad(page)).toEqual([]);
    expect(await fitsMain(page, 'hq-kiosk-check-in h1', 'hq-kiosk-check-in [data-go]')).toBe(true);
    await screenshot(page, 'kiosk-check-in-keypad-elder-landscape');
    await close();
  }, 60_000);

  it('in English: the entry and the keypad fit, and the check-in works', async () => {
    const { page, close } = await openKiosk(LANDSCAPE, '?lang=en');
    expect(await page.locator('hq-kiosk-services [data-check-in] b').textContent()).toBe('Appointment check-in');
    expect(await overflowing(page, 'hq-kiosk-services')).toEqual([]);
    await openCheckIn(page, 'phone');
    await type(page, booked.english!.phone);
    expect(await overflowing(page, 'hq-kiosk-check-in')).toEqual([]);
    expect(await intoKeypad(page)).toEqual([]);
    await screenshot(page, 'kiosk-check-in-keypad-landscape-en');
    await checkIn(page, '[data-go]').click();
    await expect.poll(() => printState(page)).toBe('printed');
    expect(await page.locator('hq-kiosk-ticket [data-appointment]').textContent()).toContain('Appointment');
    await screenshot(page, 'kiosk-check-in-ticket-landscape-en');
    await close();
  }, 60_000);

  it('returns to the start screen when nobody touches the keypad', async () => {
    const { page, context } = await openKioskPage(screens, PORTRAIT, { clock: true });
    await openCheckIn(page);
    await type(page, '1234');
    await page.clock.fastForward(30_000);
    expect(await page.locator('hq-kiosk-check-in').count()).toBe(1); // still typing time
    await page.clock.fastForward(20_000);
    await expect.poll(() => page.locator('hq-kiosk-check-in').count(), { timeout: 5000 }).toBe(0);
    await page.locator('hq-kiosk-services .tile').first().waitFor();
    // The next visitor starts with an empty keypad.
    await openCheckIn(page);
    expect(await checkIn(page, '.entry').getAttribute('data-entry')).toBe('');
    await context.close();
  }, 60_000);
});
