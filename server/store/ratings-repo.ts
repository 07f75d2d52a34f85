/**
 * Ratings (好差评) and the 差评 case each bad rating opens, behind the store boundary: the
 * interface the rating service sees and its SQLite implementation. The case workflow (steps,
 * appeals) lives with the manager console; this repository only creates and reads cases.
 */
import { and, asc, desc, eq, gte, inArray, lt, lte, type SQL } from 'drizzle-orm';
import type { AppealStatus, CaseStatus, RatingChannel } from '../../common/vocabulary.js';
import type { Ticket } from '../../common/domain/types.js';
import type { Db } from './database.js';
import * as t from './schema.js';

export interface Rating {
  id: number;
  hallId: number;
  ticketId: number;
  serviceId: number;
  windowId: number | null;
  clerkId: number | null;
  /** 5 非常满意 … 1 非常不满意. */
  level: number;
  reasons: string[];
  comment: string;
  channel: RatingChannel;
  /** An approved appeal excludes the rating from statistics but keeps it on record. */
  excluded: boolean;
  createdAt: number;
}
export type NewRating = Omit<Rating, 'id' | 'excluded'>;

export interface RatingCase {
  id: number;
  hallId: number;
  ratingId: number;
  status: CaseStatus;
  /** Hall-local date by which the case must be closed. */
  deadline: string;
  appealStatus: AppealStatus;
  appealReason: string | null;
  createdAt: number;
  updatedAt: number;
}
export type NewRatingCase = Pick<RatingCase, 'hallId' | 'ratingId' | 'deadline' | 'createdAt'>;

export interface RatingFilter {
  hallId: number;
  fromAt?: number;
  toAt?: number;
  windowId?: number;
  limit: number;
}

export interface CaseFilter {
  hallId: number;
  statuses?: CaseStatus[];
  limit: number;
}

/** Finished tickets whose pad rating is still pending. */
export interface AwaitingFilter {
  hallId: number;
  /** Service days to look in (a pending rating is minutes old); all days when omitted. */
  serviceDays?: string[];
  windowId?: number;
  /** Only those whose deadline is before this time. */
  dueBefore?: number;
}

export interface RatingRepo {
  insert(rating: NewRating): Promise<Rating>;
  get(id: number): Promise<Rating | null>;
  byTicket(ticketId: number): Promise<Rating | null>;
  /** Newest first. */
  list(filter: RatingFilter): Promise<Rating[]>;
  /** Opens the 差评 case of a bad rating (status open). */
  insertCase(ratingCase: NewRatingCase): Promise<RatingCase>;
  getCase(id: number): Promise<RatingCase | null>;
  caseByRating(ratingId: number): Promise<RatingCase | null>;
  /** Newest first. */
  listCases(filter: CaseFilter): Promise<RatingCase[]>;
  /** Tickets waiting for their pad rating, oldest deadline first. */
  awaiting(filter: AwaitingFilter): Promise<Ticket[]>;
}

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
