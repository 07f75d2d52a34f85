/**
 * Builds the public views (common/protocol.ts) from the store: ticket, window, queue and call
 * views, and the hall snapshot that every screen loads when it connects.
 */
import type {
  CallView,
  ClerkView,
  DeviceSettings,
  DeviceStatusView,
  HallSnapshot,
  HallView,
  QueueView,
  ServiceView,
  TicketView,
  WindowView,
} from '../../common/protocol.js';
import { serviceDay } from '../../common/domain/calendar.js';
import { deviceOnline, printerOnline } from '../../common/domain/devices.js';
import { averageServiceMinutes, estimateWaitMinutes } from '../../common/domain/estimate.js';
import { graceEndsAt } from '../../common/domain/lifecycle.js';
import { servedServices } from '../../common/domain/served.js';
import type { Device, Hall, ServedService, Service, Ticket, Window, Zone } from '../../common/domain/types.js';
import type { EventRecord } from '../store/repositories/events.js';
import type { StoreTx } from '../store/store.js';

/** How many recent services of a service the wait estimate averages. */
export const RECENT_SERVICES = 20;

/** A hall's configuration loaded once per command or snapshot. */
export class HallContext {
  readonly serviceById: Map<number, Service>;
  readonly windowById: Map<number, Window>;
  private readonly servedCache = new Map<number, ServedService[]>();

  private constructor(
    readonly hall: Hall,
    readonly day: string,
    readonly zones: Zone[],
    readonly services: Service[],
    readonly windows: Window[],
    private readonly servedRows: Map<number, ServedService[]>,
  ) {
    this.serviceById = new Map(services.map((s) => [s.id, s]));
    this.windowById = new Map(windows.map((w) => [w.id, w]));
  }

  static async load(tx: StoreTx, hall: Hall, now: number): Promise<HallContext> {
    const [zones, services, windows, served] = await Promise.all([
      tx.zones.list(hall.id),
      tx.services.list(hall.id),
      tx.windows.list(hall.id),
      tx.windows.servedRowsByHall(hall.id),
    ]);
    return new HallContext(hall, serviceDay(now, hall.timezone), zones, services, windows, served);
  }

  /** The services a window serves now, in its order. */
  served(windowId: number): ServedService[] {
    let list = this.servedCache.get(windowId);
    if (!list) {
      const window = this.windowById.get(windowId);
      list = window ? servedServices(window, this.servedRows.get(windowId) ?? [], this.services) : [];
      this.servedCache.set(windowId, list);
    }
    return list;
  }

  /** Open windows that serve a service. */
  openWindowsServing(serviceId: number): number {
    let n = 0;
    for (const w of this.windows) {
      if (w.enabled && w.status === 'open' && this.served(w.id).some((s) => s.serviceId === serviceId)) n++;
    }
    return n;
  }

  /** Replaces a window after a change inside the same command. */
  replaceWindow(window: Window): void {
    this.windowById.set(window.id, window);
    const i = this.windows.findIndex((w) => w.id === window.id);
    if (i >= 0) this.windows[i] = window;
    this.servedCache.delete(window.id);
  }

  setServedRows(windowId: number, rows: ServedService[]): void {
    this.servedRows.set(windowId, rows);
    this.servedCache.delete(windowId);
  }
}

export function ticketView(t: Ticket): TicketView {
  return {
    id: t.id,
    number: t.number,
    serviceId: t.serviceId,
    status: t.status,
    priority: t.priority,
    windowId: t.windowId,
    targetWindowId: t.targetWindowId,
    issuedAt: t.issuedAt,
    queuedAt: t.queuedAt,
    calledAt: t.calledAt,
    servingAt: t.servingAt,
    finishedAt: t.finishedAt,
    noShowAt: t.noShowAt,
    heldAt: t.heldAt,
    recallCount: t.recallCount,
    callReason: t.callReason,
    transferredFrom: t.transfers.map((s) => ({ serviceId: s.fromServiceId, windowId: s.fromWindowId, note: s.note })),
  };
}

