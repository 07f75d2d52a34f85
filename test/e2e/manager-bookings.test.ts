/**
 * 预约与扫码 in the manager console, in Chromium against the real server: a manager adds
 * appointment slots and the phone booking page's API offers them at once; a refusal of the server
 * shows at its field; a booking made through the phone API is in the day's list with the full
 * phone number; the notifications list says it was confirmed; the printable QR poster decodes to
 * the hall's 扫码取号 address and prints as one A4 page. Screenshots of each view (1366×768 and
 * 1920×1080, the poster in print media) are saved to be looked at.
 */
import jsqr from 'jsqr';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BookingOptionsView } from '../../common/phone.js';
import { startScreensHall, type ScreensHall } from '../counter/e2e-hall.js';
import type { TestHall } from '../helpers/app.js';
import { newPage, screenshot } from '../helpers/browser.js';

let screens: ScreensHall;
let hall: TestHall;
let base: string;
const PHONE = '13812345678';
/** jsqr is CommonJS: at run time its export is the function itself; its types call it `default`. */
const jsQR = ((jsqr as unknown as { default?: typeof jsqr.default }).default ?? jsqr) as unknown as typeof jsqr.default;

beforeAll(async () => {
  screens = await startScreensHall();
  ({ hall, base } = screens);
}, 60_000);
afterAll(() => screens?.close());

async function openConsole(
  hash: string,
  size = { width: 1366, height: 768 },
  lang?: string,
): Promise<{ page: Page; context: BrowserContext }> {
  const { page, context } = await newPage(screens.browser, size);
  await page.goto(`${base}/manager${lang ? `?lang=${lang}` : ''}${hash}`);
  await page.locator('hq-login-form input[name=username]').fill('manager');
  await page.locator('hq-login-form input[name=password]').fill('demo1234');
  await page.locator('hq-login-form button').click();
  await page.locator('hq-manager-shell nav').waitFor();
  return { page, context };
}

const slotsOnPhone = async (serviceId: number): Promise<BookingOptionsView> =>
  (await hall.anonymous.get(`/api/phone/halls/demo/services/${serviceId}/slots`)).json();

describe('预约时段', () => {
  it('a manager adds a slot on several weekdays; the phone booking page offers it at once', async () => {
    const b = hall.ids.service('B');
    expect((await hall.anonymous.get(`/api/phone/halls/demo/services/${b}/slots`)).json().code).toBe('service_not_bookable');
    const { page, context } = await openConsole(`#/bookings/slots/${b}`);
    await page.locator('hq-booking-slots button[data-new="slot"]').click();
    const dialog = page.locator('hq-form-dialog');
    await dialog.locator('input[name="start"]').fill('13:30');
    await dialog.locator('input[name="end"]').fill('14:30');
    await dialog.locator('input[name="capacity"]').fill('4');
    await screenshot(page, 'manager-bookings-slot-dialog');
    await dialog.locator('button.primary').click();
    // The demo hall opens every day of the week: the dialog offered all seven.
    await expect.poll(() => page.locator('hq-booking-slots tr[data-time="13:30-14:30"] button.cell:not(.empty)').count()).toBe(7);

    // The phone booking page's API: every bookable day offers 13:30–14:30 for 4 people.
    const offered = await slotsOnPhone(b);
    expect(offered.days.length).toBe(7);
    for (const day of offered.days) expect(day.slots).toEqual([{ start: '13:30', end: '14:30', capacity: 4, remaining: 4 }]);

    // Change one day's capacity in its cell.
    await page.locator('hq-booking-slots tr[data-time="13:30-14:30"] button[data-weekday="3"]').click();
    await dialog.locator('input[name="capacity"]').fill('8');
    await dialog.locator('button.primary').click();
    await expect
      .poll(() => page.locator('hq-booking-slots tr[data-time="13:30-14:30"] button[data-weekday="3"]').textContent())
      .toContain('8');
    const wednesday = (await slotsOnPhone(b)).days.find((d) => d.weekday === 3);
    if (wednesday) expect(wednesday.slots[0]!.capacity).toBe(8);
    await expect.poll(() => dialog.count()).toBe(0);
    await screenshot(page, 'manager-bookings-slots');
    await context.close();
  }, 60_000);

  it('the server’s refusal shows at its field: a slot that overlaps another on the same day', async () => {
    const a = hall.ids.service('A');
    const { page, context } = await openConsole(`#/bookings/slots/${a}`);
    await page.locator('hq-booking-slots button[data-new="slot"]').click();
    const dialog = page.locator('hq-form-dialog');
    // Monday only: one day goes straight to the server, which checks it.
    for (const day of ['2', '3', '4', '5', '6', '7']) await dialog.locator(`.checks input[value="${day}"]`).uncheck();
    await dialog.locator('input[name="start"]').fill('09:30');
    await dialog.locator('input[name="end"]').fill('10:30');
    await dialog.locator('button.primary').click();
    const error = dialog.locator('input[name="start"] ~ .field-error');
    await expect.poll(() => error.textContent()).toBe('与同一天已有的时段 09:00–10:00 重叠。');
    expect(await dialog.locator('input[name="start"]').getAttribute('aria-invalid')).toBe('true');
    await screenshot(page, 'manager-bookings-slot-refused');
    // Several days are checked before anything is sent: the day is named at the weekdays, and
    // nothing is added (not even on the days that would fit).
    const before = await slotsOnPhone(a);
    await dialog.locator('.checks input[value="6"]').check();
    await dialog.locator('.checks input[value="7"]').check();
    await dialog.locator('input[name="start"]').fill('15:30');
    await dialog.locator('input[name="end"]').fill('16:30');
    await dialog.locator('button.primary').click();
    await expect
      .poll(() => dialog.locator('fieldset[name="weekdays"] .field-error').textContent())
      .toBe('周一：与同一天已有的时段 15:00–16:00 重叠。');
    expect(await dialog.locator('input[name="start"] ~ .field-error').count()).toBe(0);
    expect((await slotsOnPhone(a)).days).toEqual(before.days);
    await page.keyboard.press('Escape');
    await context.close();
  }, 60_000);
});

