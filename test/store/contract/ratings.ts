import { describe, expect, it } from 'vitest';
import type { Ticket } from '../../../common/domain/types.js';
import type { AwaitingFilter, NewRating, RatingCase } from '../../../server/store/repositories/ratings.js';
import type { StoreTx } from '../../../server/store/store.js';
import { DAY, MINUTE, NEXT_DAY, NOW, PREVIOUS_DAY, ids, newTicket, seed, useStore, type Seeded, type StoreEngine } from './harness.js';

/** A ticket served and finished at window 1 by the seeded clerk. */
export async function servedTicket(tx: StoreTx, s: Seeded, overrides: Partial<Ticket> = {}): Promise<Ticket> {
  return tx.tickets.insert(
    newTicket(s, {
      status: 'done',
      windowId: s.windows.one.id,
      clerkId: s.clerk.id,
      servingAt: NOW,
      finishedAt: NOW + 5 * MINUTE,
      ...overrides,
    }),
  );
}

export const newRating = (t: Ticket, overrides: Partial<NewRating> = {}): NewRating => ({
  hallId: t.hallId,
  ticketId: t.id,
  serviceId: t.serviceId,
  windowId: t.windowId,
  clerkId: t.clerkId,
  level: 5,
  reasons: [],
  comment: '',
  channel: 'pad',
  createdAt: NOW + 6 * MINUTE,
  ...overrides,
});

