/**
 * What statistics read, behind the store boundary: the narrow ticket rows of a date range with
 * their rating (server/domain/stats.ts computes the figures). One indexed range scan over
 * (hall, service day) and a lookup of each ticket's rating by its unique ticket id; no row is
 * mapped to an object beyond the fields the figures need.
 */
import { and, eq, gte, lte, sql, type SQL } from 'drizzle-orm';
import type { StatTicket } from '../domain/stats.js';
import type { TicketStatus } from '../../common/vocabulary.js';
import type { Db } from './database.js';
import * as t from './schema.js';

export interface StatsFilter {
  hallId: number;
  /** Hall-local service days, both included. */
  fromDay: string;
  toDay: string;
  serviceId?: number;
  windowId?: number;
  clerkId?: number;
}

export interface StatsRepo {
  tickets(filter: StatsFilter): Promise<StatTicket[]>;
}

export function createStatsRepo(db: Db): StatsRepo {
  return {
    async tickets(f) {
      const where: SQL[] = [eq(t.tickets.hallId, f.hallId), gte(t.tickets.serviceDay, f.fromDay), lte(t.tickets.serviceDay, f.toDay)];
      if (f.serviceId !== undefined) where.push(eq(t.tickets.serviceId, f.serviceId));
      if (f.windowId !== undefined) where.push(eq(t.tickets.windowId, f.windowId));
      if (f.clerkId !== undefined) where.push(eq(t.tickets.clerkId, f.clerkId));
      const rows = db
        .select({
          serviceId: t.tickets.serviceId,
          windowId: t.tickets.windowId,
          clerkId: t.tickets.clerkId,
          serviceDay: t.tickets.serviceDay,
          status: t.tickets.status,
          issuedAt: t.tickets.issuedAt,
          firstCalledAt: t.tickets.firstCalledAt,
          servingAt: t.tickets.servingAt,
          finishedAt: t.tickets.finishedAt,
          noShowAt: t.tickets.noShowAt,
          level: t.ratings.level,
          excluded: sql<number>`coalesce(${t.ratings.excluded}, 0)`,
        })
        .from(t.tickets)
        .leftJoin(t.ratings, eq(t.ratings.ticketId, t.tickets.id))
        .where(and(...where))
        .values() as unknown as [number, number | null, number | null, string, TicketStatus, number, number | null, number | null, number | null, number | null, number | null, number][];
      const out: StatTicket[] = new Array(rows.length);
      for (let i = 0; i < rows.length; i++) {
        const r = rows[i]!;
        out[i] = {
          serviceId: r[0],
          windowId: r[1],
          clerkId: r[2],
          serviceDay: r[3],
          status: r[4],
          issuedAt: r[5],
          firstCalledAt: r[6],
          servingAt: r[7],
          finishedAt: r[8],
          noShowAt: r[9],
          ratingLevel: r[10],
          ratingExcluded: r[11] === 1,
        };
      }
      return out;
    },
  };
}
