/**
 * The audit log from the events table. The hall's events are walked backwards on their primary
 * key (hall, seq), so a page costs the rows up to its last match.
 */
import { and, desc, eq, gt, gte, inArray, isNotNull, lt, lte, or, type SQL } from 'drizzle-orm';
import { AUDIT_EVENT_TYPES, AUDIT_WHEN_REASONED } from '../../../../common/domain/audit.js';
import type { AuditRepo } from '../../repositories/audit.js';
import type { Db } from '../database.js';
import * as t from '../schema.js';
import { containsText } from '../sql-text.js';
import { toEvent } from './events.js';

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
        .map(toEvent);
    },
  };
}
