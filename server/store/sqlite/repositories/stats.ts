/**
 * Statistics rows straight from better-sqlite3 (raw arrays, one statement per filter shape): an
 * indexed lookup of (hall, service day) and of each ticket's rating by its unique ticket id,
 * streamed into one reused object, so a day costs a few milliseconds.
 */
import type Database from 'better-sqlite3';
import type { StatTicket } from '../../../../common/domain/stats.js';
import type { TicketStatus } from '../../../../common/vocabulary.js';
import type { StatsFilter, StatsRepo } from '../../repositories/stats.js';
import type { Db } from '../database.js';

type Row = [
  number,
  number | null,
  number | null,
  string,
  TicketStatus,
  number,
  number | null,
  number | null,
  number | null,
  number | null,
  number | null,
  number | null,
];

export function createStatsRepo(db: Db): StatsRepo {
  const sqlite = (db as unknown as { $client: Database.Database }).$client;
  const statements = new Map<string, Database.Statement>();
  const statement = (f: StatsFilter) => {
    const where = ['t.hall_id = @hallId', 't.service_day = @serviceDay'];
    if (f.serviceId !== undefined) where.push('t.service_id = @serviceId');
    if (f.windowId !== undefined) where.push('t.window_id = @windowId');
    if (f.clerkId !== undefined) where.push('t.clerk_id = @clerkId');
    const sql = `SELECT t.service_id, t.window_id, t.clerk_id, t.service_day, t.status, t.issued_at, t.first_called_at, t.serving_at, t.finished_at, t.no_show_at, r.level, r.excluded
      FROM tickets t LEFT JOIN ratings r ON r.ticket_id = t.id WHERE ${where.join(' AND ')}`;
    let s = statements.get(sql);
    if (!s) statements.set(sql, (s = sqlite.prepare(sql).raw(true)));
    return s;
  };
  return {
    async eachTicket(f, visit) {
      const t: StatTicket = {
        serviceId: 0,
        windowId: null,
        clerkId: null,
        serviceDay: '',
        status: 'waiting',
        issuedAt: 0,
        firstCalledAt: null,
        servingAt: null,
        finishedAt: null,
        noShowAt: null,
        ratingLevel: null,
        ratingExcluded: false,
      };
      let n = 0;
      const params: Record<string, unknown> = { hallId: f.hallId, serviceDay: f.serviceDay };
      if (f.serviceId !== undefined) params.serviceId = f.serviceId;
      if (f.windowId !== undefined) params.windowId = f.windowId;
      if (f.clerkId !== undefined) params.clerkId = f.clerkId;
      for (const r of statement(f).iterate(params) as IterableIterator<Row>) {
        t.serviceId = r[0];
        t.windowId = r[1];
        t.clerkId = r[2];
        t.serviceDay = r[3];
        t.status = r[4];
        t.issuedAt = r[5];
        t.firstCalledAt = r[6];
        t.servingAt = r[7];
        t.finishedAt = r[8];
        t.noShowAt = r[9];
        t.ratingLevel = r[10];
        t.ratingExcluded = r[11] === 1;
        visit(t);
        n++;
      }
      return n;
    },
  };
}
