/**
 * The hall board in Chromium against the real server: a call made through the API shows on the
 * board at once, highlighted, without moving the layout; it is chimed and spoken, two quick calls
 * in order and never overlapping, a recall again; calls made before the board opened are shown,
 * not spoken. While the server is down the board keeps its state with an offline mark; after
 * the server restarts (a new app on the same database and port) it shows the true state without
 * a reload, and a call made while it was away is shown but not announced late. Portrait and
 * 1280×720 fit without overlaps; a zone board shows and speaks its zone only.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAnnouncement } from '../../common/domain/announcement.js';
import { DEFAULT_SETTINGS } from '../../common/domain/settings.js';
import { DEMO_TOKENS } from '../helpers/app.js';
import { newPage, screenshot } from '../helpers/browser.js';
import { speechRecord, spoken, stubPage } from '../display/page-stubs.js';
import { startScreensServer, type ScreensServer } from '../display/screens-server.js';

let server: ScreensServer;

beforeAll(async () => {
  server = await startScreensServer();
});
afterAll(() => server?.close());

/** What the hall's default voice says for a call (the server's own rule, not copied text). */
const speech = (number: string, window: string, windowName = '') =>
  buildAnnouncement({ number, window, windowName, service: '' }, DEFAULT_SETTINGS.voice).speech['zh-CN'];

async function openBoard(size: { width: number; height: number }, token = DEMO_TOKENS.board): Promise<Page> {
  const { page } = await newPage(server.browser, size);
  await stubPage(page);
  await page.goto(`${server.base}/board#token=${token}`);
  await page.locator('hq-board-view .clock').waitFor();
  return page;
}

const view = (page: Page, selector: string) => page.locator(`hq-board-view ${selector}`);
const heroNumber = (page: Page) => view(page, '.hero .number').textContent();
const texts = async (page: Page) => (await spoken(page)).map((u) => u.text);

/** The boxes of the board's regions, to prove nothing moves. */
const layout = (page: Page) =>
  page.evaluate(() => {
    const root = document
      .querySelector('hq-board-app')!
      .shadowRoot!.querySelector('hq-board-screen')!
      .shadowRoot!.querySelector('hq-board-view')!.shadowRoot!;
    const box = (el: Element, withWidth = true) => {
      const r = el.getBoundingClientRect();
      return [
        el.className.replace('lit', '').trim() || el.tagName,
        Math.round(r.y),
        Math.round(r.height),
        ...(withWidth ? [Math.round(r.x), Math.round(r.width)] : []),
      ].join(' ');
    };
    // Regions keep their boxes; the number keeps its line (its width is the width of its digits).
    return [
      ...[...root.querySelectorAll('header, section, footer, .recent ol')].map((el) => box(el)),
      box(root.querySelector('.hero .number')!, false),
    ];
  });

/** Overlapping regions and text cut off outside an ellipsis, as readable strings (empty: fine). */
const fitProblems = (page: Page) =>
  page.evaluate(() => {
    const root = document
      .querySelector('hq-board-app')!
      .shadowRoot!.querySelector('hq-board-screen')!
      .shadowRoot!.querySelector('hq-board-view')!.shadowRoot!;
    const problems: string[] = [];
    const boxes = [...root.querySelectorAll('header, section, footer')].map((el) => ({
      name: el.className || el.tagName,
      r: el.getBoundingClientRect(),
    }));
    for (const a of boxes) {
      if (a.r.right > innerWidth + 1 || a.r.bottom > innerHeight + 1) problems.push(`${a.name} leaves the screen`);
      for (const b of boxes) {
        if (a === b) continue;
        const overlap =
          Math.min(a.r.right, b.r.right) - Math.max(a.r.left, b.r.left) > 1 &&
          Math.min(a.r.bottom, b.r.bottom) - Math.max(a.r.top, b.r.top) > 1;
        if (overlap && a.name < b.name) problems.push(`${a.name} overlaps ${b.name}`);
      }
    }
    for (const el of root.querySelectorAll<HTMLElement>('section, section *, header *')) {
      if (el.closest('.ellipsis') || el.classList.contains('sr-only') || el.closest('svg')) continue;
      if (el.scrollWidth > el.clientWidth + 2 && getComputedStyle(el).overflow !== 'visible')
        problems.push(`${el.className || el.tagName} is cut horizontally`);
    }
    for (const section of root.querySelectorAll<HTMLElement>('section')) {
      // Inside the padding: content that reaches into it looks cramped against the border.
      const s = section.getBoundingClientRect();
      const style = getComputedStyle(section);
      const bottom = s.bottom - parseFloat(style.paddingBottom) - parseFloat(style.borderBottomWidth);
      const right = s.right - parseFloat(style.paddingRight) - parseFloat(style.borderRightWidth);
      for (const child of section.children) {
        const c = child.getBoundingClientRect();
        if (c.height && getComputedStyle(child).position !== 'absolute' && (c.bottom > bottom + 1 || c.right > right + 1))
          problems.push(`${child.className || child.tagName} spills out of ${section.className}`);
      }
    }
    return problems;
  });

