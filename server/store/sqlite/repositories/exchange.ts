import { and, desc, eq, isNull } from 'drizzle-orm';
import type { ApiKey, ExchangeRepo } from '../../repositories/exchange.js';
import type { Db } from '../database.js';
import * as t from '../schema.js';

type KeyRow = typeof t.apiKeys.$inferSelect;
const toKey = ({ keyHash: _hash, ...key }: KeyRow): ApiKey => key;

export function createExchangeRepo(db: Db): ExchangeRepo {
  return {
    async endpoint(hallId) {
      return db.select().from(t.exchangeEndpoints).where(eq(t.exchangeEndpoints.hallId, hallId)).get() ?? null;
    },
    async setEndpoint(hallId, patch, at) {
      const set = { ...patch, updatedAt: at };
      return db
        .insert(t.exchangeEndpoints)
        .values({ hallId, endpoint: null, secret: null, ...set })
        .onConflictDoUpdate({ target: t.exchangeEndpoints.hallId, set })
        .returning()
        .get();
    },
    async insertKey(key) {
      return toKey(db.insert(t.apiKeys).values(key).returning().get());
    },
    async keyByHash(keyHash) {
      const row = db
        .select()
        .from(t.apiKeys)
        .where(and(eq(t.apiKeys.keyHash, keyHash), isNull(t.apiKeys.revokedAt)))
        .get();
      return row ? toKey(row) : null;
    },
    async keys(hallId) {
      return db.select().from(t.apiKeys).where(eq(t.apiKeys.hallId, hallId)).orderBy(desc(t.apiKeys.id)).all().map(toKey);
    },
    async revokeKey(id, at) {
      db.update(t.apiKeys)
        .set({ revokedAt: at })
        .where(and(eq(t.apiKeys.id, id), isNull(t.apiKeys.revokedAt)))
        .run();
    },
    async touchKey(id, at) {
      db.update(t.apiKeys).set({ lastUsedAt: at }).where(eq(t.apiKeys.id, id)).run();
    },
  };
}
