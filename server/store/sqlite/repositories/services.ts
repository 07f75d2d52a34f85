import { asc, eq, sql } from 'drizzle-orm';
import type { ServiceRepo } from '../../repositories/services.js';
import type { ConfigCache } from '../config-cache.js';
import type { Db } from '../database.js';
import * as t from '../schema.js';

export function createServiceRepo(db: Db, cache: ConfigCache): ServiceRepo {
  const ofHall = db
    .select()
    .from(t.services)
    .where(eq(t.services.hallId, sql.placeholder('hallId')))
    .orderBy(asc(t.services.sortOrder), asc(t.services.id))
    .prepare();
  return {
    async list(hallId) {
      return cache.get(`services:${hallId}`, () => ofHall.all({ hallId })).slice();
    },
    async get(id) {
      return db.select().from(t.services).where(eq(t.services.id, id)).get() ?? null;
    },
    async insert(service) {
      cache.invalidate('services:');
      return db.insert(t.services).values(service).returning().get();
    },
    async update(id, patch) {
      cache.invalidate('services:');
      if (Object.keys(patch).length) db.update(t.services).set(patch).where(eq(t.services.id, id)).run();
    },
  };
}
