/**
 * The audit log (common/domain/audit.ts says what is in it) read from the events table, newest
 * first, a page at a time (`beforeSeq`). The hall's events are walked backwards on their primary
 * key (hall, seq), so a page costs the rows up to its last match; callers searching a long
 * history walk it in slices (`afterSeq`), one short read each.
 */
import { and, desc, eq, gt, gte, inArray, isNotNull, lt, lte, or, type SQL } from 'drizzle-orm';
import { AUDIT_EVENT_TYPES, AUDIT_WHEN_REASONED } from '../../common/domain/audit.js';
import type { EventRecord } from './store.js';
import type { Db } from './database.js';
import { containsText } from './sql-text.js';
import * as t from './schema.js';

export interface AuditQuery {
  hallId: number;
  fromAt?: number;
  toAt?: number;
  /** Only these event types (within the audit log). */
  types?: string[];
  actorId?: number;
  /** Words in the actor's name, the reason or the event's facts. */
  text?: string;
  beforeSeq?: number;
  /** Only events after this sequence number (a caller walking the history in slices). */
  afterSeq?: number;
  limit: number;
}

export interface AuditRepo {
  query(q: AuditQuery): Promise<EventRecord[]>;
}

export function createAuditRepo(db: Db): AuditRepo {
  const managerIds = db
    .select({ id: t.users.id })
    .from(t.users)
    .where(inArray(t.users.role, ['manager', 'admin']));
  return {
    async query(q) {
      const where: SQL[] = [
        eq(t.events.hallId, q.hallId),
        eq(t.events.actorKind, 'user'),
        or(
          inArray(t.events.actorId, managerIds),
          inArray(t.events.type, [...AUDIT_EVENT_TYPES]),
          and(inArray(t.events.type, [...AUDIT_WHEN_REASONED]), isNotNull(t.events.reason)),
        )!,
      ];
      if (q.types?.length) where.push(inArray(t.events.type, q.types));
      if (q.actorId !== undefined) where.push(eq(t.events.actorId, q.actorId));
      if (q.fromAt !== undefined) where.push(gte(t.events.at, q.fromAt));
      if (q.toAt !== undefined) where.push(lte(t.events.at, q.toAt));
      if (q.beforeSeq !== undefined) where.push(lt(t.events.seq, q.beforeSeq));
      if (q.afterSeq !== undefined) where.push(gt(t.events.seq, q.afterSeq));
      if (q.text) where.push(containsText(q.text, [t.events.actorName, t.events.reason, t.events.data]));
      return db
        .select()
        .from(t.events)
        .where(and(...where))
        .orderBy(desc(t.events.seq))
        .limit(q.limit)
        .all()
        .map((row) => ({
          ...row,
          type: row.type as EventRecord['type'],
          ticketId: row.ticketId ?? null,
          windowId: row.windowId ?? null,
          reason: row.reason ?? null,
        }));
    },
  };
}