describe('hall board', () => {
  let board: Page;
  let clerk1: Awaited<ReturnType<ScreensServer['signIn']>>;
  let clerk2: Awaited<ReturnType<ScreensServer['signIn']>>;
  const w = (n: string) => server.hall.ids.window(n);

  it('shows calls made before it opened without speaking them', async () => {
    clerk1 = await server.signIn('clerk01');
    clerk2 = await server.signIn('clerk02');
    for (const p of ['A', 'B', 'E', 'E', 'H', 'L', 'P', 'A', 'C', 'B', 'A']) await server.issue(p);
    expect((await clerk1.post(`/api/windows/${w('1')}/call-next`)).statusCode).toBe(200);
    expect((await clerk2.post(`/api/windows/${w('2')}/call-next`)).statusCode).toBe(200);
    await clerk2.post(`/api/windows/${w('2')}/no-show`);
    await clerk1.post(`/api/windows/${w('1')}/start`);
    await clerk1.post(`/api/windows/${w('1')}/finish`);

    board = await openBoard({ width: 1920, height: 1080 });
    await expect.poll(() => heroNumber(board)).toBe('B001');
    expect(await view(board, '.recent li .no').allTextContents()).toEqual(['A001']);
    expect(await view(board, '.missed li .no').allTextContents()).toEqual(['B001']);
    expect(await view(board, 'h1').textContent()).toBe('示范县政务服务中心');
    // The marker: a live call at window 12 (P001, issued above). The board speaks calls one after
    // another in arrival order, so anything it were to say for the earlier calls comes first.
    const clerk12 = await server.signIn('clerk08');
    const live = (await clerk12.post(`/api/windows/${w('12')}/call-next`)).json().ticket;
    expect(live.number).toBe('P001');
    await expect.poll(() => texts(board), { timeout: 15_000 }).toEqual([speech('P001', '12'), speech('P001', '12')]);
  });

  it('a call through the API shows at once, highlighted, without moving the layout; chime then speech; two quick calls in order', async () => {
    const before = await layout(board);
    const chimes = (await speechRecord(board)).oscillators;
    const said = (await spoken(board)).length;
    const first = (await clerk1.post(`/api/windows/${w('1')}/call-next`)).json().ticket;
    const second = (await clerk2.post(`/api/windows/${w('2')}/call-next`)).json().ticket;
    await expect.poll(() => heroNumber(board)).toBe(second.number);
    expect(await view(board, '.hero').getAttribute('class')).toContain('lit');
    expect(await view(board, '.hero .go').textContent()).toContain('2号窗口');
    expect(await view(board, '.hero .wname').textContent()).toBe('社保综合窗口');
    expect((await view(board, '.recent li .no').allTextContents())[0]).toBe(first.number);
    await screenshot(board, 'board-landscape');

    // The first is said once (the second waits), the second twice (the hall repeats calls twice).
    const one = speech(first.number, '1');
    const two = speech(second.number, '2');
    await expect.poll(() => texts(board).then((t) => t.slice(said)), { timeout: 15_000 }).toEqual([one, two, two]);
    const utterances = await spoken(board);
    expect(utterances.every((u) => u.lang === 'zh-CN' && u.rate === DEFAULT_SETTINGS.voice.rate && u.voice === 'Stub Mandarin')).toBe(true);
    const record = await speechRecord(board);
    expect(record).toMatchObject({ overlaps: 0, cancels: 0 });
    expect(record.oscillators - chimes).toBe(4); // two tones per chime, one chime per call
    expect(await layout(board)).toEqual(before);

    // The highlight ends by itself.
    await expect.poll(() => view(board, '.hero').getAttribute('class'), { timeout: 20_000 }).not.toContain('lit');
    expect(await layout(board)).toEqual(before);
  }, 60_000);

  it('a recall (重呼) is spoken again and marked', async () => {
    const count = (await spoken(board)).length;
    const current = (await clerk2.post(`/api/windows/${w('2')}/recall`)).json().ticket;
    await expect.poll(() => view(board, '.hero .recall').count()).toBe(1);
    await expect
      .poll(() => texts(board).then((t) => t.slice(count)), { timeout: 15_000 })
      .toEqual([speech(current.number, '2'), speech(current.number, '2')]);
  }, 30_000);

  it('keeps its state with an offline mark while the server is down; after a restart shows the true state without a reload and does not announce what it missed', async () => {
    await board.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));
    const said = (await spoken(board)).length;
    const shown = await heroNumber(board);
    await server.stop();
    await expect.poll(() => view(board, 'hq-offline-mark').count(), { timeout: 60_000 }).toBe(1);
    expect(await heroNumber(board)).toBe(shown);
    await screenshot(board, 'board-offline');

    // The new server takes a call before any screen can reach it.
    let missed = '';
    await server.start(async (s) => {
      const clerk = await s.signIn('clerk03');
      missed = (await clerk.post(`/api/windows/${w('3')}/call-next`)).json().ticket.number;
    });
    await expect.poll(() => heroNumber(board), { timeout: 30_000 }).toBe(missed);
    expect(await view(board, 'hq-offline-mark').count()).toBe(0);
    expect(await board.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);

    // Live again: the next call is announced, and it is the marker: calls are said in arrival
    // order, so the missed call, had it been announced late, would come before it.
    clerk1 = await server.signIn('clerk01');
    await clerk1.post(`/api/windows/${w('1')}/no-show`);
    const next = (await clerk1.post(`/api/windows/${w('1')}/call-next`)).json().ticket;
    await expect
      .poll(() => texts(board).then((t) => t.slice(said)), { timeout: 15_000 })
      .toEqual([speech(next.number, '1'), speech(next.number, '1')]);
  }, 120_000);

  it('portrait 1080×1920 and 1280×720: nothing overlaps, nothing is cut', async () => {
    for (const [name, size] of [
      ['board-portrait', { width: 1080, height: 1920 }],
      ['board-1280x720', { width: 1280, height: 720 }],
      ['board-landscape-check', { width: 1920, height: 1080 }],
    ] as const) {
      const page = await openBoard(size);
      await expect.poll(() => view(page, '.recent li').count()).toBeGreaterThan(0);
      expect(await fitProblems(page), name).toEqual([]);
      if (name !== 'board-landscape-check') await screenshot(page, name);
      await page.context().close();
    }
  }, 60_000);

  it('a zone board shows and speaks its zone only', async () => {
    const zone = await openBoard({ width: 1920, height: 1080 }, DEMO_TOKENS.zoneBoard);
    expect(await view(zone, 'header .zone').textContent()).toBe('社会保障服务区');
    expect(await view(zone, '.waiting h2').textContent()).toBe('各事项等候情况');
    expect(await view(zone, '.waiting tbody tr').count()).toBe(4);

    // 不动产 at window 4: not on this board. 社保 at window 2: shown and spoken.
    await server.issue('E');
    await server.issue('D');
    const clerk4 = await server.signIn('clerk04');
    const called = await clerk4.post(`/api/windows/${w('4')}/call-next`);
    expect(called.statusCode, called.body).toBe(200);
    const e = called.json().ticket;
    expect(e.number).toMatch(/^E/);
    clerk2 = await server.signIn('clerk02');
    await clerk2.post(`/api/windows/${w('2')}/no-show`);
    const a = (await clerk2.post(`/api/windows/${w('2')}/call-next`)).json().ticket;
    await expect.poll(() => heroNumber(zone)).toBe(a.number);
    await expect.poll(() => texts(zone), { timeout: 15_000 }).toEqual([speech(a.number, '2'), speech(a.number, '2')]);
    expect(await view(zone, '.recent li .no').allTextContents()).not.toContain(e.number);
    await screenshot(zone, 'board-zone');
    // The whole-hall board has both.
    await expect.poll(() => heroNumber(board)).toBe(a.number);
    expect(await view(board, '.recent li .no').allTextContents()).toContain(e.number);
  }, 60_000);
});
