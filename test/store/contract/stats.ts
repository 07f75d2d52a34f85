import { describe, expect, it } from 'vitest';
import type { StatTicket } from '../../../common/domain/stats.js';
import type { Ticket } from '../../../common/domain/types.js';
import type { StatsFilter } from '../../../server/store/repositories/stats.js';
import { DAY, MINUTE, NEXT_DAY, NOW, newTicket, seed, useStore, type Seeded, type StoreEngine } from './harness.js';
import { newRating } from './ratings.js';

type Named = 'rated' | 'excluded' | 'noShow' | 'waiting' | 'cancelled' | 'serviceB';

const stat = (t: Ticket, rating: { level: number; excluded: boolean } | null): StatTicket => ({
  serviceId: t.serviceId,
  windowId: t.windowId,
  clerkId: t.clerkId,
  serviceDay: t.serviceDay,
  status: t.status,
  issuedAt: t.issuedAt,
  firstCalledAt: t.firstCalledAt,
  servingAt: t.servingAt,
  finishedAt: t.finishedAt,
  noShowAt: t.noShowAt,
  ratingLevel: rating?.level ?? null,
  ratingExcluded: rating?.excluded ?? false,
});

export function statsContract(engine: StoreEngine): void {
  describe('stats.eachTicket', () => {
    const store = useStore(engine);
    const setup = () =>
      store().transact(async (tx) => {
        const s = await seed(tx);
        const other = await seed(tx);
        let n = 0;
        const add = (o: Partial<Ticket>, of: Seeded = s) => tx.tickets.insert(newTicket(of, { issuedAt: NOW + ++n * MINUTE, ...o }));
        const served = { windowId: s.windows.one.id, clerkId: s.clerk.id, firstCalledAt: NOW + 30 * MINUTE, servingAt: NOW + 31 * MINUTE };
        const t = {
          rated: await add({ status: 'done', ...served, finishedAt: NOW + 40 * MINUTE }),
          excluded: await add({
            status: 'done',
            ...served,
            windowId: s.windows.two.id,
            clerkId: s.manager.id,
            finishedAt: NOW + 41 * MINUTE,
          }),
          noShow: await add({
            status: 'no_show',
            windowId: s.windows.one.id,
            clerkId: s.clerk.id,
            firstCalledAt: NOW + 20 * MINUTE,
            noShowAt: NOW + 25 * MINUTE,
          }),
          waiting: await add({}),
          cancelled: await add({ status: 'cancelled', cancelledAt: NOW + 50 * MINUTE }),
          serviceB: await add({
            serviceId: s.services.b.id,
            status: 'called',
            windowId: s.windows.one.id,
            clerkId: s.clerk.id,
            firstCalledAt: NOW + 60 * MINUTE,
          }),
        } satisfies Record<Named, Ticket>;
        await tx.ratings.insert(newRating(t.rated, { level: 4 }));
        const bad = await tx.ratings.insert(newRating(t.excluded, { level: 1 }));
        await tx.cases.setRatingExcluded(bad.id, true);
        await add({ serviceDay: NEXT_DAY });
        await add({}, other);
        const expected: Record<Named, StatTicket> = {
          rated: stat(t.rated, { level: 4, excluded: false }),
          excluded: stat(t.excluded, { level: 1, excluded: true }),
          noShow: stat(t.noShow, null),
          waiting: stat(t.waiting, null),
          cancelled: stat(t.cancelled, null),
          serviceB: stat(t.serviceB, null),
        };
        return [s, expected] as const;
      });

    const cases: { name: string; filter: (s: Seeded) => Omit<StatsFilter, 'hallId' | 'serviceDay'>; expected: Named[] }[] = [
      {
        name: 'every ticket of the day, in every status, with its rating',
        filter: () => ({}),
        expected: ['rated', 'excluded', 'noShow', 'waiting', 'cancelled', 'serviceB'],
      },
      { name: 'one service', filter: (s) => ({ serviceId: s.services.b.id }), expected: ['serviceB'] },
      { name: 'one window', filter: (s) => ({ windowId: s.windows.one.id }), expected: ['rated', 'noShow', 'serviceB'] },
      { name: 'one clerk', filter: (s) => ({ clerkId: s.manager.id }), expected: ['excluded'] },
      {
        name: 'all three',
        filter: (s) => ({ serviceId: s.services.a.id, windowId: s.windows.one.id, clerkId: s.clerk.id }),
        expected: ['rated', 'noShow'],
      },
    ];
    for (const c of cases) {
      it(c.name, async () => {
        const [s, expected] = await setup();
        const visited: StatTicket[] = [];
        const count = await store().read((tx) =>
          tx.stats.eachTicket({ hallId: s.hall.id, serviceDay: DAY, ...c.filter(s) }, (ticket) => visited.push({ ...ticket })),
        );
        expect(count).toBe(visited.length);
        expect(visited.sort((a, b) => a.issuedAt - b.issuedAt)).toEqual(c.expected.map((name) => expected[name]));
      });
    }

    it('a day without tickets visits nothing', async () => {
      const [s] = await setup();
      let visits = 0;
      expect(await store().read((tx) => tx.stats.eachTicket({ hallId: s.hall.id, serviceDay: '2026-01-01' }, () => visits++))).toBe(0);
      expect(visits).toBe(0);
    });
  });
}
