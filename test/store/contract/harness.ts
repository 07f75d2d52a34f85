/**
 * What every contract test stands on: the engine under test, a fresh store per describe block,
 * and a small hall seeded through the repositories themselves (never SQL), so the suite runs
 * unchanged against any engine.
 */
import { afterAll, beforeAll } from 'vitest';
import type { Hall, Service, User, Window, Zone } from '../../../common/domain/types.js';
import type { NewTicket } from '../../../server/store/repositories/tickets.js';
import type { NewWindow } from '../../../server/store/repositories/windows.js';
import type { Store, StoreTx } from '../../../server/store/store.js';

export interface OpenedStore {
  store: Store;
  /** Closes the store and removes whatever `open` made for it. */
  close(): Promise<void>;
}

/** An engine under test: `open` gives an empty, migrated store of its own. */
export interface StoreEngine {
  name: string;
  open(): Promise<OpenedStore>;
}

/** Opens a fresh store for the describe block this is called in; call the result inside tests. */
export function useStore(engine: StoreEngine): () => Store {
  let opened: OpenedStore | undefined;
  beforeAll(async () => {
    opened = await engine.open();
  });
  afterAll(async () => {
    await opened?.close();
  });
  return () => {
    if (!opened) throw new Error('contract harness: the store is not open');
    return opened.store;
  };
}

/** A fresh store for one test that must see nothing but its own rows (e.g. global purges). */
export async function withFreshStore(engine: StoreEngine, run: (store: Store) => Promise<void>): Promise<void> {
  const opened = await engine.open();
  try {
    await run(opened.store);
  } finally {
    await opened.close();
  }
}

let counter = 0;
/** A name no other test uses: hall codes, usernames, token hashes, public codes. */
export const unique = (prefix: string): string => `${prefix}-${++counter}`;

export const DAY = '2026-11-23';
export const NEXT_DAY = '2026-11-24';
export const PREVIOUS_DAY = '2026-11-22';
/** 10:00 in Shanghai on DAY. */
export const NOW = Date.parse('2026-11-23T10:00:00+08:00');
export const MINUTE = 60_000;

export interface Seeded {
  hall: Hall;
  zone: Zone;
  /** Prefixes A, B and C, in that sort order. */
  services: { a: Service; b: Service; c: Service };
  /** Numbers "1" and "2", both serving A. */
  windows: { one: Window; two: Window };
  manager: User;
  clerk: User;
}

export const newWindow = (hallId: number, number: string, overrides: Partial<NewWindow> = {}): NewWindow => ({
  hallId,
  zoneId: null,
  number,
  name: `窗口${number}`,
  mode: 'specialist',
  status: 'closed',
  pauseReason: null,
  clerkId: null,
  backupClerkId: null,
  printsRatingSlip: false,
  enabled: true,
  ...overrides,
});

/** A hall of its own for one test: zone, three services, two windows, a manager and a clerk. */
export async function seed(tx: StoreTx): Promise<Seeded> {
  const hall = await tx.halls.insert({
    code: unique('hall'),
    name: '测试大厅',
    timezone: 'Asia/Shanghai',
    openingHours: '08:30-12:00,13:30-17:30',
    notice: '',
  });
  const zone = await tx.zones.insert({ hallId: hall.id, name: '社会保障服务区', nameEn: 'Social security', kind: 'theme', sortOrder: 1 });
  const service = (prefix: string, sortOrder: number) =>
    tx.services.insert({
      hallId: hall.id,
      zoneId: zone.id,
      name: `事项${prefix}`,
      nameEn: `Service ${prefix}`,
      prefix,
      dailyQuota: null,
      openingHours: null,
      expectedMinutes: 10,
      enabled: true,
      sortOrder,
    });
  const services = { a: await service('A', 1), b: await service('B', 2), c: await service('C', 3) };
  const windows = {
    one: await tx.windows.insert(newWindow(hall.id, '1', { zoneId: zone.id })),
    two: await tx.windows.insert(newWindow(hall.id, '2', { zoneId: zone.id })),
  };
  for (const w of Object.values(windows)) await tx.windows.setServedRows(w.id, [{ serviceId: services.a.id, tier: 1, weight: 1 }]);
  const user = (role: User['role'], displayName: string) =>
    tx.users.insert({
      hallId: hall.id,
      username: unique(role),
      displayName,
      staffNo: unique('no'),
      role,
      passwordHash: 'hash',
      photoUrl: null,
      disabled: false,
    });
  return { hall, zone, services, windows, manager: await user('manager', '王经理'), clerk: await user('clerk', '李工作人员') };
}

/** A waiting ticket of service A on DAY, issued at NOW, unless `overrides` say otherwise. */
export function newTicket(s: Seeded, overrides: Partial<NewTicket> = {}): NewTicket {
  const seq = ++counter;
  const serviceId = overrides.serviceId ?? s.services.a.id;
  const at = overrides.issuedAt ?? NOW;
  return {
    hallId: s.hall.id,
    serviceDay: DAY,
    prefix: 'A',
    seq,
    number: `A${String(seq).padStart(3, '0')}`,
    publicCode: unique('code'),
    serviceId,
    originalServiceId: serviceId,
    priority: 'normal',
    source: 'kiosk',
    status: 'waiting',
    issuedAt: at,
    queuedAt: at,
    targetWindowId: null,
    windowId: null,
    clerkId: null,
    calledAt: null,
    firstCalledAt: null,
    servingAt: null,
    finishedAt: null,
    noShowAt: null,
    heldAt: null,
    cancelledAt: null,
    cancelReason: null,
    recallCount: 0,
    callReason: null,
    transfers: [],
    phone: null,
    bookingId: null,
    printStatus: null,
    ratingStatus: null,
    ratingDeadline: null,
    ...overrides,
  };
}

export const ids = (rows: { id: number }[]): number[] => rows.map((r) => r.id);