describe('当日预约 and 通知记录', () => {
  it('a booking made on the phone is in the day’s list with the full phone number, and its confirmation in the notifications', async () => {
    const a = hall.ids.service('A');
    const day = (await slotsOnPhone(a)).days[0]!;
    const slot = day.slots[0]!;
    const booked = await hall.anonymous.post('/api/phone/halls/demo/bookings', {
      serviceId: a,
      date: day.date,
      start: slot.start,
      phone: PHONE,
    });
    expect(booked.statusCode, booked.body).toBe(201);
    // A second one, cancelled, on the same day.
    const other = (
      await hall.anonymous.post('/api/phone/halls/demo/bookings', {
        serviceId: hall.ids.service('E'),
        date: day.date,
        start: slot.start,
        phone: '13900001111',
      })
    ).json();
    await hall.anonymous.post(`/api/phone/bookings/${other.publicCode}/cancel`);

    const { page, context } = await openConsole(`#/bookings/day/${day.date}`);
    const row = page.locator(`hq-booking-day tr[data-booking="${booked.json().code}"]`);
    await row.waitFor();
    expect((await row.locator('td').allTextContents()).map((t) => t.trim())).toEqual([
      `${slot.start}–${slot.end}`,
      'A 社保参保登记',
      '138 1234 5678',
      booked.json().code,
      '已预约',
      '—',
      '—',
      expect.stringMatching(/^\d\d-\d\d \d\d:\d\d$/),
    ]);
    expect(await page.locator('hq-booking-day tr.cancelled td.phone').textContent()).toBe('139 0000 1111');
    expect(await page.locator('hq-booking-day .kpi b').first().textContent()).toBe('1');
    await screenshot(page, 'manager-bookings-day');

    // Filter by a phone number; another day has none.
    await page.locator('hq-booking-day input[name="q"]').fill('1390000');
    await expect.poll(() => page.locator('hq-booking-day tbody tr').count()).toBe(1);
    await page.locator('hq-booking-day button[data-day="next"]').click();
    await expect.poll(() => page.locator('hq-booking-day .empty').textContent()).toContain('没有');

    // A new booking reaches an open list by itself (booking:updated).
    await page.locator('hq-booking-day button[data-day="prev"]').click();
    await page.locator('hq-booking-day input[name="q"]').fill('');
    await row.waitFor();
    const third = (
      await hall.anonymous.post('/api/phone/halls/demo/bookings', {
        serviceId: hall.ids.service('H'),
        date: day.date,
        start: slot.start,
        phone: '13700002222',
      })
    ).json();
    await page.locator(`hq-booking-day tr[data-booking="${third.code}"]`).waitFor({ timeout: 5000 });

    await page.locator('hq-bookings-view button[data-tab="notifications"]').click();
    const confirmed = page.locator('hq-visitor-notifications tr[data-kind="booking_confirmed"]');
    await expect.poll(() => confirmed.count()).toBeGreaterThanOrEqual(1);
    expect(await confirmed.last().textContent()).toContain(`${day.date} ${slot.start}–${slot.end}`);
    expect(await page.locator('hq-visitor-notifications').evaluate((el) => el.shadowRoot!.textContent)).not.toContain('13812345678');
    await screenshot(page, 'manager-bookings-notifications');
    await context.close();

    const wide = await openConsole(`#/bookings/day/${day.date}`, { width: 1920, height: 1080 });
    await wide.page.locator(`hq-booking-day tr[data-booking="${booked.json().code}"]`).waitFor();
    await screenshot(wide.page, 'manager-bookings-day-1920');
    await wide.page.evaluate((id) => (location.hash = `#/bookings/slots/${id}`), a);
    await wide.page.locator('hq-booking-slots table.week').waitFor();
    await screenshot(wide.page, 'manager-bookings-slots-1920');
    await wide.context.close();
  }, 90_000);
});

