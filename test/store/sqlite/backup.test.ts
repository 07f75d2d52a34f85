/**
 * SqliteStore.backup (SQLite's online backup API, not part of the engine-neutral Store): the copy
 * is consistent while transactions keep coming, and opens as a store of its own.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SqliteStore } from '../../../server/store/sqlite/store.js';

let dir: string;
let store: SqliteStore;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hall-store-backup-'));
  store = SqliteStore.open(join(dir, 'h.db'));
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const hall = (code: string) => ({ code, name: code, timezone: 'Asia/Shanghai', openingHours: '', notice: '' });

describe('SqliteStore.backup', () => {
  it('copies what was committed before it, while writers continue', async () => {
    for (const code of ['a', 'b', 'c']) await store.transact((tx) => tx.halls.insert(hall(code)));
    const writes = Array.from({ length: 20 }, (_, i) => store.transact((tx) => tx.halls.insert(hall(`w${i}`))));
    const file = join(dir, 'copy.db');
    await store.backup(file);
    await Promise.all(writes);

    const copy = SqliteStore.open(file);
    try {
      const codes = (await copy.read((tx) => tx.halls.list())).map((h) => h.code);
      expect(codes.slice(0, 3)).toEqual(['a', 'b', 'c']);
      // Whatever part of the concurrent writes made it in, it is a prefix of them: never half a change.
      expect(codes.slice(3)).toEqual(Array.from({ length: codes.length - 3 }, (_, i) => `w${i}`));
      expect(copy.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      await copy.close();
    }
  });
});
