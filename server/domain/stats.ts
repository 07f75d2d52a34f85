/**
 * Service statistics (统计分析): pure functions over the tickets of a date range and their
 * ratings. The figures, and the rules behind each:
 *
 *  - issued: every ticket taken (also the ones later cancelled).
 *  - served: tickets finished (status done).
 *  - noShows: tickets that were missed (过号) and never served afterwards: still no_show, or
 *    cancelled after being missed (by a manager, or by 日终清号 at the end of the day).
 *  - cancelled: tickets cancelled without having been missed (while waiting).
 *  - open: still waiting or at a window (only for today's range).
 *  - wait: first call − issue time, for every ticket that was called; service time: finish −
 *    start of service, for served tickets. Averages and the 90th percentile in minutes, one
 *    decimal. The percentile is the nearest-rank one: the smallest value with at least 90 % of the
 *    values at or below it (sorted ascending, element ⌈0.9·n⌉).
 *  - waitsOverTarget: called tickets that waited longer than the hall's target
 *    (settings.alerts.waitTargetMinutes).
 *  - ratings: the distribution over levels 5…1 of the ratings of these tickets, leaving out the
 *    ones excluded by an approved appeal (they stay on record, not in statistics).
 *    好评率 (satisfaction) = levels 5–3 / all counted ratings; participation (参评率) = counted
 *    ratings / served. Both in percent with one decimal, null when there is nothing to divide by.
 *
 * A ticket counts under the service, window and clerk it ended with (a transferred ticket under
 * the service it was transferred to) and under the hall-local hour and day it was issued in.
 */
import type { StatDimension, StatFigures, StatRow } from '../../common/manager-protocol.js';
import type { TicketStatus } from '../../common/vocabulary.js';
import { localTime } from './calendar.js';

/** One ticket as statistics read it (a narrow row: a year is a million of these). */
export interface StatTicket {
  serviceId: number;
  windowId: number | null;
  clerkId: number | null;
  serviceDay: string;
  status: TicketStatus;
  issuedAt: number;
  firstCalledAt: number | null;
  servingAt: number | null;
  finishedAt: number | null;
  noShowAt: number | null;
  /** The rating of this ticket, if any. */
  ratingLevel: number | null;
  ratingExcluded: boolean;
}

export { STAT_DIMENSIONS, type StatDimension, type StatFigures, type StatRow } from '../../common/manager-protocol.js';

export interface StatsResult {
  totals: StatFigures;
  by: Record<StatDimension, StatRow[]>;
}

export interface StatsOptions {
  timezone: string;
  waitTargetMinutes: number;
}

/** Nearest-rank percentile of values sorted ascending; null for none. */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil(p * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1]!;
}

const round1 = (n: number): number => Math.round(n * 10) / 10;
const minutes = (ms: number | null): number | null => (ms === null ? null : round1(ms / 60_000));
const percent = (part: number, whole: number): number | null => (whole === 0 ? null : round1((part / whole) * 100));

/** Milliseconds of the hall-local midnight that starts `date` (minute-aligned offsets). */
export function localMidnight(date: string, timezone: string): number {
  const utcMidnight = Date.parse(`${date}T00:00:00Z`);
  const local = localTime(utcMidnight, timezone);
  // East of UTC the local clock is already `minutes` into `date`; west of it, still on the day before.
  return local.date === date ? utcMidnight - local.minutes * 60_000 : utcMidnight + (24 * 60 - local.minutes) * 60_000;
}

class Accumulator {
  issued = 0;
  served = 0;
  noShows = 0;
  cancelled = 0;
  open = 0;
  waitsOverTarget = 0;
  waitSum = 0;
  serviceSum = 0;
  readonly waits: number[] = [];
  readonly services: number[] = [];
  readonly ratings: [number, number, number, number, number] = [0, 0, 0, 0, 0];
  excluded = 0;

