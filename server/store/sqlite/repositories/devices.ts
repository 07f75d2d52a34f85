import { and, asc, eq, sql } from 'drizzle-orm';
import type { Device } from '../../../../common/domain/types.js';
import type { DeviceRepo } from '../../repositories/devices.js';
import type { Db } from '../database.js';
import * as t from '../schema.js';

type DeviceRow = typeof t.devices.$inferSelect;
/** The token hash never leaves the store. */
const toDevice = ({ tokenHash: _omit, createdAt: _c, ...device }: DeviceRow): Device => device;

export function createDeviceRepo(db: Db): DeviceRepo {
  // Every device request and socket authenticates by its token.
  const byToken = db
    .select()
    .from(t.devices)
    .where(eq(t.devices.tokenHash, sql.placeholder('tokenHash')))
    .prepare();
  return {
    async get(id) {
      const row = db.select().from(t.devices).where(eq(t.devices.id, id)).get();
      return row ? toDevice(row) : null;
    },
    async byTokenHash(tokenHash) {
      const row = byToken.get({ tokenHash });
      return row ? toDevice(row) : null;
    },
    async byPairingCode(hallId, code) {
      const row = db
        .select()
        .from(t.devices)
        .where(and(eq(t.devices.hallId, hallId), eq(t.devices.pairingCode, code), eq(t.devices.status, 'pending')))
        .get();
      return row ? toDevice(row) : null;
    },
    async list(hallId) {
      return db.select().from(t.devices).where(eq(t.devices.hallId, hallId)).orderBy(asc(t.devices.id)).all().map(toDevice);
    },
    async insert(device) {
      return toDevice(
        db
          .insert(t.devices)
          .values({ ...device, createdAt: Date.now() })
          .returning()
          .get(),
      );
    },
    async update(id, patch) {
      if (Object.keys(patch).length) db.update(t.devices).set(patch).where(eq(t.devices.id, id)).run();
    },
  };
}
