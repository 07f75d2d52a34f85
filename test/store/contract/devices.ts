import { describe, expect, it } from 'vitest';
import type { NewDevice } from '../../../server/store/repositories/devices.js';
import { NOW, seed, unique, useStore, type StoreEngine } from './harness.js';

const newDevice = (hallId: number, overrides: Partial<NewDevice> = {}): NewDevice => ({
  hallId,
  kind: 'board',
  name: '大厅综合屏',
  status: 'active',
  tokenHash: unique('device-token'),
  pairingCode: null,
  pairingExpiresAt: null,
  windowId: null,
  zoneId: null,
  printerId: null,
  address: null,
  settings: {},
  state: {},
  ...overrides,
});

export function devicesContract(engine: StoreEngine): void {
  describe('devices', () => {
    const store = useStore(engine);

    it('insert and get keep every field but the token hash, which never comes back', async () => {
      const s = await store().transact((tx) => seed(tx));
      const { tokenHash, ...fields } = newDevice(s.hall.id, {
        kind: 'pad',
        windowId: s.windows.one.id,
        zoneId: s.zone.id,
        settings: { language: 'en', silent: true },
        state: { online: true, voiceMissing: false },
      });
      const device = await store().transact((tx) => tx.devices.insert({ tokenHash, ...fields }));
      expect(device).toEqual({ id: expect.any(Number), ...fields, lastSeenAt: null });
      expect(device).not.toHaveProperty('tokenHash');
      await store().read(async (tx) => {
        expect(await tx.devices.get(device.id)).toEqual(device);
        expect(await tx.devices.byTokenHash(tokenHash!)).toEqual(device);
        expect(await tx.devices.byTokenHash(unique('device-token'))).toBeNull();
        expect(await tx.devices.get(device.id + 1000)).toBeNull();
      });
    });

    it('a token hash belongs to one device; devices without a token (printers) are many', async () => {
      const s = await store().transact((tx) => seed(tx));
      const tokenHash = unique('device-token');
      await store().transact((tx) => tx.devices.insert(newDevice(s.hall.id, { tokenHash })));
      await expect(store().transact((tx) => tx.devices.insert(newDevice(s.hall.id, { tokenHash })))).rejects.toThrow();
      const printer = { kind: 'printer' as const, tokenHash: null, address: '10.0.0.9:9100' };
      await store().transact(async (tx) => {
        await tx.devices.insert(newDevice(s.hall.id, printer));
        await tx.devices.insert(newDevice(s.hall.id, printer));
      });
      expect((await store().read((tx) => tx.devices.list(s.hall.id))).filter((d) => d.kind === 'printer')).toHaveLength(2);
    });

    it('byPairingCode finds a pending device of the hall only', async () => {
      const [s, other] = await store().transact(async (tx) => [await seed(tx), await seed(tx)]);
      const pending = await store().transact((tx) =>
        tx.devices.insert(newDevice(s.hall.id, { status: 'pending', pairingCode: '493021', pairingExpiresAt: NOW + 600_000 })),
      );
      await store().read(async (tx) => {
        expect(await tx.devices.byPairingCode(s.hall.id, '493021')).toEqual(pending);
        expect(await tx.devices.byPairingCode(other.hall.id, '493021')).toBeNull();
        expect(await tx.devices.byPairingCode(s.hall.id, '000000')).toBeNull();
      });
      for (const status of ['active', 'revoked'] as const) {
        await store().transact((tx) => tx.devices.update(pending.id, { status }));
        expect(await store().read((tx) => tx.devices.byPairingCode(s.hall.id, '493021'))).toBeNull();
      }
    });

    it('update changes the fields given, last seen and state included; list is the hall’s by id', async () => {
      const [s, other] = await store().transact(async (tx) => [await seed(tx), await seed(tx)]);
      const [first, second] = await store().transact(async (tx) => [
        await tx.devices.insert(newDevice(s.hall.id, { name: 'b' })),
        await tx.devices.insert(newDevice(s.hall.id, { name: 'a', kind: 'kiosk' })),
      ]);
      await store().transact(async (tx) => {
        await tx.devices.insert(newDevice(other.hall.id));
        await tx.devices.update(second.id, { lastSeenAt: NOW, state: { paper: 'near_end' }, printerId: 5, name: '取号机' });
        await tx.devices.update(first.id, {});
      });
      expect(await store().read((tx) => tx.devices.list(s.hall.id))).toEqual([
        first,
        { ...second, lastSeenAt: NOW, state: { paper: 'near_end' }, printerId: 5, name: '取号机' },
      ]);
    });
  });
}
