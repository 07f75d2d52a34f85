import { asc, eq, sql } from 'drizzle-orm';
import type { Hall } from '../../../../common/domain/types.js';
import { resolveSettings } from '../../../../common/domain/settings.js';
import type { HallRepo } from '../../repositories/halls.js';
import type { Db } from '../database.js';
import * as t from '../schema.js';

type HallRow = typeof t.halls.$inferSelect;
const toHall = (row: HallRow): Hall => ({
  id: row.id,
  code: row.code,
  name: row.name,
  timezone: row.timezone,
  openingHours: row.openingHours,
  notice: row.notice,
  settings: resolveSettings(row.settings),
  lastSeq: row.lastSeq,
  regionCode: row.regionCode ?? null,
  orgCode: row.orgCode ?? null,
});

export function createHallRepo(db: Db): HallRepo {
  // Every command loads its hall.
  const byId = db
    .select()
    .from(t.halls)
    .where(eq(t.halls.id, sql.placeholder('id')))
    .prepare();
  return {
    async get(id) {
      const row = byId.get({ id });
      return row ? toHall(row) : null;
    },
    async byCode(code) {
      const row = db.select().from(t.halls).where(eq(t.halls.code, code)).get();
      return row ? toHall(row) : null;
    },
    async list() {
      return db.select().from(t.halls).orderBy(asc(t.halls.id)).all().map(toHall);
    },
    async insert(hall) {
      const row = db
        .insert(t.halls)
        .values({ ...hall, settings: hall.settings ?? {}, createdAt: Date.now() })
        .returning()
        .get();
      return toHall(row);
    },
    async update(id, patch) {
      if (Object.keys(patch).length === 0) return;
      db.update(t.halls).set(patch).where(eq(t.halls.id, id)).run();
    },
    async storedSettings(id) {
      const row = db.select({ settings: t.halls.settings }).from(t.halls).where(eq(t.halls.id, id)).get();
      return row?.settings ?? {};
    },
  };
}
