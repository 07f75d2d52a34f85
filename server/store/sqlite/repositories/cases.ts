import { and, asc, desc, eq, inArray, lt, ne, type SQL } from 'drizzle-orm';
import type { CaseRecord, CaseRepo } from '../../repositories/cases.js';
import type { Db } from '../database.js';
import * as t from '../schema.js';

export function createCaseRepo(db: Db): CaseRepo {
  const base = () =>
    db
      .select({
        c: t.ratingCases,
        r: {
          level: t.ratings.level,
          reasons: t.ratings.reasons,
          comment: t.ratings.comment,
          channel: t.ratings.channel,
          excluded: t.ratings.excluded,
          createdAt: t.ratings.createdAt,
          contactPhone: t.ratings.contactPhone,
          windowId: t.ratings.windowId,
          clerkId: t.ratings.clerkId,
        },
        ticket: { id: t.tickets.id, number: t.tickets.number, serviceId: t.tickets.serviceId, serviceDay: t.tickets.serviceDay },
        windowNumber: t.windows.number,
        clerkName: t.users.displayName,
      })
      .from(t.ratingCases)
      .innerJoin(t.ratings, eq(t.ratings.id, t.ratingCases.ratingId))
      .innerJoin(t.tickets, eq(t.tickets.id, t.ratings.ticketId))
      .leftJoin(t.windows, eq(t.windows.id, t.ratings.windowId))
      .leftJoin(t.users, eq(t.users.id, t.ratings.clerkId));
  type Row = Awaited<ReturnType<ReturnType<typeof base>['all']>>[number];
  const toRecord = ({ c, r, ticket, windowNumber, clerkName }: Row): CaseRecord => ({
    id: c.id,
    hallId: c.hallId,
    ratingId: c.ratingId,
    status: c.status,
    deadline: c.deadline,
    appealStatus: c.appealStatus,
    appealReason: c.appealReason,
    appealKind: c.appealKind ?? null,
    handlerId: c.handlerId ?? null,
    escalatedAt: c.escalatedAt ?? null,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    rating: {
      level: r.level,
      reasons: r.reasons,
      comment: r.comment,
      channel: r.channel,
      excluded: r.excluded,
      createdAt: r.createdAt,
      contactPhone: r.contactPhone ?? null,
    },
    ticket,
    windowId: r.windowId,
    windowNumber: windowNumber ?? null,
    clerkId: r.clerkId,
    clerkName: clerkName ?? null,
  });

  return {
    async list(f) {
      const where: SQL[] = [eq(t.ratingCases.hallId, f.hallId)];
      if (f.statuses?.length) where.push(inArray(t.ratingCases.status, f.statuses));
      if (f.appealStatuses?.length) where.push(inArray(t.ratingCases.appealStatus, f.appealStatuses));
      if (f.deadlineBefore !== undefined) where.push(lt(t.ratingCases.deadline, f.deadlineBefore), ne(t.ratingCases.status, 'closed'));
      if (f.beforeId !== undefined) where.push(lt(t.ratingCases.id, f.beforeId));
      return base()
        .where(and(...where))
        .orderBy(desc(t.ratingCases.id))
        .limit(f.limit)
        .all()
        .map(toRecord);
    },
    async get(id) {
      const row = base().where(eq(t.ratingCases.id, id)).get();
      return row ? toRecord(row) : null;
    },
    async steps(caseId) {
      return db.select().from(t.caseSteps).where(eq(t.caseSteps.caseId, caseId)).orderBy(asc(t.caseSteps.at), asc(t.caseSteps.id)).all();
    },
    async update(id, patch) {
      if (Object.keys(patch).length) db.update(t.ratingCases).set(patch).where(eq(t.ratingCases.id, id)).run();
    },
    async addStep(step) {
      return db.insert(t.caseSteps).values(step).returning().get();
    },
    async setRatingExcluded(ratingId, excluded) {
      db.update(t.ratings).set({ excluded }).where(eq(t.ratings.id, ratingId)).run();
    },
    async counts(hallId, today) {
      const rows = db
        .select({ status: t.ratingCases.status, deadline: t.ratingCases.deadline, appealStatus: t.ratingCases.appealStatus })
        .from(t.ratingCases)
        .where(and(eq(t.ratingCases.hallId, hallId), ne(t.ratingCases.status, 'closed')))
        .all();
      return {
        open: rows.length,
        overdue: rows.filter((r) => today > r.deadline).length,
        appeals: rows.filter((r) => r.appealStatus === 'pending').length,
      };
    },
  };
}