  add(t: StatTicket, targetMs: number): void {
    this.issued++;
    if (t.status === 'done') this.served++;
    else if (t.status === 'no_show' || (t.status === 'cancelled' && t.noShowAt !== null)) this.noShows++;
    else if (t.status === 'cancelled') this.cancelled++;
    else this.open++;
    if (t.firstCalledAt !== null) {
      const wait = Math.max(0, t.firstCalledAt - t.issuedAt);
      this.waits.push(wait);
      this.waitSum += wait;
      if (wait > targetMs) this.waitsOverTarget++;
    }
    if (t.status === 'done' && t.servingAt !== null && t.finishedAt !== null) {
      const service = Math.max(0, t.finishedAt - t.servingAt);
      this.services.push(service);
      this.serviceSum += service;
    }
    if (t.ratingLevel !== null) {
      if (t.ratingExcluded) this.excluded++;
      else if (Number.isInteger(t.ratingLevel) && t.ratingLevel >= 1 && t.ratingLevel <= 5) this.ratings[(5 - t.ratingLevel) as 0 | 1 | 2 | 3 | 4]++;
    }
  }

  figures(): StatFigures {
    const asc = (a: number, b: number) => a - b;
    const waits = this.waits.sort(asc);
    const services = this.services.sort(asc);
    const rated = this.ratings.reduce((a, b) => a + b, 0);
    const good = this.ratings[0] + this.ratings[1] + this.ratings[2];
    return {
      issued: this.issued,
      served: this.served,
      noShows: this.noShows,
      cancelled: this.cancelled,
      open: this.open,
      called: waits.length,
      waitAvgMinutes: waits.length ? minutes(this.waitSum / waits.length) : null,
      waitP90Minutes: minutes(percentile(waits, 0.9)),
      serviceAvgMinutes: services.length ? minutes(this.serviceSum / services.length) : null,
      serviceP90Minutes: minutes(percentile(services, 0.9)),
      waitsOverTarget: this.waitsOverTarget,
      ratings: [...this.ratings],
      rated,
      excludedRatings: this.excluded,
      satisfactionPercent: percent(good, rated),
      participationPercent: percent(rated, this.served),
    };
  }
}

/** The figures of a set of tickets: in total and broken down by service, window, clerk, hour and day. */
export function computeStats(tickets: readonly StatTicket[], options: StatsOptions): StatsResult {
  const targetMs = options.waitTargetMinutes * 60_000;
  const total = new Accumulator();
  const groups: Record<StatDimension, Map<number | string | null, Accumulator>> = {
    service: new Map(),
    window: new Map(),
    clerk: new Map(),
    hour: new Map(),
    day: new Map(),
  };
  const midnights = new Map<string, number>();
  const into = (dimension: StatDimension, key: number | string | null, t: StatTicket) => {
    const map = groups[dimension];
    let acc = map.get(key);
    if (!acc) map.set(key, (acc = new Accumulator()));
    acc.add(t, targetMs);
  };
  for (const t of tickets) {
    let midnight = midnights.get(t.serviceDay);
    if (midnight === undefined) midnights.set(t.serviceDay, (midnight = localMidnight(t.serviceDay, options.timezone)));
    const hour = Math.min(23, Math.max(0, Math.floor((t.issuedAt - midnight) / 3600_000)));
    total.add(t, targetMs);
    into('service', t.serviceId, t);
    into('window', t.windowId, t);
    into('clerk', t.clerkId, t);
    into('hour', hour, t);
    into('day', t.serviceDay, t);
  }
  const rows = (map: Map<number | string | null, Accumulator>): StatRow[] =>
    [...map.entries()].sort(([a], [b]) => compareKeys(a, b)).map(([key, acc]) => ({ key, ...acc.figures() }));
  return {
    totals: total.figures(),
    by: {
      service: rows(groups.service),
      window: rows(groups.window),
      clerk: rows(groups.clerk),
      hour: rows(groups.hour),
      day: rows(groups.day),
    },
  };
}

/** Numbers ascending, texts ascending, the null key (never called) last. */
function compareKeys(a: number | string | null, b: number | string | null): number {
  if (a === null) return b === null ? 0 : 1;
  if (b === null) return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b));
}
