import { and, asc, desc, eq, gte, inArray, isNotNull, lte, min, sql } from 'drizzle-orm';
import type { OutboxRepo } from '../../repositories/outbox.js';
import type { Db } from '../database.js';
import * as t from '../schema.js';

export function createOutboxRepo(db: Db): OutboxRepo {
  const o = t.outbox;
  return {
    async insert(message) {
      return db
        .insert(o)
        .values({ ...message, status: 'pending', attempts: 0, nextAttemptAt: message.createdAt })
        .returning()
        .get();
    },
    async get(id) {
      return db.select().from(o).where(eq(o.id, id)).get() ?? null;
    },
    async due(now, limit) {
      return db
        .select()
        .from(o)
        .where(and(eq(o.status, 'pending'), lte(o.nextAttemptAt, now)))
        .orderBy(asc(o.nextAttemptAt), asc(o.id))
        .limit(limit)
        .all();
    },
    async recordAttempt(id, outcome) {
      const attempt = {
        attempts: sql`${o.attempts} + 1`,
        firstAttemptAt: sql`coalesce(${o.firstAttemptAt}, ${outcome.at})`,
        lastStatus: outcome.status,
      };
      const patch =
        outcome.result === 'acknowledged'
          ? { ...attempt, status: 'acknowledged' as const, acknowledgedAt: outcome.at, lastError: null }
          : outcome.result === 'retry'
            ? { ...attempt, lastError: outcome.error, nextAttemptAt: outcome.nextAttemptAt }
            : { ...attempt, status: 'dead' as const, deadAt: outcome.at, lastError: outcome.error };
      db.update(o).set(patch).where(eq(o.id, id)).run();
    },
    async revive(hallId, ids, now) {
      const where = [eq(o.hallId, hallId), eq(o.status, 'dead')];
      if (ids !== 'all') {
        if (ids.length === 0) return 0;
        where.push(inArray(o.id, ids));
      }
      return db
        .update(o)
        .set({ status: 'pending', nextAttemptAt: now, deadAt: null })
        .where(and(...where))
        .run().changes;
    },
    async days(hallId, fromDay, toDay) {
      const rows = db
        .select({
          serviceDay: o.serviceDay,
          made: sql<number>`count(*)`,
          sent: sql<number>`sum(${o.attempts} > 0)`,
          acknowledged: sql<number>`sum(${o.status} = 'acknowledged')`,
          waiting: sql<number>`sum(${o.status} = 'pending')`,
          dead: sql<number>`sum(${o.status} = 'dead')`,
        })
        .from(o)
        .where(and(eq(o.hallId, hallId), gte(o.serviceDay, fromDay), lte(o.serviceDay, toDay)))
        .groupBy(o.serviceDay)
        .orderBy(desc(o.serviceDay))
        .all();
      return rows.map((r) => {
        const last = db
          .select({ lastError: o.lastError })
          .from(o)
          .where(and(eq(o.hallId, hallId), eq(o.serviceDay, r.serviceDay), isNotNull(o.lastError), inArray(o.status, ['pending', 'dead'])))
          .orderBy(desc(o.firstAttemptAt), desc(o.id))
          .limit(1)
          .get();
        return { ...r, lastError: last?.lastError ?? null };
      });
    },
    async ofDay(hallId, serviceDay, statuses) {
      const where = [eq(o.hallId, hallId), eq(o.serviceDay, serviceDay)];
      if (statuses?.length) where.push(inArray(o.status, statuses));
      return db
        .select()
        .from(o)
        .where(and(...where))
        .orderBy(asc(o.id))
        .all();
    },
    async failingSince(hallId) {
      const row = db
        .select({ since: min(o.firstAttemptAt) })
        .from(o)
        .where(and(eq(o.hallId, hallId), eq(o.status, 'pending'), isNotNull(o.firstAttemptAt)))
        .get();
      return row?.since ?? null;
    },
    async countByType(hallId, serviceDay) {
      const rows = db
        .select({ type: o.type, n: sql<number>`count(*)` })
        .from(o)
        .where(and(eq(o.hallId, hallId), eq(o.serviceDay, serviceDay)))
        .groupBy(o.type)
        .all();
      return { rating: rows.find((r) => r.type === 'rating')?.n ?? 0, case: rows.find((r) => r.type === 'case')?.n ?? 0 };
    },
  };
}