async function clerkView(tx: StoreTx, userId: number | null): Promise<ClerkView | null> {
  if (userId === null) return null;
  const user = await tx.users.get(userId);
  return user ? { id: user.id, name: user.displayName, staffNo: user.staffNo, photoUrl: user.photoUrl } : null;
}

export async function windowView(tx: StoreTx, ctx: HallContext, window: Window): Promise<WindowView> {
  const [current] = await tx.tickets.atWindow(window.id, ['called', 'serving']);
  return {
    id: window.id,
    number: window.number,
    name: window.name,
    zoneId: window.zoneId,
    mode: window.mode,
    status: window.status,
    pauseReason: window.pauseReason,
    statusChangedAt: window.statusChangedAt,
    serviceIds: ctx.served(window.id).map((s) => s.serviceId),
    clerk: await clerkView(tx, window.clerkId),
    backupClerk: await clerkView(tx, window.backupClerkId),
    current: current ? ticketView(current) : null,
    printsRatingSlip: window.printsRatingSlip,
  };
}

/** A queue view and the average service minutes behind its estimate. */
export interface QueueStats {
  view: QueueView;
  averageMinutes: number;
}

/** Queue views and averages for the given services (all of the hall's when omitted). */
export async function queueStats(tx: StoreTx, ctx: HallContext, serviceIds?: number[]): Promise<QueueStats[]> {
  const ids = serviceIds ?? ctx.services.map((s) => s.id);
  const [counts, durations] = await Promise.all([
    tx.tickets.queueCounts(ctx.hall.id, ctx.day, serviceIds),
    tx.tickets.recentDurations(ctx.day, ids, RECENT_SERVICES),
  ]);
  const countBy = new Map(counts.map((c) => [c.serviceId, c]));
  return ids.flatMap((serviceId) => {
    const service = ctx.serviceById.get(serviceId);
    if (!service) return [];
    const count = countBy.get(serviceId);
    const waiting = count?.waiting ?? 0;
    const openWindows = ctx.openWindowsServing(serviceId);
    const averageMinutes = averageServiceMinutes(durations.get(serviceId) ?? [], service.expectedMinutes);
    const view: QueueView = {
      serviceId,
      waiting,
      oldestQueuedAt: count?.oldestQueuedAt ?? null,
      estimateMinutes: estimateWaitMinutes(waiting, averageMinutes, openWindows),
      openWindows,
    };
    return [{ view, averageMinutes }];
  });
}

export async function queueViews(tx: StoreTx, ctx: HallContext, serviceIds?: number[]): Promise<QueueView[]> {
  return (await queueStats(tx, ctx, serviceIds)).map((s) => s.view);
}

export function hallView(hall: Hall, day: string): HallView {
  const { voice, fairness } = hall.settings;
  return {
    id: hall.id,
    code: hall.code,
    name: hall.name,
    timezone: hall.timezone,
    serviceDay: day,
    notice: hall.notice,
    openingHours: hall.openingHours,
    voice: { language: voice.language, rate: voice.rate, repeat: voice.repeat, chime: voice.chime },
    noShowGraceMinutes: fairness.noShowGraceMinutes,
  };
}

export function serviceView(hall: Hall, service: Service, issuedToday: number): ServiceView {
  return {
    id: service.id,
    zoneId: service.zoneId,
    name: service.name,
    nameEn: service.nameEn,
    prefix: service.prefix,
    dailyQuota: service.dailyQuota,
    issuedToday,
    openingHours: service.openingHours ?? hall.openingHours,
    expectedMinutes: service.expectedMinutes,
    enabled: service.enabled,
  };
}

/** Call and recall events carry their call view in `data.call`. */
export const CALL_EVENT_TYPES = ['ticket:called', 'ticket:recalled'] as const;

export function callViewOf(record: EventRecord): CallView | null {
  const call = record.data.call as Omit<CallView, 'seq' | 'at'> | undefined;
  return call ? { ...call, seq: record.seq, at: record.at } : null;
}