export function ratingsContract(engine: StoreEngine): void {
  describe('ratings', () => {
    const store = useStore(engine);

    it('insert is not excluded; get and byTicket find it', async () => {
      const [, ticket] = await store().transact(async (tx) => {
        const s = await seed(tx);
        return [s, await servedTicket(tx, s)] as const;
      });
      const draft = newRating(ticket, { level: 2, reasons: ['态度不好', '等待太久'], comment: '窗口无人', channel: 'phone' });
      const rating = await store().transact((tx) => tx.ratings.insert(draft));
      expect(rating).toEqual({ id: expect.any(Number), ...draft, excluded: false, contactPhone: null, contactConsentAt: null });
      await store().read(async (tx) => {
        expect(await tx.ratings.get(rating.id)).toEqual(rating);
        expect(await tx.ratings.byTicket(ticket.id)).toEqual(rating);
        expect(await tx.ratings.get(rating.id + 1000)).toBeNull();
        expect(await tx.ratings.byTicket(ticket.id + 1000)).toBeNull();
      });
    });

    it('setContact keeps the number the visitor left and when they agreed; other ratings keep none', async () => {
      const [first, second] = await store().transact(async (tx) => {
        const s = await seed(tx);
        const a = await tx.ratings.insert(newRating(await servedTicket(tx, s), { level: 1, reasons: ['态度不好'] }));
        const b = await tx.ratings.insert(newRating(await servedTicket(tx, s), { level: 2, reasons: ['态度不好'] }));
        return [a, b] as const;
      });
      await store().transact((tx) => tx.ratings.setContact(first.id, '13800138000', NOW + 7 * MINUTE));
      await store().read(async (tx) => {
        expect(await tx.ratings.get(first.id)).toMatchObject({ contactPhone: '13800138000', contactConsentAt: NOW + 7 * MINUTE });
        expect(await tx.ratings.get(second.id)).toMatchObject({ contactPhone: null, contactConsentAt: null });
      });
    });

    it('one rating per ticket: a second one throws and the first stays (docs/design.md, invariant 6)', async () => {
      const [, ticket] = await store().transact(async (tx) => {
        const s = await seed(tx);
        return [s, await servedTicket(tx, s)] as const;
      });
      const first = await store().transact((tx) => tx.ratings.insert(newRating(ticket, { level: 5 })));
      await expect(store().transact((tx) => tx.ratings.insert(newRating(ticket, { level: 1, channel: 'phone' })))).rejects.toThrow();
      expect(await store().read((tx) => tx.ratings.byTicket(ticket.id))).toEqual(first);
    });

    it('list: newest first (then highest id), by time range with both ends included, window and limit; the hall’s only', async () => {
      const [s, r] = await store().transact(async (tx) => {
        const s = await seed(tx);
        const other = await seed(tx);
        const rate = async (createdAt: number, windowId = s.windows.one.id) =>
          tx.ratings.insert(newRating(await servedTicket(tx, s, { windowId }), { createdAt }));
        const r = {
          t1: await rate(NOW + 1),
          t2a: await rate(NOW + 2),
          t2b: await rate(NOW + 2, s.windows.two.id),
          t3: await rate(NOW + 3),
        };
        await tx.ratings.insert(newRating(await servedTicket(tx, other), { createdAt: NOW + 2 }));
        return [s, r] as const;
      });
      const list = (f: Partial<Parameters<StoreTx['ratings']['list']>[0]>) =>
        store().read((tx) => tx.ratings.list({ hallId: s.hall.id, limit: 50, ...f }));
      expect(ids(await list({}))).toEqual(ids([r.t3, r.t2b, r.t2a, r.t1]));
      expect(ids(await list({ fromAt: NOW + 2, toAt: NOW + 2 }))).toEqual(ids([r.t2b, r.t2a]));
      expect(ids(await list({ fromAt: NOW + 2 }))).toEqual(ids([r.t3, r.t2b, r.t2a]));
      expect(ids(await list({ toAt: NOW + 1 }))).toEqual(ids([r.t1]));
      expect(ids(await list({ windowId: s.windows.two.id }))).toEqual(ids([r.t2b]));
      expect(ids(await list({ limit: 1 }))).toEqual(ids([r.t3]));
    });

    it('insertCase opens a case; getCase and caseByRating find it; one case per rating', async () => {
      const [s, rating] = await store().transact(async (tx) => {
        const s = await seed(tx);
        return [s, await tx.ratings.insert(newRating(await servedTicket(tx, s), { level: 1, reasons: ['态度不好'] }))] as const;
      });
      const opened = await store().transact((tx) =>
        tx.ratings.insertCase({ hallId: s.hall.id, ratingId: rating.id, deadline: '2026-11-30', createdAt: NOW }),
      );
      const expected: RatingCase = {
        id: opened.id,
        hallId: s.hall.id,
        ratingId: rating.id,
        status: 'open',
        deadline: '2026-11-30',
        appealStatus: 'none',
        appealReason: null,
        handlerId: null,
        escalatedAt: null,
        createdAt: NOW,
        updatedAt: NOW,
      };
      // At least the fields of RatingCase (an engine may return the case's appeal kind too).
      expect(opened).toMatchObject(expected);
      await store().read(async (tx) => {
        expect(await tx.ratings.getCase(opened.id)).toMatchObject(expected);
        expect(await tx.ratings.caseByRating(rating.id)).toMatchObject(expected);
        expect(await tx.ratings.caseByRating(rating.id + 1000)).toBeNull();
        expect(await tx.ratings.getCase(opened.id + 1000)).toBeNull();
      });
      await expect(
        store().transact((tx) =>
          tx.ratings.insertCase({ hallId: s.hall.id, ratingId: rating.id, deadline: '2026-12-01', createdAt: NOW + 1 }),
        ),
      ).rejects.toThrow();
    });

    it('listCases: newest first, by status, at most `limit`, the hall’s only', async () => {
      const [s, c] = await store().transact(async (tx) => {
        const s = await seed(tx);
        const other = await seed(tx);
        const open = async (of: Seeded, createdAt: number) =>
          tx.ratings.insertCase({
            hallId: of.hall.id,
            ratingId: (await tx.ratings.insert(newRating(await servedTicket(tx, of), { level: 1 }))).id,
            deadline: DAY,
            createdAt,
          });
        const c = { first: await open(s, NOW + 1), second: await open(s, NOW + 2), sameTime: await open(s, NOW + 2) };
        await tx.cases.update(c.second.id, { status: 'closed' });
        await open(other, NOW + 3);
        return [s, c] as const;
      });
      const list = (f: Partial<Parameters<StoreTx['ratings']['listCases']>[0]>) =>
        store().read((tx) => tx.ratings.listCases({ hallId: s.hall.id, limit: 50, ...f }));
      expect(ids(await list({}))).toEqual(ids([c.sameTime, c.second, c.first]));
      expect(ids(await list({ statuses: ['open'] }))).toEqual(ids([c.sameTime, c.first]));
      expect(ids(await list({ statuses: ['closed', 'replied'] }))).toEqual(ids([c.second]));
      expect(ids(await list({ limit: 2 }))).toEqual(ids([c.sameTime, c.second]));
    });

    it('awaiting: finished tickets whose rating is pending, by deadline, then id', async () => {
      const [s, t] = await store().transact(async (tx) => {
        const s = await seed(tx);
        const other = await seed(tx);
        const pending = (ratingDeadline: number, o: Partial<Ticket> = {}, of: Seeded = s) =>
          servedTicket(tx, of, { ratingStatus: 'pending', ratingDeadline, ...o });
        const t = {
          late: await pending(NOW + 3 * MINUTE),
          early: await pending(NOW + MINUTE),
          sameA: await pending(NOW + 2 * MINUTE),
          sameB: await pending(NOW + 2 * MINUTE, { windowId: s.windows.two.id }),
          yesterday: await pending(NOW - 24 * 60 * MINUTE, { serviceDay: PREVIOUS_DAY }),
        };
        await pending(NOW, { ratingStatus: 'rated' });
        await pending(NOW, { ratingStatus: 'unrated' });
        await pending(NOW, { status: 'serving' });
        await pending(NOW, {}, other);
        return [s, t] as const;
      });
      const awaiting = (f: Omit<AwaitingFilter, 'hallId'>) => store().read((tx) => tx.ratings.awaiting({ hallId: s.hall.id, ...f }));
      const cases: { filter: Omit<AwaitingFilter, 'hallId'>; expected: Ticket[] }[] = [
        { filter: {}, expected: [t.yesterday, t.early, t.sameA, t.sameB, t.late] },
        { filter: { serviceDays: [DAY] }, expected: [t.early, t.sameA, t.sameB, t.late] },
        { filter: { serviceDays: [PREVIOUS_DAY, NEXT_DAY] }, expected: [t.yesterday] },
        { filter: { windowId: s.windows.two.id }, expected: [t.sameB] },
        { filter: { serviceDays: [DAY], dueBefore: NOW + 2 * MINUTE }, expected: [t.early] },
      ];
      for (const c of cases) expect(await awaiting(c.filter), JSON.stringify(c.filter)).toEqual(c.expected);
    });
  });
}
