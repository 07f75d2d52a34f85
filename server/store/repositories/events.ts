/** Events: every state change with who, when and why, numbered per hall (docs/design.md, invariant 5). */
import type { EventType } from '../../../common/protocol.js';

export interface EventDraft {
  type: EventType;
  at: number;
  actorKind: string;
  actorId: number | null;
  actorName: string;
  ticketId?: number | null;
  windowId?: number | null;
  reason?: string | null;
  data?: Record<string, unknown>;
}

export interface EventRecord extends Required<EventDraft> {
  hallId: number;
  seq: number;
}

export interface EventQuery {
  hallId: number;
  types?: string[];
  fromAt?: number;
  toAt?: number;
  actorKinds?: string[];
  /** Words in the actor's name, the reason, the facts or the type; %, _ and \ are taken literally. */
  text?: string;
  beforeSeq?: number;
  limit: number;
}

export interface EventRepo {
  /** Appends an event with the hall's next sequence number. */
  append(hallId: number, draft: EventDraft): Promise<EventRecord>;
  /** Events with seq > afterSeq, oldest first, at most `limit`. */
  since(hallId: number, afterSeq: number, limit: number): Promise<EventRecord[]>;
  /** Newest first. */
  query(q: EventQuery): Promise<EventRecord[]>;
}
