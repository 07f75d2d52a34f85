/**
 * The audit log (common/domain/audit.ts says what is in it), a page at a time, newest first.
 * A search walks the history backwards in slices of events, one short read each, so a search
 * that finds little in a year of events never holds the database for long.
 */
import type { AuditPage } from '../../common/manager-protocol.js';
import { AUDIT_CATEGORIES, type AuditCategory } from '../../common/domain/audit.js';
import { addDays, isValidDate } from '../../common/domain/calendar.js';
import { errors } from '../../common/domain/errors.js';
import { localMidnight } from '../../common/domain/stats.js';
import type { Actor } from '../../common/domain/types.js';
import type { EventRecord } from '../store/repositories/events.js';
import type { Store } from '../store/store.js';
import { assertManagerOf, loadHall } from './guards.js';
import { yieldToEventLoop } from './stats-service.js';

/** Events read per slice of the history. */
export const AUDIT_SLICE = 50_000;

export interface AuditSearch {
  /** Hall-local dates, both included. */
  from?: string;
  to?: string;
  q?: string;
  category?: AuditCategory;
  actorId?: number;
  beforeSeq?: number;
  limit: number;
}

export async function auditPage(store: Store, actor: Actor, hallId: number, q: AuditSearch): Promise<AuditPage> {
  assertManagerOf(actor, hallId);
  for (const d of [q.from, q.to])
    if (d !== undefined && !isValidDate(d)) throw errors.invalidInput('日期格式应为 YYYY-MM-DD。', 'Dates are YYYY-MM-DD.');
  const hall = await store.read((tx) => loadHall(tx, hallId));
  const filter = {
    hallId,
    ...(q.from ? { fromAt: localMidnight(q.from, hall.timezone) } : {}),
    ...(q.to ? { toAt: localMidnight(addDays(q.to, 1), hall.timezone) - 1 } : {}),
    ...(q.q?.trim() ? { text: q.q.trim() } : {}),
    ...(q.category ? { types: [...AUDIT_CATEGORIES[q.category]] } : {}),
    ...(q.actorId ? { actorId: q.actorId } : {}),
  };
  const found: EventRecord[] = [];
  for (let before = q.beforeSeq ?? hall.lastSeq + 1; found.length <= q.limit && before > 1; before -= AUDIT_SLICE) {
    const after = Math.max(0, before - AUDIT_SLICE - 1);
    found.push(
      ...(await store.read((tx) => tx.audit.query({ ...filter, beforeSeq: before, afterSeq: after, limit: q.limit + 1 - found.length }))),
    );
    await yieldToEventLoop();
  }
  const page = found.slice(0, q.limit);
  return {
    entries: page.map(({ hallId: _h, ...e }) => e),
    nextBeforeSeq: found.length > q.limit ? page.at(-1)!.seq : null,
  };
}

/** The audit log as the manager console reads it (`app.auditService`). */
export class AuditService {
  constructor(private readonly store: Store) {}

  /** A page of the hall's audit log, newest first (managers of that hall): see `auditPage`. */
  page(actor: Actor, hallId: number, search: AuditSearch): Promise<AuditPage> {
    return auditPage(this.store, actor, hallId, search);
  }
}
