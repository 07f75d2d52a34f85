/**
 * The outbox of the 好差评 exchange (docs/rating-exchange.md): messages written in the same
 * transaction as the rating or case step they report, then delivered at least once. A message's
 * id and data never change once made; only its delivery state does.
 */
import type { OutboxStatus, OutboxType } from '../../../common/vocabulary.js';

export interface OutboxMessage {
  id: number;
  hallId: number;
  messageId: string;
  type: OutboxType;
  ratingId: number | null;
  caseId: number | null;
  data: Record<string, unknown>;
  status: OutboxStatus;
  attempts: number;
  nextAttemptAt: number;
  lastError: string | null;
  lastStatus: number | null;
  serviceDay: string;
  createdAt: number;
  firstAttemptAt: number | null;
  acknowledgedAt: number | null;
  deadAt: number | null;
}
export type NewOutboxMessage = Pick<
  OutboxMessage,
  'hallId' | 'messageId' | 'type' | 'ratingId' | 'caseId' | 'data' | 'serviceDay' | 'createdAt'
>;

/** What one delivery attempt changed. */
export type AttemptOutcome =
  | { result: 'acknowledged'; at: number; status: number }
  | { result: 'retry'; at: number; status: number | null; error: string; nextAttemptAt: number }
  | { result: 'dead'; at: number; status: number | null; error: string };

/** One day of a hall's messages, for the 上报 page. */
export interface OutboxDay {
  serviceDay: string;
  made: number;
  /** Tried at least once. */
  sent: number;
  acknowledged: number;
  /** Pending: not yet acknowledged, still being tried. */
  waiting: number;
  dead: number;
  /** The newest error of the day's messages not acknowledged, if any. */
  lastError: string | null;
}

export interface OutboxRepo {
  /** Made pending, due at once. A message id used before throws. */
  insert(message: NewOutboxMessage): Promise<OutboxMessage>;
  get(id: number): Promise<OutboxMessage | null>;
  /** Pending messages due at `now`, oldest due first (then by id), at most `limit`. */
  due(now: number, limit: number): Promise<OutboxMessage[]>;
  /** Records an attempt: counts it, and moves the message to acknowledged, to a later retry, or to dead. */
  recordAttempt(id: number, outcome: AttemptOutcome): Promise<void>;
  /** Sends dead messages again (pending, due `now`; attempts and message id kept). Returns how many. */
  revive(hallId: number, ids: number[] | 'all', now: number): Promise<number>;
  /** A hall's messages per day in [fromDay, toDay], newest day first. */
  days(hallId: number, fromDay: string, toDay: string): Promise<OutboxDay[]>;
  /** The hall's messages of a day, oldest first, optionally of some statuses. */
  ofDay(hallId: number, serviceDay: string, statuses?: OutboxStatus[]): Promise<OutboxMessage[]>;
  /** When the oldest message still failing (pending, tried at least once) was first tried, or null. */
  failingSince(hallId: number): Promise<number | null>;
  /** How many messages of a hall report each rating id / case step (reconciliation). */
  countByType(hallId: number, serviceDay: string): Promise<{ rating: number; case: number }>;
}