export interface SnapshotScope {
  /** A zone board sees only its zone's windows, services and calls. */
  zoneId?: number | null;
  /** Staff see the waiting list; screens do not need it. */
  includeWaiting?: boolean;
  /** Staff see the screens' last-seen times and reported state. */
  includeDevices?: boolean;
  recentCalls?: number;
}

export async function buildSnapshot(tx: StoreTx, ctx: HallContext, now: number, scope: SnapshotScope = {}): Promise<HallSnapshot> {
  const { hall, day } = ctx;
  const zoneId = scope.zoneId ?? null;
  const inZone = (z: number | null) => zoneId === null || z === zoneId;

  const services = ctx.services.filter((s) => inZone(s.zoneId));
  const serviceIds = new Set(services.map((s) => s.id));
  const windows = ctx.windows.filter((w) => w.enabled && (inZone(w.zoneId) || ctx.served(w.id).some((s) => serviceIds.has(s.serviceId))));

  const [issued, queues, windowViews, callEvents, missed, waiting, devices] = await Promise.all([
    tx.tickets.issuedCounts(hall.id, day),
    queueViews(tx, ctx, [...serviceIds]),
    Promise.all(windows.map((w) => windowView(tx, ctx, w))),
    tx.events.query({
      hallId: hall.id,
      types: [...CALL_EVENT_TYPES],
      fromAt: now - 24 * 3600_000,
      limit: (scope.recentCalls ?? 10) * (zoneId === null ? 1 : 5),
    }),
    tx.tickets.list({ hallId: hall.id, serviceDay: day, statuses: ['no_show'] }),
    scope.includeWaiting ? tx.tickets.list({ hallId: hall.id, serviceDay: day, statuses: ['waiting'] }) : Promise.resolve([]),
    scope.includeDevices ? tx.devices.list(hall.id) : Promise.resolve([]),
  ]);

  const graceMinutes = hall.settings.fairness.noShowGraceMinutes;
  const recentCalls = callEvents
    .map(callViewOf)
    .filter((c): c is CallView => c !== null && (zoneId === null || c.zoneId === zoneId || serviceIds.has(c.serviceId)))
    .filter((c) => serviceDay(c.at, hall.timezone) === day)
    .slice(0, scope.recentCalls ?? 10);

  return {
    seq: hall.lastSeq,
    now,
    hall: hallView(hall, day),
    zones: ctx.zones
      .filter((z) => zoneId === null || z.id === zoneId)
      .map((z) => ({ id: z.id, name: z.name, nameEn: z.nameEn, kind: z.kind })),
    services: services.map((s) => serviceView(hall, s, issued.get(s.id) ?? 0)),
    windows: windowViews,
    queues,
    recentCalls,
    missed: missed
      .filter((t) => serviceIds.has(t.serviceId) && t.noShowAt !== null && graceEndsAt(t.noShowAt, graceMinutes) >= now)
      .sort((a, b) => (b.noShowAt ?? 0) - (a.noShowAt ?? 0))
      .map(ticketView),
    ...(scope.includeWaiting ? { waiting: waiting.filter((t) => serviceIds.has(t.serviceId)).map(ticketView) } : {}),
    zoneScope: zoneId,
    ...(scope.includeDevices
      ? {
          devices: devices
            .filter((d) => d.status === 'active')
            .map((d) => deviceStatusView(d, now, hall.settings.alerts.deviceOfflineSeconds)),
        }
      : {}),
  };
}

export function deviceStatusView(d: Device, now: number, offlineSeconds: number): DeviceStatusView {
  const settings: DeviceSettings = {};
  if (d.settings.language === 'zh-CN' || d.settings.language === 'en') settings.language = d.settings.language;
  if (typeof d.settings.silent === 'boolean') settings.silent = d.settings.silent;
  return {
    id: d.id,
    kind: d.kind,
    name: d.name,
    windowId: d.windowId,
    zoneId: d.zoneId,
    lastSeenAt: d.lastSeenAt,
    online:
      d.kind === 'printer' ? printerOnline(d.lastSeenAt, d.state, now, offlineSeconds) : deviceOnline(d.lastSeenAt, now, offlineSeconds),
    state: d.state,
    settings,
  };
}
