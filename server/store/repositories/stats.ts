/**
 * What statistics read: the narrow ticket rows of a service day with their rating
 * (common/domain/stats.ts computes the figures). Rows are streamed to the caller, never collected,
 * so callers read a long range a day at a time, letting other commands run in between.
 */
import type { StatTicket } from '../../../common/domain/stats.js';

export interface StatsFilter {
  hallId: number;
  serviceDay: string;
  serviceId?: number;
  windowId?: number;
  clerkId?: number;
}

export interface StatsRepo {
  /** Calls `visit` for every ticket of the day (the object may be reused: copy what you keep); resolves to how many. */
  eachTicket(filter: StatsFilter, visit: (ticket: StatTicket) => void): Promise<number>;
}
