/**
 * `npm run bench`: one command, one report. Every figure is measured in this run next to its bare
 * ceiling, on this machine, and written to bench/results/latest.{json,md}.
 *
 * Not a test: numbers vary with the machine. The targets are printed beside them.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_TOKENS, seedDemoHall } from '../server/demo/seed.js';
import { databaseFile, openDatabase } from '../server/store/database.js';
import { SqliteStore } from '../server/store/sqlite-store.js';
import { benchIssue } from './lib/issue-tx.js';
import { load, rssMiB, sleep, startChild, stop } from './lib/measure.js';

interface Figure {
  figure: string;
  value: string;
  ceiling: string;
  ratio: string;
  target: string;
  ok: boolean | null;
  how: string;
}
const figures: Figure[] = [];
const log = (s: string) => process.stdout.write(`${s}\n`);
const fmt = (n: number, digits = 1) => (Math.round(n * 10 ** digits) / 10 ** digits).toLocaleString('en-US');

async function issueFigures(): Promise<void> {
  // 1. The bare transaction in better-sqlite3, no HTTP.
  const dir = mkdtempSync(join(tmpdir(), 'bench-sqlite-'));
  const { sqlite } = openDatabase(join(dir, 'b.db'));
  sqlite.prepare("INSERT INTO halls (code, name, created_at) VALUES ('b', 'bench', 0)").run();
  sqlite.prepare("INSERT INTO services (hall_id, name, prefix) VALUES (1, 'bench', 'T')").run();
  const issue = benchIssue(sqlite);
  const start = performance.now();
  let n = 0;
  while (n < 20_000 && performance.now() - start < 4000) {
    issue();
    n++;
  }
  const txPerSecond = n / ((performance.now() - start) / 1000);
  sqlite.close();
  rmSync(dir, { recursive: true, force: true });
  log(`bare better-sqlite3 issue transaction: ${fmt(txPerSecond, 0)} tx/s`);

  // 2. Trivial Fastify route, 3. the same transaction in a minimal Fastify route.
  const trivial = await startChild('bench/servers/bare.ts', ['trivial'], {}, /listening (\S+)/);
  const trivialLoad = await load({ url: `${trivial.url}/issue` });
  await stop(trivial.child);
  log(`trivial Fastify route: ${fmt(trivialLoad.requestsPerSecond, 0)} req/s`);
  const bare = await startChild('bench/servers/bare.ts', ['sqlite'], {}, /listening (\S+)/);
  const bareLoad = await load({ url: `${bare.url}/issue` });
  await stop(bare.child);
  log(`bare Fastify + SQLite issue: ${fmt(bareLoad.requestsPerSecond, 0)} req/s, p99 ${bareLoad.p99} ms`);

  // 4. The real server, the kiosk's issue route, 50 connections, a morning rush spread over the
  //    demo hall's 21 services (quotas lifted so the run measures speed, not the 号源 limit).
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-hall-'));
  const store = SqliteStore.open(databaseFile(dataDir));
  await seedDemoHall(store, { timezone: 'Asia/Shanghai', virtualPrinterAddress: null });
  const serviceIds = await store.transact(async (tx) => {
    const list = await tx.services.list(1);
    for (const s of list) await tx.services.update(s.id, { dailyQuota: null });
    return list.map((s) => s.id);
  });
  await store.close();
  const server = await startChild('dist/server/main.js', [], { DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', VIRTUAL_PRINTER_PORT: '0' }, /API and screens:\s+(\S+)/);
  await sleep(2000);
  const idle = rssMiB(server.child.pid!);
  const full = await load({
    url: `${server.url}/api/halls/1/tickets`,
    headers: { authorization: `Bearer ${DEMO_TOKENS.kiosk}` },
    bodies: serviceIds.map((serviceId) => JSON.stringify({ serviceId })),
  });
  await stop(server.child);
  rmSync(dataDir, { recursive: true, force: true });
  log(`hall server issue: ${fmt(full.requestsPerSecond, 0)} req/s, p50 ${full.p50} ms, p99 ${full.p99} ms, non-2xx ${full.non2xx}`);

  const ratio = full.requestsPerSecond / bareLoad.requestsPerSecond;
  figures.push(
    {
      figure: 'Ticket issue, HTTP, 50 connections',
      value: `${fmt(full.requestsPerSecond, 0)} req/s`,
      ceiling: `${fmt(bareLoad.requestsPerSecond, 0)} req/s (bare Fastify + same SQLite tx)`,
      ratio: `${fmt(ratio * 100, 0)} %`,
      target: '≥ 60 %',
      ok: ratio >= 0.6 && full.non2xx === 0,
      how: 'autocannon, 50 connections, 6 s, POST /api/halls/1/tickets as the demo kiosk, rotating over the 21 demo services; ceiling: bench/servers/bare.ts sqlite (one service)',
    },
    {
      figure: 'Ticket issue latency p50 / p99',
      value: `${full.p50} / ${full.p99} ms`,
      ceiling: `${bareLoad.p50} / ${bareLoad.p99} ms`,
      ratio: `${fmt(full.p99 / Math.max(1, bareLoad.p99))} ×`,
      target: 'p99 < 25 ms',
      ok: full.p99 < 25,
      how: 'same run as above',
    },
    {
      figure: 'Bare ceilings',
      value: `${fmt(txPerSecond, 0)} tx/s in better-sqlite3`,
      ceiling: `${fmt(trivialLoad.requestsPerSecond, 0)} req/s trivial Fastify route`,
      ratio: '',
      target: '',
      ok: null,
      how: 'the issue transaction in a loop (synchronous=FULL); a route answering {ok:true}',
    },
    {
      figure: 'Idle server memory (RSS)',
      value: `${fmt(idle)} MiB`,
      ceiling: '',
      ratio: '',
      target: '< 100 MiB',
      ok: idle < 100,
      how: '/proc/<pid>/status VmRSS of the built server (node --max-semi-space-size=4 dist/server/main.js, as npm start runs it) 2 s after start, demo hall, no clients',
    },
  );
}

function report(): void {
  const header = '| Figure | Measured | Bare ceiling (same run) | Ratio | Target | |\n|---|---|---|---|---|---|';
  const rows = figures.map((f) => `| ${f.figure} | ${f.value} | ${f.ceiling} | ${f.ratio} | ${f.target} | ${f.ok === null ? '' : f.ok ? 'met' : 'MISSED'} |`);
  const notes = figures.map((f) => `- **${f.figure}**: ${f.how}`);
  const md = [`Benchmark run ${new Date().toISOString()} on ${process.platform} ${process.arch}, Node ${process.version}.`, '', header, ...rows, '', 'How each figure was measured:', ...notes, ''].join('\n');
  const dir = join(import.meta.dirname, 'results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'latest.md'), md);
  writeFileSync(join(dir, 'latest.json'), JSON.stringify({ at: new Date().toISOString(), node: process.version, figures }, null, 2));
  log(`\n${md}`);
}

await issueFigures();
report();
