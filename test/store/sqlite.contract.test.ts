/**
 * The store contract (test/store/contract/) against the SQLite store, each store on a file of its
 * own so WAL and synchronous=FULL apply as in the hall.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteStore } from '../../server/store/sqlite/store.js';
import { describeStoreContract } from './contract/index.js';

describeStoreContract({
  name: 'SQLite',
  async open() {
    const dir = mkdtempSync(join(tmpdir(), 'hall-contract-'));
    const store = SqliteStore.open(join(dir, 'hall.db'));
    return {
      store,
      async close() {
        await store.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  },
});
