/**
 * Past service days for a test hall, written straight into SQLite (the domain service only
 * works on today): a realistic mix of arrivals with a morning and an afternoon peak, waits,
 * service times, no-shows, cancellations and ratings, so statistics and their charts have
 * something to show. Seeded: every run writes the same days.
 */
import { addDays } from '../../common/domain/calendar.js';
import { localMidnight } from '../../common/domain/stats.js';
import type { SqliteStore } from '../../server/store/sqlite/store.js';
import { seededRandom as rng } from '../../bench/lib/random.js';

/** Relative arrivals per hour from 08:00 to 17:00. */
const HOURLY = [0.6, 1.6, 1.4, 1.0, 0.3, 0.4, 1.2, 1.1, 0.7];

/** Writes `days` service days before `today`, about `perDay` tickets each; returns how many. */
export function seedHistory(store: SqliteStore, hallId: number, today: string, days: number, perDay = 160): number {
  const random = rng(20261123);
  const db = store.sqlite;
  const services = db.prepare('SELECT id, prefix FROM services WHERE hall_id = ? AND enabled = 1').all(hallId) as {
    id: number;
    prefix: string;
  }[];
  const windows = db.prepare('SELECT id, clerk_id FROM windows WHERE hall_id = ? AND clerk_id IS NOT NULL').all(hallId) as {
    id: number;
    clerk_id: number;
  }[];
  const insert = db.prepare(
    `INSERT INTO tickets (hall_id, service_day, prefix, seq, number, public_code, service_id, original_service_id, priority, source, status, issued_at, queued_at, window_id, clerk_id, called_at, first_called_at, serving_at, finished_at, no_show_at, cancelled_at, cancel_reason, rating_status, transfers)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'normal', 'kiosk', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '[]')`,
  );
  const rate = db.prepare(
    `INSERT INTO ratings (hall_id, ticket_id, service_id, window_id, clerk_id, level, reasons, comment, channel, excluded, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, '', 'pad', 0, ?)`,
  );
  const weight = HOURLY.reduce((a, b) => a + b, 0);
  let written = 0;
  db.transaction(() => {
    for (let d = days; d >= 1; d--) {
      const day = addDays(today, -d);
      const midnight = localMidnight(day, 'Asia/Shanghai');
      const counters = new Map<string, number>();
      const n = Math.round(perDay * (0.75 + random() * 0.5));
      for (let i = 0; i < n; i++) {
        // An hour by the daily profile, a minute within it.
        let pick = random() * weight;
        let hour = 0;
        while (pick > HOURLY[hour]! && hour < HOURLY.length - 1) pick -= HOURLY[hour++]!;
        const issued = midnight + ((8 + hour) * 60 + random() * 60) * 60_000;
        const service = services[Math.floor(random() ** 1.6 * services.length)]!;
        const window = windows[Math.floor(random() * windows.length)]!;
        const seq = (counters.get(service.prefix) ?? 0) + 1;
        counters.set(service.prefix, seq);
        const busy = HOURLY[hour]! > 1 ? 1.8 : 0.7;
        const called = issued + random() * random() * 45 * busy * 60_000;
        const serving = called + 40_000;
        const finished = serving + (3 + random() * 14) * 60_000;
        const r = random();
        const status = r < 0.9 ? 'done' : r < 0.95 ? 'no_show' : 'cancelled';
        const atWindow = status !== 'cancelled';
        const info = insert.run(
          hallId,
          day,
          service.prefix,
          seq,
          `${service.prefix}${String(seq).padStart(3, '0')}`,
          `hist${day}x${i}`,
          service.id,
          service.id,
          status,
          issued,
          issued,
          atWindow ? window.id : null,
          atWindow ? window.clerk_id : null,
          atWindow ? called : null,
          atWindow ? called : null,
          status === 'done' ? serving : null,
          status === 'done' ? finished : null,
          status === 'no_show' ? called + 120_000 : null,
          status === 'cancelled' ? issued + 600_000 : null,
          status === 'cancelled' ? '群众离开' : null,
          status === 'done' ? 'rated' : null,
        );
        written++;
        if (status === 'done' && random() < 0.7) {
          const x = random();
          const level = x < 0.82 ? 5 : x < 0.93 ? 4 : x < 0.97 ? 3 : x < 0.99 ? 2 : 1;
          rate.run(
            hallId,
            Number(info.lastInsertRowid),
            service.id,
            window.id,
            window.clerk_id,
            level,
            level <= 2 ? '["办理效率低"]' : '[]',
            finished + 20_000,
          );
        }
      }
    }
  })();
  return written;
}
