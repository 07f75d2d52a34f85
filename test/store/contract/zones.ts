import { describe, expect, it } from 'vitest';
import { seed, useStore, type StoreEngine } from './harness.js';

export function zonesContract(engine: StoreEngine): void {
  describe('zones', () => {
    const store = useStore(engine);

    it('insert, get, update and remove; list follows each change', async () => {
      const s = await store().transact((tx) => seed(tx));
      const zone = await store().transact((tx) =>
        tx.zones.insert({ hallId: s.hall.id, name: '不动产服务区', nameEn: 'Real estate', kind: 'professional', sortOrder: 5 }),
      );
      expect(zone).toEqual({
        id: expect.any(Number),
        hallId: s.hall.id,
        name: '不动产服务区',
        nameEn: 'Real estate',
        kind: 'professional',
        sortOrder: 5,
      });
      expect(await store().read((tx) => tx.zones.get(zone.id))).toEqual(zone);
      expect(await store().read((tx) => tx.zones.list(s.hall.id))).toEqual([s.zone, zone]);

      await store().transact((tx) => tx.zones.update(zone.id, { nameEn: 'Property', sortOrder: 0 }));
      const updated = { ...zone, nameEn: 'Property', sortOrder: 0 };
      expect(await store().read((tx) => tx.zones.get(zone.id))).toEqual(updated);
      expect(await store().read((tx) => tx.zones.list(s.hall.id))).toEqual([updated, s.zone]);

      await store().transact((tx) => tx.zones.remove(zone.id));
      expect(await store().read((tx) => tx.zones.get(zone.id))).toBeNull();
      expect(await store().read((tx) => tx.zones.list(s.hall.id))).toEqual([s.zone]);
    });

    it('list is by sort order, then id, and holds only the hall’s zones', async () => {
      const [s, other] = await store().transact(async (tx) => [await seed(tx), await seed(tx)]);
      const zones = await store().transact(async (tx) => {
        const add = (name: string, sortOrder: number) => tx.zones.insert({ hallId: s.hall.id, name, nameEn: '', kind: 'theme', sortOrder });
        return { z3: await add('z3', 3), z0: await add('z0', 0), z1a: await add('z1a', 1), z1b: await add('z1b', 1) };
      });
      // The seeded zone has sort order 1 and the lowest id of the sort-order-1 zones.
      expect(await store().read((tx) => tx.zones.list(s.hall.id))).toEqual([zones.z0, s.zone, zones.z1a, zones.z1b, zones.z3]);
      expect(await store().read((tx) => tx.zones.list(other.hall.id))).toEqual([other.zone]);
    });

    it('a second zone with the same name in a hall is refused; another hall may use it', async () => {
      const [s, other] = await store().transact(async (tx) => [await seed(tx), await seed(tx)]);
      const zone = { name: s.zone.name, nameEn: '', kind: 'theme', sortOrder: 0 };
      await expect(store().transact((tx) => tx.zones.insert({ hallId: s.hall.id, ...zone }))).rejects.toThrow();
      // Both seeded halls have a zone of that name.
      expect(other.zone.name).toBe(s.zone.name);
    });

    it('what a caller does to a listed array does not change the next list', async () => {
      const s = await store().transact((tx) => seed(tx));
      const first = await store().read((tx) => tx.zones.list(s.hall.id));
      first.pop();
      expect(await store().read((tx) => tx.zones.list(s.hall.id))).toEqual([s.zone]);
    });
  });
}
