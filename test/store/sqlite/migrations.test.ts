/**
 * Migrations: the journal is in order and complete, the schema in server/store/sqlite/schema.ts has no
 * change without a migration, and a database built fresh equals one migrated step by step.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { afterAll, describe, expect, it } from 'vitest';
import { MIGRATIONS_FOLDER, openDatabase } from '../../../server/store/sqlite/database.js';

interface Journal {
  entries: { idx: number; when: number; tag: string }[];
}
const journal: Journal = JSON.parse(readFileSync(join(MIGRATIONS_FOLDER, 'meta/_journal.json'), 'utf8'));
const tmp = mkdtempSync(join(tmpdir(), 'hall-migrations-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function schemaOf(sqlite: Database.Database): string[] {
  return (
    sqlite
      .prepare(
        "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' AND name != '__drizzle_migrations' ORDER BY type, name",
      )
      .all() as { sql: string | null }[]
  ).map((r) => JSON.stringify({ ...r, sql: r.sql?.replace(/\s+/g, ' ') }));
}

/** A migrations folder holding only the first `count` migrations. */
function partialFolder(count: number): string {
  const dir = join(tmp, `first-${count}`);
  mkdirSync(join(dir, 'meta'), { recursive: true });
  const entries = journal.entries.slice(0, count);
  for (const e of entries) cpSync(join(MIGRATIONS_FOLDER, `${e.tag}.sql`), join(dir, `${e.tag}.sql`));
  writeFileSync(join(dir, 'meta/_journal.json'), JSON.stringify({ ...journal, entries }));
  return dir;
}

describe('migrations', () => {
  it('the journal is in order and lists exactly the SQL files', () => {
    expect(journal.entries.length).toBeGreaterThan(0);
    journal.entries.forEach((e, i) => {
      expect(e.idx).toBe(i);
      expect(e.tag.startsWith(String(i).padStart(4, '0'))).toBe(true);
      if (i > 0) expect(e.when).toBeGreaterThan(journal.entries[i - 1]!.when);
    });
    const files = readdirSync(MIGRATIONS_FOLDER)
      .filter((f) => f.endsWith('.sql'))
      .sort();
    expect(files).toEqual(journal.entries.map((e) => `${e.tag}.sql`));
  });

  it('a fresh database equals one migrated step by step', () => {
    const fresh = openDatabase(join(tmp, 'fresh.db'));
    const expected = schemaOf(fresh.sqlite);
    fresh.sqlite.close();
    for (let k = 0; k <= journal.entries.length; k++) {
      const file = join(tmp, `stepwise-${k}.db`);
      const sqlite = new Database(file);
      const db = drizzle(sqlite);
      migrate(db, { migrationsFolder: partialFolder(k) });
      migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
      expect(schemaOf(sqlite)).toEqual(expected);
      sqlite.close();
    }
  });

  it('applying the migrations twice changes nothing', () => {
    const file = join(tmp, 'twice.db');
    const first = openDatabase(file);
    const before = schemaOf(first.sqlite);
    first.sqlite.close();
    const second = openDatabase(file);
    expect(schemaOf(second.sqlite)).toEqual(before);
    second.sqlite.close();
  });

  it('schema.ts has no change that lacks a migration (drizzle-kit generates nothing)', () => {
    const out = join(tmp, 'check');
    cpSync(MIGRATIONS_FOLDER, out, { recursive: true });
    // drizzle-kit prefixes "./" to the output folder, so it must be given relative to the project.
    const result = spawnSync(
      join(process.cwd(), 'node_modules/.bin/drizzle-kit'),
      ['generate', '--dialect', 'sqlite', '--schema', './server/store/sqlite/schema.ts', '--out', relative(process.cwd(), out)],
      {
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '1' },
      },
    );
    expect(`${result.stdout}${result.stderr}`).toMatch(/No schema changes/);
    expect(readdirSync(out).filter((f) => f.endsWith('.sql'))).toHaveLength(journal.entries.length);
  }, 60_000);

  it('the database runs in WAL mode with synchronous=FULL', () => {
    const { sqlite } = openDatabase(join(tmp, 'pragmas.db'));
    expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(sqlite.pragma('synchronous', { simple: true })).toBe(2);
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    sqlite.close();
  });
});
