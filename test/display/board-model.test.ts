/**
 * What the hall board shows (display/board/board-model.ts), as tables: the newest call and its
 * highlight, recent calls once per ticket, the zone rule, yesterday's calls gone after midnight,
 * waiting per service or per zone, the 过号 list within the grace, and what is spoken for a call.
 */
import { describe, expect, it } from 'vitest';
import {
  boardCalls,
  boardModel,
  callOnBoard,
  highlighted,
  HIGHLIGHT_MS,
  RECENT_ROWS,
  toAnnouncement,
  waitingRows,
} from '../../display/board/board-model.js';
import { windowScreenModel, windowHighlighted } from '../../display/window-screen/window-model.js';
import { call, NOW, queue, services, snapshot, ticket, windows, windowView, zones } from './fixtures.js';

const hallBoard = { now: NOW, locale: 'zh-CN', zoneId: null };

describe('calls on the board', () => {
  it('the newest call is the hero; older calls follow once per ticket, newest first', () => {
    const s = snapshot({
      // Made oldest first (sequence numbers grow with time), listed newest first like the server's.
      recentCalls: [
        call('C001', 4, 200),
        call('A002', 1, 120),
        call('A003', 1, 60, { ticketId: 3 }),
        call('B001', 2, 20),
        call('A003', 1, 5, { recall: true, ticketId: 3 }),
      ].reverse(),
    });
    const m = boardModel(s, hallBoard);
    expect(m.hero).toMatchObject({
      number: 'A003',
      windowNumber: '1',
      windowName: '社保综合窗口',
      recall: true,
      caption: '请A003号到1号窗口办理',
    });
    expect(m.recent.map((c) => c.number)).toEqual(['B001', 'A002', 'C001']);
  });

  it('lists at most RECENT_ROWS recent calls', () => {
    const calls = Array.from({ length: 20 }, (_, i) => call(`A${String(i + 1).padStart(3, '0')}`, 1, 300 - i));
    const m = boardModel(snapshot({ recentCalls: calls }), hallBoard);
    expect(m.hero!.number).toBe('A020');
    expect(m.recent).toHaveLength(RECENT_ROWS);
    expect(m.recent[0]!.number).toBe('A019');
  });

  it("yesterday's calls are gone after local midnight, without a reload", () => {
    const late = call('A099', 1, 0, { at: Date.parse('2026-11-22T23:59:00+08:00') });
    const s = snapshot({ recentCalls: [late] });
    expect(boardModel(s, { ...hallBoard, now: Date.parse('2026-11-22T23:59:30+08:00') }).hero?.number).toBe('A099');
    expect(boardModel(s, { ...hallBoard, now: Date.parse('2026-11-23T00:00:10+08:00') }).hero).toBeNull();
  });

  it('a zone board shows the calls of its services wherever they are called, not the others', () => {
    const s = snapshot({ recentCalls: [call('A001', 1, 30), call('E001', 4, 20), call('B002', 8, 10)] });
    const zoneSnapshot = { ...s, services: services.filter((x) => x.zoneId === 1) };
    expect(boardCalls(zoneSnapshot, { now: NOW, zoneId: 1 }).map((c) => c.number)).toEqual(['B002', 'A001']);
    expect(boardCalls(s, { now: NOW, zoneId: null }).map((c) => c.number)).toEqual(['B002', 'E001', 'A001']);
    const table: [number: string, window: number, zoneId: number | null, shown: boolean][] = [
      ['A001', 1, 1, true],
      ['E001', 4, 1, false],
      ['E001', 8, 1, false], // a 不动产 ticket at the 无差别 window in the 社保 zone belongs to the 不动产 board
      ['B001', 8, 1, true],
      ['E001', 4, 2, true],
      ['E001', 4, null, true],
    ];
    for (const [number, window, zoneId, shown] of table) {
      const board = zoneId === null ? s : { ...s, services: services.filter((x) => x.zoneId === zoneId) };
      expect(callOnBoard(call(number, window, 0), board, zoneId), `${number}@${window} on zone ${zoneId}`).toBe(shown);
    }
  });

  it('the hero is highlighted for HIGHLIGHT_MS, and longer while it is still being spoken', () => {
    const c = call('A001', 1, 0);
    const table: [elapsed: number, speaking: string | null, lit: boolean][] = [
      [0, null, true],
      [HIGHLIGHT_MS - 1, null, true],
      [HIGHLIGHT_MS, null, false],
      [HIGHLIGHT_MS + 5000, String(c.seq), true],
      [HIGHLIGHT_MS + 5000, 'other', false],
    ];
    for (const [elapsed, speaking, lit] of table)
      expect(highlighted(c, c.at + elapsed, speaking ? { id: speaking } : null), `${elapsed} ${speaking}`).toBe(lit);
    expect(highlighted(null, NOW, null)).toBe(false);
  });

  it('speaks the text for the hall voice language, rate and repeat, bounded', () => {
    const c = call('A012', 3, 0, { speech: { 'zh-CN': '请A零一二号到三号窗口办理', en: 'Number A zero one two, please go to window 3' } });
    expect(toAnnouncement(c, { language: 'zh-CN', rate: 0.9, repeat: 2, chime: true })).toMatchObject({
      id: String(c.seq),
      ticketId: c.ticketId,
      windowId: c.windowId,
      speech: '请A零一二号到三号窗口办理',
      lang: 'zh-CN',
      rate: 0.9,
      repeat: 2,
      chime: true,
    });
    expect(toAnnouncement(c, { language: 'en', rate: 9, repeat: 40, chime: false })).toMatchObject({
      speech: 'Number A zero one two, please go to window 3',
      lang: 'en-US',
      rate: 2,
      repeat: 5,
      chime: false,
    });
  });
});

