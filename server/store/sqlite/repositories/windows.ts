import { asc, eq, sql } from 'drizzle-orm';
import type { ServedService } from '../../../../common/domain/types.js';
import { byWindowNumber, type WindowRepo } from '../../repositories/windows.js';
import type { ConfigCache } from '../config-cache.js';
import type { Db } from '../database.js';
import * as t from '../schema.js';

export function createWindowRepo(db: Db, cache: ConfigCache): WindowRepo {
  const p = sql.placeholder;
  const ofHall = db
    .select()
    .from(t.windows)
    .where(eq(t.windows.hallId, p('hallId')))
    .prepare();
  const servedRowsOfHall = db
    .select({
      windowId: t.windowServices.windowId,
      serviceId: t.windowServices.serviceId,
      tier: t.windowServices.tier,
      weight: t.windowServices.weight,
    })
    .from(t.windowServices)
    .innerJoin(t.windows, eq(t.windows.id, t.windowServices.windowId))
    .where(eq(t.windows.hallId, p('hallId')))
    .orderBy(asc(t.windowServices.tier), asc(t.windowServices.serviceId))
    .prepare();
  return {
    async list(hallId) {
      return cache.get(`windows:${hallId}`, () => ofHall.all({ hallId }).sort(byWindowNumber)).slice();
    },
    async get(id) {
      return db.select().from(t.windows).where(eq(t.windows.id, id)).get() ?? null;
    },
    async insert(window) {
      cache.invalidate('windows:');
      return db.insert(t.windows).values(window).returning().get();
    },
    async update(id, patch) {
      cache.invalidate('windows:');
      const row = Object.keys(patch).length
        ? db.update(t.windows).set(patch).where(eq(t.windows.id, id)).returning().get()
        : db.select().from(t.windows).where(eq(t.windows.id, id)).get();
      if (!row) throw new Error(`window ${id} vanished during update`);
      return row;
    },
    async servedRows(windowId) {
      return db
        .select({ serviceId: t.windowServices.serviceId, tier: t.windowServices.tier, weight: t.windowServices.weight })
        .from(t.windowServices)
        .where(eq(t.windowServices.windowId, windowId))
        .orderBy(asc(t.windowServices.tier), asc(t.windowServices.serviceId))
        .all();
    },
    async servedRowsByHall(hallId) {
      const rows = cache.get(`served:${hallId}`, () => servedRowsOfHall.all({ hallId }));
      const map = new Map<number, ServedService[]>();
      for (const { windowId, ...row } of rows) {
        const list = map.get(windowId) ?? [];
        list.push(row);
        map.set(windowId, list);
      }
      return map;
    },
    async setServedRows(windowId, rows) {
      cache.invalidate('served:');
      db.delete(t.windowServices).where(eq(t.windowServices.windowId, windowId)).run();
      if (rows.length)
        db.insert(t.windowServices)
          .values(rows.map((r) => ({ ...r, windowId })))
          .run();
    },
    async permittedWindowIds(userId) {
      return db
        .select({ windowId: t.userWindows.windowId })
        .from(t.userWindows)
        .where(eq(t.userWindows.userId, userId))
        .all()
        .map((r) => r.windowId);
    },
    async setPermittedWindowIds(userId, windowIds) {
      db.delete(t.userWindows).where(eq(t.userWindows.userId, userId)).run();
      if (windowIds.length)
        db.insert(t.userWindows)
          .values(windowIds.map((windowId) => ({ userId, windowId })))
          .run();
    },
  };
}
