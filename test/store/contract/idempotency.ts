import { describe, expect, it } from 'vitest';
import type { IdempotencyRecord } from '../../../server/store/repositories/idempotency.js';
import { NOW, unique, useStore, withFreshStore, type StoreEngine } from './harness.js';

const record = (overrides: Partial<IdempotencyRecord> = {}): IdempotencyRecord => ({
  scope: unique('window:1'),
  key: unique('key'),
  requestHash: 'sha256-of-request',
  statusCode: 200,
  response: JSON.stringify({ ticket: { number: 'A001' } }),
  createdAt: NOW,
  ...overrides,
});

export function idempotencyContract(engine: StoreEngine): void {
  describe('idempotency', () => {
    const store = useStore(engine);

    it('put, then get by scope and key; anything else is null', async () => {
      const r = record();
      await store().transact((tx) => tx.idempotency.put(r));
      await store().read(async (tx) => {
        expect(await tx.idempotency.get(r.scope, r.key)).toEqual(r);
        expect(await tx.idempotency.get(r.scope, unique('key'))).toBeNull();
        expect(await tx.idempotency.get(unique('scope'), r.key)).toBeNull();
      });
    });

    it('a second record with the same scope and key is refused; the same key in another scope is another record', async () => {
      const r = record();
      await store().transact((tx) => tx.idempotency.put(r));
      await expect(store().transact((tx) => tx.idempotency.put({ ...r, statusCode: 409 }))).rejects.toThrow();
      const other = { ...r, scope: unique('window:2'), statusCode: 201 };
      await store().transact((tx) => tx.idempotency.put(other));
      expect(await store().read((tx) => tx.idempotency.get(r.scope, r.key))).toEqual(r);
      expect(await store().read((tx) => tx.idempotency.get(other.scope, r.key))).toEqual(other);
    });

    it('purgeBefore removes the records made before the time and says how many', async () => {
      await withFreshStore(engine, async (fresh) => {
        const old = [record({ createdAt: NOW - 2 }), record({ createdAt: NOW - 1 })];
        const kept = [record({ createdAt: NOW }), record({ createdAt: NOW + 1 })];
        await fresh.transact(async (tx) => {
          for (const r of [...old, ...kept]) await tx.idempotency.put(r);
        });
        expect(await fresh.transact((tx) => tx.idempotency.purgeBefore(NOW))).toBe(2);
        await fresh.read(async (tx) => {
          for (const r of old) expect(await tx.idempotency.get(r.scope, r.key)).toBeNull();
          for (const r of kept) expect(await tx.idempotency.get(r.scope, r.key)).toEqual(r);
        });
        expect(await fresh.transact((tx) => tx.idempotency.purgeBefore(NOW))).toBe(0);
      });
    });
  });
}
