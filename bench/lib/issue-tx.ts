import { randomBytes } from 'node:crypto';
import type { openDatabase } from '../../server/store/sqlite/database.js';

/** The smallest correct issue transaction, also used for the bare better-sqlite3 figure. */
export function benchIssue(sqlite: ReturnType<typeof openDatabase>['sqlite']) {
  const count = sqlite.prepare(
    "SELECT count(*) AS n FROM tickets WHERE original_service_id = 1 AND service_day = ? AND status != 'cancelled'",
  );
  const counter = sqlite.prepare(
    'INSERT INTO ticket_counters (hall_id, service_day, prefix, last_seq) VALUES (1, ?, ?, 1) ON CONFLICT DO UPDATE SET last_seq = last_seq + 1 RETURNING last_seq',
  );
  const insert = sqlite.prepare(
    "INSERT INTO tickets (hall_id, service_day, prefix, seq, number, public_code, service_id, original_service_id, priority, source, status, issued_at, queued_at) VALUES (1, ?, 'T', ?, ?, ?, 1, 1, 'normal', 'kiosk', 'waiting', ?, ?) RETURNING id",
  );
  const seq = sqlite.prepare('UPDATE halls SET last_seq = last_seq + 1 WHERE id = 1 RETURNING last_seq');
  const event = sqlite.prepare(
    "INSERT INTO events (hall_id, seq, type, at, actor_kind, ticket_id, data) VALUES (1, ?, 'ticket:issued', ?, 'device', ?, '{}')",
  );
  const day = '2026-11-23';
  const issue = sqlite.transaction(() => {
    const now = Date.now();
    const issued = (count.get(day) as { n: number }).n;
    const n = (counter.get(day, 'T') as { last_seq: number }).last_seq;
    const { id } = insert.get(day, n, `T${String(n).padStart(3, '0')}`, randomBytes(10).toString('hex'), now, now) as { id: number };
    const s = (seq.get() as { last_seq: number }).last_seq;
    event.run(s, now, id);
    return { id, number: n, issued };
  });
  return () => issue.immediate();
}
