/**
 * The "call next" policy as a table (docs/design.md, invariant 3). Each row names the rule it proves.
 * Times are minutes before "now"; service ids: 1 and 2 in the window's first tier, 3 in its second,
 * 9 not served.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { callOrder, peopleAhead, pickNext, type Candidate, type CallPick, type RoutingWindow } from '../../common/domain/routing.js';
import type { PriorityKind } from '../../common/vocabulary.js';

const NOW = Date.parse('2026-11-23T10:00:00+08:00');
const MIN = 60_000;
const RULES = { priorityStreakLimit: 3, boostAfterMinutes: 45 };

interface Row {
  rule: string;
  served?: [serviceId: number, tier: number, weight: number][];
  streak?: number;
  rules?: Partial<typeof RULES>;
  /** id, service, minutes waited, priority, extra */
  waiting: [id: number, serviceId: number, waited: number, priority?: PriorityKind, extra?: Partial<Candidate>][];
  expect: Partial<CallPick> | null;
}

const ticket = ([id, serviceId, waited, priority = 'normal', extra = {}]: Row['waiting'][number]): Candidate => ({
  id,
  serviceId,
  priority,
  queuedAt: NOW - waited * MIN,
  issuedAt: NOW - waited * MIN,
  targetWindowId: null,
  requeued: false,
  transferred: false,
  ...extra,
});

const DEFAULT_SERVED: Row['served'] = [
  [1, 1, 1],
  [2, 1, 1],
  [3, 2, 1],
];

