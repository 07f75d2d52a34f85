import { and, asc, desc, eq, getTableColumns, gt, gte, inArray, lt, lte, sql, type SQL } from 'drizzle-orm';
import type { EventRecord, EventRepo } from '../../repositories/events.js';
import type { Db } from '../database.js';
import { placeholders } from '../placeholders.js';
import * as t from '../schema.js';
import { containsText } from '../sql-text.js';

type EventRow = typeof t.events.$inferSelect;
export const toEvent = (row: EventRow): EventRecord => ({
  ...row,
  type: row.type as EventRecord['type'],
  ticketId: row.ticketId ?? null,
  windowId: row.windowId ?? null,
  reason: row.reason ?? null,
});

export function createEventRepo(db: Db): EventRepo {
  // Every command appends events: the hall's counter and the insert are prepared once.
  const nextSeq = db
    .update(t.halls)
    .set({ lastSeq: sql`${t.halls.lastSeq} + 1` })
    .where(eq(t.halls.id, sql.placeholder('hallId')))
    .returning({ seq: t.halls.lastSeq })
    .prepare();
  const insert = db
    .insert(t.events)
    .values(placeholders(Object.keys(getTableColumns(t.events))) as never)
    .returning()
    .prepare();
  return {
    async append(hallId, draft) {
      const seqRow = nextSeq.get({ hallId });
      if (!seqRow) throw new Error(`hall ${hallId} does not exist`);
      const row = insert.get({
        hallId,
        seq: seqRow.seq,
        type: draft.type,
        at: draft.at,
        actorKind: draft.actorKind,
        actorId: draft.actorId,
        actorName: draft.actorName,
        ticketId: draft.ticketId ?? null,
        windowId: draft.windowId ?? null,
        reason: draft.reason ?? null,
        data: draft.data ?? {},
      });
      return toEvent(row);
    },
    async since(hallId, afterSeq, limit) {
      return db
        .select()
        .from(t.events)
        .where(and(eq(t.events.hallId, hallId), gt(t.events.seq, afterSeq)))
        .orderBy(asc(t.events.seq))
        .limit(limit)
        .all()
        .map(toEvent);
    },
    async query(q) {
      const where: SQL[] = [eq(t.events.hallId, q.hallId)];
      if (q.types?.length) where.push(inArray(t.events.type, q.types));
      if (q.actorKinds?.length) where.push(inArray(t.events.actorKind, q.actorKinds));
      if (q.fromAt !== undefined) where.push(gte(t.events.at, q.fromAt));
      if (q.toAt !== undefined) where.push(lte(t.events.at, q.toAt));
      if (q.beforeSeq !== undefined) where.push(lt(t.events.seq, q.beforeSeq));
      if (q.text) where.push(containsText(q.text, [t.events.actorName, t.events.reason, t.events.data, t.events.type]));
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
