/**
 * The store counts "people ahead" in SQL; the rule is `peopleAhead` in common/domain/routing.ts.
 * For random queues both must agree.
 */
import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { peopleAhead, type Candidate } from '../../common/domain/routing.js';
import { SqliteStore } from '../../server/store/sqlite/store.js';
import type { PriorityKind } from '../../common/vocabulary.js';

let dir: string;
let store: SqliteStore;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hall-ahead-'));
  store = SqliteStore.open(join(dir, 'h.db'));
  await store.transact(async (tx) => {
    const h = await tx.halls.insert({ code: 'h', name: 'h', timezone: 'Asia/Shanghai', openingHours: '', notice: '' });
    for (const prefix of ['A', 'B']) {
      await tx.services.insert({
        hallId: h.id,
        zoneId: null,
        name: prefix,
        nameEn: '',
        prefix,
        dailyQuota: null,
        openingHours: null,
        expectedMinutes: 5,
        enabled: true,
        sortOrder: 0,
      });
    }
  });
});
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const NOW = Date.parse('2026-11-23T10:00:00+08:00');
const RULES = { priorityStreakLimit: 3, boostAfterMinutes: 45 };

describe('countAhead agrees with peopleAhead', () => {
  it('for random queues', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            serviceId: fc.constantFrom(1, 2),
            priority: fc.constantFrom<PriorityKind>('normal', 'normal', 'elderly', 'appointment'),
            waited: fc.integer({ min: 0, max: 90 }),
            sameTime: fc.boolean(),
            targeted: fc.boolean(),
            status: fc.constantFrom('waiting', 'waiting', 'waiting', 'called'),
          }),
          { minLength: 1, maxLength: 30 },
        ),
        async (rows) => {
          const day = `run-${run++}`; // a service day of its own per run
          const inserted = await store.transact(async (tx) => {
            const list = [];
            for (const [i, r] of rows.entries()) {
              const queuedAt = r.sameTime ? NOW - 10 * 60_000 : NOW - r.waited * 60_000;
              list.push(
                await tx.tickets.insert({
                  hallId: 1,
                  serviceDay: day,
                  prefix: 'A',
                  seq: i + 1 + run * 100,
                  number: `A${i}`,
                  publicCode: `c${run}x${i}`,
                  serviceId: r.serviceId,
                  originalServiceId: r.serviceId,
                  priority: r.priority,
                  source: 'kiosk',
                  status: r.status,
                  issuedAt: queuedAt,
                  queuedAt,
                  targetWindowId: r.targeted && i % 3 === 0 ? 5 : null,
                  windowId: null,
                  clerkId: null,
                  calledAt: null,
                  firstCalledAt: null,
                  servingAt: null,
                  finishedAt: null,
                  noShowAt: null,
                  heldAt: null,
                  cancelledAt: null,
                  cancelReason: null,
                  recallCount: 0,
                  callReason: null,
                  transfers: [],
                  phone: null,
                  bookingId: null,
                  printStatus: null,
                  ratingStatus: null,
                  ratingDeadline: null,
                }),
              );
            }
            return list;
          });
          const candidates: Candidate[] = inserted
            .filter((t) => t.status === 'waiting')
            .map((t) => ({
              id: t.id,
              serviceId: t.serviceId,
              priority: t.priority,
              queuedAt: t.queuedAt,
              issuedAt: t.issuedAt,
              targetWindowId: t.targetWindowId,
              requeued: false,
              transferred: false,
            }));
          for (const t of inserted.filter((x) => x.status === 'waiting')) {
            const expected = peopleAhead(
              candidates.find((c) => c.id === t.id)!,
              candidates,
              RULES,
              NOW,
            );
            const counted = await store.read((tx) => tx.tickets.countAhead(t, NOW - RULES.boostAfterMinutes * 60_000));
            expect(counted).toBe(expected);
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
