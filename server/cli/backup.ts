/**
 * `npm run backup -- <file>`: a consistent copy of the hall database while the hall keeps
 * running (SQLite's online backup API: pages are copied from one read snapshot while writers
 * continue). Checks the copy with integrity_check before reporting success.
 *
 * Restore: stop the server, copy the backup to <DATA_DIR>/hall.db (remove hall.db-wal and
 * hall.db-shm), start the server.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import Database from 'better-sqlite3';
import { loadConfig } from '../config.js';
import { databaseFile } from '../store/sqlite/database.js';

async function main(): Promise<void> {
  const target = process.argv[2];
  if (!target) {
    console.error('usage: npm run backup -- <backup-file.db>');
    process.exit(2);
  }
  const source = databaseFile(loadConfig().dataDir);
  if (!existsSync(source)) {
    console.error(`no database at ${source} (set DATA_DIR)`);
    process.exit(2);
  }
  const file = resolve(target);
  if (existsSync(file)) {
    console.error(`${file} exists; choose a new file name`);
    process.exit(2);
  }
  const db = new Database(source, { readonly: true, fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  const started = Date.now();
  await db.backup(file);
  db.close();
  const copy = new Database(file, { readonly: true });
  const check = copy.pragma('integrity_check', { simple: true });
  const tickets = (copy.prepare('SELECT count(*) AS n FROM tickets').get() as { n: number }).n;
  copy.close();
  if (check !== 'ok') {
    console.error(`backup written to ${file} but integrity_check says: ${String(check)}`);
    process.exit(1);
  }
  console.log(`backup ok: ${file} (${tickets} tickets, ${Date.now() - started} ms)`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
