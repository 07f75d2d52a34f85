/**
 * Devices and printers in the manager console, in Chromium against the real server: the device
 * list shows each screen's live state; one dialog sets a board's zone (its binding) and its
 * language (its settings) and the open board follows both without a reload; a network printer is
 * added, checked (检测) against a virtual printer, and a ticket is reprinted on it from the live
 * hall, by number and from a queue; an unreachable printer's alert names it and says what to do.
 * An administrator chooses the hall, switches to another and back. Screenshots of each view.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VirtualPrinter } from '../../printer/virtual-printer.js';
import { startScreensHall, type ScreensHall } from '../counter/e2e-hall.js';
import { stubPage } from '../display/page-stubs.js';
import { DEMO_TOKENS, type Agent, type TestHall } from '../helpers/app.js';
import { newPage, screenshot } from '../helpers/browser.js';

let screens: ScreensHall;
let hall: TestHall;
let base: string;
let manager: Agent;
let printer: VirtualPrinter;

beforeAll(async () => {
  screens = await startScreensHall();
  ({ hall, base } = screens);
  manager = await hall.signIn('manager');
  printer = new VirtualPrinter({ port: 0, outDir: null });
  await printer.start();
}, 60_000);
afterAll(async () => {
  await printer?.stop();
  await screens?.close();
});

async function openConsole(
  hash: string,
  options: { size?: { width: number; height: number }; username?: string; lang?: string } = {},
): Promise<{ page: Page; context: BrowserContext }> {
  const { page, context } = await newPage(screens.browser, options.size ?? { width: 1366, height: 768 });
  await page.goto(`${base}/manager${options.lang ? `?lang=${options.lang}` : ''}${hash}`);
  await page.locator('hq-login-form input[name=username]').fill(options.username ?? 'manager');
  await page.locator('hq-login-form input[name=password]').fill('demo1234');
  await page.locator('hq-login-form button').click();
  return { page, context };
}

const deviceId = async (token: string): Promise<number> => (await hall.device(token).get('/api/devices/me')).json().id;
const zoneId = (name: string) => hall.store.read(async (tx) => (await tx.zones.list(hall.hallId)).find((z) => z.name === name)!.id);

describe('devices', () => {
  it('the list shows each screen’s live state; a board’s zone and language are set in one dialog and the open board follows without a reload', async () => {
    const boardId = await deviceId(DEMO_TOKENS.board);
    const social = await zoneId('社会保障服务区');
    // Screens that report something.
    await hall.device(DEMO_TOKENS.pad('2')).post('/api/devices/me/heartbeat', { state: { soundBlocked: true } });
    await hall.device(DEMO_TOKENS.kiosk).post('/api/devices/me/heartbeat', { state: { paper: 'out' } });

    const board = await newPage(screens.browser, { width: 1920, height: 1080 });
    await stubPage(board.page);
    await board.page.goto(`${base}/board#token=${DEMO_TOKENS.board}`);
    await board.page.locator('hq-board-view .clock').waitFor();
    expect(await board.page.locator('hq-board-view header .zone').count()).toBe(0);
    expect(await board.page.locator('hq-board-view .waiting h2').textContent()).toBe('各服务区等候情况');
    await board.page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));

    const { page, context } = await openConsole('#/config/devices');
    const row = page.locator(`hq-config-devices tr[data-device="${boardId}"]`);
    await expect.poll(() => row.locator('.pill').first().textContent()).toBe('在线');
    const kioskRow = page.locator(`hq-config-devices tr[data-device="${await deviceId(DEMO_TOKENS.kiosk)}"]`);
    expect(await kioskRow.locator('.pill').allTextContents()).toContain('缺纸');
    const padRow = page.locator(`hq-config-devices tr[data-device="${await deviceId(DEMO_TOKENS.pad('2'))}"]`);
    expect(await padRow.locator('.pill').allTextContents()).toEqual(['在线', '声音未启用']);
    await screenshot(page, 'manager-devices');
    // Only what needs looking at: the pad without sound and the kiosk out of paper, not the board.
    await page.locator('hq-config-devices button[data-trouble]').click();
    expect(await padRow.count()).toBe(1);
    expect(await kioskRow.count()).toBe(1);
    expect(await row.count()).toBe(0);
    await page.locator('hq-config-devices button[data-kind-filter="pad"]').click();
    expect(await kioskRow.count()).toBe(0);
    expect(await padRow.count()).toBe(1);
    await screenshot(page, 'manager-devices-trouble');
    await page.locator('hq-config-devices button[data-kind-filter="all"]').click();
    await page.locator('hq-config-devices button[data-trouble]').click();

    await row.locator('button[data-edit]').click();
    const dialog = page.locator('hq-form-dialog');
    // A board: zone, language, silent; no window, no printer.
    expect(await dialog.locator('[name]').evaluateAll((els) => els.map((e) => e.getAttribute('name')))).toEqual([
      'name',
      'zoneId',
      'language',
      'silent',
      'reason',
    ]);
    await dialog.locator('select[name="zoneId"]').selectOption(String(social));
    await dialog.locator('select[name="language"]').selectOption('en');
    await dialog.locator('input[name="reason"]').fill('一楼改为社保专区');
    await screenshot(page, 'manager-device-dialog');
    await dialog.locator('button.primary').click();
    await expect.poll(() => dialog.count()).toBe(0);

    // The board, still the same page (no reload), shows the zone and speaks English now.
    await expect.poll(() => board.page.locator('hq-board-view header .zone').textContent(), { timeout: 10_000 }).toBe('Social security');
    await expect.poll(() => board.page.locator('hq-board-view .waiting h2').textContent(), { timeout: 10_000 }).toBe('Waiting by service');
    expect(await board.page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);
    await screenshot(board.page, 'manager-device-board-followed');
    expect(await hall.store.read((tx) => tx.devices.get(boardId))).toMatchObject({ zoneId: social, settings: { language: 'en' } });
    // The zone went through the binding, with the reason; the language through the screen's settings.
    const changes = await hall.store.read((tx) => tx.events.query({ hallId: hall.hallId, types: ['device:updated'], limit: 20 }));
    expect(changes.find((e) => e.data.deviceId === boardId && e.data.action === 'updated')).toMatchObject({
      reason: '一楼改为社保专区',
      data: { changes: { zoneId: [null, social] } },
    });
    expect(changes.find((e) => e.data.deviceId === boardId && e.data.action === 'settings')).toMatchObject({
      data: { settings: { language: 'en' } },
    });
    await expect.poll(() => row.locator('.pill').allTextContents()).toContain('English');
    expect(await row.locator('td.name').textContent()).toContain('社会保障服务区');

    // Back to the whole hall, the default language: the board follows again.
    await row.locator('button[data-edit]').click();
    await dialog.locator('select[name="zoneId"]').selectOption('');
    await dialog.locator('select[name="language"]').selectOption('');
    await dialog.locator('button.primary').click();
    await expect.poll(() => board.page.locator('hq-board-view header .zone').count(), { timeout: 10_000 }).toBe(0);
    // The whole hall has more services than a board lists: waiting per zone, in Chinese again.
    await expect.poll(() => board.page.locator('hq-board-view .waiting h2').textContent(), { timeout: 10_000 }).toBe('各服务区等候情况');
    expect(await board.page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);
    await board.context.close();

    // A window screen's dialog offers its window and language, nothing else.
    await page.locator(`hq-config-devices tr[data-device="${await deviceId(DEMO_TOKENS.windowScreen('1'))}"] button[data-edit]`).click();
    expect(await dialog.locator('[name]').evaluateAll((els) => els.map((e) => e.getAttribute('name')))).toEqual([
      'name',
      'windowId',
      'language',
      'reason',
    ]);
    await page.keyboard.press('Escape');
    await context.close();

    const wide = await openConsole('#/config/devices', { size: { width: 1920, height: 1080 } });
    await wide.page.locator(`hq-config-devices tr[data-device="${boardId}"]`).waitFor();
    await screenshot(wide.page, 'manager-devices-1920');
    await wide.context.close();
  }, 90_000);
});

describe('printers', () => {
  it('a printer is added, checked against the virtual printer, and a ticket reprinted on it from the live hall', async () => {
    const { page, context } = await openConsole('#/config/devices');
    await page.locator('hq-config-devices button[data-add-printer]').click();
    const dialog = page.locator('hq-form-dialog');
    await dialog.locator('input[name="name"]').fill('导办台打印机');
    await dialog.locator('input[name="address"]').fill('192.168.1.500');
    await dialog.locator('select[name="paperWidth"]').selectOption('58');
    await dialog.locator('button.primary').click();
    // The server's refusal, at the address.
    await expect.poll(() => dialog.locator('input[name="address"] ~ .field-error').textContent()).toContain('192.168.1.50:9100');
    await dialog.locator('input[name="address"]').fill(printer.address);
    await screenshot(page, 'manager-printer-add');
    await dialog.locator('button.primary').click();
    await expect.poll(() => dialog.count()).toBe(0);
    const added = await hall.store.read(async (tx) => (await tx.devices.list(hall.hallId)).find((d) => d.name === '导办台打印机')!);
    expect(added).toMatchObject({ kind: 'printer', address: printer.address, settings: { paperWidth: 58 } });
    const row = page.locator(`hq-config-devices tr[data-device="${added.id}"]`);
    await expect.poll(() => row.locator('.pill').first().textContent()).toBe('未检测');

    // 检测: online, paper and cover as the printer answers them.
    await row.locator('button[data-check]').click();
    await expect.poll(() => row.locator('[data-check-result]').textContent()).toMatch(/在线 · 纸正常 · 纸仓盖已合上/);
    expect(printer.queriesAnswered).toBeGreaterThan(0);
    printer.setPaper('out');
    await row.locator('button[data-check]').click();
    await expect.poll(() => row.locator('[data-check-result]').textContent()).toMatch(/在线 · 缺纸/);
    await expect.poll(() => row.locator('.pill').allTextContents()).toContain('缺纸');
    await screenshot(page, 'manager-printer-checked');
    printer.setPaper('ok');
    await row.locator('button[data-check]').click();
    await expect.poll(() => row.locator('[data-check-result]').textContent()).toMatch(/纸正常/);

    // 补打号票 by the number a visitor says: on the printer chosen (the ticket was never printed).
    const ticket = await screens.issue('B');
    await page.locator('hq-manager-shell nav a[href="#/live"]').click();
    await page.locator('hq-live-view button[data-reprint]').first().click();
    await dialog.locator('input[name="number"]').fill(ticket.number.toLowerCase());
    await dialog.locator('select[name="printerId"]').selectOption(String(added.id));
    await screenshot(page, 'manager-reprint');
    const jobs = printer.jobs.length;
    await dialog.locator('button.primary').click();
    await expect.poll(() => printer.jobs.length, { timeout: 10_000 }).toBe(jobs + 1);
    const job = printer.jobs.at(-1)!;
    expect(job.lines).toContain('排队号票（补打）');
    expect(job.lines.join('\n')).toContain(ticket.number);
    expect(job.qr[0]).toMatch(new RegExp(`^${base}/t/[a-z2-9]+$`));
    expect(job.cut).toBe(true);
    await expect
      .poll(() => page.locator('hq-manager-shell .toast').last().textContent())
      .toContain(`已补打 ${ticket.number}（导办台打印机）`);

    // From the queue's list of waiting tickets, and with paper out the dialog says what to do.
    await page.locator('hq-live-view tr[data-service="B"]').click();
    printer.setPaper('out');
    await page.locator(`hq-live-view .dialog button[data-reprint="${ticket.number}"]`).click();
    await dialog.locator('select[name="printerId"]').selectOption(String(added.id));
    await dialog.locator('button.primary').click();
    await expect
      .poll(() => dialog.locator('select[name="printerId"] ~ .field-error').textContent())
      .toBe(`${ticket.number} 没有打印出来：缺纸：装入新纸卷后再试`);
    printer.setPaper('ok');
    await dialog.locator('button.primary').click();
    await expect.poll(() => printer.jobs.length, { timeout: 10_000 }).toBe(jobs + 2);
    // The printer has the job before the console has the answer: Esc belongs to the queue panel
    // only once the reprint dialog has closed.
    await dialog.locator('button.primary').waitFor({ state: 'detached' });
    await page.keyboard.press('Escape');
    await page.locator('hq-live-view .scrim').waitFor({ state: 'detached' });

    // 绿色通道 at the guide desk: the ticket comes out of the printer chosen, remembered next time.
    await page.locator('hq-live-view button[data-priority-ticket]').click();
    await dialog.locator('select[name="serviceId"]').selectOption(String(hall.ids.service('C')));
    await dialog.locator('select[name="printerId"]').selectOption(String(added.id));
    await dialog.locator('button.primary').click();
    await expect.poll(() => printer.jobs.length, { timeout: 10_000 }).toBe(jobs + 3);
    await expect.poll(() => page.locator('hq-manager-shell .toast').last().textContent()).toContain('号票正在打印');
    const issuedNumber = /已取号 (C\d{3})/.exec((await page.locator('hq-manager-shell .toast').last().textContent())!)![1]!;
    expect(printer.jobs.at(-1)!.lines.join('\n')).toContain(issuedNumber);
    expect((await manager.get(`/api/halls/${hall.hallId}/tickets/lookup?number=${issuedNumber}`)).json().ticket).toMatchObject({
      priority: 'elderly',
      status: 'waiting',
    });
    await page.locator('hq-live-view button[data-priority-ticket]').click();
    expect(await dialog.locator('select[name="printerId"]').inputValue()).toBe(String(added.id));
    await page.keyboard.press('Escape');

    // Switched off: the alert names the printer and its address, and says what to do.
    await printer.stop();
    await manager.post(`/api/printers/${added.id}/check`);
    const alert = page.locator(`hq-live-view .alert[data-kind="device_offline"]`, { hasText: '导办台打印机' });
    await expect.poll(() => alert.count(), { timeout: 20_000 }).toBe(1);
    expect(await alert.locator('.msg').textContent()).toBe(`打印机“导办台打印机”（${added.address}）无法连接，号票改为电子票。`);
    expect(await alert.locator('.what').textContent()).toContain('检测');
    await alert.scrollIntoViewIfNeeded();
    await screenshot(page, 'manager-printer-alert');
    await alert.locator('button').click();
    await expect.poll(() => page.locator(`hq-config-devices tr[data-device="${added.id}"]`).getAttribute('data-focus')).toBe('true');
    await expect.poll(() => page.locator(`hq-config-devices tr[data-device="${added.id}"] .pill`).first().textContent()).toBe('无法连接');
    await printer.start();
    await context.close();
  }, 120_000);
});

describe('an administrator', () => {
  it('chooses the hall, switches to another, and comes back to the one last chosen', async () => {
    await hall.store.transact((tx) =>
      tx.halls.insert({ code: 'east', name: '东城便民服务中心', timezone: 'Asia/Shanghai', openingHours: '08:30-17:30', notice: '' }),
    );
    const { page, context } = await openConsole('', { username: 'admin' });
    await page.locator('hq-manager-app button[data-hall]').first().waitFor();
    expect(await page.locator('hq-manager-app button[data-hall]').allTextContents()).toEqual([
      '示范县政务服务中心demo',
      '东城便民服务中心east',
    ]);
    await screenshot(page, 'manager-admin-halls');
    await page.locator('hq-manager-app button[data-hall="demo"]').click();
    await expect.poll(() => page.locator('hq-manager-shell .brand b').textContent()).toBe('示范县政务服务中心');
    await expect.poll(() => page.locator('hq-live-view .win').count()).toBe(16);
    await expect.poll(() => page.locator('hq-manager-shell header .conn').textContent()).toBe('实时');
    expect(await page.locator('hq-manager-shell .me').textContent()).toContain('系统管理员');

    await page.locator('hq-manager-shell button[data-switch-hall]').click();
    await page.locator('hq-manager-app button[data-hall="east"]').click();
    await expect.poll(() => page.locator('hq-manager-shell .brand b').textContent()).toBe('东城便民服务中心');
    // A console of its own: nothing of the demo hall.
    await expect.poll(() => page.locator('hq-live-view .kpi b').first().textContent()).toBe('0');
    expect(await page.locator('hq-live-view .win').count()).toBe(0);
    await screenshot(page, 'manager-admin-other-hall');

    // The choice is remembered on this PC.
    await page.reload();
    await expect.poll(() => page.locator('hq-manager-shell .brand b').textContent()).toBe('东城便民服务中心');
    await context.close();
  }, 60_000);
});
