// @vitest-environment happy-dom
/**
 * The hall board in given states (happy-dom): a busy hall, 3- and 4-digit numbers, long service
 * and window names, an empty hall, a zone board, and the marks (offline, no voice, muted, the
 * one-time sound overlay, the "tap again" badge); English.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { boardModel } from '../../display/board/board-model.js';
import '../../display/board/board-view.js';
import type { BoardView } from '../../display/board/board-view.js';
import { setLocale } from '../../common/ui/i18n.js';
import type { HallSnapshot } from '../../common/protocol.js';
import { call, NOW, queue, services, snapshot, ticket, windows, windowView } from './fixtures.js';

afterEach(async () => {
  document.body.replaceChildren();
  await setLocale('zh-CN');
});

async function mount(s: HallSnapshot, props: Partial<BoardView> = {}, zoneId: number | null = null, locale = 'zh-CN'): Promise<BoardView> {
  const el = document.createElement('hq-board-view');
  Object.assign(el, { model: boardModel(s, { now: NOW, locale, zoneId }), now: NOW }, props);
  document.body.append(el);
  await el.updateComplete;
  return el;
}

const $ = (el: BoardView, selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector);
const all = (el: BoardView, selector: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(selector)];
const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

const busy = () =>
  snapshot({
    recentCalls: [call('B002', 2, 90), call('A012', 1, 40), call('E003', 4, 3)].reverse(),
    missed: [ticket(7, 'A009', { status: 'no_show', windowId: 1, noShowAt: NOW - 60_000 })],
  });

describe('<hq-board-view>', () => {
  it('a busy hall: header, the newest call large with window and name, recent calls, waiting, 过号, notice', async () => {
    const el = await mount(busy(), { highlight: true });
    expect(text($(el, 'header h1'))).toBe('示范县政务服务中心');
    expect(text($(el, 'header .clock'))).toBe('10:00:00');
    expect(text($(el, 'header .date'))).toBe('2026年11月23日星期一');
    expect($(el, 'header .zone')).toBeNull();

    const hero = $(el, '.hero')!;
    expect(hero.classList.contains('lit')).toBe(true);
    expect(text($(el, '.hero .number'))).toBe('E003');
    expect(text($(el, '.hero .go'))).toBe('请到 4号窗口');
    expect(text($(el, '.hero .wname'))).toBe('不动产综合窗口');
    expect(text($(el, '.hero [aria-live]'))).toBe('请E003号到4号窗口办理');

    expect(all(el, '.recent li').map(text)).toEqual(['A012 1号窗口 社保综合窗口', 'B002 2号窗口 社保综合窗口']);
    expect(all(el, '.waiting tbody tr').map(text)).toEqual([
      '社保参保登记 5 人 约 20 分钟',
      '社会保障卡办理 0 人 —',
      '医疗保险报销 2 人 约 10 分钟',
      '不动产登记 3 人 约 30 分钟',
    ]);
    expect(all(el, '.missed li').map(text)).toEqual(['A009 1号窗口']);
    expect(text($(el, '.missed h2'))).toContain('30 分钟内可到原窗口重新排队');
    expect(text($(el, 'footer .track'))).toBe('请留意屏幕叫号，过号请到原窗口申请重新排队。');
    expect($(el, '.overlay')).toBeNull();
    expect($(el, 'hq-offline-mark')).toBeNull();
  });

  it('the highlight ends without moving anything: same parts, same text', async () => {
    const el = await mount(busy(), { highlight: true });
    const classes = () => all(el, 'section').map((s) => s.className.replace('lit', '').trim());
    const before = classes();
    el.highlight = false;
    await el.updateComplete;
    expect($(el, '.hero')!.classList.contains('lit')).toBe(false);
    expect(classes()).toEqual(before);
    expect(text($(el, '.hero .number'))).toBe('E003');
  });

  it('a recall is marked; the row being spoken is marked', async () => {
    const s = busy();
    const recall = call('E003', 4, 1, { recall: true, ticketId: s.recentCalls[0]!.ticketId });
    const el = await mount({ ...s, recentCalls: [recall, ...s.recentCalls] }, { speakingSeq: s.recentCalls[1]!.seq });
    expect(text($(el, '.hero .recall'))).toBe('重呼');
    expect(all(el, '.recent li').map(text)).toEqual(['A012 1号窗口 社保综合窗口', 'B002 2号窗口 社保综合窗口']);
    expect(all(el, '.recent li.speaking').map(text)).toEqual(['A012 1号窗口 社保综合窗口']);
  });

  it('3- and 4-digit numbers and two-letter prefixes: the hero sizes the number by its length', async () => {
    for (const [number, chars] of [
      ['A012', '4'],
      ['A1234', '5'],
      ['AB1234', '6'],
    ] as const) {
      const el = await mount(snapshot({ recentCalls: [call(number, 1, 1)] }));
      expect(text($(el, '.hero .number'))).toBe(number);
      expect($(el, '.hero')!.getAttribute('style')).toContain(`--chars: ${chars}`);
      el.remove();
    }
  });

  it('long service and window names stay on one line (ellipsis), in full in the text', async () => {
    const longService = '工程建设项目审批（施工许可、竣工验收备案、联合验收）';
    const longWindow = '“高效办成一件事”综合受理窗口（企业开办）';
    const s = snapshot({
      services: services.map((x) => (x.id === 1 ? { ...x, name: longService } : x)),
      windows: [windowView({ name: longWindow }), ...windows.slice(1)],
      recentCalls: [call('A001', 1, 100, { windowName: longWindow }), call('A002', 1, 1, { windowName: longWindow })],
    });
    const el = await mount(s);
    expect($(el, '.hero .wname')!.classList.contains('ellipsis')).toBe(true);
    expect(text($(el, '.hero .wname'))).toBe(longWindow);
    expect($(el, '.recent li .wname')!.classList.contains('ellipsis')).toBe(true);
    expect(text($(el, '.waiting tbody tr td'))).toBe(longService);
  });

  it('an empty hall: a welcome instead of a call, nothing recent, nobody missed, zero waiting', async () => {
    const el = await mount(snapshot({ queues: [], hall: { ...snapshot().hall, notice: '' } }));
    expect(text($(el, '.hero .idle'))).toBe('暂无叫号 取号后请留意屏幕显示和语音叫号');
    expect($(el, '.hero .number')).toBeNull();
    expect(text($(el, '.recent .none'))).toBe('今日暂无叫号');
    expect(text($(el, '.missed .none'))).toBe('暂无过号');
    expect(all(el, '.waiting td.count').map(text)).toEqual(['0 人', '0 人', '0 人', '0 人']);
    // No notice: the opening hours instead of an empty bar.
    expect(text($(el, 'footer .static'))).toBe('办公时间 08:30-12:00,13:30-17:30');
  });

  it('many missed numbers: five and the count of the others in the sixth place', async () => {
    const missed = Array.from({ length: 9 }, (_, i) =>
      ticket(i + 1, `A${String(i + 1).padStart(3, '0')}`, { status: 'no_show', windowId: 2, noShowAt: NOW - i * 1000 }),
    );
    const el = await mount(snapshot({ missed }));
    expect(all(el, '.missed li').map(text)).toEqual([
      'A001 2号窗口',
      'A002 2号窗口',
      'A003 2号窗口',
      'A004 2号窗口',
      'A005 2号窗口',
      '另有 4 个过号',
    ]);
  });

  it('a zone board names its zone and lists its services', async () => {
    const s = snapshot({
      zones: snapshot().zones.filter((z) => z.id === 1),
      services: services.filter((x) => x.zoneId === 1),
      recentCalls: [call('A001', 1, 5)],
    });
    const el = await mount(s, {}, 1);
    expect(text($(el, 'header .zone'))).toBe('社会保障服务区');
    expect(text($(el, '.waiting h2'))).toBe('各事项等候情况');
    expect(all(el, '.waiting tbody tr')).toHaveLength(3);
  });

  it('a hall with many services shows waiting per zone, and a service nobody serves says so', async () => {
    const many = [...services, ...Array.from({ length: 6 }, (_, i) => ({ ...services[3]!, id: 20 + i, name: `事项${i}` }))];
    const el = await mount(snapshot({ services: many, queues: [queue(4, 3, 30, 0)] }));
    expect(text($(el, '.waiting h2'))).toBe('各服务区等候情况');
    expect(all(el, '.waiting tbody tr').map(text)).toEqual(['社会保障服务区 0 人 —', '不动产服务区 3 人 暂无窗口受理']);
  });

  it('marks: offline with the time of the state shown, no voice, muted', async () => {
    const el = await mount(busy(), { offline: true, offlineSince: NOW - 120_000, voiceMissing: true });
    const mark = $(el, 'hq-offline-mark') as HTMLElement & { updateComplete: Promise<unknown> };
    await mark.updateComplete;
    expect(text(mark.shadowRoot!.querySelector('span'))).toBe('离线 · 显示 09:58 的状态');
    expect(text($(el, '.voice-missing'))).toBe('无语音，仅提示音');
    // The board still shows everything it knew.
    expect(text($(el, '.hero .number'))).toBe('E003');
    el.sound = 'silent';
    await el.updateComplete;
    expect(text($(el, '.silent'))).toBe('静音');
    expect($(el, '.voice-missing')).toBeNull();
  });

  it('never unlocked: the one-time overlay in both languages; a tap asks to unlock', async () => {
    const el = await mount(busy(), { sound: 'needs-unlock' });
    const taps: string[] = [];
    el.addEventListener('board-unlock', () => taps.push('unlock'));
    expect(text($(el, '.overlay strong'))).toBe('点击启用声音');
    expect(text($(el, '.overlay .en'))).toBe('Tap to enable sound');
    $(el, '.overlay')!.click();
    expect(taps).toEqual(['unlock']);
    el.sound = 'blocked';
    await el.updateComplete;
    expect($(el, '.overlay')).toBeNull();
    expect(text($(el, '.sound-blocked'))).toBe('点击屏幕启用声音');
    $(el, '.sound-blocked')!.click();
    expect(taps).toEqual(['unlock', 'unlock']);
  });

  it('in English', async () => {
    await setLocale('en');
    const el = await mount(busy(), { sound: 'needs-unlock' }, null, 'en');
    expect(text($(el, '.hero h2'))).toBe('Now calling');
    expect(text($(el, '.hero .go'))).toBe('Go to window 4');
    expect(text($(el, '.hero [aria-live]'))).toBe('Number E003, please go to window 4');
    expect(text($(el, '.recent h2'))).toBe('Recent calls');
    expect(all(el, '.recent li').map(text)[0]).toBe('A012 Window 1 社保综合窗口');
    expect(text($(el, '.waiting tbody tr'))).toBe('Social insurance registration 5 people about 20 min');
    expect(text($(el, 'header .date'))).toBe('Monday, 23 November 2026');
    expect(text($(el, '.overlay strong'))).toBe('Tap to enable sound');
    expect($(el, '.overlay .en')).toBeNull();
  });

  it('before the first sync: says it is connecting, never a blank screen', async () => {
    const el = document.createElement('hq-board-view');
    document.body.append(el);
    await el.updateComplete;
    expect(text($(el, '.connecting'))).toBe('正在连接服务器…');
  });
});
