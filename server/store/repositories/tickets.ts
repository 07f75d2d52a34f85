/** Tickets (号票): one visit each, and the per-prefix numbering counters. */
import type { Ticket } from '../../../common/domain/types.js';
import type { Candidate } from '../../../common/domain/routing.js';
import type { TicketStatus } from '../../../common/vocabulary.js';

export type NewTicket = Omit<Ticket, 'id' | 'version'>;

export interface TicketFilter {
  hallId: number;
  serviceDay: string;
  statuses?: TicketStatus[];
  serviceIds?: number[];
  windowId?: number;
  limit?: number;
}

export interface QueueCount {
  serviceId: number;
  waiting: number;
  oldestQueuedAt: number | null;
}

export type AheadOf = Pick<Ticket, 'id' | 'serviceId' | 'serviceDay' | 'priority' | 'queuedAt' | 'issuedAt'>;

export interface TicketRepo {
  get(id: number): Promise<Ticket | null>;
  byCode(publicCode: string): Promise<Ticket | null>;
  byNumber(hallId: number, serviceDay: string, number: string): Promise<Ticket | null>;
  /** Waiting tickets of a hall's service day, in no particular order. */
  waiting(hallId: number, serviceDay: string): Promise<Ticket[]>;
  /** The same tickets with only what the routing policy reads: cheap enough for every call. */
  waitingCandidates(hallId: number, serviceDay: string): Promise<Candidate[]>;
  /** Tickets at a window in the given statuses (called/serving/held), by call time. */
  atWindow(windowId: number, statuses: TicketStatus[]): Promise<Ticket[]>;
  /** Queue order: by `queuedAt`, then id. */
  list(filter: TicketFilter): Promise<Ticket[]>;
  /** Tickets of service days before `serviceDay` still in the given statuses, oldest first. */
  staleBefore(hallId: number, serviceDay: string, statuses: TicketStatus[], limit: number): Promise<Ticket[]>;
  /** The stored ticket, at version 0. */
  insert(ticket: NewTicket): Promise<Ticket>;
  /** Optimistic update: applies only if the ticket still has `expectedVersion` (and bumps it); else null. */
  update(id: number, expectedVersion: number, patch: Partial<NewTicket>): Promise<Ticket | null>;
  /** Issued today for a service, not counting cancelled tickets (a cancelled e-ticket frees its place). */
  countIssued(serviceId: number, serviceDay: string): Promise<number>;
  /** `countIssued` of every service of the hall that issued any, by the service issued for. */
  issuedCounts(hallId: number, serviceDay: string): Promise<Map<number, number>>;
  /** Reserves the next sequence number for a prefix, from 1; never hands out the same one twice. */
  nextSeq(hallId: number, serviceDay: string, prefix: string): Promise<number>;
  /** Waiting counts of the given services, in that order (all of the hall's with any waiting when omitted). */
  queueCounts(hallId: number, serviceDay: string, serviceIds?: number[]): Promise<QueueCount[]>;
  /** Durations (ms) of the latest finished services of each given service, newest first. */
  recentDurations(serviceDay: string, serviceIds: number[], perService: number): Promise<Map<number, number[]>>;
  /**
   * How many waiting tickets of the ticket's service are ahead of it, by the rule of
   * `peopleAhead` in common/domain/routing.ts (priority or waiting since `boostBefore` first, then
   * queue order), counted in the database instead of loading the queue.
   */
  countAhead(ticket: AheadOf, boostBefore: number): Promise<number>;
}
