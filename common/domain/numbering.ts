/**
 * Ticket numbers: a prefix and a per-day sequence, unique per hall, prefix and service day,
 * never reused (a cancelled number stays taken), and reset when the hall's local date changes.
 * The counter itself lives in the store; these rules decide what the number looks like.
 */

/** One or two capital letters; A–Z keeps numbers speakable and printable on every printer. */
export const PREFIX_PATTERN = /^[A-Z]{1,2}$/;

export const isValidPrefix = (prefix: string): boolean => PREFIX_PATTERN.test(prefix);

/** A001 … A999, then A1000: at least three digits, never truncated. */
export function formatTicketNumber(prefix: string, seq: number): string {
  if (!Number.isInteger(seq) || seq < 1) throw new RangeError(`ticket sequence must be a positive integer, got ${seq}`);
  return `${prefix}${String(seq).padStart(3, '0')}`;
}

/** Splits "A012" into its prefix and sequence, or null when it is not a ticket number. */
export function parseTicketNumber(number: string): { prefix: string; seq: number } | null {
  const m = /^([A-Z]{1,2})(\d{3,})$/.exec(number.trim().toUpperCase());
  if (!m) return null;
  const seq = Number(m[2]);
  return seq >= 1 ? { prefix: m[1]!, seq } : null;
}

/** Whether another ticket may be issued for a service with `issued` tickets today. */
export const quotaAllows = (quota: number | null, issued: number): boolean => quota === null || issued < quota;