describe('waiting', () => {
  it('per service on a small hall, in the hall order, with the estimate; nobody waiting shows 0 minutes', () => {
    const { waitingBy, rows } = waitingRows(snapshot(), null, 'zh-CN');
    expect(waitingBy).toBe('service');
    expect(rows.map((r) => [r.name, r.waiting, r.estimateMinutes, r.noWindow])).toEqual([
      ['社保参保登记', 5, 20, false],
      ['社会保障卡办理', 0, 0, false],
      ['医疗保险报销', 2, 10, false],
      ['不动产登记', 3, 30, false],
    ]);
    expect(waitingRows(snapshot(), null, 'en').rows[0]!.name).toBe('Social insurance registration');
  });

  it('per zone on a hall with more services than rows: sums, the longest wait, no window when none serves', () => {
    const many = [
      ...services,
      ...Array.from({ length: 6 }, (_, i) => ({ ...services[3]!, id: 20 + i, name: `不动产事项${i}`, prefix: 'F' })),
    ];
    const s = snapshot({
      services: many,
      queues: [queue(1, 5, 20), queue(3, 2, 10), queue(4, 3, 30, 0), ...many.slice(4).map((x) => queue(x.id, 1, 45, 0))],
    });
    const { waitingBy, rows } = waitingRows(s, null, 'zh-CN');
    expect(waitingBy).toBe('zone');
    expect(rows.map((r) => [r.name, r.waiting, r.estimateMinutes, r.noWindow])).toEqual([
      ['社会保障服务区', 7, 20, false],
      ['不动产服务区', 9, 45, true],
    ]);
    // A zone board always lists its services.
    expect(waitingRows({ ...s, services: many.filter((x) => x.zoneId === 2) }, 2, 'zh-CN').waitingBy).toBe('service');
  });

  it('disabled services are not listed', () => {
    const s = snapshot({ services: services.map((x) => (x.id === 2 ? { ...x, enabled: false } : x)) });
    expect(waitingRows(s, null, 'zh-CN').rows.map((r) => r.name)).not.toContain('社会保障卡办理');
  });
});

