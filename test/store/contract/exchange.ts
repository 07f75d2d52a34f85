import { describe, expect, it } from 'vitest';
import { NOW, seed, unique, useStore, type StoreEngine } from './harness.js';

export function exchangeContract(engine: StoreEngine): void {
  describe('exchange (endpoint and API keys)', () => {
    const store = useStore(engine);

    it('a hall has no endpoint until one is set; setting keeps what the patch leaves out', async () => {
      const s = await store().transact((tx) => seed(tx));
      expect(await store().read((tx) => tx.exchange.endpoint(s.hall.id))).toBeNull();
      const first = await store().transact((tx) =>
        tx.exchange.setEndpoint(s.hall.id, { endpoint: 'https://hcp.example.gov.cn/api', secret: 'k'.repeat(20) }, NOW),
      );
      expect(first).toEqual({ hallId: s.hall.id, endpoint: 'https://hcp.example.gov.cn/api', secret: 'k'.repeat(20), updatedAt: NOW });
      await store().transact((tx) => tx.exchange.setEndpoint(s.hall.id, { endpoint: 'http://10.0.0.9/hcp' }, NOW + 1));
      expect(await store().read((tx) => tx.exchange.endpoint(s.hall.id))).toEqual({
        hallId: s.hall.id,
        endpoint: 'http://10.0.0.9/hcp',
        secret: 'k'.repeat(20),
        updatedAt: NOW + 1,
      });
      await store().transact((tx) => tx.exchange.setEndpoint(s.hall.id, { endpoint: null }, NOW + 2));
      expect((await store().read((tx) => tx.exchange.endpoint(s.hall.id)))?.endpoint).toBeNull();
    });

    it('keys: the hash never comes back; found by hash while active; revoked ones are listed but not found', async () => {
      const s = await store().transact((tx) => seed(tx));
      const hash = unique('hash');
      const key = await store().transact((tx) =>
        tx.exchange.insertKey({
          hallId: s.hall.id,
          name: '一窗受理平台',
          keyHash: hash,
          keyPrefix: 'hqk_ab12',
          createdAt: NOW,
          createdBy: s.manager.id,
        }),
      );
      expect(key).toEqual({
        id: expect.any(Number),
        hallId: s.hall.id,
        name: '一窗受理平台',
        keyPrefix: 'hqk_ab12',
        createdAt: NOW,
        createdBy: s.manager.id,
        revokedAt: null,
        lastUsedAt: null,
      });
      expect(key).not.toHaveProperty('keyHash');
      expect(await store().read((tx) => tx.exchange.keyByHash(hash))).toEqual(key);
      await expect(
        store().transact((tx) =>
          tx.exchange.insertKey({
            hallId: s.hall.id,
            name: 'again',
            keyHash: hash,
            keyPrefix: 'hqk_ab12',
            createdAt: NOW,
            createdBy: null,
          }),
        ),
      ).rejects.toThrow();
      await store().transact((tx) => tx.exchange.touchKey(key.id, NOW + 5));
      expect((await store().read((tx) => tx.exchange.keyByHash(hash)))?.lastUsedAt).toBe(NOW + 5);
      const second = await store().transact((tx) =>
        tx.exchange.insertKey({
          hallId: s.hall.id,
          name: '备用',
          keyHash: unique('hash'),
          keyPrefix: 'hqk_cd34',
          createdAt: NOW + 1,
          createdBy: null,
        }),
      );
      await store().transact((tx) => tx.exchange.revokeKey(key.id, NOW + 10));
      await store().transact((tx) => tx.exchange.revokeKey(key.id, NOW + 20));
      expect(await store().read((tx) => tx.exchange.keyByHash(hash))).toBeNull();
      const keys = await store().read((tx) => tx.exchange.keys(s.hall.id));
      expect(keys.map((k) => [k.id, k.revokedAt])).toEqual([
        [second.id, null],
        [key.id, NOW + 10],
      ]);
    });
  });
}
