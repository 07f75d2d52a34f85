import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { peopleAhead, type Candidate } from '../../../common/domain/routing.js';
import type { Ticket } from '../../../common/domain/types.js';
import type { PriorityKind, TicketStatus } from '../../../common/vocabulary.js';
import type { TicketFilter } from '../../../server/store/repositories/tickets.js';
import {
  DAY,
  MINUTE,
  NEXT_DAY,
  NOW,
  PREVIOUS_DAY,
  ids,
  newTicket,
  seed,
  unique,
  useStore,
  type Seeded,
  type StoreEngine,
} from './harness.js';

export function ticketsContract(engine: StoreEngine): void {
  describe('tickets', () => {
    const store = useStore(engine);

    it('insert stores every field at version 0; get, byCode and byNumber find it', async () => {
      const s = await store().transact((tx) => seed(tx));
      const draft = newTicket(s, {
        priority: 'elderly',
        source: 'phone',
        status: 'held',
        targetWindowId: s.windows.two.id,
        windowId: s.windows.one.id,
        clerkId: s.clerk.id,
        calledAt: NOW + 1,
        firstCalledAt: NOW + 1,
        servingAt: NOW + 2,
        heldAt: NOW + 3,
        recallCount: 2,
        callReason: 'priority',
        transfers: [
          {
            at: NOW,
            fromServiceId: s.services.b.id,
            toServiceId: s.services.a.id,
            fromWindowId: null,
            toWindowId: 3,
            note: '转办',
            byUserId: 1,
          },
        ],
        phone: '13800000000',
        printStatus: 'printed',
        ratingStatus: 'pending',
        ratingDeadline: NOW + 60_000,
      });
      const ticket = await store().transact((tx) => tx.tickets.insert(draft));
      expect(ticket).toEqual({ id: expect.any(Number), ...draft, version: 0 });
      await store().read(async (tx) => {
        expect(await tx.tickets.get(ticket.id)).toEqual(ticket);
        expect(await tx.tickets.byCode(ticket.publicCode)).toEqual(ticket);
        expect(await tx.tickets.byNumber(s.hall.id, DAY, ticket.number)).toEqual(ticket);
        expect(await tx.tickets.byNumber(s.hall.id, NEXT_DAY, ticket.number)).toBeNull();
        expect(await tx.tickets.get(ticket.id + 1000)).toBeNull();
        expect(await tx.tickets.byCode(unique('none'))).toBeNull();
      });
    });

    it('a number is unique per hall, service day, prefix and sequence; a public code everywhere (docs/design.md, invariant 2)', async () => {
      const s = await store().transact((tx) => seed(tx));
      const first = await store().transact((tx) => tx.tickets.insert(newTicket(s)));
      await expect(store().transact((tx) => tx.tickets.insert(newTicket(s, { seq: first.seq })))).rejects.toThrow();
      await expect(store().transact((tx) => tx.tickets.insert(newTicket(s, { publicCode: first.publicCode })))).rejects.toThrow();
      // The same sequence on another day or under another prefix is another number.
      await expect(
        store().transact((tx) => tx.tickets.insert(newTicket(s, { seq: first.seq, serviceDay: NEXT_DAY }))),
      ).resolves.toBeTruthy();
      await expect(store().transact((tx) => tx.tickets.insert(newTicket(s, { seq: first.seq, prefix: 'B' })))).resolves.toBeTruthy();
    });

    describe('update is optimistic', () => {
      const cases: { name: string; version: (t: Ticket) => number; id?: (t: Ticket) => number; applies: boolean }[] = [
        { name: 'at the current version it applies and bumps the version', version: (t) => t.version, applies: true },
        { name: 'at a stale version it answers null and changes nothing', version: (t) => t.version - 1, applies: false },
        { name: 'at a version not reached yet it answers null', version: (t) => t.version + 1, applies: false },
        { name: 'for an unknown ticket it answers null', version: (t) => t.version, id: (t) => t.id + 1000, applies: false },
      ];
      for (const c of cases) {
        it(c.name, async () => {
          const [s, ticket] = await store().transact(async (tx) => {
            const s = await seed(tx);
            const t = await tx.tickets.insert(newTicket(s));
            return [s, (await tx.tickets.update(t.id, 0, { recallCount: 1 }))!] as const;
          });
          expect(ticket.version).toBe(1);
          const patch = { status: 'called' as const, windowId: s.windows.one.id, calledAt: NOW + 5 };
          const answer = await store().transact((tx) => tx.tickets.update(c.id?.(ticket) ?? ticket.id, c.version(ticket), patch));
          const stored = await store().read((tx) => tx.tickets.get(ticket.id));
          if (c.applies) {
            expect(answer).toEqual({ ...ticket, ...patch, version: 2 });
            expect(stored).toEqual(answer);
          } else {
            expect(answer).toBeNull();
            expect(stored).toEqual(ticket);
          }
        });
      }

      it('of two windows calling the same ticket at once, exactly one wins (docs/design.md, invariant 1)', async () => {
        const [s, ticket] = await store().transact(async (tx) => {
          const s = await seed(tx);
          return [s, await tx.tickets.insert(newTicket(s))] as const;
        });
        const answers = await Promise.all(
          [s.windows.one.id, s.windows.two.id].map((windowId) =>
            store().transact((tx) => tx.tickets.update(ticket.id, ticket.version, { status: 'called', windowId })),
          ),
        );
        const winners = answers.filter((a) => a !== null);
        expect(winners).toHaveLength(1);
        expect(await store().read((tx) => tx.tickets.get(ticket.id))).toEqual(winners[0]);
      });
    });

    it('waiting and waitingCandidates: the hall’s waiting tickets of the day, with the routing flags', async () => {
      const [s, t] = await store().transact(async (tx) => {
        const s = await seed(tx);
        const other = await seed(tx);
        const add = (o: Parameters<typeof newTicket>[1], of: Seeded = s) => tx.tickets.insert(newTicket(of, o));
        return [
          s,
          {
            plain: await add({ priority: 'military', issuedAt: NOW - 5 * MINUTE, queuedAt: NOW - 2 * MINUTE }),
            requeued: await add({ noShowAt: NOW - MINUTE, callReason: 'requeue' }),
            transferred: await add({
              serviceId: s.services.b.id,
              targetWindowId: s.windows.two.id,
              transfers: [
                {
                  at: NOW,
                  fromServiceId: s.services.a.id,
                  toServiceId: s.services.b.id,
                  fromWindowId: null,
                  toWindowId: null,
                  note: '',
                  byUserId: null,
                },
              ],
            }),
            called: await add({ status: 'called' }),
            tomorrow: await add({ serviceDay: NEXT_DAY }),
            otherHall: await add({}, other),
          },
        ] as const;
      });
      const waiting = await store().read((tx) => tx.tickets.waiting(s.hall.id, DAY));
      expect(ids(waiting).sort((a, b) => a - b)).toEqual([t.plain.id, t.requeued.id, t.transferred.id]);
      expect(waiting.find((w) => w.id === t.transferred.id)).toEqual(t.transferred);

      const candidates = await store().read((tx) => tx.tickets.waitingCandidates(s.hall.id, DAY));
      const candidate = (x: Ticket, flags: { requeued: boolean; transferred: boolean }): Candidate => ({
        id: x.id,
        serviceId: x.serviceId,
        priority: x.priority,
        queuedAt: x.queuedAt,
        issuedAt: x.issuedAt,
        targetWindowId: x.targetWindowId,
        ...flags,
      });
      expect([...candidates].sort((a, b) => a.id - b.id)).toEqual([
        candidate(t.plain, { requeued: false, transferred: false }),
        candidate(t.requeued, { requeued: true, transferred: false }),
        candidate(t.transferred, { requeued: false, transferred: true }),
      ]);
    });

    it('atWindow: the window’s tickets in the asked statuses, by call time', async () => {
      const [s, t] = await store().transact(async (tx) => {
        const s = await seed(tx);
        const at = (status: TicketStatus, calledAt: number, windowId = s.windows.one.id) =>
          tx.tickets.insert(newTicket(s, { status, windowId, calledAt }));
        return [
          s,
          {
            held: await at('held', NOW + 1),
            serving: await at('serving', NOW + 3),
            called: await at('called', NOW + 2),
            done: await at('done', NOW),
            elsewhere: await at('called', NOW, s.windows.two.id),
          },
        ] as const;
      });
      await store().read(async (tx) => {
        expect(ids(await tx.tickets.atWindow(s.windows.one.id, ['called', 'serving', 'held']))).toEqual([
          t.held.id,
          t.called.id,
          t.serving.id,
        ]);
        expect(ids(await tx.tickets.atWindow(s.windows.one.id, ['held']))).toEqual([t.held.id]);
        expect(ids(await tx.tickets.atWindow(s.windows.one.id, ['called', 'serving']))).toEqual([t.called.id, t.serving.id]);
        expect(ids(await tx.tickets.atWindow(s.windows.two.id, ['called', 'serving', 'held']))).toEqual([t.elsewhere.id]);
      });
    });

    describe('list: filters, in queue order (queued time, then id)', () => {
      const store = useStore(engine);
      type Named = 'early' | 'lateLowId' | 'tie1' | 'tie2' | 'bDone' | 'cCalled' | 'yesterday';
      const setup = async () =>
        store().transact(async (tx) => {
          const s = await seed(tx);
          const add = (o: Parameters<typeof newTicket>[1]) => tx.tickets.insert(newTicket(s, o));
          const t: Record<Named, Ticket> = {
            lateLowId: await add({ queuedAt: NOW + 10 * MINUTE }),
            tie1: await add({ queuedAt: NOW }),
            tie2: await add({ queuedAt: NOW }),
            early: await add({ queuedAt: NOW - MINUTE, issuedAt: NOW + 20 * MINUTE }),
            bDone: await add({ serviceId: s.services.b.id, status: 'done', windowId: s.windows.two.id, queuedAt: NOW - 2 * MINUTE }),
            cCalled: await add({ serviceId: s.services.c.id, status: 'called', windowId: s.windows.one.id, queuedAt: NOW + MINUTE }),
            yesterday: await add({ serviceDay: PREVIOUS_DAY }),
          };
          return [s, t] as const;
        });
      const cases: { name: string; filter: (s: Seeded) => Omit<TicketFilter, 'hallId' | 'serviceDay'>; expected: Named[] }[] = [
        { name: 'no filter: the whole day', filter: () => ({}), expected: ['bDone', 'early', 'tie1', 'tie2', 'cCalled', 'lateLowId'] },
        { name: 'statuses', filter: () => ({ statuses: ['waiting'] }), expected: ['early', 'tie1', 'tie2', 'lateLowId'] },
        { name: 'several statuses', filter: () => ({ statuses: ['done', 'called'] }), expected: ['bDone', 'cCalled'] },
        { name: 'services', filter: (s) => ({ serviceIds: [s.services.b.id, s.services.c.id] }), expected: ['bDone', 'cCalled'] },
        { name: 'window', filter: (s) => ({ windowId: s.windows.one.id }), expected: ['cCalled'] },
        { name: 'limit', filter: () => ({ limit: 2 }), expected: ['bDone', 'early'] },
        {
          name: 'empty lists filter nothing',
          filter: () => ({ statuses: [], serviceIds: [] }),
          expected: ['bDone', 'early', 'tie1', 'tie2', 'cCalled', 'lateLowId'],
        },
        {
          name: 'everything at once',
          filter: (s) => ({ statuses: ['waiting'], serviceIds: [s.services.a.id], limit: 3 }),
          expected: ['early', 'tie1', 'tie2'],
        },
      ];
      for (const c of cases) {
        it(c.name, async () => {
          const [s, t] = await setup();
          const listed = await store().read((tx) => tx.tickets.list({ hallId: s.hall.id, serviceDay: DAY, ...c.filter(s) }));
          expect(ids(listed)).toEqual(c.expected.map((name) => t[name].id));
        });
      }
    });

    it('staleBefore: earlier days still in the given statuses, oldest day first, then id, at most `limit`', async () => {
      const [s, t] = await store().transact(async (tx) => {
        const s = await seed(tx);
        const add = (serviceDay: string, status: TicketStatus) => tx.tickets.insert(newTicket(s, { serviceDay, status }));
        return [
          s,
          {
            prevWaiting: await add(PREVIOUS_DAY, 'waiting'),
            olderHeld: await add('2026-11-20', 'held'),
            prevDone: await add(PREVIOUS_DAY, 'done'),
            prevCalled: await add(PREVIOUS_DAY, 'called'),
            today: await add(DAY, 'waiting'),
          },
        ] as const;
      });
      await store().read(async (tx) => {
        expect(ids(await tx.tickets.staleBefore(s.hall.id, DAY, ['waiting', 'called', 'held'], 10))).toEqual([
          t.olderHeld.id,
          t.prevWaiting.id,
          t.prevCalled.id,
        ]);
        expect(ids(await tx.tickets.staleBefore(s.hall.id, DAY, ['waiting', 'called', 'held'], 2))).toEqual([
          t.olderHeld.id,
          t.prevWaiting.id,
        ]);
        expect(ids(await tx.tickets.staleBefore(s.hall.id, PREVIOUS_DAY, ['waiting', 'called', 'held'], 10))).toEqual([t.olderHeld.id]);
        expect(await tx.tickets.staleBefore(s.hall.id, DAY, ['serving'], 10)).toEqual([]);
      });
    });

    it('countIssued and issuedCounts count by the service issued for, without cancelled tickets', async () => {
      const s = await store().transact(async (tx) => {
        const s = await seed(tx);
        const { a, b } = s.services;
        const add = (o: Parameters<typeof newTicket>[1]) => tx.tickets.insert(newTicket(s, o));
        await add({ status: 'waiting' });
        await add({ status: 'done' });
        await add({ status: 'cancelled' });
        await add({ status: 'no_show' });
        // Issued for A, transferred to B: still A's.
        await add({ serviceId: b.id, originalServiceId: a.id });
        await add({ serviceId: b.id, status: 'cancelled' });
        await add({ serviceId: b.id, status: 'called' });
        await add({ serviceDay: NEXT_DAY });
        return s;
      });
      await store().read(async (tx) => {
        expect(await tx.tickets.countIssued(s.services.a.id, DAY)).toBe(4);
        expect(await tx.tickets.countIssued(s.services.b.id, DAY)).toBe(1);
        expect(await tx.tickets.countIssued(s.services.c.id, DAY)).toBe(0);
        expect(await tx.tickets.countIssued(s.services.a.id, NEXT_DAY)).toBe(1);
        expect(await tx.tickets.issuedCounts(s.hall.id, DAY)).toEqual(
          new Map([
            [s.services.a.id, 4],
            [s.services.b.id, 1],
          ]),
        );
      });
    });

    it('nextSeq counts from 1 per hall, service day and prefix', async () => {
      const [s, other] = await store().transact(async (tx) => [await seed(tx), await seed(tx)]);
      const next = (hallId: number, day: string, prefix: string) => store().transact((tx) => tx.tickets.nextSeq(hallId, day, prefix));
      expect(await next(s.hall.id, DAY, 'A')).toBe(1);
      expect(await next(s.hall.id, DAY, 'A')).toBe(2);
      expect(await next(s.hall.id, DAY, 'B')).toBe(1);
      expect(await next(s.hall.id, NEXT_DAY, 'A')).toBe(1);
      expect(await next(other.hall.id, DAY, 'A')).toBe(1);
      expect(await next(s.hall.id, DAY, 'A')).toBe(3);
    });

    it('queueCounts: waiting tickets and the oldest queued time, per service', async () => {
      const s = await store().transact(async (tx) => {
        const s = await seed(tx);
        const { a, b } = s.services;
        const add = (o: Parameters<typeof newTicket>[1]) => tx.tickets.insert(newTicket(s, o));
        await add({ queuedAt: NOW - 3 * MINUTE });
        await add({ queuedAt: NOW - 9 * MINUTE, status: 'called' });
        await add({ queuedAt: NOW - MINUTE });
        await add({ serviceId: b.id, queuedAt: NOW });
        await add({ serviceId: a.id, queuedAt: NOW - 60 * MINUTE, serviceDay: PREVIOUS_DAY });
        return s;
      });
      const { a, b, c } = s.services;
      await store().read(async (tx) => {
        expect(await tx.tickets.queueCounts(s.hall.id, DAY, [c.id, a.id])).toEqual([
          { serviceId: c.id, waiting: 0, oldestQueuedAt: null },
          { serviceId: a.id, waiting: 2, oldestQueuedAt: NOW - 3 * MINUTE },
        ]);
        const all = await tx.tickets.queueCounts(s.hall.id, DAY);
        expect([...all].sort((x, y) => x.serviceId - y.serviceId)).toEqual([
          { serviceId: a.id, waiting: 2, oldestQueuedAt: NOW - 3 * MINUTE },
          { serviceId: b.id, waiting: 1, oldestQueuedAt: NOW },
        ]);
      });
    });

    it('recentDurations: the latest finished services of each service, newest first', async () => {
      const s = await store().transact(async (tx) => {
        const s = await seed(tx);
        const done = (servingAt: number | null, minutes: number, o: Parameters<typeof newTicket>[1] = {}) =>
          tx.tickets.insert(newTicket(s, { status: 'done', servingAt, finishedAt: (servingAt ?? NOW) + minutes * MINUTE, ...o }));
        await done(NOW, 4);
        await done(NOW + 10 * MINUTE, 7);
        await done(NOW + 20 * MINUTE, 5);
        await done(null, 1); // finished without being served: no duration
        await done(NOW + 30 * MINUTE, 9, { status: 'serving' });
        await done(NOW, 2, { serviceDay: PREVIOUS_DAY });
        await done(NOW, 3, { serviceId: s.services.b.id });
        return s;
      });
      const { a, b, c } = s.services;
      expect(await store().read((tx) => tx.tickets.recentDurations(DAY, [a.id, b.id, c.id], 2))).toEqual(
        new Map([
          [a.id, [5 * MINUTE, 7 * MINUTE]],
          [b.id, [3 * MINUTE]],
          [c.id, []],
        ]),
      );
    });

    it('countAhead agrees with peopleAhead (common/domain/routing.ts) on random queues', async () => {
      const s = await store().transact((tx) => seed(tx));
      const rules = { priorityStreakLimit: 3, boostAfterMinutes: 45 };
      let run = 0;
      await fc.assert(
        fc.asyncProperty(
          fc.array(
            fc.record({
              service: fc.constantFrom<'a' | 'b'>('a', 'b'),
              priority: fc.constantFrom<PriorityKind>('normal', 'normal', 'elderly', 'appointment'),
              waited: fc.integer({ min: 0, max: 90 }),
              sameTime: fc.boolean(),
              targeted: fc.boolean(),
              status: fc.constantFrom<TicketStatus>('waiting', 'waiting', 'waiting', 'called'),
            }),
            { minLength: 1, maxLength: 30 },
          ),
          async (rows) => {
            const day = `run-${run++}`; // a service day of its own per run
            const inserted = await store().transact(async (tx) => {
              const list: Ticket[] = [];
              for (const [i, r] of rows.entries()) {
                const queuedAt = r.sameTime ? NOW - 10 * MINUTE : NOW - r.waited * MINUTE;
                const draft = newTicket(s, {
                  serviceDay: day,
                  serviceId: s.services[r.service].id,
                  priority: r.priority,
                  status: r.status,
                  issuedAt: queuedAt,
                  queuedAt,
                  targetWindowId: r.targeted && i % 3 === 0 ? s.windows.two.id : null,
                });
                list.push(await tx.tickets.insert(draft));
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
                rules,
                NOW,
              );
              const counted = await store().read((tx) => tx.tickets.countAhead(t, NOW - rules.boostAfterMinutes * MINUTE));
              expect(counted).toBe(expected);
            }
          },
        ),
        { numRuns: 60 },
      );
    });
  });
}
