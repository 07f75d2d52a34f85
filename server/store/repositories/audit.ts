/**
 * The audit log (common/domain/audit.ts says what is in it): staff events from the events, newest
 * first, a page at a time (`beforeSeq`). Callers searching a long history walk it in slices
 * (`afterSeq`), one short read each.
 */
import type { EventRecord } from './events.js';

export interface AuditQuery {
  hallId: number;
  fromAt?: number;
  toAt?: number;
  /** Only these event types (within the audit log). */
  types?: string[];
  actorId?: number;
  /** Words in the actor's name, the reason or the event's facts; %, _ and \ are taken literally. */
  text?: string;
  beforeSeq?: number;
  /** Only events after this sequence number (a caller walking the history in slices). */
  afterSeq?: number;
  limit: number;
}

export interface AuditRepo {
  /**
   * Events by users that belong in the audit log: every event of a manager or admin, every event
   * of an AUDIT_EVENT_TYPES type, and AUDIT_WHEN_REASONED types when they carry a reason. Newest first.
   */
  query(q: AuditQuery): Promise<EventRecord[]>;
}
