import { describe, expect, it } from 'vitest';
import { NOW, newWindow, seed, useStore, type StoreEngine } from './harness.js';

export function windowsContract(engine: StoreEngine): void {
  describe('windows', () => {
    const store = useStore(engine);

    it('insert starts with no priority streak and, unless given, no status time; get finds it', async () => {
      const s = await store().transact((tx) => seed(tx));
      const draft = newWindow(s.hall.id, '7', { mode: 'hall', clerkId: s.clerk.id, backupClerkId: s.manager.id, printsRatingSlip: true });
      const window = await store().transact((tx) => tx.windows.insert(draft));
      expect(window).toEqual({ id: expect.any(Number), ...draft, priorityStreak: 0, statusChangedAt: null });
      expect(await store().read((tx) => tx.windows.get(window.id))).toEqual(window);
      expect(await store().read((tx) => tx.windows.get(window.id + 1000))).toBeNull();
      const timed = await store().transact((tx) => tx.windows.insert(newWindow(s.hall.id, '8', { statusChangedAt: NOW })));
      expect(timed.statusChangedAt).toBe(NOW);
    });

    it('a second window with the same number in a hall is refused', async () => {
      const s = await store().transact((tx) => seed(tx));
      await expect(store().transact((tx) => tx.windows.insert(newWindow(s.hall.id, '1')))).rejects.toThrow();
    });

    it('list is by number: "2" before "10", then non-numeric numbers alphabetically; only the hall’s', async () => {
      const [s, other] = await store().transact(async (tx) => [await seed(tx), await seed(tx)]);
      await store().transact(async (tx) => {
        for (const number of ['10', 'B', '3', 'A', '21']) await tx.windows.insert(newWindow(s.hall.id, number));
      });
      expect((await store().read((tx) => tx.windows.list(s.hall.id))).map((w) => w.number)).toEqual(['1', '2', '3', '10', '21', 'A', 'B']);
      expect(await store().read((tx) => tx.windows.list(other.hall.id))).toEqual([other.windows.one, other.windows.two]);
    });

    it('update returns the window as stored, and list follows; an empty patch returns it unchanged', async () => {
      const s = await store().transact((tx) => seed(tx));
      const updated = await store().transact((tx) =>
        tx.windows.update(s.windows.two.id, { status: 'paused', pauseReason: '午休', statusChangedAt: NOW, priorityStreak: 2 }),
      );
      const expected = { ...s.windows.two, status: 'paused', pauseReason: '午休', statusChangedAt: NOW, priorityStreak: 2 };
      expect(updated).toEqual(expected);
      expect(await store().read((tx) => tx.windows.list(s.hall.id))).toEqual([s.windows.one, expected]);
      expect(await store().transact((tx) => tx.windows.update(s.windows.two.id, {}))).toEqual(expected);
    });

    it('update of an unknown window throws', async () => {
      await expect(store().transact((tx) => tx.windows.update(987_654, { status: 'open' }))).rejects.toThrow();
    });

    it('served rows: by tier, then service; set replaces; by hall holds every window with rows', async () => {
      const s = await store().transact((tx) => seed(tx));
      const { a, b, c } = s.services;
      const rows = [
        { serviceId: c.id, tier: 1, weight: 1 },
        { serviceId: a.id, tier: 2, weight: 3 },
        { serviceId: b.id, tier: 1, weight: 2 },
      ];
      await store().transact((tx) => tx.windows.setServedRows(s.windows.one.id, rows));
      // Tier 1 (b, then c: b has the lower id), then tier 2.
      const ordered = [rows[2], rows[0], rows[1]];
      await store().read(async (tx) => {
        expect(await tx.windows.servedRows(s.windows.one.id)).toEqual(ordered);
        const byHall = await tx.windows.servedRowsByHall(s.hall.id);
        expect([...byHall.keys()].sort()).toEqual([s.windows.one.id, s.windows.two.id].sort());
        expect(byHall.get(s.windows.one.id)).toEqual(ordered);
        expect(byHall.get(s.windows.two.id)).toEqual([{ serviceId: a.id, tier: 1, weight: 1 }]);
      });

      await store().transact((tx) => tx.windows.setServedRows(s.windows.two.id, []));
      await store().read(async (tx) => {
        expect(await tx.windows.servedRows(s.windows.two.id)).toEqual([]);
        expect([...(await tx.windows.servedRowsByHall(s.hall.id)).keys()]).toEqual([s.windows.one.id]);
      });
    });

    it('served rows set in a transaction that fails are not seen afterwards', async () => {
      const s = await store().transact((tx) => seed(tx));
      const before = await store().read((tx) => tx.windows.servedRowsByHall(s.hall.id));
      await expect(
        store().transact(async (tx) => {
          await tx.windows.setServedRows(s.windows.one.id, [{ serviceId: s.services.c.id, tier: 1, weight: 1 }]);
          expect((await tx.windows.servedRowsByHall(s.hall.id)).get(s.windows.one.id)).toEqual([
            { serviceId: s.services.c.id, tier: 1, weight: 1 },
          ]);
          throw new Error('refused');
        }),
      ).rejects.toThrow('refused');
      expect(await store().read((tx) => tx.windows.servedRowsByHall(s.hall.id))).toEqual(before);
    });

    it('permitted windows of a clerk: set replaces, empty clears', async () => {
      const s = await store().transact((tx) => seed(tx));
      const sorted = (ids: number[]) => [...ids].sort((x, y) => x - y);
      expect(await store().read((tx) => tx.windows.permittedWindowIds(s.clerk.id))).toEqual([]);
      await store().transact((tx) => tx.windows.setPermittedWindowIds(s.clerk.id, [s.windows.two.id, s.windows.one.id]));
      expect(sorted(await store().read((tx) => tx.windows.permittedWindowIds(s.clerk.id)))).toEqual(
        sorted([s.windows.one.id, s.windows.two.id]),
      );
      await store().transact((tx) => tx.windows.setPermittedWindowIds(s.clerk.id, [s.windows.two.id]));
      expect(await store().read((tx) => tx.windows.permittedWindowIds(s.clerk.id))).toEqual([s.windows.two.id]);
      expect(await store().read((tx) => tx.windows.permittedWindowIds(s.manager.id))).toEqual([]);
      await store().transact((tx) => tx.windows.setPermittedWindowIds(s.clerk.id, []));
      expect(await store().read((tx) => tx.windows.permittedWindowIds(s.clerk.id))).toEqual([]);
    });
  });
}
