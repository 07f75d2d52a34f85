/**
 * The shared reducer on a manager's configuration changes (hall:updated, window:updated): the
 * hall's name and voice, services and zones upserted, windows taken out of service; a zone
 * board keeps to its zone.
 */
import { describe, expect, it } from 'vitest';
import { applyEvent } from '../../common/hall-state.js';
import type { HallSnapshot, RealtimeEvent, ServiceView, WindowView } from '../../common/protocol.js';

const service = (id: number, zoneId: number | null, over: Partial<ServiceView> = {}): ServiceView => ({
  id,
  zoneId,
  name: `事项${id}`,
  nameEn: '',
  prefix: 'A',
  dailyQuota: null,
  issuedToday: 0,
  openingHours: '',
  expectedMinutes: 5,
  enabled: true,
  ...over,
});
const window = (id: number): WindowView => ({
  id,
  number: String(id),
  name: '综合窗口',
  zoneId: 1,
  mode: 'zone',
  status: 'open',
  pauseReason: null,
  statusChangedAt: null,
  serviceIds: [10],
  clerk: null,
  backupClerk: null,
  current: null,
  printsRatingSlip: false,
});
const hallView = {
  id: 1,
  code: 'demo',
  name: '大厅',
  timezone: 'Asia/Shanghai',
  serviceDay: '2026-11-23',
  notice: '公告',
  openingHours: '',
  voice: { language: 'zh-CN' as const, rate: 1, repeat: 1, chime: true },
  noShowGraceMinutes: 30,
};
const snapshot = (zoneScope: number | null): HallSnapshot => ({
  seq: 10,
  now: 0,
  hall: hallView,
  zones:
    zoneScope === null
      ? [
          { id: 1, name: '社保', nameEn: '', kind: 'theme' },
          { id: 2, name: '税务', nameEn: '', kind: 'theme' },
        ]
      : [{ id: 1, name: '社保', nameEn: '', kind: 'theme' }],
  services: zoneScope === null ? [service(10, 1), service(20, 2)] : [service(10, 1)],
  windows: [window(3), window(4)],
  queues: [],
  recentCalls: [],
  missed: [],
  zoneScope,
});
const event = (over: Partial<RealtimeEvent>): RealtimeEvent => ({ seq: 11, type: 'hall:updated', at: 11, reason: null, ...over });

describe('configuration events', () => {
  it('a changed service replaces its view; a new one is added', () => {
    const s = applyEvent(snapshot(null), event({ services: [service(10, 1, { enabled: false }), service(30, 2)] }));
    expect(s.services.map((x) => [x.id, x.enabled])).toEqual([
      [10, false],
      [20, true],
      [30, true],
    ]);
  });

  it('a zone board: a service moved out of its zone leaves it, one of another zone never arrives', () => {
    const board = snapshot(1);
    expect(applyEvent(board, event({ services: [service(10, 2)] })).services).toEqual([]);
    expect(applyEvent(board, event({ services: [service(20, 2, { name: '改名' })] })).services.map((x) => x.id)).toEqual([10]);
    expect(applyEvent(board, event({ zones: [{ id: 2, name: '税务', nameEn: '', kind: 'theme' }] })).zones.map((z) => z.id)).toEqual([1]);
  });

  it('zones: upserted for the whole hall, removed when asked', () => {
    const s = applyEvent(
      snapshot(null),
      event({
        zones: [
          { id: 1, name: '社会保障', nameEn: 'Social', kind: 'theme' },
          { id: 3, name: '医保', nameEn: '', kind: 'theme' },
        ],
      }),
    );
    expect(s.zones.map((z) => z.name)).toEqual(['社会保障', '税务', '医保']);
    expect(applyEvent(s, event({ seq: 12, removedZoneIds: [3] })).zones.map((z) => z.id)).toEqual([1, 2]);
  });

  it('the hall view (name, voice) is replaced but keeps the snapshot’s service day', () => {
    const s = applyEvent(
      snapshot(null),
      event({ hall: { ...hallView, name: '便民服务中心', serviceDay: '2099-01-01', voice: { ...hallView.voice, rate: 1.4 } } }),
    );
    expect(s.hall).toMatchObject({ name: '便民服务中心', serviceDay: '2026-11-23', voice: { rate: 1.4 } });
  });

  it('a window taken out of service leaves the screen', () => {
    const s = applyEvent(snapshot(null), event({ type: 'window:updated', removedWindowIds: [4] }));
    expect(s.windows.map((w) => w.id)).toEqual([3]);
  });
});
