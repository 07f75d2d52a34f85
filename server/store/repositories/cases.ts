/**
 * The 差评 case workflow: cases with the rating and ticket they belong to, their steps, and the
 * exclusion of a rating whose appeal was approved. (ratings.ts opens cases; this repository works them.)
 */
import type { AppealStatus, CaseStatus } from '../../../common/vocabulary.js';
import type { RatingCase } from './ratings.js';

export interface CaseRecord extends RatingCase {
  appealKind: 'mistaken' | 'malicious' | null;
  rating: {
    level: number;
    reasons: string[];
    comment: string;
    channel: string;
    excluded: boolean;
    createdAt: number;
    contactPhone: string | null;
  };
  ticket: { id: number; number: string; serviceId: number; serviceDay: string };
  windowId: number | null;
  windowNumber: string | null;
  clerkId: number | null;
  clerkName: string | null;
}

export interface CaseStepRecord {
  id: number;
  caseId: number;
  action: string;
  fromStatus: string | null;
  toStatus: string | null;
  note: string;
  userId: number | null;
  userName: string;
  /** 回访 only: whether the visitor was reached, and satisfied (null when not reached). */
  reached: boolean | null;
  satisfied: boolean | null;
  at: number;
}

export interface CaseListFilter {
  hallId: number;
  statuses?: CaseStatus[];
  /** Only cases not closed whose deadline is before this date (overdue on that day). */
  deadlineBefore?: string;
  appealStatuses?: AppealStatus[];
  beforeId?: number;
  limit: number;
}

export type CasePatch = Partial<
  Pick<CaseRecord, 'status' | 'appealStatus' | 'appealReason' | 'appealKind' | 'handlerId' | 'escalatedAt' | 'updatedAt'>
>;

export interface CaseRepo {
  /** Newest (highest id) first. */
  list(filter: CaseListFilter): Promise<CaseRecord[]>;
  get(id: number): Promise<CaseRecord | null>;
  /** Oldest first. */
  steps(caseId: number): Promise<CaseStepRecord[]>;
  update(id: number, patch: CasePatch): Promise<void>;
  /** `reached` and `satisfied` default to null (steps other than 回访). */
  addStep(
    step: Omit<CaseStepRecord, 'id' | 'reached' | 'satisfied'> & Partial<Pick<CaseStepRecord, 'reached' | 'satisfied'>>,
  ): Promise<CaseStepRecord>;
  setRatingExcluded(ratingId: number, excluded: boolean): Promise<void>;
  /** Cases not closed of a hall for the counts on the console: all, overdue on `today`, appeal pending. */
  counts(hallId: number, today: string): Promise<{ open: number; overdue: number; appeals: number }>;
}
