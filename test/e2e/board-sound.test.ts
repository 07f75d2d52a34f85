/**
 * The board's sound in Chromium against the real server, with the browser's autoplay rule in
 * force: the one-time "tap to enable sound" overlay, remembered after a reload (a tap anywhere
 * then suffices); a device without a Chinese voice still chimes and shows the call, and the
 * manager sees "voice missing" in the hall snapshot; a manager's per-device settings (English,
 * silent) reach the open board without a reload.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeviceStatusView, HallSnapshot } from '../../common/protocol.js';
import { buildAnnouncement } from '../../common/domain/announcement.js';
import { DEFAULT_SETTINGS } from '../../common/domain/settings.js';
import { DEMO_TOKENS, type Agent } from '../helpers/app.js';
import { newPage, screenshot } from '../helpers/browser.js';
import { speechRecord, spoken, stubPage, type StubOptions } from '../display/page-stubs.js';
import { startScreensServer, type ScreensServer } from '../display/screens-server.js';

let server: ScreensServer;
let manager: Agent;
let clerk: Agent;
let clerk12: Agent;
let boardId: number;

beforeAll(async () => {
  server = await startScreensServer();
  manager = await server.signIn('manager');
  clerk = await server.signIn('clerk01');
  clerk12 = await server.signIn('clerk08');
  boardId = (await server.device(DEMO_TOKENS.board).get('/api/devices/me')).json().id;
});
afterAll(() => server?.close());

async function openBoard(stub: StubOptions): Promise<Page> {
  const { page } = await newPage(server.browser, { width: 1920, height: 1080 });
  await stubPage(page, stub);
  await page.goto(`${server.base}/board#token=${DEMO_TOKENS.board}`);
  await page.locator('hq-board-view .clock').waitFor();
  return page;
}

const view = (page: Page, selector: string) => page.locator(`hq-board-view ${selector}`);
/** The board as the manager sees it in the hall snapshot. */
const boardStatus = async (): Promise<DeviceStatusView> =>
  (await manager.get(`/api/halls/${server.hall.hallId}/snapshot`)).json<HallSnapshot>().devices!.find((d) => d.id === boardId)!;

/** A new ticket called at window 1 (社保, A), or at window 12 (户籍, P) by its own clerk. */
async function callNext(at: '1' | '12' = '1'): Promise<string> {
  const [by, prefix] = at === '1' ? [clerk, 'A'] : [clerk12, 'P'];
  await server.issue(prefix);
  const w = server.hall.ids.window(at);
  const current = (await by.get(`/api/windows/${w}`)).json().window.current;
  if (current) await by.post(`/api/windows/${w}/no-show`);
  const res = await by.post(`/api/windows/${w}/call-next`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().ticket.number;
}

/** What the board says for a call (the hall's default voice). */
const speech = (number: string, window: string) =>
  buildAnnouncement({ number, window, windowName: '', service: '' }, DEFAULT_SETTINGS.voice).speech['zh-CN'];

describe('board sound', () => {
  it('asks once to enable sound; the tap is remembered; after a reload a tap anywhere is enough', async () => {
    const board = await openBoard({ autoplayPolicy: true });
    await view(board, '.overlay').waitFor();
    expect(await view(board, '.overlay strong').textContent()).toBe('点击启用声音');
    expect(await view(board, '.overlay .en').textContent()).toBe('Tap to enable sound');
    await expect.poll(async () => (await boardStatus()).state.soundBlocked).toBe(true);
    await screenshot(board, 'board-sound-overlay');

    await board.mouse.click(960, 540);
    await expect.poll(() => view(board, '.overlay').count()).toBe(0);
    expect(await board.evaluate(() => localStorage.getItem('hq.audioUnlocked'))).toBe('1');
    await expect.poll(async () => (await boardStatus()).state.soundBlocked).toBe(false);
    const before = (await speechRecord(board)).oscillators;
    const number = await callNext();
    await expect.poll(() => spoken(board).then((u) => u.length), { timeout: 15_000 }).toBeGreaterThan(0);
    expect((await spoken(board))[0]!.text).toBe(speech(number, '1'));
    expect((await speechRecord(board)).oscillators).toBeGreaterThan(before);

    // Reloaded (a power cut): no overlay this time, a small mark; any tap brings the sound back.
    await board.reload();
    await board.locator('hq-board-view .clock').waitFor();
    await view(board, '.sound-blocked').waitFor();
    expect(await view(board, '.overlay').count()).toBe(0);
    await screenshot(board, 'board-sound-blocked');
    await board.mouse.click(200, 600);
    await expect.poll(() => view(board, '.sound-blocked').count()).toBe(0);
    await board.context().close();
  }, 60_000);

  it('without a Chinese voice: chime and the call on screen, and the manager sees the voice missing', async () => {
    const board = await openBoard({ voices: [{ lang: 'en-US', name: 'Stub English' }] });
    await view(board, '.voice-missing').waitFor({ timeout: 10_000 });
    await expect.poll(async () => (await boardStatus()).state.voiceMissing).toBe(true);
    const before = (await speechRecord(board)).oscillators;
    const number = await callNext();
    await expect.poll(() => view(board, '.hero .number').textContent()).toBe(number);
    await expect.poll(async () => (await speechRecord(board)).oscillators, { timeout: 10_000 }).toBe(before + 2);
    // The marker: the board announces one call after another, so once a second call (another
    // window) is chimed, the first call's announcement is over, and any words it had are said.
    await callNext('12');
    await expect.poll(async () => (await speechRecord(board)).oscillators, { timeout: 10_000 }).toBe(before + 4);
    expect(await spoken(board)).toEqual([]);
    await board.context().close();

    // A board with the voice reports it back.
    const fixed = await openBoard({});
    await expect.poll(async () => (await boardStatus()).state.voiceMissing, { timeout: 10_000 }).toBe(false);
    await fixed.context().close();
  }, 60_000);

  it("a manager's settings reach the open board: English, then silent, then back", async () => {
    const board = await openBoard({});
    await board.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));
    expect((await manager.put(`/api/devices/${boardId}/settings`, { language: 'en' })).statusCode).toBe(200);
    await expect.poll(() => view(board, '.hero h2').textContent()).toContain('Now calling');
    expect(await view(board, '.recent h2').textContent()).toBe('Recent calls');
    await screenshot(board, 'board-english');

    expect((await manager.put(`/api/devices/${boardId}/settings`, { silent: true })).statusCode).toBe(200);
    await view(board, '.silent').waitFor();
    const said = (await spoken(board)).length;
    const number = await callNext();
    await expect.poll(() => view(board, '.hero .number').textContent()).toBe(number);
    await expect.poll(async () => (await boardStatus()).state.silent).toBe(true);

    await manager.put(`/api/devices/${boardId}/settings`, { language: null, silent: false });
    await expect.poll(() => view(board, '.hero h2').textContent()).toContain('正在呼叫');
    await expect.poll(() => view(board, '.silent').count()).toBe(0);
    expect(await board.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
    // The marker: a call at another window, once sound is back. Calls are said one after another
    // in arrival order, so the silent call, had it been queued, would be said before it.
    const marker = await callNext('12');
    await expect
      .poll(async () => (await spoken(board)).slice(said).map((u) => u.text), { timeout: 15_000 })
      .toEqual([speech(marker, '12'), speech(marker, '12')]);
    await board.context().close();
  }, 60_000);
});
