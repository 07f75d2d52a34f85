/**
 * Statistics and the audit log on a year of data: a county hall's 261 working days of 4,000
 * tickets (1.04 million tickets, 60 % of the served ones rated, three events per ticket and a
 * few dozen manager actions a day), written straight into SQLite, then the manager console's
 * reports timed as the API runs them (StatsService.report, the .xlsx export, the audit query).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedDemoHall } from '../../server/demo/seed.js';
import { addDays, isWorkingDay } from '../../common/domain/calendar.js';
import { DEFAULT_SETTINGS } from '../../common/domain/settings.js';
import { localMidnight } from '../../common/domain/stats.js';
import type { Actor } from '../../common/domain/types.js';
import { auditPage, AUDIT_SLICE } from '../../server/services/audit-service.js';
import { StatsService } from '../../server/services/stats-service.js';
import { SqliteStore } from '../../server/store/sqlite/store.js';
import { fmt, type Figure } from '../lib/report.js';
import { seededRandom as rng } from '../lib/random.js';

const LAST_DAY = '2026-11-23';
const TICKETS_PER_DAY = 4000;
const MANAGER_EVENTS_PER_DAY = 40;
/** Each report is run this many times; the median is reported. */
const RUNS = 5;

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b)[Math.floor(RUNS / 2)]!;
}

