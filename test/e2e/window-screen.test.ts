/**
 * Window screens in Chromium against the real server: each follows its own window the moment the
 * clerk acts (call, serve, pause with a reason, sign out and close), and no other window's; a new
 * screen shows a pairing code, starts working when a manager approves it, and stays paired after
 * a reload; a revoked screen says why.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TOKENS } from '../helpers/app.js';
import { newPage, screenshot } from '../helpers/browser.js';
import { startScreensServer, type ScreensServer } from '../display/screens-server.js';

let server: ScreensServer;

beforeAll(async () => {
  server = await startScreensServer();
});
afterAll(() => server?.close());

const SIZE = { width: 1280, height: 720 };
const view = (page: Page, selector: string) => page.locator(`hq-window-screen-view ${selector}`);

async function openScreen(token: string | null): Promise<Page> {
  const { page } = await newPage(server.browser, SIZE);
  await page.goto(`${server.base}/window-screen${token ? `#token=${token}` : ''}`);
  return page;
}

describe('window screen', () => {
  it('follows its window: the clerk, a call, serving, a pause with its reason, sign-out and close; another window stays as it was', async () => {
    const w1 = server.hall.ids.window('1');
    const screen1 = await openScreen(DEMO_TOKENS.windowScreen('1'));
    const screen2 = await openScreen(DEMO_TOKENS.windowScreen('2'));
    await view(screen1, 'header h1').waitFor();
    expect(await view(screen1, '.badge .num').textContent()).toBe('1');
    expect(await view(screen1, 'header h1').textContent()).toBe('社保综合窗口');
    expect(await view(screen1, '.domain').textContent()).toBe('综合窗口 · 社会保障服务区');
    expect(await view(screen1, '.status').textContent()).toBe('服务中');
    expect((await view(screen1, '.clerk').textContent())!.replace(/\s+/g, ' ').trim()).toBe('李敏 工号 ZW0101');
    expect(await view(screen1, '.services .v').textContent()).toBe('社保参保登记 · 社会保障卡办理 · 医疗保险报销 · 就业创业服务');
    expect(await view(screen1, 'main .big').textContent()).toBe('欢迎办理');

    const clerk = await server.signIn('clerk01');
    const ticket = await server.issue('A');
    expect((await clerk.post(`/api/windows/${w1}/call-next`)).statusCode).toBe(200);
    await expect.poll(() => view(screen1, 'main .ticket').textContent()).toBe(ticket.number);
    expect(await view(screen1, 'main .label').textContent()).toBe('请以下号码到本窗口办理');
    expect(await view(screen1, 'main .ticket').getAttribute('class')).toContain('lit');
    expect(await view(screen2, 'main .ticket').count()).toBe(0);

    await clerk.post(`/api/windows/${w1}/start`);
    await expect.poll(() => view(screen1, 'main .label').textContent()).toBe('正在办理');
    await screenshot(screen1, 'window-screen-serving');

    await clerk.post(`/api/windows/${w1}/finish`);
    await expect.poll(() => view(screen1, 'main .ticket').count()).toBe(0);
    expect((await clerk.post(`/api/windows/${w1}/status`, { status: 'paused', reason: '午休' })).statusCode).toBe(200);
    await expect.poll(() => view(screen1, '.status').textContent()).toBe('暂停服务');
    expect(await view(screen1, 'main .reason').textContent()).toBe('午休');
    await screenshot(screen1, 'window-screen-paused');

    await clerk.post(`/api/windows/${w1}/status`, { status: 'open' });
    await expect.poll(() => view(screen1, '.status').textContent()).toBe('服务中');
    expect((await clerk.post(`/api/windows/${w1}/sign-out`)).statusCode).toBe(200);
    await expect.poll(() => view(screen1, '.status').textContent()).toBe('已关闭');
    expect(await view(screen1, 'main .big').textContent()).toBe('已关闭');
    expect(await view(screen1, '.clerk').textContent()).toBe('暂无工作人员');
    await screenshot(screen1, 'window-screen-closed');

    // Window 2 never changed.
    expect(await view(screen2, '.status').textContent()).toBe('服务中');
    expect((await view(screen2, '.clerk').textContent())!.replace(/\s+/g, ' ').trim()).toBe('张伟 工号 ZW0102');
    await screen1.context().close();
    await screen2.context().close();
  }, 60_000);

  it('a new screen pairs with a code, works once approved, stays paired after a reload; revoked, it says why', async () => {
    const page = await openScreen(null);
    const code = page.locator('hq-pairing-panel .code');
    await code.waitFor();
    const pairing = (await code.textContent())!.trim();
    expect(pairing).toMatch(/^\d{6}$/);
    await screenshot(page, 'window-screen-pairing');

    const manager = await server.signIn('manager');
    const approved = await manager.post(`/api/halls/${server.hall.hallId}/devices/approve`, {
      code: pairing,
      name: '12号窗口屏',
      windowId: server.hall.ids.window('12'),
    });
    expect(approved.statusCode, approved.body).toBe(200);
    await expect.poll(() => view(page, 'header h1').textContent(), { timeout: 15_000 }).toBe('户籍身份证窗口');
    expect(await view(page, '.badge .num').textContent()).toBe('12');

    await page.reload();
    await expect.poll(() => view(page, 'header h1').textContent()).toBe('户籍身份证窗口');

    await manager.post(`/api/devices/${approved.json().id}/revoke`);
    await expect.poll(() => page.locator('hq-pairing-panel .error').textContent()).toContain('停用');
    await page.context().close();
  }, 60_000);
});
