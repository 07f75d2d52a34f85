/**
 * Opens the embedded SQLite database and brings its schema up to date.
 *
 * Durability (docs/design.md, invariant 4): WAL journal with synchronous=FULL, so a transaction that
 * returned has reached the disk; a ticket a kiosk was told about survives a power cut.
 */
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { projectRoot } from '../../root.js';
import * as schema from './schema.js';

export type Db = BetterSQLite3Database<typeof schema>;

export const MIGRATIONS_FOLDER = join(projectRoot(), 'migrations');

export interface OpenedDatabase {
  sqlite: Database.Database;
  db: Db;
}

/** `file` is a path, or ':memory:' for tests. */
export function openDatabase(file: string, options: { migrate?: boolean } = {}): OpenedDatabase {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  // Another process (a backup, a second server by mistake) holding the lock: wait, then fail clearly.
  sqlite.pragma('busy_timeout = 2000');
  const db = drizzle(sqlite, { schema });
  if (options.migrate !== false) migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
  return { sqlite, db };
}

export const databaseFile = (dataDir: string): string => join(dataDir, 'hall.db');
