/**
 * Ratings (好差评) and the 差评 case each bad rating opens. The case workflow (steps, appeals)
 * lives with the manager console (cases.ts); this repository only creates and reads cases.
 */
import type { AppealStatus, CaseStatus, RatingChannel } from '../../../common/vocabulary.js';
import type { Ticket } from '../../../common/domain/types.js';

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
  /** A number to call back about a 差评, left with the visitor's consent (or a phone rating's own). */
  contactPhone: string | null;
  contactConsentAt: number | null;
  createdAt: number;
}
export type NewRating = Omit<Rating, 'id' | 'excluded' | 'contactPhone' | 'contactConsentAt'> &
  Partial<Pick<Rating, 'contactPhone' | 'contactConsentAt'>>;

export interface RatingCase {
  id: number;
  hallId: number;
  ratingId: number;
  status: CaseStatus;
  /** Hall-local date by which the case must be closed. */
  deadline: string;
  appealStatus: AppealStatus;
  appealReason: string | null;
  /** The manager who took the case up (sees the contact number whole), or null. */
  handlerId: number | null;
  /** When the overdue case went up to the hall's supervisor, or null. */
  escalatedAt: number | null;
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
  /** One rating per ticket (一次一评, docs/design.md, invariant 6): a second one for the same ticket throws. */
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
  /** Records the number the visitor left for the 回访, with when they agreed. */
  setContact(ratingId: number, phone: string, consentAt: number): Promise<void>;
}
