import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../common/domain/settings.js';
import { unique, useStore, withFreshStore, type StoreEngine } from './harness.js';

const newHall = (code: string) => ({ code, name: `大厅${code}`, timezone: 'Asia/Shanghai', openingHours: '08:30-17:30', notice: '' });

export function hallsContract(engine: StoreEngine): void {
  describe('halls', () => {
    const store = useStore(engine);

    it('insert gives an id, the default settings and sequence 0; get and byCode find it, unknown ones are null', async () => {
      const code = unique('h');
      const hall = await store().transact((tx) => tx.halls.insert(newHall(code)));
      expect(hall).toEqual({
        id: expect.any(Number),
        ...newHall(code),
        settings: DEFAULT_SETTINGS,
        lastSeq: 0,
        regionCode: null,
        orgCode: null,
      });
      await store().read(async (tx) => {
        expect(await tx.halls.get(hall.id)).toEqual(hall);
        expect(await tx.halls.byCode(code)).toEqual(hall);
        expect(await tx.halls.get(hall.id + 1000)).toBeNull();
        expect(await tx.halls.byCode(unique('none'))).toBeNull();
        expect(await tx.halls.storedSettings(hall.id)).toEqual({});
      });
    });

    it('a second hall with the same code is refused', async () => {
      const code = unique('h');
      await store().transact((tx) => tx.halls.insert(newHall(code)));
      await expect(store().transact((tx) => tx.halls.insert(newHall(code)))).rejects.toThrow();
    });

    it('stores only the settings the hall changed, and resolves them over the defaults', async () => {
      const hall = await store().transact((tx) =>
        tx.halls.insert({ ...newHall(unique('h')), settings: { fairness: { boostAfterMinutes: 30 } } }),
      );
      expect(hall.settings.fairness).toEqual({ ...DEFAULT_SETTINGS.fairness, boostAfterMinutes: 30 });
      expect(hall.settings.voice).toEqual(DEFAULT_SETTINGS.voice);
      expect(await store().read((tx) => tx.halls.storedSettings(hall.id))).toEqual({ fairness: { boostAfterMinutes: 30 } });

      // `settings` in a patch replaces what was stored.
      await store().transact((tx) => tx.halls.update(hall.id, { settings: { voice: { repeat: 1 } } }));
      await store().read(async (tx) => {
        expect(await tx.halls.storedSettings(hall.id)).toEqual({ voice: { repeat: 1 } });
        const read = (await tx.halls.get(hall.id))!;
        expect(read.settings.voice.repeat).toBe(1);
        expect(read.settings.fairness).toEqual(DEFAULT_SETTINGS.fairness);
      });
    });

    it('update changes only the fields given; an empty patch changes nothing', async () => {
      const hall = await store().transact((tx) => tx.halls.insert(newHall(unique('h'))));
      await store().transact(async (tx) => {
        await tx.halls.update(hall.id, { notice: '今日系统升级', name: '新名字' });
        await tx.halls.update(hall.id, {});
      });
      expect(await store().read((tx) => tx.halls.get(hall.id))).toEqual({ ...hall, notice: '今日系统升级', name: '新名字' });
      await store().transact((tx) => tx.halls.update(hall.id, { regionCode: '410822000000', orgCode: '11410822MB1527296H' }));
      expect(await store().read((tx) => tx.halls.get(hall.id))).toMatchObject({
        regionCode: '410822000000',
        orgCode: '11410822MB1527296H',
        name: '新名字',
      });
    });

    it('list gives every hall by id', async () => {
      await withFreshStore(engine, async (fresh) => {
        const inserted = await fresh.transact(async (tx) => [
          await tx.halls.insert(newHall('b')),
          await tx.halls.insert(newHall('a')),
          await tx.halls.insert(newHall('c')),
        ]);
        expect(await fresh.read((tx) => tx.halls.list())).toEqual(inserted);
      });
    });
  });
}
