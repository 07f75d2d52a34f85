import { describe, expect, it } from 'vitest';
import type { Session } from '../../../server/store/repositories/sessions.js';
import { NOW, seed, unique, useStore, withFreshStore, type Seeded, type StoreEngine } from './harness.js';

const session = (userId: number, overrides: Partial<Session> = {}): Session => ({
  tokenHash: unique('token'),
  userId,
  csrfToken: unique('csrf'),
  createdAt: NOW,
  expiresAt: NOW + 8 * 3_600_000,
  ...overrides,
});

export function sessionsContract(engine: StoreEngine): void {
  describe('sessions', () => {
    const store = useStore(engine);

    it('insert, get by token hash, extend, remove', async () => {
      const s = await store().transact((tx) => seed(tx));
      const x = session(s.clerk.id);
      await store().transact((tx) => tx.sessions.insert(x));
      expect(await store().read((tx) => tx.sessions.get(x.tokenHash))).toEqual(x);
      expect(await store().read((tx) => tx.sessions.get(unique('token')))).toBeNull();
      await store().transact((tx) => tx.sessions.extend(x.tokenHash, NOW + 9 * 3_600_000));
      expect(await store().read((tx) => tx.sessions.get(x.tokenHash))).toEqual({ ...x, expiresAt: NOW + 9 * 3_600_000 });
      await store().transact((tx) => tx.sessions.remove(x.tokenHash));
      expect(await store().read((tx) => tx.sessions.get(x.tokenHash))).toBeNull();
    });

    it('removeForUser removes that user’s sessions only', async () => {
      const s: Seeded = await store().transact((tx) => seed(tx));
      const mine = [session(s.clerk.id), session(s.clerk.id)];
      const theirs = session(s.manager.id);
      await store().transact(async (tx) => {
        for (const x of [...mine, theirs]) await tx.sessions.insert(x);
        await tx.sessions.removeForUser(s.clerk.id);
      });
      await store().read(async (tx) => {
        for (const x of mine) expect(await tx.sessions.get(x.tokenHash)).toBeNull();
        expect(await tx.sessions.get(theirs.tokenHash)).toEqual(theirs);
      });
    });

    it('purgeExpired removes the sessions that expired before now and says how many', async () => {
      await withFreshStore(engine, async (fresh) => {
        const s = await fresh.transact((tx) => seed(tx));
        const expired = [session(s.clerk.id, { expiresAt: NOW - 1 }), session(s.manager.id, { expiresAt: NOW - 1000 })];
        const live = [session(s.clerk.id, { expiresAt: NOW }), session(s.clerk.id, { expiresAt: NOW + 1 })];
        await fresh.transact(async (tx) => {
          for (const x of [...expired, ...live]) await tx.sessions.insert(x);
        });
        expect(await fresh.transact((tx) => tx.sessions.purgeExpired(NOW))).toBe(2);
        await fresh.read(async (tx) => {
          for (const x of expired) expect(await tx.sessions.get(x.tokenHash)).toBeNull();
          for (const x of live) expect(await tx.sessions.get(x.tokenHash)).toEqual(x);
        });
      });
    });
  });
}
