import { and, asc, desc, eq, gte, inArray, lt, lte, type SQL } from 'drizzle-orm';
import type { RatingRepo } from '../../repositories/ratings.js';
import type { Db } from '../database.js';
import * as t from '../schema.js';

export function createRatingRepo(db: Db): RatingRepo {
  return {
    async insert(rating) {
      return db.insert(t.ratings).values(rating).returning().get();
    },
    async get(id) {
      return db.select().from(t.ratings).where(eq(t.ratings.id, id)).get() ?? null;
    },
    async byTicket(ticketId) {
      return db.select().from(t.ratings).where(eq(t.ratings.ticketId, ticketId)).get() ?? null;
    },
    async list(f) {
      const where: SQL[] = [eq(t.ratings.hallId, f.hallId)];
      if (f.fromAt !== undefined) where.push(gte(t.ratings.createdAt, f.fromAt));
      if (f.toAt !== undefined) where.push(lte(t.ratings.createdAt, f.toAt));
      if (f.windowId !== undefined) where.push(eq(t.ratings.windowId, f.windowId));
      return db
        .select()
        .from(t.ratings)
        .where(and(...where))
        .orderBy(desc(t.ratings.createdAt), desc(t.ratings.id))
        .limit(f.limit)
        .all();
    },
    async insertCase(c) {
      return db
        .insert(t.ratingCases)
        .values({ ...c, status: 'open', appealStatus: 'none', updatedAt: c.createdAt })
        .returning()
        .get();
    },
    async getCase(id) {
      return db.select().from(t.ratingCases).where(eq(t.ratingCases.id, id)).get() ?? null;
    },
    async caseByRating(ratingId) {
      return db.select().from(t.ratingCases).where(eq(t.ratingCases.ratingId, ratingId)).get() ?? null;
    },
    async listCases(f) {
      const where: SQL[] = [eq(t.ratingCases.hallId, f.hallId)];
      if (f.statuses?.length) where.push(inArray(t.ratingCases.status, f.statuses));
      return db
        .select()
        .from(t.ratingCases)
        .where(and(...where))
        .orderBy(desc(t.ratingCases.createdAt), desc(t.ratingCases.id))
        .limit(f.limit)
        .all();
    },
    async setContact(ratingId, phone, consentAt) {
      db.update(t.ratings).set({ contactPhone: phone, contactConsentAt: consentAt }).where(eq(t.ratings.id, ratingId)).run();
    },
    async awaiting(f) {
      // Finished tickets only: the hall/day/status index narrows the search to a day's services.
      const where: SQL[] = [eq(t.tickets.hallId, f.hallId), eq(t.tickets.status, 'done'), eq(t.tickets.ratingStatus, 'pending')];
      if (f.serviceDays) where.push(inArray(t.tickets.serviceDay, f.serviceDays));
      if (f.windowId !== undefined) where.push(eq(t.tickets.windowId, f.windowId));
      if (f.dueBefore !== undefined) where.push(lt(t.tickets.ratingDeadline, f.dueBefore));
      return db
        .select()
        .from(t.tickets)
        .where(and(...where))
        .orderBy(asc(t.tickets.ratingDeadline), asc(t.tickets.id))
        .all();
    },
  };
}
