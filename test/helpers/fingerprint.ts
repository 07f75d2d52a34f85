/** A hash of everything a command could change, to prove a refused request wrote nothing. */
import { createHash } from 'node:crypto';
import type { SqliteStore } from '../../server/store/sqlite/store.js';

const TABLES = [
  'halls',
  'zones',
  'services',
  'windows',
  'window_services',
  'tickets',
  'ticket_counters',
  'events',
  'devices',
  'ratings',
  'rating_cases',
  'case_steps',
  'bookings',
  'appointment_slots',
  'user_windows',
];

export function fingerprint(store: SqliteStore): string {
  const hash = createHash('sha256');
  for (const table of TABLES) {
    const rows = store.sqlite.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all();
    hash.update(table).update(JSON.stringify(rows));
  }
  return hash.digest('hex');
}