const ROWS: Row[] = [
  { rule: 'nothing waiting: no ticket', waiting: [], expect: null },
  { rule: 'only services this window does not serve: no ticket', waiting: [[1, 9, 30]], expect: null },
  {
    rule: 'among equals the oldest goes first',
    waiting: [
      [1, 1, 5],
      [2, 1, 10],
    ],
    expect: { ticketId: 2, rule: 'oldest', reason: null },
  },
  {
    rule: 'oldest across services of the same tier',
    waiting: [
      [1, 1, 5],
      [2, 2, 8],
    ],
    expect: { ticketId: 2, rule: 'oldest' },
  },
  {
    rule: 'equal queue time: earlier issue time, then lower id',
    waiting: [
      [7, 1, 5, 'normal', { issuedAt: NOW - 6 * MIN }],
      [4, 1, 5, 'normal', { issuedAt: NOW - 6 * MIN }],
      [5, 1, 5],
    ],
    expect: { ticketId: 4 },
  },
  {
    rule: 'a lower tier goes before an older ticket of a higher tier',
    waiting: [
      [1, 3, 20],
      [2, 1, 2],
    ],
    expect: { ticketId: 2, rule: 'oldest' },
  },
  {
    rule: 'work-conserving: an empty first tier falls through to the second',
    waiting: [
      [1, 3, 1],
      [2, 9, 30],
    ],
    expect: { ticketId: 1 },
  },
  {
    rule: 'weight multiplies waiting time within a tier (6 min × 2 beats 10 min × 1)',
    served: [
      [1, 1, 1],
      [2, 1, 2],
    ],
    waiting: [
      [1, 1, 10],
      [2, 2, 6],
    ],
    expect: { ticketId: 2 },
  },
  {
    rule: 'a priority ticket (绿色通道) goes before older normal ones',
    waiting: [
      [1, 1, 20],
      [2, 2, 1, 'elderly'],
    ],
    expect: { ticketId: 2, rule: 'priority', reason: 'priority', priorityStreak: 1 },
  },
  {
    rule: 'an appointment is explained as appointment',
    waiting: [
      [1, 1, 20],
      [2, 1, 1, 'appointment'],
    ],
    expect: { ticketId: 2, reason: 'appointment' },
  },
  {
    rule: 'priority tickets are oldest first among themselves',
    waiting: [
      [1, 1, 3, 'disabled'],
      [2, 1, 9, 'military'],
      [3, 1, 30],
    ],
    expect: { ticketId: 2, rule: 'priority' },
  },
  {
    rule: 'streak limit reached: a waiting normal ticket goes next and the streak resets',
    streak: 3,
    waiting: [
      [1, 1, 10],
      [2, 1, 12, 'pregnant'],
    ],
    expect: { ticketId: 1, rule: 'oldest', priorityStreak: 0 },
  },
  {
    rule: 'streak limit reached but no normal ticket waits: priority still served (work-conserving)',
    streak: 3,
    waiting: [[2, 1, 1, 'elderly']],
    expect: { ticketId: 2, rule: 'priority', priorityStreak: 0 },
  },
  {
    rule: 'a priority call passing no normal ticket does not count toward the streak',
    streak: 2,
    waiting: [
      [2, 1, 1, 'elderly'],
      [3, 9, 40],
    ],
    expect: { ticketId: 2, priorityStreak: 0 },
  },
  {
    rule: 'a normal ticket waiting past the boost time beats a fresh priority ticket',
    waiting: [
      [1, 1, 50],
      [2, 1, 1, 'elderly'],
    ],
    expect: { ticketId: 1, rule: 'boosted', reason: null, priorityStreak: 0 },
  },
  {
    rule: 'a boosted ticket of a higher tier beats fresh tier-1 tickets',
    waiting: [
      [1, 3, 46],
      [2, 1, 20],
    ],
    expect: { ticketId: 1, rule: 'boosted' },
  },
  {
    rule: 'boost works even when the streak limit holds priority back',
    streak: 3,
    waiting: [
      [1, 1, 10],
      [2, 1, 60, 'elderly'],
    ],
    expect: { ticketId: 2, rule: 'boosted', reason: 'priority' },
  },
  {
    rule: 'priority limit 0: priority waits for the normal queue to empty',
    rules: { priorityStreakLimit: 0 },
    waiting: [
      [1, 1, 2],
      [2, 1, 9, 'elderly'],
    ],
    expect: { ticketId: 1 },
  },
  {
    rule: 'a ticket transferred to this window goes first, before priority',
    waiting: [
      [1, 1, 30, 'elderly'],
      [2, 9, 1, 'normal', { targetWindowId: 100, transferred: true }],
    ],
    expect: { ticketId: 2, rule: 'targeted', reason: 'transfer' },
  },
  {
    rule: 'a ticket transferred to another window is never taken here',
    waiting: [[1, 1, 30, 'normal', { targetWindowId: 101, transferred: true }]],
    expect: null,
  },
  {
    rule: 'a transferred ticket keeps its original time and is explained as transfer',
    waiting: [
      [1, 1, 5],
      [2, 1, 25, 'normal', { transferred: true }],
    ],
    expect: { ticketId: 2, rule: 'oldest', reason: 'transfer' },
  },
  {
    rule: 'a re-queued missed ticket kept at its original time is explained as requeue',
    waiting: [
      [1, 1, 5],
      [2, 1, 25, 'normal', { requeued: true }],
    ],
    expect: { ticketId: 2, reason: 'requeue' },
  },
  {
    rule: '无差别 window (all services) and a specialist window share queues: each takes its oldest served ticket',
    served: [[2, 1, 1]],
    waiting: [
      [1, 1, 30],
      [2, 2, 10],
    ],
    expect: { ticketId: 2 },
  },
];

describe('pickNext: the call-next rules', () => {
  for (const row of ROWS) {
    it(row.rule, () => {
      const window: RoutingWindow = {
        id: 100,
        served: (row.served ?? DEFAULT_SERVED).map(([serviceId, tier, weight]) => ({ serviceId, tier, weight })),
        priorityStreak: row.streak ?? 0,
      };
      const pick = pickNext(window, row.waiting.map(ticket), { ...RULES, ...row.rules }, NOW);
      if (row.expect === null) expect(pick).toBeNull();
      else expect(pick).toMatchObject(row.expect);
    });
  }
});

