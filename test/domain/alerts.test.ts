/**
 * Alerts for the manager (common/domain/alerts.ts): each condition at and past its threshold,
 * and that every alert says what to do in both languages.
 */
import { describe, expect, it } from 'vitest';
import { computeAlerts, type AlertState } from '../../common/domain/alerts.js';
import { DEFAULT_SETTINGS } from '../../common/domain/settings.js';

/** Monday 2026-11-23 10:00 in Shanghai, inside the hall's hours. */
const NOW = Date.parse('2026-11-23T10:00:00+08:00');
const MIN = 60_000;

function state(p: Partial<AlertState> = {}): AlertState {
  return {
    now: NOW,
    timezone: 'Asia/Shanghai',
    hallOpeningHours: '08:30-12:00,13:30-17:30',
    settings: { alerts: DEFAULT_SETTINGS.alerts, calendar: DEFAULT_SETTINGS.calendar },
    services: [{ id: 1, name: '社保参保登记', nameEn: 'Social insurance', enabled: true, openingHours: null }],
    queues: [{ serviceId: 1, waiting: 0, oldestQueuedAt: null, openWindows: 1 }],
    windows: [],
    devices: [],
    cases: [],
    ...p,
  };
}
const kinds = (s: AlertState) => computeAlerts(s).map((a) => `${a.kind}:${a.severity}`);

describe('waits over the target (30 min)', () => {
  it.each([
    [30, []],
    [31, ['wait_over_target:warning']],
    [59, ['wait_over_target:warning']],
    [60, ['wait_over_target:critical']],
  ])('longest wait %i min → %j', (waited, expected) => {
    expect(kinds(state({ queues: [{ serviceId: 1, waiting: 4, oldestQueuedAt: NOW - waited * MIN, openWindows: 1 }] }))).toEqual(expected);
  });

  it('says how long, how many and what to do', () => {
    const [alert] = computeAlerts(state({ queues: [{ serviceId: 1, waiting: 4, oldestQueuedAt: NOW - 45 * MIN, openWindows: 1 }] }));
    expect(alert).toMatchObject({
      id: 'wait:1',
      subject: { type: 'service', id: 1 },
      message: { zh: '“社保参保登记”最长已等候 45 分钟（目标 30 分钟），4 人在等。', en: expect.stringContaining('45 min') },
      action: { zh: expect.stringContaining('再开放一个办理此事项的窗口'), en: expect.stringContaining('Open another window') },
    });
  });
});

describe('a service nobody serves', () => {
  it.each([
    ['tickets wait, no open window', { waiting: 2, openWindows: 0 }, NOW, ['service_unserved:critical']],
    ['nobody waits, in opening hours', { waiting: 0, openWindows: 0 }, NOW, ['service_unserved:warning']],
    ['nobody waits, at lunch (outside hours)', { waiting: 0, openWindows: 0 }, Date.parse('2026-11-23T12:30:00+08:00'), []],
    ['nobody waits, on a Sunday', { waiting: 0, openWindows: 0 }, Date.parse('2026-11-22T10:00:00+08:00'), []],
    ['an open window serves it', { waiting: 2, openWindows: 1 }, NOW, []],
  ])('%s', (_name, queue, now, expected) => {
    const s = state({ now, queues: [{ serviceId: 1, oldestQueuedAt: queue.waiting ? now - MIN : null, ...queue }] });
    expect(kinds(s)).toEqual(expected);
  });

  it('a disabled service raises nothing', () => {
    expect(
      kinds(
        state({
          services: [{ id: 1, name: 'x', nameEn: '', enabled: false, openingHours: null }],
          queues: [{ serviceId: 1, waiting: 2, oldestQueuedAt: NOW - 90 * MIN, openWindows: 0 }],
        }),
      ),
    ).toEqual([]);
  });
});

describe('windows paused too long (20 min)', () => {
  const paused = (minutes: number) => ({
    id: 3,
    number: '3',
    name: '社保综合窗口',
    status: 'paused' as const,
    pauseReason: '会议',
    statusChangedAt: NOW - minutes * MIN,
  });
  it.each([
    [19, []],
    [20, ['window_paused_long:warning']],
  ])('%i min → %j', (minutes, expected) => {
    expect(kinds(state({ windows: [paused(minutes)] }))).toEqual(expected);
  });
  it('names the reason and the backup', () => {
    const [alert] = computeAlerts(state({ windows: [paused(25)] }));
    expect(alert!.message.zh).toBe('3号窗口已暂停 25 分钟（会议）。');
    expect(alert!.action.zh).toContain('AB角');
  });
});

