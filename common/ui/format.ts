/**
 * Display formats for every screen: hall-local times and dates, waited minutes, and masking of
 * personal data (visitor names and phone numbers are never shown in full).
 */

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: string, timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { timeZone, ...options });
    formatters.set(key, f);
  }
  return f;
}

/** "09:05" in the hall's timezone. */
export const formatTime = (ms: number, timeZone: string, withSeconds = false): string =>
  formatter('zh-CN', timeZone, {
    hour: '2-digit',
    minute: '2-digit',
    ...(withSeconds ? { second: '2-digit' } : {}),
    hourCycle: 'h23',
  }).format(ms);

/** "2026年11月23日 星期一" or "Monday, 23 November 2026". */
export const formatDate = (ms: number, timeZone: string, locale: string): string =>
  formatter(locale === 'en' ? 'en-GB' : 'zh-CN', timeZone, { year: 'numeric', month: 'long', day: 'numeric', weekday: 'long' }).format(ms);

/** The hall-local date of a moment, "2026-11-23": to tell today's calls from yesterday's. */
export const localDay = (ms: number, timeZone: string): string =>
  formatter('en-CA', timeZone, { year: 'numeric', month: '2-digit', day: '2-digit' }).format(ms);

/** A name in the screen's language: the English one when the screen is English and it has one. */
export const localName = (named: { name: string; nameEn?: string | null }, locale: string): string =>
  locale === 'en' && named.nameEn ? named.nameEn : named.name;

/** Whole minutes from `since` to `now`, never negative. */
export const minutesSince = (since: number | null | undefined, now: number): number =>
  since ? Math.max(0, Math.floor((now - since) / 60_000)) : 0;

/** 张三 → 张*, 张三丰 → 张*丰, 欧阳娜娜 → 欧**娜: only the first and last characters stay. */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length <= 1) return chars.join('');
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}

/** 13812345678 → 138****5678. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  if (digits.length < 7) return '*'.repeat(digits.length);
  return `${digits.slice(0, 3)}${'*'.repeat(digits.length - 7)}${digits.slice(-4)}`;
}
