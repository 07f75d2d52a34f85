import { asc, eq, sql } from 'drizzle-orm';
import type { ZoneRepo } from '../../repositories/zones.js';
import type { ConfigCache } from '../config-cache.js';
import type { Db } from '../database.js';
import * as t from '../schema.js';

export function createZoneRepo(db: Db, cache: ConfigCache): ZoneRepo {
  const ofHall = db
    .select()
    .from(t.zones)
    .where(eq(t.zones.hallId, sql.placeholder('hallId')))
    .orderBy(asc(t.zones.sortOrder), asc(t.zones.id))
    .prepare();
  return {
    async list(hallId) {
      return cache.get(`zones:${hallId}`, () => ofHall.all({ hallId })).slice();
    },
    async get(id) {
      return db.select().from(t.zones).where(eq(t.zones.id, id)).get() ?? null;
    },
    async insert(zone) {
      cache.invalidate('zones:');
      return db.insert(t.zones).values(zone).returning().get();
    },
    async update(id, patch) {
      cache.invalidate('zones:');
      if (Object.keys(patch).length) db.update(t.zones).set(patch).where(eq(t.zones.id, id)).run();
    },
    async remove(id) {
      cache.invalidate('zones:');
      db.delete(t.zones).where(eq(t.zones.id, id)).run();
    },
  };
}
