/** Views of a small hall for the console and pad component tests (shapes of common/protocol.ts). */
import type { PadState, RatingRequestView, ServiceView, TicketView, WindowDetail, WindowView, ZoneView } from '../../common/protocol.js';

export const NOW = Date.parse('2026-11-23T10:00:00+08:00');
const minutes = (n: number) => n * 60_000;

export const zones: ZoneView[] = [{ id: 1, name: '社会保障服务区', nameEn: 'Social security', kind: 'theme' }];

export const services: ServiceView[] = [
  {
    id: 1,
    zoneId: 1,
    name: '社保参保登记',
    nameEn: 'Social insurance registration',
    prefix: 'A',
    dailyQuota: 300,
    issuedToday: 12,
    openingHours: '00:00-24:00',
    expectedMinutes: 8,
    enabled: true,
  },
  {
    id: 2,
    zoneId: 1,
    name: '社会保障卡办理',
    nameEn: 'Social security card',
    prefix: 'B',
    dailyQuota: 200,
    issuedToday: 5,
    openingHours: '00:00-24:00',
    expectedMinutes: 6,
    enabled: true,
  },
  {
    id: 3,
    zoneId: 1,
    name: '医疗保险报销',
    nameEn: 'Medical insurance claims',
    prefix: 'C',
    dailyQuota: 200,
    issuedToday: 2,
    openingHours: '00:00-24:00',
    expectedMinutes: 10,
    enabled: true,
  },
];

export function ticket(id: number, number: string, patch: Partial<TicketView> = {}): TicketView {
  const serviceId = services.find((s) => s.prefix === number[0])?.id ?? 1;
  return {
    id,
    number,
    serviceId,
    status: 'waiting',
    priority: 'normal',
    windowId: null,
    targetWindowId: null,
    issuedAt: NOW - minutes(20),
    queuedAt: NOW - minutes(20),
    calledAt: null,
    servingAt: null,
    finishedAt: null,
    noShowAt: null,
    heldAt: null,
    recallCount: 0,
    callReason: null,
    transferredFrom: [],
    ...patch,
  };
}

export function windowView(patch: Partial<WindowView> = {}): WindowView {
  return {
    id: 1,
    number: '1',
    name: '社保综合窗口',
    zoneId: 1,
    mode: 'zone',
    status: 'open',
    pauseReason: null,
    statusChangedAt: NOW - minutes(60),
    serviceIds: [1, 2, 3],
    clerk: { id: 7, name: '李敏', staffNo: 'ZW0101', photoUrl: null },
    backupClerk: null,
    current: null,
    printsRatingSlip: false,
    ...patch,
  };
}

export const otherWindows: WindowView[] = [
  windowView({ id: 2, number: '2', clerk: null, status: 'closed' }),
  windowView({ id: 4, number: '4', name: '不动产综合窗口', serviceIds: [] }),
];

export function detail(patch: Partial<WindowDetail> = {}, window: Partial<WindowView> = {}): WindowDetail {
  return {
    window: windowView(window),
    waiting: [
      ticket(11, 'C001', { priority: 'elderly', queuedAt: NOW - minutes(5) }),
      ticket(12, 'A001', { queuedAt: NOW - minutes(18) }),
      ticket(13, 'B001', { queuedAt: NOW - minutes(12), targetWindowId: 1 }),
    ],
    held: [],
    missed: [],
    today: { called: 14, served: 11, noShow: 2, transferred: 1, averageServiceMinutes: 7.5 },
    ...patch,
  };
}

/** A ticket called at window 1 two minutes ago, recalled once, transferred from service B at window 4. */
export const calledTicket = ticket(21, 'A007', {
  status: 'called',
  windowId: 1,
  issuedAt: NOW - minutes(14),
  queuedAt: NOW - minutes(14),
  calledAt: NOW - minutes(2),
  recallCount: 1,
  callReason: 'transfer',
  transferredFrom: [{ serviceId: 2, windowId: 4, note: '需补社保卡' }],
});

export const padState = (patch: Partial<PadState> = {}): PadState => ({
  now: NOW,
  hall: { id: 1, name: '示范县政务服务中心', timezone: 'Asia/Shanghai' },
  window: { id: 1, number: '1', name: '社保综合窗口', status: 'open' },
  clerk: { id: 7, name: '李敏', staffNo: 'ZW0101', photoUrl: null },
  pending: null,
  ...patch,
});

export const ratingRequest = (patch: Partial<RatingRequestView> = {}): RatingRequestView => ({
  ticketId: 21,
  number: 'A007',
  serviceName: '社保参保登记',
  serviceNameEn: 'Social insurance registration',
  windowId: 1,
  windowNumber: '1',
  clerk: { name: '李敏', staffNo: 'ZW0101' },
  deadline: NOW + 45_000,
  reasons: ['服务态度差', '办理效率低', '一次性告知不到位', '材料要求不清'],
  ...patch,
});