describe('tickets sent to a window that is not open', () => {
  const win = (status: 'open' | 'paused' | 'closed') => ({
    id: 5,
    number: '5',
    name: '不动产综合窗口',
    status,
    pauseReason: null,
    statusChangedAt: NOW,
  });
  it.each([
    ['closed', 2, ['window_tickets_stranded:critical']],
    ['closed', 0, []],
    ['open', 2, []],
    ['paused', 2, []], // paused is for a while; window_paused_long covers a long pause
  ] as const)('%s window, %i sent to it → %j', (status, waiting, expected) => {
    expect(kinds(state({ windows: [win(status)], targeted: [{ windowId: 5, waiting }] }))).toEqual(expected);
  });
  it('says how many and what to do', () => {
    const [alert] = computeAlerts(state({ windows: [win('closed')], targeted: [{ windowId: 5, waiting: 2 }] }));
    expect(alert!.message.zh).toBe('2 张号票指定到 5号窗口，但该窗口已关闭，没有人会叫到它们。');
    expect(alert!.action.zh).toContain('开放该窗口');
    expect(alert!.subject).toEqual({ type: 'window', id: 5 });
  });
});

describe('devices', () => {
  const device = (p: Partial<AlertState['devices'][number]>) => ({
    id: 9,
    kind: 'board' as const,
    name: '大厅综合屏',
    status: 'active' as const,
    lastSeenAt: NOW - 10_000,
    state: {},
    address: null,
    ...p,
  });
  it.each([
    ['heard from 90 s ago', device({ lastSeenAt: NOW - 90_000 }), []],
    ['silent 91 s', device({ lastSeenAt: NOW - 91_000 }), ['device_offline:warning']],
    ['a kiosk silent', device({ kind: 'kiosk', lastSeenAt: NOW - 300_000 }), ['device_offline:critical']],
    ['never connected', device({ lastSeenAt: null }), ['device_offline:warning']],
    ['revoked', device({ status: 'revoked', lastSeenAt: null }), []],
    ['a network printer that never calls in, with paper', device({ kind: 'printer', lastSeenAt: null, state: { paper: 'ok' } }), []],
    ['a printer out of paper', device({ kind: 'printer', lastSeenAt: null, state: { paper: 'out' } }), ['printer_paper:critical']],
    ['a kiosk printer near its end', device({ kind: 'kiosk', state: { paper: 'near_end' } }), ['printer_paper:info']],
    ['a printer with its cover open', device({ kind: 'printer', lastSeenAt: null, state: { coverOpen: true } }), ['printer_paper:warning']],
    ['a board without a Chinese voice', device({ state: { voiceMissing: true } }), ['voice_missing:warning']],
    ['a printer that answered lately', device({ kind: 'printer', lastSeenAt: NOW - 60_000, state: { online: true, paper: 'ok' } }), []],
    [
      'a printer that cannot be reached, never answered',
      device({ kind: 'printer', lastSeenAt: null, state: { online: false, problem: 'offline' } }),
      ['device_offline:critical'],
    ],
    [
      'a printer silent past the offline time',
      device({ kind: 'printer', lastSeenAt: NOW - 91_000, state: { online: true } }),
      ['device_offline:critical'],
    ],
    [
      'an unreachable printer: its old paper state is not alerted',
      device({ kind: 'printer', lastSeenAt: NOW - 10_000, state: { online: false, problem: 'timeout', paper: 'out' } }),
      ['device_offline:critical'],
    ],
  ])('%s', (_name, d, expected) => {
    expect(kinds(state({ devices: [d] }))).toEqual(expected);
  });

  const printer = (p: Partial<AlertState['devices'][number]>) =>
    device({
      id: 4,
      kind: 'printer',
      name: '入口打印机',
      address: '192.168.1.50:9100',
      lastSeenAt: NOW - 30_000,
      settings: { paperWidth: 80 },
      ...p,
    });
  it.each([
    [
      'unreachable',
      printer({ state: { online: false, problem: 'offline' } }),
      '打印机“入口打印机”（192.168.1.50:9100）无法连接，号票改为电子票。',
      '网线',
      'cannot be reached',
    ],
    [
      'no answer',
      printer({ state: { online: false, problem: 'timeout' } }),
      '打印机“入口打印机”（192.168.1.50:9100）连接后不应答，号票改为电子票。',
      '关机十秒',
      'does not answer',
    ],
    [
      'out of paper (58 mm)',
      printer({ settings: { paperWidth: 58 }, state: { online: true, paper: 'out' } }),
      '打印机“入口打印机”（192.168.1.50:9100）缺纸，号票改为电子票。',
      '58 mm',
      'out of paper',
    ],
    [
      'out of paper at a window',
      printer({ windowId: 3, state: { online: true, paper: 'out' } }),
      '打印机“入口打印机”（192.168.1.50:9100）缺纸，评价提示单打不出来。',
      '80 mm',
      'rating slips',
    ],
  ])('a printer %s: names the printer and its address, says what to do and to check it', (_name, d, message, todo, en) => {
    const [alert] = computeAlerts(state({ devices: [d] }));
    expect(alert).toMatchObject({
      subject: { type: 'device', id: 4 },
      severity: 'critical',
      message: { zh: message, en: expect.stringContaining(en) },
    });
    expect(alert!.action.zh).toContain(todo);
    expect(alert!.action.zh).toContain('检测');
    expect(alert!.action.en).toContain('Check');
    expect(alert!.message.en).toContain('"入口打印机" (192.168.1.50:9100)');
  });
});