describe('二维码海报', () => {
  /** Parts of the poster that leave the page, overlap the next one, or a headline that wraps (empty: fine). */
  const posterProblems = (page: Page) =>
    page.locator('hq-visitor-poster .sheet').evaluate((sheet) => {
      const page = sheet.getBoundingClientRect();
      const problems: string[] = [];
      for (const el of sheet.querySelectorAll<HTMLElement>('.band *, .body *, .foot')) {
        const r = el.getBoundingClientRect();
        if (r.bottom > page.bottom + 0.5 || r.right > page.right + 0.5 || r.left < page.left - 0.5)
          problems.push(`${el.className || el.tagName} leaves the page`);
      }
      const parts = [...sheet.querySelectorAll('.band, .body > *, .foot')].map((el) => ({
        name: el.className || el.tagName,
        r: el.getBoundingClientRect(),
      }));
      for (let i = 1; i < parts.length; i++)
        if (parts[i]!.r.top < parts[i - 1]!.r.bottom - 0.5) problems.push(`${parts[i]!.name} overlaps ${parts[i - 1]!.name}`);
      const h1 = sheet.querySelector('h1')!;
      if (h1.getBoundingClientRect().height > parseFloat(getComputedStyle(h1).fontSize) * 1.5) problems.push('the headline wraps');
      return problems;
    });

  /** The RGBA pixels of a PNG, decoded by the browser. */
  async function pixels(page: Page, png: Buffer): Promise<{ data: Uint8ClampedArray; width: number; height: number }> {
    const { b64, width, height } = await page.evaluate(async (src) => {
      const img = new Image();
      img.src = `data:image/png;base64,${src}`;
      await img.decode();
      const canvas = document.createElement('canvas');
      canvas.width = img.naturalWidth;
      canvas.height = img.naturalHeight;
      const g = canvas.getContext('2d')!;
      g.drawImage(img, 0, 0);
      const rgba = g.getImageData(0, 0, canvas.width, canvas.height).data;
      let binary = '';
      for (let i = 0; i < rgba.length; i += 0x8000) binary += String.fromCharCode(...rgba.subarray(i, i + 0x8000));
      return { b64: btoa(binary), width: canvas.width, height: canvas.height };
    }, png.toString('base64'));
    return { data: new Uint8ClampedArray(Buffer.from(b64, 'base64')), width, height };
  }

  it('the 扫码取号 poster: hall name, a QR code that decodes to the take page, the address in text; one clean A4 page in print', async () => {
    // A4 at 96 dpi, so the print preview is the page's shape.
    const { page, context } = await openConsole('#/bookings/poster/take', { width: 1366, height: 768 });
    const sheet = page.locator('hq-visitor-poster .sheet');
    await sheet.waitFor();
    await page.locator('hq-visitor-poster .qr img').evaluate((img: HTMLImageElement) => img.decode());
    expect(await sheet.locator('.hall').textContent()).toBe('示范县政务服务中心');
    expect(await sheet.locator('h1').textContent()).toBe('微信/手机扫码取号');
    expect(await sheet.locator('[data-url]').textContent()).toBe(`${base}/h/demo`);
    // Served from 127.0.0.1 without PUBLIC_URL: the manager is told phones cannot open it.
    expect(await page.locator('hq-visitor-poster .warn.bad').textContent()).toContain('PUBLIC_URL');
    expect(await page.locator('hq-visitor-poster a[download]').getAttribute('href')).toBe(
      `/api/halls/${hall.hallId}/visitor-qr.svg?page=take`,
    );
    expect(await posterProblems(page)).toEqual([]);
    await screenshot(page, 'manager-poster-take');

    await page.setViewportSize({ width: 794, height: 1123 });
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('hq-manager-shell nav').isVisible()).toBe(false);
    expect(await page.locator('hq-visitor-poster .side').isVisible()).toBe(false);
    expect(await page.locator('hq-bookings-view .tabs').isVisible()).toBe(false);
    const box = (await sheet.boundingBox())!;
    expect(box.x).toBeLessThan(1);
    expect(Math.round(box.width)).toBe(794);
    expect(Math.round(box.height)).toBe(1123);
    expect(await posterProblems(page)).toEqual([]);
    const shot = await screenshot(page, 'manager-poster-take-print');
    const qr = await page.locator('hq-visitor-poster .qr').screenshot();
    const { data, width, height } = await pixels(page, qr);
    expect(jsQR(data, width, height)?.data).toBe(`${base}/h/demo`);
    // The whole printed page, as a person would scan it off the wall.
    const { readFileSync } = await import('node:fs');
    const full = await pixels(page, readFileSync(shot));
    expect(jsQR(full.data, full.width, full.height)?.data).toBe(`${base}/h/demo`);

    // The browser's print is one A4 page.
    const pdf = (await page.pdf({ preferCSSPageSize: true, printBackground: true })).toString('latin1');
    expect(pdf).toMatch(/\/MediaBox\s*\[\s*0 0 59[45]\.\d+ 841\.\d+/);
    expect(pdf.match(/\/Type\s*\/Page[^s]/g)).toHaveLength(1);
    await page.emulateMedia({ media: 'screen' });
    await context.close();
  }, 60_000);

  it('the 预约 poster points at the booking page; both posters at 1920×1080 and in English', async () => {
    const { page, context } = await openConsole('#/bookings/poster/book', { width: 1920, height: 1080 });
    await page.locator('hq-visitor-poster .sheet[data-sheet="book"]').waitFor();
    await page.locator('hq-visitor-poster .qr img').evaluate((img: HTMLImageElement) => img.decode());
    expect(await page.locator('hq-visitor-poster [data-url]').textContent()).toBe(`${base}/h/demo/book`);
    const { data, width, height } = await pixels(page, await page.locator('hq-visitor-poster .qr').screenshot());
    expect(jsQR(data, width, height)?.data).toBe(`${base}/h/demo/book`);
    await screenshot(page, 'manager-poster-book-1920');
    await page.setViewportSize({ width: 794, height: 1123 });
    await page.emulateMedia({ media: 'print' });
    expect(await posterProblems(page)).toEqual([]);
    await screenshot(page, 'manager-poster-book-print');
    await context.close();

    const en = await openConsole('#/bookings/slots', { width: 1366, height: 768 }, 'en');
    await en.page.locator('hq-booking-slots table.week').waitFor();
    expect(await en.page.locator('hq-bookings-view button[data-tab="slots"]').textContent()).toBe('Appointment slots');
    await screenshot(en.page, 'manager-bookings-slots-en');
    await en.context.close();
  }, 60_000);
});
