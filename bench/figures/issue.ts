/**
 * Ticket issue through HTTP at 50 connections, next to its bare ceilings: the same issue
 * transaction in bare better-sqlite3 and in a minimal Fastify route, and a trivial route; plus
 * the idle server's memory.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_TOKENS } from '../../server/demo/seed.js';
import { openDatabase } from '../../server/store/sqlite/database.js';
import { startHallServer } from '../lib/hall-server.js';
import { benchIssue } from '../lib/issue-tx.js';
import { load, rssMiB, sleep, startChild, stop } from '../lib/measure.js';
import { fmt, type Figure } from '../lib/report.js';

/** When the idle server's memory is read: after V8's memory reducer has run. */
const IDLE_AFTER_MS = 45_000;

export async function issueFigures(log: (s: string) => void): Promise<Figure[]> {
  const figures: Figure[] = [];
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
  //    demo hall's 21 services.
  const server = await startHallServer();
  await sleep(2000);
  const startup = rssMiB(server.child.pid!);
  // Idle: V8's memory reducer hands back the start-up garbage after about 30 s without work;
  // a hall server spends its nights and quiet hours like that.
  await sleep(IDLE_AFTER_MS - 2000);
  const idle = rssMiB(server.child.pid!);
  log(`hall server RSS: ${fmt(startup)} MiB 2 s after start, ${fmt(idle)} MiB after ${IDLE_AFTER_MS / 1000} s idle`);
  const full = await load({
    url: `${server.url}/api/halls/1/tickets`,
    headers: { authorization: `Bearer ${DEMO_TOKENS.kiosk}` },
    bodies: server.serviceIds.map((serviceId) => JSON.stringify({ serviceId })),
  });
  await server.close();
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
      how: `/proc/<pid>/status VmRSS of the built server (started with the flags of npm start), demo hall, no clients, ${IDLE_AFTER_MS / 1000} s after start; 2 s after start (start-up peak, before the memory reducer) it was ${fmt(startup)} MiB`,
    },
  );
  return figures;
}
