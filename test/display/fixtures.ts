/**
 * Hall snapshots for the board and window screen tests, built on the console fixtures
 * (test/counter/fixtures.ts): a small hall of two zones, calls made at given times.
 */
import type { CallView, HallSnapshot, QueueView, ServiceView, ZoneView } from '../../common/protocol.js';
import { NOW, services as socialServices, ticket, windowView, zones as socialZones } from '../counter/fixtures.js';

export { NOW, ticket, windowView };

export const zones: ZoneView[] = [...socialZones, { id: 2, name: '不动产服务区', nameEn: 'Real estate', kind: 'theme' }];

export const services: ServiceView[] = [
  ...socialServices,
  {
    id: 4,
    zoneId: 2,
    name: '不动产登记',
    nameEn: 'Real estate registration',
    prefix: 'E',
    dailyQuota: 150,
    issuedToday: 9,
    openingHours: '00:00-24:00',
    expectedMinutes: 20,
    enabled: true,
  },
];

export const windows = [
  windowView(),
  windowView({ id: 2, number: '2', clerk: { id: 8, name: '张伟', staffNo: 'ZW0102', photoUrl: null } }),
  windowView({
    id: 4,
    number: '4',
    name: '不动产综合窗口',
    zoneId: 2,
    serviceIds: [4],
    clerk: { id: 9, name: '刘洋', staffNo: 'ZW0104', photoUrl: null },
  }),
  windowView({ id: 8, number: '8', name: '无差别综合窗口', mode: 'hall', serviceIds: [1, 2, 3, 4], clerk: null, status: 'closed' }),
];

const windowOf = (id: number) => windows.find((w) => w.id === id) ?? windowView({ id, number: String(id) });

let seq = 100;
/** A call of `number` at window `windowId`, `secondsAgo` before NOW. */
export function call(number: string, windowId: number, secondsAgo: number, patch: Partial<CallView> = {}): CallView {
  const w = windowOf(windowId);
  const service = services.find((s) => s.prefix === number[0]) ?? services[0]!;
  const ticketId = patch.ticketId ?? 1000 + Number(number.slice(1)) + service.id * 10_000;
  return {
    seq: ++seq,
    at: NOW - secondsAgo * 1000,
    ticketId,
    number,
    serviceId: service.id,
    windowId: w.id,
    windowNumber: w.number,
    windowName: w.name,
    zoneId: service.zoneId,
    recall: false,
    reason: null,
    text: { 'zh-CN': `请${number}号到${w.number}号窗口办理`, en: `Number ${number}, please go to window ${w.number}` },
    speech: { 'zh-CN': `请${number}号到${w.number}号窗口办理`, en: `Number ${number}, please go to window ${w.number}` },
    ...patch,
  };
}

export function queue(serviceId: number, waiting: number, estimateMinutes: number, openWindows = 1): QueueView {
  return { serviceId, waiting, estimateMinutes, openWindows, oldestQueuedAt: waiting ? NOW - 600_000 : null };
}

export function snapshot(patch: Partial<HallSnapshot> = {}): HallSnapshot {
  return {
    seq: 500,
    now: NOW,
    hall: {
      id: 1,
      code: 'demo',
      name: '示范县政务服务中心',
      timezone: 'Asia/Shanghai',
      serviceDay: '2026-11-23',
      notice: '请留意屏幕叫号，过号请到原窗口申请重新排队。',
      openingHours: '08:30-12:00,13:30-17:30',
      voice: { language: 'zh-CN', rate: 0.9, repeat: 2, chime: true },
      noShowGraceMinutes: 30,
    },
    zones,
    services,
    windows,
    queues: [queue(1, 5, 20), queue(2, 0, 0), queue(3, 2, 10), queue(4, 3, 30)],
    recentCalls: [],
    missed: [],
    ...patch,
  };
}