it('more than three devices offline at once are one alert that names the first few and points at the network', () => {
  const devices = Array.from({ length: 6 }, (_, i) => ({
    id: i + 1,
    kind: i === 5 ? ('kiosk' as const) : ('pad' as const),
    name: `设备${i + 1}`,
    status: 'active' as const,
    lastSeenAt: null,
    state: {},
    address: null,
  }));
  expect(kinds(state({ devices: devices.slice(0, 3) }))).toEqual([
    'device_offline:warning',
    'device_offline:warning',
    'device_offline:warning',
  ]);
  const alerts = computeAlerts(state({ devices }));
  expect(alerts).toHaveLength(1);
  // A printer that cannot be reached keeps its own alert beside the group.
  const printer = {
    id: 20,
    kind: 'printer' as const,
    name: '入口打印机',
    status: 'active' as const,
    lastSeenAt: NOW - 5 * MIN,
    state: { online: false },
    address: '10.0.0.5:9100',
  };
  expect(
    computeAlerts(state({ devices: [...devices, printer] }))
      .map((a) => a.id)
      .sort(),
  ).toEqual(['offline:20', 'offline:many']);
  expect(alerts[0]).toMatchObject({
    id: 'offline:many',
    kind: 'device_offline',
    severity: 'critical',
    message: { zh: '6 台设备离线或从未联网：设备1、设备2、设备3、设备4 等。', en: expect.stringContaining('and 2 more') },
    action: { zh: expect.stringContaining('交换机') },
  });
});

describe('差评 cases', () => {
  const c = (p: Partial<AlertState['cases'][number]>) => ({
    id: 5,
    status: 'open',
    deadline: '2026-11-30',
    createdAt: NOW - MIN,
    ticketNumber: 'A012',
    windowNumber: '3',
    ...p,
  });
  it.each([
    ['a new one', c({}), ['bad_rating:info']],
    ['taken up', c({ status: 'rectifying' }), []],
    ['overdue', c({ status: 'replied', deadline: '2026-11-20' }), ['case_overdue:warning']],
    ['overdue and untouched: only overdue', c({ deadline: '2026-11-20' }), ['case_overdue:warning']],
  ])('%s', (_name, k, expected) => {
    expect(kinds(state({ cases: [k] }))).toEqual(expected);
  });
});

it('critical first, then warnings, then information; every alert has both languages and an action', () => {
  const alerts = computeAlerts(
    state({
      queues: [{ serviceId: 1, waiting: 3, oldestQueuedAt: NOW - 70 * MIN, openWindows: 0 }],
      windows: [{ id: 3, number: '3', name: 'x', status: 'paused', pauseReason: null, statusChangedAt: NOW - 40 * MIN }],
      devices: [{ id: 9, kind: 'board', name: 'b', status: 'active', lastSeenAt: NOW, state: { voiceMissing: true }, address: null }],
      cases: [{ id: 5, status: 'open', deadline: '2026-11-30', createdAt: NOW, ticketNumber: 'A1', windowNumber: null }],
    }),
  );
  expect(alerts.map((a) => a.severity)).toEqual(['critical', 'critical', 'warning', 'warning', 'info']);
  for (const a of alerts) {
    expect(a.message.zh).toMatch(/[\u4e00-\u9fa5]/);
    expect(a.action.zh).toMatch(/[\u4e00-\u9fa5]/);
    expect(a.message.en).toMatch(/^[\x20-\x7e“”"]+$/);
    expect(a.action.en.length).toBeGreaterThan(10);
  }
});
