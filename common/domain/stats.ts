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
import type { StatDimension, StatFigures, StatRow } from '../manager-protocol.js';
import type { TicketStatus } from '../vocabulary.js';
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

export { STAT_DIMENSIONS, type StatDimension, type StatFigures, type StatRow } from '../manager-protocol.js';

export interface StatsResult {
  totals: StatFigures;
  by: Record<StatDimension, StatRow[]>;
}

export interface StatsOptions {
  timezone: string;
  waitTargetMinutes: number;
}

/** Nearest-rank percentile of values sorted ascending; null for none. */
export function percentile(sorted: ArrayLike<number>, p: number): number | null {
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

const DIMENSIONS: readonly StatDimension[] = ['service', 'window', 'clerk', 'hour', 'day'];
type Key = number | string | null;

/** Counts of one group (or of the total). */
class Counts {
  issued = 0;
  served = 0;
  noShows = 0;
  cancelled = 0;
  open = 0;
  called = 0;
  waitSum = 0;
  waitsOverTarget = 0;
  serviced = 0;
  serviceSum = 0;
  readonly ratings: [number, number, number, number, number] = [0, 0, 0, 0, 0];
  excluded = 0;
}

/**
 * Builds the figures from tickets added one at a time, so a year (a million tickets) can stream
 * through in chunks without a million objects: the counts of every group are kept as they come,
 * and only each ticket's wait, service time and group per dimension are stored, in typed arrays
 * (about 40 bytes a ticket). Percentiles sort each group's values in one shared scratch array.
 */
export class StatsBuilder {
  private n = 0;
  private waits = new Float64Array(1024);
  private services = new Float64Array(1024);
  private readonly groupOf = DIMENSIONS.map(() => new Int32Array(1024));
  private readonly keyIndex = DIMENSIONS.map(() => new Map<Key, number>());
  private readonly keys: Key[][] = DIMENSIONS.map(() => []);
  private readonly counts: Counts[][] = DIMENSIONS.map(() => []);
  private readonly total = new Counts();
  private readonly midnights = new Map<string, number>();
  private readonly targetMs: number;

  constructor(private readonly options: StatsOptions) {
    this.targetMs = options.waitTargetMinutes * 60_000;
  }

  /** Adds a ticket; the object may be reused by the caller afterwards. */
  add(t: StatTicket): void {
    if (this.n === this.waits.length) this.grow();
    const i = this.n++;
    let midnight = this.midnights.get(t.serviceDay);
    if (midnight === undefined) this.midnights.set(t.serviceDay, (midnight = localMidnight(t.serviceDay, this.options.timezone)));
    const hour = Math.min(23, Math.max(0, Math.floor((t.issuedAt - midnight) / 3600_000)));
    const wait = t.firstCalledAt === null ? NaN : Math.max(0, t.firstCalledAt - t.issuedAt);
    const service = t.status === 'done' && t.servingAt !== null && t.finishedAt !== null ? Math.max(0, t.finishedAt - t.servingAt) : NaN;
    this.waits[i] = wait;
    this.services[i] = service;
    count(this.total, t, wait, service, this.targetMs);
    const keys: Key[] = [t.serviceId, t.windowId, t.clerkId, hour, t.serviceDay];
    for (let d = 0; d < DIMENSIONS.length; d++) {
      const key = keys[d]!;
      let g = this.keyIndex[d]!.get(key);
      if (g === undefined) {
        g = this.keys[d]!.length;
        this.keyIndex[d]!.set(key, g);
        this.keys[d]!.push(key);
        this.counts[d]!.push(new Counts());
      }
      this.groupOf[d]![i] = g;
      count(this.counts[d]![g]!, t, wait, service, this.targetMs);
    }
  }

  result(): StatsResult {
    return this.finish(this.percentilesOf(this.waits), this.percentilesOf(this.services));
  }

  /** The same result, pausing (`pause`, e.g. to let the event loop run) between its heavy steps. */
  async resultInSteps(pause: () => Promise<void>): Promise<StatsResult> {
    const waits = this.percentilesOf(this.waits);
    await pause();
    const services = this.percentilesOf(this.services);
    await pause();
    return this.finish(waits, services);
  }

  private percentilesOf(values: Float64Array): Percentiles {
    return percentiles(
      values,
      this.n,
      this.groupOf,
      DIMENSIONS.map((_, d) => this.keys[d]!.length),
    );
  }

  private finish(waits: Percentiles, services: Percentiles): StatsResult {
    const by = {} as Record<StatDimension, StatRow[]>;
    DIMENSIONS.forEach((dimension, d) => {
      by[dimension] = this.keys[d]!.map((key, g) => ({
        key,
        ...figures(this.counts[d]![g]!, waits.byGroup[d]![g]!, services.byGroup[d]![g]!),
      })).sort((a, b) => compareKeys(a.key, b.key));
    });
    return { totals: figures(this.total, waits.total, services.total), by };
  }

  private grow(): void {
    const size = this.waits.length * 2;
    const grown = (a: Float64Array) => {
      const b = new Float64Array(size);
      b.set(a);
      return b;
    };
    this.waits = grown(this.waits);
    this.services = grown(this.services);
    for (let d = 0; d < DIMENSIONS.length; d++) {
      const b = new Int32Array(size);
      b.set(this.groupOf[d]!);
      this.groupOf[d] = b;
    }
  }
}

function count(c: Counts, t: StatTicket, wait: number, service: number, targetMs: number): void {
  c.issued++;
  if (t.status === 'done') c.served++;
  else if (t.status === 'no_show' || (t.status === 'cancelled' && t.noShowAt !== null)) c.noShows++;
  else if (t.status === 'cancelled') c.cancelled++;
  else c.open++;
  if (!Number.isNaN(wait)) {
    c.called++;
    c.waitSum += wait;
    if (wait > targetMs) c.waitsOverTarget++;
  }
  if (!Number.isNaN(service)) {
    c.serviced++;
    c.serviceSum += service;
  }
  if (t.ratingLevel !== null) {
    if (t.ratingExcluded) c.excluded++;
    else if (Number.isInteger(t.ratingLevel) && t.ratingLevel >= 1 && t.ratingLevel <= 5)
      c.ratings[(5 - t.ratingLevel) as 0 | 1 | 2 | 3 | 4]++;
  }
}

function figures(c: Counts, waitP90: number | null, serviceP90: number | null): StatFigures {
  const rated = c.ratings[0] + c.ratings[1] + c.ratings[2] + c.ratings[3] + c.ratings[4];
  return {
    issued: c.issued,
    served: c.served,
    noShows: c.noShows,
    cancelled: c.cancelled,
    open: c.open,
    called: c.called,
    waitAvgMinutes: c.called ? minutes(c.waitSum / c.called) : null,
    waitP90Minutes: minutes(waitP90),
    serviceAvgMinutes: c.serviced ? minutes(c.serviceSum / c.serviced) : null,
    serviceP90Minutes: minutes(serviceP90),
    waitsOverTarget: c.waitsOverTarget,
    ratings: [...c.ratings],
    rated,
    excludedRatings: c.excluded,
    satisfactionPercent: percent(c.ratings[0] + c.ratings[1] + c.ratings[2], rated),
    participationPercent: percent(rated, c.served),
  };
}

/** Index bits packed below each value, so one native sort of a Float64Array orders values and keeps their ticket. */
const INDEX_BITS = 2 ** 21;
const MAX_VALUE = 2 ** 32 - 1;

/**
 * The P90 of the values (NaN: none) in total and for every group of every dimension. The values
 * (whole milliseconds) are sorted once, each packed with its ticket's index into one exact
 * double; walking that order, a group's P90 is the value at which the group has seen its
 * ⌈0.9·n⌉-th member. Beyond 2²¹ tickets each group is sorted on its own instead.
 */
interface Percentiles {
  total: number | null;
  byGroup: (number | null)[][];
}

function percentiles(values: Float64Array, n: number, groupOf: Int32Array[], groups: number[]): Percentiles {
  const sizes = groups.map((g) => new Int32Array(g));
  let k = 0;
  for (let i = 0; i < n; i++) {
    if (Number.isNaN(values[i]!)) continue;
    k++;
    for (let d = 0; d < groups.length; d++) sizes[d]![groupOf[d]![i]!]!++;
  }
  const rank = (size: number) => Math.max(1, Math.ceil(0.9 * size));
  if (n >= INDEX_BITS) return percentilesBySorting(values, n, groupOf, groups, sizes);
  const packed = new Float64Array(k);
  k = 0;
  for (let i = 0; i < n; i++) if (!Number.isNaN(values[i]!)) packed[k++] = Math.min(MAX_VALUE, Math.round(values[i]!)) * INDEX_BITS + i;
  packed.sort();
  const byGroup = groups.map((g) => new Array<number | null>(g).fill(null));
  const seen = groups.map((g) => new Int32Array(g));
  for (let j = 0; j < k; j++) {
    const i = packed[j]! % INDEX_BITS;
    const value = (packed[j]! - i) / INDEX_BITS;
    for (let d = 0; d < groups.length; d++) {
      const g = groupOf[d]![i]!;
      if (++seen[d]![g]! === rank(sizes[d]![g]!)) byGroup[d]![g] = value;
    }
  }
  return { total: k ? (packed[rank(k) - 1]! - (packed[rank(k) - 1]! % INDEX_BITS)) / INDEX_BITS : null, byGroup };
}

function percentilesBySorting(values: Float64Array, n: number, groupOf: Int32Array[], groups: number[], sizes: Int32Array[]): Percentiles {
  const scratch = new Float64Array(n);
  let k = 0;
  for (let i = 0; i < n; i++) if (!Number.isNaN(values[i]!)) scratch[k++] = values[i]!;
  const total = percentile(scratch.subarray(0, k).sort(), 0.9);
  const byGroup = groups.map((count, d) => {
    const starts = new Int32Array(count);
    for (let g = 1; g < count; g++) starts[g] = starts[g - 1]! + sizes[d]![g - 1]!;
    const next = starts.slice();
    for (let i = 0; i < n; i++) if (!Number.isNaN(values[i]!)) scratch[next[groupOf[d]![i]!]!++] = values[i]!;
    return Array.from({ length: count }, (_, g) => percentile(scratch.subarray(starts[g], starts[g]! + sizes[d]![g]!).sort(), 0.9));
  });
  return { total, byGroup };
}

/** The figures of a set of tickets: in total and broken down by service, window, clerk, hour and day. */
export function computeStats(tickets: Iterable<StatTicket>, options: StatsOptions): StatsResult {
  const builder = new StatsBuilder(options);
  for (const t of tickets) builder.add(t);
  return builder.result();
}

/** Numbers ascending, texts ascending, the null key (never called) last. */
function compareKeys(a: number | string | null, b: number | string | null): number {
  if (a === null) return b === null ? 0 : 1;
  if (b === null) return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b));
}
