/**
 * Tickets. The queries on the hot paths of every command and snapshot (issue, numbering, call
 * next, people ahead, the ticket by id or code, queue counts) are built and prepared once per
 * connection instead of per call; the indexes they read are in schema.ts, each with its reason.
 */
import { and, asc, desc, eq, getTableColumns, inArray, lt, ne, sql, type SQL } from 'drizzle-orm';
import type { TicketRepo } from '../../repositories/tickets.js';
import type { Db } from '../database.js';
import { placeholders } from '../placeholders.js';
import * as t from '../schema.js';

export function createTicketRepo(db: Db): TicketRepo {
  const q = preparedQueries(db);
  const notCancelled = ne(t.tickets.status, 'cancelled');
  return {
    async get(id) {
      return q.ticketById.get({ id }) ?? null;
    },
    async byCode(publicCode) {
      return q.ticketByCode.get({ publicCode }) ?? null;
    },
    async byNumber(hallId, serviceDay, number) {
      return (
        db
          .select()
          .from(t.tickets)
          .where(and(eq(t.tickets.hallId, hallId), eq(t.tickets.serviceDay, serviceDay), eq(t.tickets.number, number)))
          .get() ?? null
      );
    },
    async waiting(hallId, serviceDay) {
      return db
        .select()
        .from(t.tickets)
        .where(and(eq(t.tickets.hallId, hallId), eq(t.tickets.serviceDay, serviceDay), eq(t.tickets.status, 'waiting')))
        .all();
    },
    async waitingCandidates(hallId, serviceDay) {
      return q.waitingCandidates
        .all({ hallId, serviceDay })
        .map((r) => ({ ...r, requeued: r.requeued === 1, transferred: r.transferred === 1 }));
    },
    async atWindow(windowId, statuses) {
      return q.ticketsAtWindow.all({ windowId }).filter((row) => statuses.includes(row.status));
    },
    async list(f) {
      const where: SQL[] = [eq(t.tickets.hallId, f.hallId), eq(t.tickets.serviceDay, f.serviceDay)];
      if (f.statuses?.length) where.push(inArray(t.tickets.status, f.statuses));
      if (f.serviceIds?.length) where.push(inArray(t.tickets.serviceId, f.serviceIds));
      if (f.windowId !== undefined) where.push(eq(t.tickets.windowId, f.windowId));
      const query = db
        .select()
        .from(t.tickets)
        .where(and(...where))
        .orderBy(asc(t.tickets.queuedAt), asc(t.tickets.id));
      return (f.limit ? query.limit(f.limit) : query).all();
    },
    async staleBefore(hallId, serviceDay, statuses, limit) {
      return db
        .select()
        .from(t.tickets)
        .where(and(eq(t.tickets.hallId, hallId), lt(t.tickets.serviceDay, serviceDay), inArray(t.tickets.status, statuses)))
        .orderBy(asc(t.tickets.serviceDay), asc(t.tickets.id))
        .limit(limit)
        .all();
    },
    async insert(ticket) {
      return q.insertTicket.get(ticket);
    },
    async update(id, expectedVersion, patch) {
      const current = q.ticketById.get({ id });
      if (!current || current.version !== expectedVersion) return null;
      return q.updateTicket.get({ ...current, ...patch, id, expectedVersion }) ?? null;
    },
    async countIssued(serviceId, serviceDay) {
      return q.countIssued.get({ serviceId, serviceDay })?.n ?? 0;
    },
    async issuedCounts(hallId, serviceDay) {
      const rows = db
        .select({ serviceId: t.tickets.originalServiceId, n: sql<number>`count(*)` })
        .from(t.tickets)
        .where(and(eq(t.tickets.hallId, hallId), eq(t.tickets.serviceDay, serviceDay), notCancelled))
        .groupBy(t.tickets.originalServiceId)
        .all();
      return new Map(rows.map((r) => [r.serviceId, r.n]));
    },
    async nextSeq(hallId, serviceDay, prefix) {
      return q.nextSeq.get({ hallId, serviceDay, prefix }).lastSeq;
    },
    async queueCounts(hallId, serviceDay, serviceIds) {
      if (serviceIds) return serviceIds.map((serviceId) => ({ serviceId, ...q.queueOfService.get({ serviceId, serviceDay })! }));
      return q.queueOfHall.all({ hallId, serviceDay });
    },
    async recentDurations(serviceDay, serviceIds, perService) {
      const map = new Map<number, number[]>();
      for (const serviceId of serviceIds) {
        map.set(
          serviceId,
          q.recentDurations.all({ serviceId, serviceDay, limit: perService }).map((r) => r.duration),
        );
      }
      return map;
    },
    async countAhead(ticket, boostBefore) {
      const rank = ticket.priority !== 'normal' || ticket.queuedAt <= boostBefore ? 0 : 1;
      const row = q.countAhead.get({
        id: ticket.id,
        serviceId: ticket.serviceId,
        serviceDay: ticket.serviceDay,
        boostBefore,
        rank,
        queuedAt: ticket.queuedAt,
        issuedAt: ticket.issuedAt,
      });
      return row?.n ?? 0;
    },
  };
}

