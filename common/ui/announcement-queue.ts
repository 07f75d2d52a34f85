/**
 * The rules of the board's announcement queue: which calls are spoken, in what order, and what is
 * left unsaid when calls come faster than speech. Pure (no timers, no audio), so every rule is a
 * row in a table test; `AnnouncerController` (announcer.ts) drives it with real speech.
 *
 * 1. First in, first out. A call is never cut off: the one being spoken finishes before the next.
 *    Two calls are two utterances, never merged into one.
 * 2. A recall (重呼) of a ticket whose announcement is still waiting adds nothing: the waiting one
 *    says the same words, sooner.
 * 3. A newer call at the same window replaces that window's waiting announcement: the window has
 *    moved on, and sending a visitor there would be wrong. Likewise a newer call of the same
 *    ticket at another window (it was transferred). The board still shows every call.
 * 4. At most `capacity` announcements wait behind the one being spoken; beyond that the oldest
 *    waiting one is dropped. With the defaults the last call of a burst is heard within about
 *    half a minute instead of minutes later.
 * 5. An announcement older than `maxAgeMs` when its turn comes is skipped, never spoken late.
 * 6. The hall's repeat count (say it twice) applies while nothing waits; with a backlog each call
 *    is said once, so the queue catches up.
 */

/** One call to be spoken. */
export interface Announcement {
  /** Unique per call event (its sequence number). */
  id: string;
  ticketId: number;
  windowId: number;
  recall: boolean;
  /** When the call was made, in server time (ms). */
  at: number;
  /** The words for speech synthesis, already in the voice's language. */
  speech: string;
  /** BCP 47 language of the speech, e.g. zh-CN. */
  lang: string;
  rate: number;
  /** Times to say it when nothing else waits (at least once). */
  repeat: number;
  chime: boolean;
}

export interface QueueRules {
  /** Announcements that may wait behind the one being spoken. */
  capacity: number;
  /** Older than this when its turn comes: skipped. */
  maxAgeMs: number;
}

export const DEFAULT_QUEUE_RULES: QueueRules = { capacity: 3, maxAgeMs: 45_000 };

/** Why an announcement was not spoken. */
export type DropReason = 'duplicate' | 'superseded' | 'overflow' | 'stale';

export interface Dropped {
  announcement: Announcement;
  reason: DropReason;
}

/** Adds a call to the waiting list (rules 2–4). `waiting` excludes the one being spoken. */
export function enqueue(
  waiting: readonly Announcement[],
  item: Announcement,
  rules: QueueRules = DEFAULT_QUEUE_RULES,
): { waiting: Announcement[]; dropped: Dropped[] } {
  if (waiting.some((a) => a.ticketId === item.ticketId && a.windowId === item.windowId)) {
    return { waiting: [...waiting], dropped: [{ announcement: item, reason: 'duplicate' }] };
  }
  const dropped: Dropped[] = [];
  const next: Announcement[] = [];
  for (const a of waiting) {
    if (a.windowId === item.windowId || a.ticketId === item.ticketId) dropped.push({ announcement: a, reason: 'superseded' });
    else next.push(a);
  }
  next.push(item);
  while (next.length > Math.max(1, rules.capacity)) dropped.push({ announcement: next.shift()!, reason: 'overflow' });
  return { waiting: next, dropped };
}

/** The next announcement to speak at `now`, skipping stale ones (rule 5). */
export function takeNext(
  waiting: readonly Announcement[],
  now: number,
  rules: QueueRules = DEFAULT_QUEUE_RULES,
): { next: Announcement | null; waiting: Announcement[]; dropped: Dropped[] } {
  const dropped: Dropped[] = [];
  let i = 0;
  while (i < waiting.length && now - waiting[i]!.at > rules.maxAgeMs) dropped.push({ announcement: waiting[i++]!, reason: 'stale' });
  return { next: waiting[i] ?? null, waiting: waiting.slice(i + 1), dropped };
}

/** Whether to say the current announcement once more after `spoken` times (rule 6). */
export function shouldRepeat(spoken: number, repeat: number, backlog: number): boolean {
  if (spoken < 1) return true;
  return backlog === 0 && spoken < repeat;
}
