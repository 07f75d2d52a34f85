/**
 * Hall-local time: service days, opening hours and working days. Pure functions; the hall's
 * timezone is always passed in, never taken from the server.
 */
import type { CalendarSettings } from './settings.js';

const partsFormatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(timezone: string): Intl.DateTimeFormat {
  let f = partsFormatters.get(timezone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone: timezone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
      weekday: 'short',
    });
    partsFormatters.set(timezone, f);
  }
  return f;
}

export interface LocalTime {
  /** 'YYYY-MM-DD' in the hall's timezone. */
  date: string;
  /** Minutes since local midnight. */
  minutes: number;
  /** 1 = Monday ... 7 = Sunday. */
  weekday: number;
  /** 'HH:MM'. */
  hhmm: string;
}

const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

// Intl formatting is slow and every command asks for the service day: remember the last minute.
const lastMinute = new Map<string, { minute: number; value: LocalTime }>();

export function localTime(now: number, timezone: string): LocalTime {
  const minute = Math.floor(now / 60_000);
  const cached = lastMinute.get(timezone);
  if (cached && cached.minute === minute) return cached.value;
  const value = computeLocalTime(now, timezone);
  lastMinute.set(timezone, { minute, value });
  return value;
}

function computeLocalTime(now: number, timezone: string): LocalTime {
  const parts: Record<string, string> = {};
  for (const p of formatterFor(timezone).formatToParts(now)) parts[p.type] = p.value;
  const hour = Number(parts.hour);
  const minute = Number(parts.minute);
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    minutes: hour * 60 + minute,
    weekday: WEEKDAYS[parts.weekday!] ?? 1,
    hhmm: `${parts.hour}:${parts.minute}`,
  };
}

/** The service day a moment belongs to: the hall-local date. Numbers reset when it changes. */
export function serviceDay(now: number, timezone: string): string {
  return localTime(now, timezone).date;
}

/** Milliseconds until the next local midnight (the next service day). */
export function msUntilNextDay(now: number, timezone: string): number {
  const { minutes } = localTime(now, timezone);
  const seconds = new Date(now).getUTCSeconds();
  const ms = new Date(now).getUTCMilliseconds();
  // Timezones with DST may be off by an hour on switch days; the caller re-checks the day.
  return ((24 * 60 - minutes) * 60 - seconds) * 1000 - ms;
}

export interface TimeRange {
  start: number; // minutes since midnight
  end: number;
}

const RANGE = /^([01]\d|2[0-3]):([0-5]\d)-([01]\d|2[0-4]):([0-5]\d)$/;

/** Parses "08:30-12:00,13:30-17:30"; returns null when the text is not valid. */
export function parseHours(text: string): TimeRange[] | null {
  const trimmed = text.replace(/\s+/g, '');
  if (trimmed === '') return [];
  const ranges: TimeRange[] = [];
  for (const part of trimmed.split(',')) {
    const m = RANGE.exec(part);
    if (!m) return null;
    const start = Number(m[1]) * 60 + Number(m[2]);
    const end = Number(m[3]) * 60 + Number(m[4]);
    if (end <= start || end > 24 * 60) return null;
    if (ranges.length && start < ranges[ranges.length - 1]!.end) return null;
    ranges.push({ start, end });
  }
  return ranges;
}

export function withinHours(text: string, minutes: number): boolean {
  const ranges = parseHours(text);
  if (!ranges || ranges.length === 0) return true; // no hours set: always open
  return ranges.some((r) => minutes >= r.start && minutes < r.end);
}

/**
 * A date is a working day when its weekday is an open weekday, unless it is listed as a holiday;
 * a listed extra working day (调休上班) is one whatever its weekday.
 */
export function isWorkingDay(date: string, calendar: CalendarSettings): boolean {
  if (calendar.nonWorkingDays.includes(date)) return false;
  if (calendar.extraWorkingDays.includes(date)) return true;
  return calendar.openWeekdays.includes(weekdayOf(date));
}

/** 1 = Monday ... 7 = Sunday, for a 'YYYY-MM-DD' calendar date. */
/**
 * Official working days, for deadlines (差评整改 in N working days): Monday to Friday, minus
 * holidays, plus 调休 working weekends, whatever days the hall itself opens.
 */
export function isOfficialWorkingDay(date: string, calendar: Pick<CalendarSettings, 'nonWorkingDays' | 'extraWorkingDays'>): boolean {
  return isWorkingDay(date, { ...calendar, openWeekdays: [1, 2, 3, 4, 5] });
}

export function weekdayOf(date: string): number {
  const d = new Date(`${date}T00:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * The date `n` working days after `date` (the start day itself is not counted).
 * A 差评 case opened on Friday with 5 working days is due the next Friday.
 */
export function addWorkingDays(date: string, n: number, calendar: Pick<CalendarSettings, 'nonWorkingDays' | 'extraWorkingDays'>): string {
  let d = date;
  let left = n;
  // Bounded: a year of holidays cannot loop forever.
  for (let guard = 0; left > 0 && guard < 3660; guard++) {
    d = addDays(d, 1);
    if (isOfficialWorkingDay(d, calendar)) left--;
  }
  return d;
}

export const isValidDate = (s: string): boolean =>
  /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);

export const isValidTimezone = (tz: string): boolean => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

/**
 * The moment a hall-local date and time happen, e.g. the start of an appointment slot
 * ('2026-11-24', '09:00' in Asia/Shanghai → 2026-11-24T01:00Z). On a DST switch an hour that does
 * not exist maps to the hour after; one that exists twice maps to its first occurrence.
 */
export function localToEpoch(date: string, hhmm: string, timezone: string): number {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  const wall = Date.parse(`${date}T00:00:00Z`) + (h * 60 + m) * 60_000;
  // The offset at a guess, then at the corrected guess: two steps settle every real timezone.
  let at = wall - offsetMs(wall, timezone);
  at = wall - offsetMs(at, timezone);
  return at;
}

/** The timezone's offset from UTC at `at`, in ms (Asia/Shanghai: +8 h). */
function offsetMs(at: number, timezone: string): number {
  const parts: Record<string, string> = {};
  for (const p of formatterFor(timezone).formatToParts(at)) parts[p.type] = p.value;
  const asUtc = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  );
  return asUtc - Math.floor(at / 1000) * 1000;
}
