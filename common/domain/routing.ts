/**
 * "Call next": which waiting ticket a window calls. Pure; every rule below has a table test in
 * test/domain/routing.test.ts.
 *
 * Rules, in order:
 *  1. Targeted: a ticket transferred to this very window goes first (oldest first). A ticket
 *     targeted at another window is never taken here.
 *  2. The pool is every waiting ticket of a service this window serves.
 *  3. Class A = tickets waiting at least `boostAfterMinutes` (boosted, any kind) plus priority
 *     tickets (绿色通道, appointment), the latter only while the window's run of consecutive
 *     priority calls is below `priorityStreakLimit` or no normal ticket waits. Class A goes first,
 *     oldest first: a long-waiting normal ticket beats a fresh priority one.
 *  4. Otherwise normal tickets: the lowest tier of the window's services that has any; within it
 *     the largest waited-time × weight; ties go to the earlier queue time, then the lower id.
 *  5. Work-conserving: whenever the pool or a targeted ticket is non-empty, a ticket is returned.
 */
import type { CallReason, PriorityKind } from '../vocabulary.js';
import type { FairnessSettings } from './settings.js';
import type { ServedService } from './types.js';

export interface Candidate {
  id: number;
  serviceId: number;
  priority: PriorityKind;
  queuedAt: number;
  issuedAt: number;
  targetWindowId: number | null;
  /** Has come back from 过号 (re-queued). */
  requeued: boolean;
  /** Has been transferred from another service or window. */
  transferred: boolean;
}

export interface RoutingWindow {
  id: number;
  served: ServedService[];
  priorityStreak: number;
}

export type PickRule = 'targeted' | 'priority' | 'boosted' | 'oldest';

export interface CallPick {
  ticketId: number;
  rule: PickRule;
  /** Why this ticket may be called before an older one of its service; null when in order. */
  reason: CallReason | null;
  /** The window's run of consecutive priority calls after this call. */
  priorityStreak: number;
}

type FairnessRules = Pick<FairnessSettings, 'priorityStreakLimit' | 'boostAfterMinutes'>;

const isPriority = (t: Candidate): boolean => t.priority !== 'normal';

/** Earlier queue time first, then earlier issue, then lower id: a total, stable order. */
export function compareAge(a: Candidate, b: Candidate): number {
  return a.queuedAt - b.queuedAt || a.issuedAt - b.issuedAt || a.id - b.id;
}

const oldest = (list: Candidate[]): Candidate | undefined =>
  list.reduce<Candidate | undefined>((best, t) => (!best || compareAge(t, best) < 0 ? t : best), undefined);

/** The reason a visitor sees when this ticket is called before older ones. */
export function reasonFor(t: Candidate, rule: PickRule): CallReason | null {
  if (rule === 'targeted') return 'transfer';
  if (t.priority === 'appointment') return 'appointment';
  if (t.priority !== 'normal') return 'priority';
  if (t.transferred) return 'transfer';
  if (t.requeued) return 'requeue';
  return null;
}

export function pickNext(window: RoutingWindow, waiting: readonly Candidate[], rules: FairnessRules, now: number): CallPick | null {
  const targeted = waiting.filter((t) => t.targetWindowId === window.id);
  const first = oldest(targeted);
  if (first) return done(first, 'targeted', window, false);

  const servedBy = new Map(window.served.map((s) => [s.serviceId, s]));
  const pool = waiting.filter((t) => t.targetWindowId === null && servedBy.has(t.serviceId));
  if (pool.length === 0) return null;

  const normals = pool.filter((t) => !isPriority(t));
  const priorityAllowed = window.priorityStreak < rules.priorityStreakLimit || normals.length === 0;
  const boostMs = rules.boostAfterMinutes * 60_000;
  const boosted = (t: Candidate): boolean => now - t.queuedAt >= boostMs;
  const classA = pool.filter((t) => boosted(t) || (priorityAllowed && isPriority(t)));

  const a = oldest(classA);
  if (a) {
    return done(a, boosted(a) ? 'boosted' : 'priority', window, normals.length > 0);
  }

  // Normal tickets by tier, then by weighted waiting time. Class A was empty, so priority tickets
  // were held back by the streak limit, which only happens while normal tickets wait.
  let bestTier = Infinity;
  for (const t of normals) bestTier = Math.min(bestTier, servedBy.get(t.serviceId)!.tier);
  let best: Candidate | undefined;
  let bestScore = -Infinity;
  for (const t of normals) {
    const served = servedBy.get(t.serviceId)!;
    if (served.tier !== bestTier) continue;
    const score = (now - t.queuedAt) * Math.max(1, served.weight);
    if (!best || score > bestScore || (score === bestScore && compareAge(t, best) < 0)) {
      best = t;
      bestScore = score;
    }
  }
  return done(best!, 'oldest', window, true);
}

function done(t: Candidate, rule: PickRule, window: RoutingWindow, normalsWaiting: boolean): CallPick {
  // A priority call counts toward the streak only when it passed a waiting normal ticket.
  const jumped = isPriority(t) && normalsWaiting;
  return {
    ticketId: t.id,
    rule,
    reason: reasonFor(t, rule),
    priorityStreak: jumped ? window.priorityStreak + 1 : 0,
  };
}

/**
 * The order in which this window would call the waiting tickets if nothing else changed: what
 * the clerk's waiting list shows. Repeats `pickNext`, carrying the priority streak forward.
 */
export function callOrder(window: RoutingWindow, waiting: readonly Candidate[], rules: FairnessRules, now: number): number[] {
  const left = [...waiting];
  const order: number[] = [];
  let streak = window.priorityStreak;
  for (;;) {
    const pick = pickNext({ ...window, priorityStreak: streak }, left, rules, now);
    if (!pick) return order;
    order.push(pick.ticketId);
    streak = pick.priorityStreak;
    left.splice(
      left.findIndex((t) => t.id === pick.ticketId),
      1,
    );
  }
}

/**
 * Tickets ahead of `ticket` in its service queue as visitors see it: priority and boosted tickets
 * first, then by queue time. An estimate for the phone page, not a promise.
 */
export function peopleAhead(ticket: Candidate, waiting: readonly Candidate[], rules: FairnessRules, now: number): number {
  const boostMs = rules.boostAfterMinutes * 60_000;
  const rank = (t: Candidate): number => (isPriority(t) || now - t.queuedAt >= boostMs ? 0 : 1);
  const mine = rank(ticket);
  let ahead = 0;
  for (const t of waiting) {
    if (t.id === ticket.id || t.serviceId !== ticket.serviceId) continue;
    if (t.targetWindowId !== null) continue;
    const r = rank(t);
    if (r < mine || (r === mine && compareAge(t, ticket) < 0)) ahead++;
  }
  return ahead;
}