describe('fairness over time', () => {
  it('priority cannot starve a normal ticket: it is called within limit + 1 calls', () => {
    const window: RoutingWindow = { id: 1, served: [{ serviceId: 1, tier: 1, weight: 1 }], priorityStreak: 0 };
    const normal = ticket([1, 1, 5]);
    let streak = 0;
    let calls = 0;
    let nextId = 100;
    for (;;) {
      // A fresh priority ticket is always waiting, the worst case for the normal one.
      const queue = [normal, ticket([nextId++, 1, 0, 'elderly'])];
      const pick = pickNext({ ...window, priorityStreak: streak }, queue, RULES, NOW)!;
      calls++;
      streak = pick.priorityStreak;
      if (pick.ticketId === normal.id) break;
      expect(calls).toBeLessThanOrEqual(RULES.priorityStreakLimit);
    }
    expect(calls).toBe(RULES.priorityStreakLimit + 1);
  });

  it('callOrder lists what successive calls would take, carrying the streak', () => {
    const window: RoutingWindow = { id: 1, served: [{ serviceId: 1, tier: 1, weight: 1 }], priorityStreak: 0 };
    const queue = [ticket([1, 1, 20]), ticket([2, 1, 15]), ticket([3, 1, 3, 'elderly']), ticket([4, 1, 2, 'elderly'])];
    expect(callOrder(window, queue, { priorityStreakLimit: 1, boostAfterMinutes: 45 }, NOW)).toEqual([3, 1, 4, 2]);
  });

  it('peopleAhead counts priority and older tickets of the same service only', () => {
    const mine = ticket([5, 1, 4]);
    const queue = [mine, ticket([1, 1, 10]), ticket([2, 1, 1, 'elderly']), ticket([3, 1, 2]), ticket([4, 2, 30])];
    expect(peopleAhead(mine, queue, RULES, NOW)).toBe(2);
  });
});

describe('invariants for any queue (property-based)', () => {
  const candidate = fc.record({
    id: fc.integer({ min: 1, max: 10_000 }),
    serviceId: fc.integer({ min: 1, max: 5 }),
    priority: fc.constantFrom<PriorityKind>('normal', 'normal', 'normal', 'elderly', 'appointment'),
    waited: fc.integer({ min: 0, max: 120 }),
    target: fc.option(fc.constantFrom(100, 101), { freq: 5 }),
  });
  const queueArb = fc.uniqueArray(candidate, { selector: (c) => c.id, maxLength: 40 });
  const servedArb = fc.uniqueArray(
    fc.record({ serviceId: fc.integer({ min: 1, max: 5 }), tier: fc.integer({ min: 1, max: 3 }), weight: fc.integer({ min: 1, max: 3 }) }),
    { selector: (s) => s.serviceId, maxLength: 5 },
  );

  it('work-conserving: a ticket is returned exactly when one this window may serve waits, and it is one of those', () => {
    fc.assert(
      fc.property(queueArb, servedArb, fc.integer({ min: 0, max: 5 }), (queue, served, streak) => {
        const waiting = queue.map((c) => ticket([c.id, c.serviceId, c.waited, c.priority, { targetWindowId: c.target ?? null }]));
        const servedIds = new Set(served.map((s) => s.serviceId));
        const eligible = waiting.filter((t) => t.targetWindowId === 100 || (t.targetWindowId === null && servedIds.has(t.serviceId)));
        const pick = pickNext({ id: 100, served, priorityStreak: streak }, waiting, RULES, NOW);
        expect(pick !== null).toBe(eligible.length > 0);
        if (pick) expect(eligible.map((t) => t.id)).toContain(pick.ticketId);
      }),
      { numRuns: 500 },
    );
  });

  it('among normal tickets of one service, calls come in queue order', () => {
    fc.assert(
      fc.property(queueArb, (queue) => {
        const waiting = queue.map((c) => ticket([c.id, 1, c.waited, 'normal']));
        const order = callOrder({ id: 100, served: [{ serviceId: 1, tier: 1, weight: 1 }], priorityStreak: 0 }, waiting, RULES, NOW);
        const queuedAt = order.map((id) => waiting.find((t) => t.id === id)!.queuedAt);
        expect(queuedAt).toEqual([...queuedAt].sort((a, b) => a - b));
        expect(order).toHaveLength(waiting.length);
      }),
      { numRuns: 300 },
    );
  });
});
