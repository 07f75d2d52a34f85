/**
 * `Store` itself: a transaction is atomic, transactions never interleave, a read never sees half
 * of one, and a transaction started inside another is refused instead of deadlocking.
 */
import { describe, expect, it } from 'vitest';
import { DAY, newTicket, seed, unique, useStore, type StoreEngine } from './harness.js';

/** Resolves after a few turns of the event loop: room for another engine's connection to act. */
const turns = async (n: number) => {
  for (let i = 0; i < n; i++) await new Promise((resolve) => setImmediate(resolve));
};

export function transactionsContract(engine: StoreEngine): void {
  describe('transactions', () => {
    const store = useStore(engine);

    it('resolve to what their work returns; reads too', async () => {
      const s = await store().transact((tx) => seed(tx));
      expect(await store().transact(async () => 42)).toBe(42);
      expect(await store().read(async (tx) => (await tx.halls.get(s.hall.id))?.code)).toBe(s.hall.code);
      await expect(store().ping()).resolves.toBeUndefined();
    });

    it('a throw leaves nothing written in any repository, and later transactions still work', async () => {
      const s = await store().transact((tx) => seed(tx));
      const code = unique('rolled-back');
      const error = new Error('refused');
      await expect(
        store().transact(async (tx) => {
          await tx.halls.insert({ code, name: 'x', timezone: 'Asia/Shanghai', openingHours: '', notice: '' });
          await tx.tickets.nextSeq(s.hall.id, DAY, 'Z');
          await tx.tickets.insert(newTicket(s, { number: 'Z001' }));
          await tx.events.append(s.hall.id, { type: 'hall:notice', at: 1, actorKind: 'system', actorId: null, actorName: '' });
          await tx.windows.update(s.windows.one.id, { status: 'open' });
          await tx.zones.insert({ hallId: s.hall.id, name: 'rolled back', nameEn: '', kind: 'theme', sortOrder: 0 });
          // A transaction sees its own writes, also through whatever the engine caches.
          expect((await tx.windows.list(s.hall.id)).map((w) => w.status)).toEqual(['open', 'closed']);
          expect(await tx.zones.list(s.hall.id)).toHaveLength(2);
          throw error;
        }),
      ).rejects.toBe(error);

      await store().read(async (tx) => {
        expect(await tx.halls.byCode(code)).toBeNull();
        expect(await tx.tickets.byNumber(s.hall.id, DAY, 'Z001')).toBeNull();
        expect((await tx.halls.get(s.hall.id))?.lastSeq).toBe(0);
        expect(await tx.events.since(s.hall.id, 0, 10)).toEqual([]);
        expect((await tx.windows.get(s.windows.one.id))?.status).toBe('closed');
        expect((await tx.windows.list(s.hall.id)).map((w) => w.status)).toEqual(['closed', 'closed']);
        expect((await tx.zones.list(s.hall.id)).map((z) => z.name)).toEqual([s.zone.name]);
      });
      // The counter was not advanced either: the next number is the first.
      expect(await store().transact((tx) => tx.tickets.nextSeq(s.hall.id, DAY, 'Z'))).toBe(1);
      const later = await store().transact((tx) =>
        tx.halls.insert({ code, name: 'y', timezone: 'Asia/Shanghai', openingHours: '', notice: '' }),
      );
      expect(later.name).toBe('y');
    });

    it('a failing transaction does not take the concurrent ones with it', async () => {
      const s = await store().transact((tx) => seed(tx));
      const results = await Promise.allSettled(
        ['a', 'b', 'c', 'd'].map((name) =>
          store().transact(async (tx) => {
            await tx.zones.insert({ hallId: s.hall.id, name, nameEn: '', kind: 'theme', sortOrder: 10 });
            if (name === 'b') throw new Error('refused');
          }),
        ),
      );
      expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
      const zones = await store().read((tx) => tx.zones.list(s.hall.id));
      expect(zones.map((z) => z.name)).toEqual(['社会保障服务区', 'a', 'c', 'd']);
    });

    it('a read never sees half of a concurrent transaction', async () => {
      const s = await store().transact((tx) => seed(tx));
      let firstWritten!: () => void;
      const written = new Promise<void>((resolve) => (firstWritten = resolve));
      let readsIssued!: () => void;
      const issued = new Promise<void>((resolve) => (readsIssued = resolve));
      const write = store().transact(async (tx) => {
        await tx.tickets.insert(newTicket(s, { number: 'H001' }));
        firstWritten();
        await issued;
        await turns(10);
        await tx.tickets.insert(newTicket(s, { number: 'H002' }));
      });
      await written;
      const reads = Array.from({ length: 5 }, () => store().read((tx) => tx.tickets.waiting(s.hall.id, DAY)));
      readsIssued();
      await write;
      for (const seen of await Promise.all(reads)) expect([0, 2]).toContain(seen.length);
      expect(await store().read((tx) => tx.tickets.waiting(s.hall.id, DAY))).toHaveLength(2);
    });

    it('a transaction or a read started inside a transaction is refused, not deadlocked', async () => {
      await expect(store().transact(() => store().transact(async () => 1))).rejects.toThrow(/nested/);
      await expect(store().transact(() => store().read(async () => 1))).rejects.toThrow(/nested/);
      await expect(store().read(() => store().transact(async () => 1))).rejects.toThrow(/nested/);
      expect(await store().transact(async () => 'still works')).toBe('still works');
    });

    it('concurrent transactions are serialized: no update is lost between a read and a write', async () => {
      const s = await store().transact((tx) => seed(tx));
      await Promise.all(
        Array.from({ length: 20 }, () =>
          store().transact(async (tx) => {
            const window = (await tx.windows.get(s.windows.one.id))!;
            await turns(1);
            await tx.windows.update(window.id, { priorityStreak: window.priorityStreak + 1 });
          }),
        ),
      );
      expect((await store().read((tx) => tx.windows.get(s.windows.one.id)))?.priorityStreak).toBe(20);
    });

    it('50 concurrent nextSeq give 1..50, each once (docs/design.md, invariant 2)', async () => {
      const s = await store().transact((tx) => seed(tx));
      const seqs = await Promise.all(Array.from({ length: 50 }, () => store().transact((tx) => tx.tickets.nextSeq(s.hall.id, DAY, 'A'))));
      expect([...seqs].sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    });

    it('50 concurrent events.append give consecutive sequence numbers (docs/design.md, invariant 5)', async () => {
      const s = await store().transact((tx) => seed(tx));
      await store().transact((tx) =>
        tx.events.append(s.hall.id, { type: 'hall:notice', at: 1, actorKind: 'system', actorId: null, actorName: '' }),
      );
      const records = await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          store().transact((tx) =>
            tx.events.append(s.hall.id, { type: 'hall:notice', at: 2, actorKind: 'system', actorId: null, actorName: `n${i}` }),
          ),
        ),
      );
      expect(records.map((r) => r.seq).sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i + 2));
      const stored = await store().read((tx) => tx.events.since(s.hall.id, 1, 100));
      expect(stored.map((e) => e.seq)).toEqual(Array.from({ length: 50 }, (_, i) => i + 2));
      expect((await store().read((tx) => tx.halls.get(s.hall.id)))?.lastSeq).toBe(51);
    });
  });
}