function preparedQueries(db: Db) {
  const p = sql.placeholder;
  const waitingOf = and(
    eq(t.tickets.serviceId, p('serviceId')),
    eq(t.tickets.serviceDay, p('serviceDay')),
    eq(t.tickets.status, 'waiting'),
  );
  const rankSql = sql`(CASE WHEN ${t.tickets.priority} != 'normal' OR ${t.tickets.queuedAt} <= ${p('boostBefore')} THEN 0 ELSE 1 END)`;
  const ticketColumns = Object.keys(getTableColumns(t.tickets)).filter((c) => c !== 'id' && c !== 'version');
  return {
    insertTicket: db
      .insert(t.tickets)
      .values(placeholders(ticketColumns) as never)
      .returning()
      .prepare(),
    updateTicket: db
      .update(t.tickets)
      .set({ ...placeholders(ticketColumns.filter((c) => c !== 'hallId')), version: sql`${t.tickets.version} + 1` })
      .where(and(eq(t.tickets.id, p('id')), eq(t.tickets.version, p('expectedVersion'))))
      .returning()
      .prepare(),
    nextSeq: db
      .insert(t.ticketCounters)
      .values({ hallId: p('hallId'), serviceDay: p('serviceDay'), prefix: p('prefix'), lastSeq: 1 } as never)
      .onConflictDoUpdate({
        target: [t.ticketCounters.hallId, t.ticketCounters.serviceDay, t.ticketCounters.prefix],
        set: { lastSeq: sql`${t.ticketCounters.lastSeq} + 1` },
      })
      .returning({ lastSeq: t.ticketCounters.lastSeq })
      .prepare(),
    ticketById: db
      .select()
      .from(t.tickets)
      .where(eq(t.tickets.id, p('id')))
      .prepare(),
    waitingCandidates: db
      .select({
        id: t.tickets.id,
        serviceId: t.tickets.serviceId,
        priority: t.tickets.priority,
        queuedAt: t.tickets.queuedAt,
        issuedAt: t.tickets.issuedAt,
        targetWindowId: t.tickets.targetWindowId,
        requeued: sql<number>`${t.tickets.noShowAt} IS NOT NULL`,
        transferred: sql<number>`json_array_length(${t.tickets.transfers}) > 0`,
      })
      .from(t.tickets)
      .where(and(eq(t.tickets.hallId, p('hallId')), eq(t.tickets.serviceDay, p('serviceDay')), eq(t.tickets.status, 'waiting')))
      .prepare(),
    ticketByCode: db
      .select()
      .from(t.tickets)
      .where(eq(t.tickets.publicCode, p('publicCode')))
      .prepare(),
    ticketsAtWindow: db
      .select()
      .from(t.tickets)
      .where(and(eq(t.tickets.windowId, p('windowId')), inArray(t.tickets.status, ['called', 'serving', 'held'])))
      .orderBy(asc(t.tickets.calledAt))
      .prepare(),
    countIssued: db
      .select({ n: sql<number>`count(*)` })
      .from(t.tickets)
      .where(
        and(eq(t.tickets.originalServiceId, p('serviceId')), eq(t.tickets.serviceDay, p('serviceDay')), ne(t.tickets.status, 'cancelled')),
      )
      .prepare(),
    queueOfService: db
      .select({ waiting: sql<number>`count(*)`, oldestQueuedAt: sql<number | null>`min(${t.tickets.queuedAt})` })
      .from(t.tickets)
      .where(waitingOf)
      .prepare(),
    queueOfHall: db
      .select({
        serviceId: t.tickets.serviceId,
        waiting: sql<number>`count(*)`,
        oldestQueuedAt: sql<number | null>`min(${t.tickets.queuedAt})`,
      })
      .from(t.tickets)
      .where(and(eq(t.tickets.hallId, p('hallId')), eq(t.tickets.serviceDay, p('serviceDay')), eq(t.tickets.status, 'waiting')))
      .groupBy(t.tickets.serviceId)
      .prepare(),
    recentDurations: db
      .select({ duration: sql<number>`${t.tickets.finishedAt} - ${t.tickets.servingAt}` })
      .from(t.tickets)
      .where(
        and(
          eq(t.tickets.serviceId, p('serviceId')),
          eq(t.tickets.serviceDay, p('serviceDay')),
          eq(t.tickets.status, 'done'),
          sql`${t.tickets.servingAt} IS NOT NULL`,
        ),
      )
      .orderBy(desc(t.tickets.finishedAt))
      .limit(p('limit'))
      .prepare(),
    countAhead: db
      .select({ n: sql<number>`count(*)` })
      .from(t.tickets)
      .where(
        and(
          waitingOf,
          sql`${t.tickets.targetWindowId} IS NULL`,
          ne(t.tickets.id, p('id')),
          sql`(${rankSql} < ${p('rank')} OR (${rankSql} = ${p('rank')} AND (${t.tickets.queuedAt}, ${t.tickets.issuedAt}, ${t.tickets.id}) < (${p('queuedAt')}, ${p('issuedAt')}, ${p('id')})))`,
        ),
      )
      .prepare(),
  };
}
