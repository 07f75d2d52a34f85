import { and, eq, lt } from 'drizzle-orm';
import type { IdempotencyRepo } from '../../repositories/idempotency.js';
import type { Db } from '../database.js';
import * as t from '../schema.js';

export function createIdempotencyRepo(db: Db): IdempotencyRepo {
  return {
    async get(scope, key) {
      return (
        db
          .select()
          .from(t.idempotencyKeys)
          .where(and(eq(t.idempotencyKeys.scope, scope), eq(t.idempotencyKeys.key, key)))
          .get() ?? null
      );
    },
    async put(record) {
      db.insert(t.idempotencyKeys).values(record).run();
    },
    async purgeBefore(at) {
      return db.delete(t.idempotencyKeys).where(lt(t.idempotencyKeys.createdAt, at)).run().changes;
    },
  };
}
