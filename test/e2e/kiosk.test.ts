/**
 * The kiosk (取号机) in Chromium against the real server, printing on the virtual printer:
 * a tap issues a ticket, the printer receives it, the waiting count rises on the tile and in the
 * snapshot; paper out gives an e-ticket; the large-text mode; quota reached; a lost answer is
 * retried with the same key and never issues twice; 绿色通道 self-declaration where allowed and
 * the guide desk signed in as staff; English; the screen returns to the start when idle.
 * Screenshots go to test-output/screenshots/kiosk-*.png.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { VirtualPrinter } from '../../printer/virtual-printer.js';
import { startScreensHall, type ScreensHall } from '../counter/e2e-hall.js';
import type { TestHall } from '../helpers/app.js';
import { screenshot } from '../helpers/browser.js';
import { LANDSCAPE, openKiosk as openKioskPage, PORTRAIT, printState, signInAsGuideDesk } from '../helpers/kiosk.js';
import { addKioskPrinter } from '../printer/printer-hall.js';

let screens: ScreensHall;
let hall: TestHall;
let printer: VirtualPrinter;

beforeAll(async () => {
  screens = await startScreensHall();
  hall = screens.hall;
  printer = new VirtualPrinter({ port: 0, outDir: null });
  await printer.start();
  await addKioskPrinter(hall, printer.address);
});
afterAll(async () => {
  await screens?.close();
  await printer?.stop();
});
beforeEach(() => {
  printer.setPaper('ok');
});

const openKiosk = (size: { width: number; height: number }, query = '') => openKioskPage(screens, size, { query });

const tile = (page: Page, prefix: string) => page.locator(`hq-kiosk-services .tile[data-service="${hall.ids.service(prefix)}"]`);
const waitingOnTile = async (page: Page, prefix: string) => Number(await tile(page, prefix).locator('.queue').getAttribute('data-waiting'));
const snapshotWaiting = async (prefix: string) =>
  (await hall.app.hallService.snapshot(hall.hallId)).queues.find((q) => q.serviceId === hall.ids.service(prefix))!.waiting;
async function ticketsOf(prefix: string) {
  const serviceDay = (await hall.app.hallService.snapshot(hall.hallId)).hall.serviceDay;
  return (await hall.store.read((tx) => tx.tickets.list({ hallId: hall.hallId, serviceDay }))).filter((t) => t.prefix === prefix);
}

describe('kiosk', () => {
  it('portrait: tap a service → the server issues, the printer prints it, the waiting count rises', async () => {
    const { page, close } = await openKiosk(PORTRAIT);
    await screenshot(page, 'kiosk-start-portrait');
    const before = await waitingOnTile(page, 'A');
    expect(before).toBe(await snapshotWaiting('A'));
    const jobs = printer.jobs.length;

    await tile(page, 'A').click();
    const number = page.locator('hq-kiosk-ticket [data-number]');
    await number.waitFor();
    await expect.poll(() => printState(page)).toBe('printed');
    const [issued] = (await ticketsOf('A')).slice(-1);
    expect(await number.textContent()).toBe(issued!.number);
    expect(issued).toMatchObject({ status: 'waiting', source: 'kiosk', printStatus: 'printed' });
    // The virtual printer received exactly this ticket.
    await expect.poll(() => printer.jobs.length).toBe(jobs + 1);
    const job = printer.jobs[jobs]!;
    expect(job.qr).toEqual([`${screens.base}/t/${issued!.publicCode}`]);
    expect(job.lines).toContain('社保参保登记');
    expect(job.lines).toContain(issued!.number);
    // The QR on screen opens the same status page.
    expect(await page.locator('hq-kiosk-ticket hq-qr').evaluate((el) => (el as HTMLElement & { value: string }).value)).toBe(job.qr[0]);
    await screenshot(page, 'kiosk-ticket-printed-portrait');

    // The waiting count rose in the snapshot and on the tile.
    expect(await snapshotWaiting('A')).toBe(before + 1);
    await page.locator('hq-kiosk-ticket [data-done]').click();
    await expect.poll(() => waitingOnTile(page, 'A')).toBe(before + 1);
    await close();
  }, 60_000);

  it('landscape, paper out: the ticket is still issued and shown as an e-ticket with its QR', async () => {
    const { page, close } = await openKiosk(LANDSCAPE);
    await screenshot(page, 'kiosk-start-landscape');
    printer.setPaper('out');
    const count = (await ticketsOf('B')).length;
    await tile(page, 'B').click();
    await page.locator('hq-kiosk-ticket [data-number]').waitFor();
    await expect.poll(() => printState(page)).toBe('failed');
    expect(await page.locator('hq-kiosk-ticket .print').textContent()).toContain('请扫码保存号票');
    expect(await page.locator('hq-kiosk-ticket hq-qr svg').count()).toBe(1);
    const tickets = await ticketsOf('B');
    expect(tickets).toHaveLength(count + 1);
    expect(tickets[tickets.length - 1]).toMatchObject({ status: 'waiting', printStatus: 'failed' });
    await screenshot(page, 'kiosk-paper-out-landscape');
    // Back at the start, the kiosk warns the next visitor.
    await page.locator('hq-kiosk-ticket [data-done]').click();
    await expect.poll(() => page.locator('hq-kiosk-screen [data-banner="printer"]').textContent()).toContain('打印机缺纸');
    await screenshot(page, 'kiosk-start-paper-out-landscape');
    // Refilled: the next ticket prints and the warning goes.
    printer.setPaper('ok');
    await tile(page, 'B').click();
    await expect.poll(() => printState(page)).toBe('printed');
    await page.locator('hq-kiosk-ticket [data-done]').click();
    await expect.poll(() => page.locator('hq-kiosk-screen [data-banner="printer"]').count()).toBe(0);
    await close();
  }, 60_000);

  it('large-text mode (适老化) enlarges the tiles and text; idle time returns to the standard start', async () => {
    const { page, close } = await openKiosk(PORTRAIT);
    const nameSize = () =>
      tile(page, 'A')
        .locator('.name')
        .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    const normal = await nameSize();
    await page.locator('hq-kiosk-screen [data-tool="elder"]').click();
    await expect.poll(nameSize).toBeGreaterThan(normal * 1.2);
    await screenshot(page, 'kiosk-elder-portrait');
    // Nothing is cut: every tile's name fits in its tile.
    const clipped = await page
      .locator('hq-kiosk-services')
      .evaluate((host) =>
        [...host.shadowRoot!.querySelectorAll('.tile')].filter((t) => t.scrollWidth > t.clientWidth + 1).map((t) => t.textContent),
      );
    expect(clipped).toEqual([]);
    await page.locator('hq-kiosk-screen [data-tool="elder"]').click();
    await close();
  }, 60_000);

  it('quota reached: a clear message, no number, nothing issued', async () => {
    const service = hall.ids.service('K');
    const issued = (await ticketsOf('K')).length;
    await hall.store.transact((tx) => tx.services.update(service, { dailyQuota: issued + 1 }));
    await screens.issue('K'); // the last number of the day
    const { page, close } = await openKiosk(PORTRAIT);
    await page.locator('hq-kiosk-services .zone', { hasText: '企业服务区' }).click();
    await expect.poll(() => tile(page, 'K').getAttribute('data-state')).toBe('quota_full');
    await tile(page, 'K').click();
    const notice = page.locator('hq-kiosk-notice .card');
    await notice.waitFor();
    expect(await notice.getAttribute('data-kind')).toBe('quota');
    expect(await notice.locator('h1').textContent()).toBe('今日号源已满');
    expect(await notice.locator('.message').textContent()).toContain('号源已满');
    expect(await page.locator('hq-kiosk-ticket').count()).toBe(0);
    expect(await notice.locator('[data-retry]').count()).toBe(0);
    expect(await ticketsOf('K')).toHaveLength(issued + 1);
    await screenshot(page, 'kiosk-quota-reached');
    await notice.locator('[data-back]').click();
    await tile(page, 'K').waitFor();
    await close();
  }, 60_000);

  it('server unreachable: no number is shown; the retry uses the same key and issues once', async () => {
    const { page, close } = await openKiosk(LANDSCAPE);
    const before = (await ticketsOf('C')).length;
    // The request reaches the server, but the answer is lost on the way back.
    let lost = 0;
    await page.route('**/api/halls/*/tickets', async (route) => {
      if (lost++ === 0) {
        await route.fetch();
        await route.abort('connectionreset');
      } else await route.continue();
    });
    await tile(page, 'C').click();
    const notice = page.locator('hq-kiosk-notice .card');
    await notice.waitFor();
    expect(await notice.getAttribute('data-kind')).toBe('offline');
    expect(await page.locator('hq-kiosk-ticket').count()).toBe(0);
    expect(await notice.textContent()).not.toMatch(/C\d{3}/);
    await screenshot(page, 'kiosk-offline-landscape');
    expect(await ticketsOf('C')).toHaveLength(before + 1); // the server did issue it

    await notice.locator('[data-retry]').click();
    const number = page.locator('hq-kiosk-ticket [data-number]');
    await number.waitFor();
    const tickets = await ticketsOf('C');
    expect(tickets).toHaveLength(before + 1); // the retry returned the same ticket
    expect(await number.textContent()).toBe(tickets[tickets.length - 1]!.number);
    await close();
  }, 60_000);

  it('绿色通道: offered only where the hall allows self-declaration', async () => {
    const { page, close } = await openKiosk(PORTRAIT);
    // Not allowed (the default): one tap issues a normal number.
    await tile(page, 'D').click();
    await page.locator('hq-kiosk-ticket [data-number]').waitFor();
    expect((await ticketsOf('D')).slice(-1)[0]!.priority).toBe('normal');
    await close();

    await hall.store.transact((tx) =>
      tx.halls.update(hall.hallId, {
        settings: { calendar: { openWeekdays: [1, 2, 3, 4, 5, 6, 7] }, issuing: { selfDeclaredPriority: true } },
      }),
    );
    const second = await openKiosk(PORTRAIT);
    await tile(second.page, 'D').click();
    await second.page.locator('hq-kiosk-priority .card').waitFor();
    await screenshot(second.page, 'kiosk-priority-choice-portrait');
    await second.page.locator('hq-kiosk-priority [data-priority="elderly"]').click();
    await second.page.locator('hq-kiosk-ticket [data-number]').waitFor();
    expect(await second.page.locator('hq-kiosk-ticket .priority').textContent()).toContain('老年人');
    expect((await ticketsOf('D')).slice(-1)[0]).toMatchObject({ priority: 'elderly', source: 'kiosk' });
    await second.close();
    await hall.store.transact((tx) => tx.halls.update(hall.hallId, { settings: { calendar: { openWeekdays: [1, 2, 3, 4, 5, 6, 7] } } }));
  }, 60_000);

  it('the guide desk signs in as staff on the same page and issues priority numbers on the kiosk printer', async () => {
    const { page, close } = await openKiosk(LANDSCAPE);
    await signInAsGuideDesk(page);
    const jobs = printer.jobs.length;
    await tile(page, 'A').click();
    await page.locator('hq-kiosk-priority [data-priority="disabled"]').click();
    await expect.poll(() => printState(page)).toBe('printed');
    expect((await ticketsOf('A')).slice(-1)[0]).toMatchObject({ priority: 'disabled', source: 'staff', printStatus: 'printed' });
    expect(printer.jobs[jobs]!.lines).toContain('绿色通道 · 残疾人');
    await screenshot(page, 'kiosk-guide-desk-ticket-landscape');
    await close();
  }, 60_000);

  it('in English, landscape: texts fit', async () => {
    const { page, close } = await openKiosk(LANDSCAPE, '?lang=en');
    expect(await tile(page, 'A').locator('.name').textContent()).toBe('Social insurance registration');
    await screenshot(page, 'kiosk-start-landscape-en');
    const overflowing = await page
      .locator('hq-kiosk-screen')
      .evaluate((host) =>
        [
          ...host.shadowRoot!.querySelectorAll('button'),
          ...host.shadowRoot!.querySelector('hq-kiosk-services')!.shadowRoot!.querySelectorAll('button'),
        ]
          .filter((b) => b.scrollWidth > b.clientWidth + 1)
          .map((b) => b.textContent?.trim()),
      );
    expect(overflowing).toEqual([]);
    await tile(page, 'A').click();
    await expect.poll(() => printState(page)).toBe('printed');
    expect(await page.locator('hq-kiosk-ticket .print').textContent()).toContain('Please take your ticket');
    await screenshot(page, 'kiosk-ticket-landscape-en');
    await close();
  }, 60_000);

  it('returns to the start screen by itself after the ticket was shown', async () => {
    const { page, context } = await openKioskPage(screens, PORTRAIT, { clock: true });
    await tile(page, 'A').click();
    await expect.poll(() => printState(page)).toBe('printed');
    await page.clock.fastForward(25_000);
    await page.locator('hq-kiosk-services .tile').first().waitFor({ timeout: 5000 });
    expect(await page.locator('hq-kiosk-ticket').count()).toBe(0);
    await context.close();
  }, 60_000);
});
