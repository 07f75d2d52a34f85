/**
 * Bare ceilings for the benchmark, in a process of their own:
 *   trivial: a Fastify route that answers {ok:true}
 *   sqlite:  a Fastify route running the minimal ticket-issue transaction (quota count, counter,
 *            ticket insert, event append) on better-sqlite3 with WAL and synchronous=FULL
 * Prints "listening <url>" when ready.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { openDatabase } from '../../server/store/sqlite/database.js';
import { benchIssue } from '../lib/issue-tx.js';

const mode = process.argv[2] ?? 'trivial';
const app = Fastify({ logger: false });

if (mode === 'sqlite') {
  const { sqlite } = openDatabase(join(mkdtempSync(join(tmpdir(), 'bench-bare-')), 'bare.db'));
  sqlite.prepare("INSERT INTO halls (code, name, created_at) VALUES ('b', 'bench', 0)").run();
  sqlite.prepare("INSERT INTO services (hall_id, name, prefix) VALUES (1, 'bench', 'T')").run();
  const issue = benchIssue(sqlite);
  app.post('/issue', async () => issue());
} else {
  app.post('/issue', async () => ({ ok: true }));
}

const url = await app.listen({ port: 0, host: '127.0.0.1' });
console.log(`listening ${url}`);