describe('过号', () => {
  it('lists missed tickets within the grace, newest first, with the window to go back to', () => {
    const missed = [
      ticket(1, 'A001', { status: 'no_show', windowId: 1, noShowAt: NOW - 29 * 60_000 }),
      ticket(2, 'A002', { status: 'no_show', windowId: 2, noShowAt: NOW - 5 * 60_000 }),
      ticket(3, 'B003', { status: 'no_show', windowId: 1, noShowAt: NOW - 31 * 60_000 }), // grace over
    ];
    const m = boardModel(snapshot({ missed }), hallBoard);
    expect(m.missed).toEqual([
      { ticketId: 2, number: 'A002', windowNumber: '2' },
      { ticketId: 1, number: 'A001', windowNumber: '1' },
    ]);
    expect(m.missedMore).toBe(0);
  });

  it('six places: up to six numbers, or five and the count of the rest (oldest left out)', () => {
    const missed = (n: number) =>
      Array.from({ length: n }, (_, i) =>
        ticket(i + 1, `A${String(i + 1).padStart(3, '0')}`, { status: 'no_show', windowId: 1, noShowAt: NOW - i * 1000 }),
      );
    const six = boardModel(snapshot({ missed: missed(6) }), hallBoard);
    expect([six.missed.length, six.missedMore]).toEqual([6, 0]);
    const many = boardModel(snapshot({ missed: missed(15) }), hallBoard);
    expect(many.missed.map((t) => t.number)).toEqual(['A001', 'A002', 'A003', 'A004', 'A005']);
    expect(many.missedMore).toBe(10);
  });
});

describe('the rest of the board', () => {
  it('hall name, the zone of a zone board, the notice; nothing personal', () => {
    const m = boardModel(snapshot({ zones: zones.filter((z) => z.id === 1) }), { ...hallBoard, zoneId: 1 });
    expect(m).toMatchObject({
      hallName: '示范县政务服务中心',
      zoneName: '社会保障服务区',
      noticeText: '请留意屏幕叫号，过号请到原窗口申请重新排队。',
      graceMinutes: 30,
    });
    expect(boardModel(snapshot(), hallBoard).zoneName).toBeNull();
    expect(boardModel(snapshot(), { ...hallBoard, zoneId: 1, locale: 'en' }).zoneName).toBe('Social security');
  });

  it('an empty hall: no hero, no recent calls, nobody missed', () => {
    const m = boardModel(snapshot({ queues: [] }), hallBoard);
    expect(m).toMatchObject({ hero: null, recent: [], missed: [], missedMore: 0 });
    expect(m.waiting.every((r) => r.waiting === 0)).toBe(true);
  });
});

describe('window screen model', () => {
  it('a zone window: its zone as domain, its services, the clerk, the current ticket', () => {
    const current = ticket(21, 'A007', { status: 'called', windowId: 1, calledAt: NOW - 3000 });
    const s = snapshot({ windows: [windowView({ current }), ...windows.slice(1)] });
    expect(windowScreenModel(s, 1, 'zh-CN')).toEqual({
      hallName: '示范县政务服务中心',
      timezone: 'Asia/Shanghai',
      number: '1',
      name: '社保综合窗口',
      status: 'open',
      pauseReason: null,
      mode: 'zone',
      domain: '社会保障服务区',
      zone: '社会保障服务区',
      services: ['社保参保登记', '社会保障卡办理', '医疗保险报销'],
      clerk: { name: '李敏', staffNo: 'ZW0101', photoUrl: null },
      current: { ticketId: 21, number: 'A007', status: 'called', recallCount: 0 },
    });
    expect(windowHighlighted(s, 1, NOW)).toBe(true);
    expect(windowHighlighted(s, 1, NOW + HIGHLIGHT_MS)).toBe(false);
  });

  it('a recall flashes the number again; a ticket being served does not flash', () => {
    const current = ticket(21, 'A007', { status: 'called', windowId: 1, calledAt: NOW - 60_000, recallCount: 1 });
    const recall = call('A007', 1, 2, { ticketId: 21, recall: true });
    const s = snapshot({ windows: [windowView({ current })], recentCalls: [recall] });
    expect(windowHighlighted(s, 1, NOW)).toBe(true);
    const serving = snapshot({ windows: [windowView({ current: { ...current, status: 'serving' } })], recentCalls: [recall] });
    expect(windowHighlighted(serving, 1, NOW)).toBe(false);
  });

  it('paused keeps its reason; closed has none; an unknown window has no model', () => {
    expect(windowScreenModel(snapshot({ windows: [windowView({ status: 'paused', pauseReason: '午休' })] }), 1, 'zh-CN')).toMatchObject({
      status: 'paused',
      pauseReason: '午休',
    });
    expect(windowScreenModel(snapshot({ windows: [windowView({ status: 'closed', pauseReason: '午休' })] }), 1, 'zh-CN')).toMatchObject({
      status: 'closed',
      pauseReason: null,
    });
    expect(windowScreenModel(snapshot(), 99, 'zh-CN')).toBeNull();
  });
});
