import { describe, expect, it } from 'vitest';
import { seed, useStore, type StoreEngine } from './harness.js';

export function servicesContract(engine: StoreEngine): void {
  describe('services', () => {
    const store = useStore(engine);

    it('insert and get keep every field, nulls and booleans included', async () => {
      const s = await store().transact((tx) => seed(tx));
      const draft = {
        hallId: s.hall.id,
        zoneId: null,
        name: '公积金提取',
        nameEn: 'Housing fund',
        prefix: 'GJ',
        dailyQuota: 120,
        openingHours: '09:00-12:00',
        expectedMinutes: 15,
        enabled: false,
        sortOrder: 9,
      };
      const service = await store().transact((tx) => tx.services.insert(draft));
      expect(service).toEqual({ id: expect.any(Number), ...draft });
      expect(await store().read((tx) => tx.services.get(service.id))).toEqual(service);
      expect(await store().read((tx) => tx.services.get(service.id + 1000))).toBeNull();
    });

    it('list is by sort order, then id, holds only the hall’s services, and follows updates', async () => {
      const [s, other] = await store().transact(async (tx) => [await seed(tx), await seed(tx)]);
      const { a, b, c } = s.services;
      expect(await store().read((tx) => tx.services.list(s.hall.id))).toEqual([a, b, c]);

      await store().transact(async (tx) => {
        await tx.services.update(c.id, { sortOrder: 0, dailyQuota: null, enabled: false });
        await tx.services.update(a.id, { sortOrder: 2 });
      });
      const list = await store().read((tx) => tx.services.list(s.hall.id));
      // c first (0); a and b share 2, a has the lower id.
      expect(list).toEqual([{ ...c, sortOrder: 0, enabled: false }, { ...a, sortOrder: 2 }, b]);
      expect(await store().read((tx) => tx.services.list(other.hall.id))).toEqual(Object.values(other.services));
    });

    it('an empty patch changes nothing', async () => {
      const s = await store().transact((tx) => seed(tx));
      await store().transact((tx) => tx.services.update(s.services.a.id, {}));
      expect(await store().read((tx) => tx.services.get(s.services.a.id))).toEqual(s.services.a);
    });
  });
}
