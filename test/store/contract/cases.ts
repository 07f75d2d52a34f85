import { describe, expect, it } from 'vitest';
import type { CaseListFilter, CaseRecord } from '../../../server/store/repositories/cases.js';
import type { RatingCase } from '../../../server/store/repositories/ratings.js';
import type { StoreTx } from '../../../server/store/store.js';
import { DAY, NOW, ids, seed, useStore, type Seeded, type StoreEngine } from './harness.js';
import { newRating, servedTicket } from './ratings.js';

/** Opens a case on a new bad rating of the seeded hall. */
async function openCase(
  tx: StoreTx,
  s: Seeded,
  deadline: string,
  at: { windowId?: number | null; clerkId?: number | null } = {},
): Promise<RatingCase> {
  const ticket = await servedTicket(tx, s, at);
  const rating = await tx.ratings.insert(newRating(ticket, { level: 1, reasons: ['态度不好'], comment: '不耐烦' }));
  return tx.ratings.insertCase({ hallId: s.hall.id, ratingId: rating.id, deadline, createdAt: NOW });
}

export function casesContract(engine: StoreEngine): void {
  describe('cases', () => {
    const store = useStore(engine);

    it('get: the case with its rating, ticket, window number and clerk name; null ones without window or clerk', async () => {
      const [s, withWindow, without] = await store().transact(async (tx) => {
        const s = await seed(tx);
        return [s, await openCase(tx, s, '2026-11-30'), await openCase(tx, s, '2026-11-30', { windowId: null, clerkId: null })] as const;
      });
      const [rating, ticket] = await store().read(async (tx) => {
        const rating = (await tx.ratings.get(withWindow.ratingId))!;
        return [rating, (await tx.tickets.get(rating.ticketId))!] as const;
      });
      const expected: CaseRecord = {
        ...withWindow,
        appealKind: null,
        rating: {
          level: 1,
          reasons: ['态度不好'],
          comment: '不耐烦',
          channel: 'pad',
          excluded: false,
          createdAt: rating.createdAt,
          contactPhone: null,
        },
        ticket: { id: ticket.id, number: ticket.number, serviceId: ticket.serviceId, serviceDay: DAY },
        windowId: s.windows.one.id,
        windowNumber: '1',
        clerkId: s.clerk.id,
        clerkName: s.clerk.displayName,
      };
      await store().read(async (tx) => {
        expect(await tx.cases.get(withWindow.id)).toEqual(expected);
        expect(await tx.cases.get(without.id)).toMatchObject({
          id: without.id,
          windowId: null,
          windowNumber: null,
          clerkId: null,
          clerkName: null,
        });
        expect(await tx.cases.get(without.id + 1000)).toBeNull();
      });
    });

    it('update changes the fields given; setRatingExcluded marks the rating both ways', async () => {
      const opened = await store().transact(async (tx) => openCase(tx, await seed(tx), '2026-11-30'));
      const patch = {
        status: 'rectifying',
        appealStatus: 'pending',
        appealReason: '误评',
        appealKind: 'mistaken',
        updatedAt: NOW + 1,
      } as const;
      await store().transact(async (tx) => {
        await tx.cases.update(opened.id, patch);
        await tx.cases.update(opened.id, {});
        await tx.cases.setRatingExcluded(opened.ratingId, true);
      });
      await store().read(async (tx) => {
        expect(await tx.cases.get(opened.id)).toMatchObject({ ...patch, rating: { excluded: true } });
        expect((await tx.ratings.get(opened.ratingId))?.excluded).toBe(true);
        const { appealKind: _kind, ...ratingCasePatch } = patch;
        expect(await tx.ratings.getCase(opened.id)).toMatchObject({
          id: opened.id,
          ratingId: opened.ratingId,
          deadline: opened.deadline,
          ...ratingCasePatch,
        });
      });
      await store().transact((tx) => tx.cases.setRatingExcluded(opened.ratingId, false));
      expect((await store().read((tx) => tx.ratings.get(opened.ratingId)))?.excluded).toBe(false);
    });

    it('steps: addStep answers the stored step; steps are by time, then id', async () => {
      const opened = await store().transact(async (tx) => openCase(tx, await seed(tx), '2026-11-30'));
      const step = (action: string, at: number) => ({
        caseId: opened.id,
        action,
        fromStatus: 'open',
        toStatus: 'rectifying',
        note: `${action} 说明`,
        userId: 1,
        userName: '王经理',
        at,
      });
      const added = await store().transact(async (tx) => [
        await tx.cases.addStep(step('reply', NOW + 2)),
        await tx.cases.addStep(step('rectify', NOW + 1)),
        await tx.cases.addStep({ ...step('note', NOW + 2), fromStatus: null, toStatus: null, userId: null }),
        await tx.cases.addStep({ ...step('follow_up', NOW + 3), reached: true, satisfied: false }),
        await tx.cases.addStep({ ...step('follow_up', NOW + 4), reached: false, satisfied: null }),
      ]);
      expect(added[0]).toEqual({ id: expect.any(Number), ...step('reply', NOW + 2), reached: null, satisfied: null });
      expect(added[3]).toMatchObject({ reached: true, satisfied: false });
      expect(added[4]).toMatchObject({ reached: false, satisfied: null });
      expect(await store().read((tx) => tx.cases.steps(opened.id))).toEqual([added[1], added[0], added[2], added[3], added[4]]);
      expect(await store().read((tx) => tx.cases.steps(opened.id + 1000))).toEqual([]);
    });

    describe('list and counts', () => {
      const store = useStore(engine);
      type Named = 'due' | 'overdue' | 'closedLate' | 'appealed' | 'dueToday';
      const setup = () =>
        store().transact(async (tx) => {
          const s = await seed(tx);
          const c: Record<Named, RatingCase> = {
            due: await openCase(tx, s, '2026-11-30'),
            overdue: await openCase(tx, s, '2026-11-20'),
            closedLate: await openCase(tx, s, '2026-11-19'),
            appealed: await openCase(tx, s, '2026-11-25'),
            dueToday: await openCase(tx, s, DAY),
          };
          await tx.cases.update(c.overdue.id, { status: 'rectifying' });
          await tx.cases.update(c.closedLate.id, { status: 'closed' });
          await tx.cases.update(c.appealed.id, { appealStatus: 'pending' });
          await openCase(tx, await seed(tx), '2026-11-01'); // another hall's
          return [s, c] as const;
        });
      const cases: {
        name: string;
        filter: (c: Record<Named, RatingCase>) => Omit<CaseListFilter, 'hallId' | 'limit'> & { limit?: number };
        expected: Named[];
      }[] = [
        { name: 'newest (highest id) first', filter: () => ({}), expected: ['dueToday', 'appealed', 'closedLate', 'overdue', 'due'] },
        { name: 'statuses', filter: () => ({ statuses: ['open'] }), expected: ['dueToday', 'appealed', 'due'] },
        { name: 'appeal statuses', filter: () => ({ appealStatuses: ['pending'] }), expected: ['appealed'] },
        { name: 'overdue on a day: deadline before it, not closed', filter: () => ({ deadlineBefore: DAY }), expected: ['overdue'] },
        { name: 'before an id (the next page)', filter: (c) => ({ beforeId: c.closedLate.id }), expected: ['overdue', 'due'] },
        { name: 'limit', filter: () => ({ limit: 2 }), expected: ['dueToday', 'appealed'] },
      ];
      for (const c of cases) {
        it(c.name, async () => {
          const [s, named] = await setup();
          const found = await store().read((tx) => tx.cases.list({ hallId: s.hall.id, limit: 50, ...c.filter(named) }));
          expect(ids(found)).toEqual(c.expected.map((name) => named[name].id));
        });
      }

      it('counts: cases not closed, those overdue on the day, appeals pending', async () => {
        const [s] = await setup();
        expect(await store().read((tx) => tx.cases.counts(s.hall.id, DAY))).toEqual({ open: 4, overdue: 1, appeals: 1 });
        expect(await store().read((tx) => tx.cases.counts(s.hall.id, '2026-11-26'))).toEqual({ open: 4, overdue: 3, appeals: 1 });
      });
    });
  });
}
