/**
 * The SQLite store's group commit: concurrent transactions share a COMMIT, yet each stays atomic
 * on its own, and nothing is acknowledged that did not reach the disk.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SqliteStore } from '../../../server/store/sqlite/store.js';

let dir: string;
let store: SqliteStore;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hall-gc-'));
  store = SqliteStore.open(join(dir, 'h.db'));
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const hall = (code: string) => ({ code, name: code, timezone: 'Asia/Shanghai', openingHours: '', notice: '' });
const codes = () => (store.sqlite.prepare('SELECT code FROM halls ORDER BY id').all() as { code: string }[]).map((r) => r.code);

describe('group commit', () => {
  it('a failing transaction rolls back alone; the others in its batch commit', async () => {
    const results = await Promise.allSettled([
      store.transact((tx) => tx.halls.insert(hall('a'))),
      store.transact(async (tx) => {
        await tx.halls.insert(hall('b'));
        throw new Error('refused');
      }),
      store.transact((tx) => tx.halls.insert(hall('c'))),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(codes()).toEqual(['a', 'c']);
  });

  it('when the shared COMMIT fails, every transaction in it fails and nothing is written', async () => {
    const results = await Promise.allSettled([
      store.transact((tx) => tx.halls.insert(hall('x'))),
      store.transact(async (tx) => {
        // A deferred foreign-key violation is only detected at COMMIT.
        store.sqlite.exec('PRAGMA defer_foreign_keys = ON');
        await tx.zones.insert({ hallId: 9999, name: 'orphan', nameEn: '', kind: 'theme', sortOrder: 0 });
      }),
      store.transact((tx) => tx.halls.insert(hall('y'))),
    ]);
    expect(results.every((r) => r.status === 'rejected')).toBe(true);
    expect(codes()).toEqual([]);
    // The store keeps working afterwards.
    await store.transact((tx) => tx.halls.insert(hall('z')));
    expect(codes()).toEqual(['z']);
  });

  it('a read queued between writes sees the first write committed and not the later one', async () => {
    const order: string[] = [];
    const w1 = store.transact((tx) => tx.halls.insert(hall('first')));
    const r = store.read(async (tx) => {
      order.push('read');
      return (await tx.halls.list()).map((h) => h.code);
    });
    const w2 = store.transact((tx) => tx.halls.insert(hall('second')));
    expect(await r).toEqual(['first']);
    await Promise.all([w1, w2]);
    expect(codes()).toEqual(['first', 'second']);
  });

  it('refuses a transaction started inside another instead of deadlocking', async () => {
    await expect(store.transact(() => store.transact(async () => 1))).rejects.toThrow(/nested/);
  });
});