export async function statsFigures(log: (s: string) => void): Promise<Figure[]> {
  const random = rng(20261123);
  const dir = mkdtempSync(join(tmpdir(), 'bench-stats-'));
  const store = SqliteStore.open(join(dir, 'year.db'));
  const now = Date.parse(`${LAST_DAY}T18:00:00+08:00`);
  const { hallId } = await seedDemoHall(store, { timezone: 'Asia/Shanghai', virtualPrinterAddress: null, now });
  const stats = new StatsService(store);
  const services = await store.read((tx) => tx.services.list(hallId));
  const windows = await store.read((tx) => tx.windows.list(hallId));
  const managerId = (await store.read((tx) => tx.users.byUsername('manager')))!.id;
  const admin: Actor = { kind: 'user', id: managerId, name: '孙主任', role: 'manager', hallId };

  // A year of working days, oldest first.
  const days: string[] = [];
  for (let d = addDays(LAST_DAY, -364); d <= LAST_DAY; d = addDays(d, 1)) if (isWorkingDay(d, DEFAULT_SETTINGS.calendar)) days.push(d);

  log(`writing ${days.length} days × ${TICKETS_PER_DAY} tickets…`);
  const t0 = performance.now();
  const db = store.sqlite;
  const insertTicket = db.prepare(
    `INSERT INTO tickets (hall_id, service_day, prefix, seq, number, public_code, service_id, original_service_id, priority, source, status, issued_at, queued_at, window_id, clerk_id, called_at, first_called_at, serving_at, finished_at, no_show_at, cancelled_at, rating_status, transfers)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'normal', 'kiosk', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '[]')`,
  );
  const insertRating = db.prepare(
    `INSERT INTO ratings (hall_id, ticket_id, service_id, window_id, clerk_id, level, reasons, comment, channel, excluded, created_at) VALUES (?, ?, ?, ?, ?, ?, '[]', '', 'pad', 0, ?)`,
  );
  const insertEvent = db.prepare(
    `INSERT INTO events (hall_id, seq, type, at, actor_kind, actor_id, actor_name, ticket_id, window_id, reason, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  let seq = 1_000;
  let tickets = 0;
  const write = db.transaction((day: string) => {
    const midnight = localMidnight(day, 'Asia/Shanghai');
    const counters = new Map<string, number>();
    for (let i = 0; i < TICKETS_PER_DAY; i++) {
      const service = services[Math.floor(random() * services.length)]!;
      const window = windows[Math.floor(random() * windows.length)]!;
      const n = (counters.get(service.prefix) ?? 0) + 1;
      counters.set(service.prefix, n);
      const issued = midnight + (8.5 + random() * 8.5) * 3600_000;
      const called = issued + random() * 50 * 60_000;
      const serving = called + 60_000;
      const finished = serving + (2 + random() * 25) * 60_000;
      const r = random();
      const status = r < 0.9 ? 'done' : r < 0.95 ? 'no_show' : 'cancelled';
      const wasCalled = status !== 'cancelled';
      const info = insertTicket.run(
        hallId,
        day,
        service.prefix,
        n,
        `${service.prefix}${String(n).padStart(3, '0')}`,
        `bench${tickets}x${day}`,
        service.id,
        service.id,
        status,
        issued,
        issued,
        wasCalled ? window.id : null,
        wasCalled ? window.clerkId : null,
        wasCalled ? called : null,
        wasCalled ? called : null,
        status === 'done' ? serving : null,
        status === 'done' ? finished : null,
        status === 'no_show' ? called + 120_000 : null,
        status === 'cancelled' ? issued + 600_000 : null,
        status === 'done' ? 'rated' : null,
      );
      const id = Number(info.lastInsertRowid);
      tickets++;
      insertEvent.run(hallId, seq++, 'ticket:issued', issued, 'device', 1, 'kiosk', id, null, null, '{}');
      if (wasCalled)
        insertEvent.run(
          hallId,
          seq++,
          'ticket:called',
          called,
          'user',
          window.clerkId,
          'clerk',
          id,
          window.id,
          random() < 0.03 ? 'priority' : null,
          '{}',
        );
      if (status === 'done') {
        insertEvent.run(hallId, seq++, 'ticket:finished', finished, 'user', window.clerkId, 'clerk', id, window.id, null, '{}');
        if (random() < 0.6)
          insertRating.run(
            hallId,
            id,
            service.id,
            window.id,
            window.clerkId,
            random() < 0.97 ? 5 - Math.floor(random() * 3) : 1 + Math.floor(random() * 2),
            finished + 20_000,
          );
      }
    }
    for (let i = 0; i < MANAGER_EVENTS_PER_DAY; i++) {
      insertEvent.run(
        hallId,
        seq++,
        'window:status',
        midnight + (9 + i * 0.2) * 3600_000,
        'user',
        managerId,
        '孙主任',
        null,
        windows[i % windows.length]!.id,
        `调整 ${day}`,
        '{}',
      );
    }
  });
  for (const day of days) write(day);
  db.prepare('UPDATE halls SET last_seq = ? WHERE id = ?').run(seq, hallId);
  db.exec('ANALYZE');
  const writeSeconds = (performance.now() - t0) / 1000;
  log(`wrote ${tickets.toLocaleString('en-US')} tickets and ${seq.toLocaleString('en-US')} events in ${fmt(writeSeconds)} s`);

  const range = (n: number) => ({ from: days[days.length - n]!, to: LAST_DAY });
  const day = await timed(() => stats.report(admin, hallId, range(1)));
  const month = await timed(() => stats.report(admin, hallId, range(22)));
  const year = await timed(() => stats.report(admin, hallId, { from: addDays(LAST_DAY, -364), to: LAST_DAY }));
  const yearXlsx = await timed(() =>
    stats.export(admin, hallId, { from: addDays(LAST_DAY, -364), to: LAST_DAY }, 'xlsx', 'service', 'zh-CN'),
  );
  // How long other work (a clerk's "call next") may wait behind a year's report: the longest
  // event-loop stall while it runs.
  let last = performance.now();
  let stallMs = 0;
  const ticker = setInterval(() => {
    const t = performance.now();
    stallMs = Math.max(stallMs, t - last - 5);
    last = t;
  }, 5);
  await stats.report(admin, hallId, { from: addDays(LAST_DAY, -364), to: LAST_DAY });
  await new Promise((r) => setTimeout(r, 30));
  clearInterval(ticker);
  const newest = await timed(() => auditPage(store, admin, hallId, { limit: 50 }));
  const search = await timed(() => auditPage(store, admin, hallId, { q: `调整 ${days[0]}`, limit: 50 }));
  const plan = (
    db
      .prepare(
        `EXPLAIN QUERY PLAN SELECT t.service_id FROM tickets t LEFT JOIN ratings r ON r.ticket_id = t.id WHERE t.hall_id = 1 AND t.service_day = '2026-11-23'`,
      )
      .all() as { detail: string }[]
  )
    .map((r) => r.detail)
    .join('; ');
  log(`stats query plan: ${plan}`);
  await store.close();
  rmSync(dir, { recursive: true, force: true });

  const row = (figure: string, ms: number, target: number, how: string): Figure => ({
    figure,
    value: `${fmt(ms, 0)} ms`,
    ceiling: '',
    ratio: '',
    target: `< ${target.toLocaleString('en-US')} ms`,
    ok: ms < target,
    how,
  });
  return [
    row(
      'Statistics: one day (4,000 tickets)',
      day,
      100,
      `StatsService.report for the last day of a ${days.length}-day year of ${tickets.toLocaleString('en-US')} tickets; median of ${RUNS}. Query plan: ${plan}.`,
    ),
    row(
      'Statistics: one month (88,000 tickets)',
      month,
      500,
      'The last 22 working days, every breakdown (service, window, clerk, hour, day).',
    ),
    row(`Statistics: one year (${fmt(tickets / 1e6, 2)} M tickets)`, year, 5000, 'The longest range the API allows (366 days).'),
    row('Statistics export: a year as .xlsx', yearXlsx, 6000, 'Report plus the six-sheet workbook, zipped.'),
    row(
      'Longest stall of other work during a year report',
      stallMs,
      1000,
      'Event-loop delay (max) while the year report runs: rows are read a day at a time, so only the final percentile pass holds the loop.',
    ),
    row('Audit log: newest page (50)', newest, 50, `Walks the events (${seq.toLocaleString('en-US')} rows) backwards on (hall, seq).`),
    row(
      'Audit log: word search over a year',
      search,
      3000,
      `A phrase found only on the oldest day: the worst case, every event read, in slices of ${AUDIT_SLICE.toLocaleString('en-US')}.`,
    ),
  ];
}
