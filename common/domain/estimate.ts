/**
 * Estimated waits, from the hall's recent service times. Pure: the store supplies the numbers.
 */

/** Average minutes of recent services, or the service's expected minutes when there are none. */
export function averageServiceMinutes(durationsMs: number[], expectedMinutes: number): number {
  const valid = durationsMs.filter((d) => d > 0);
  if (valid.length === 0) return expectedMinutes;
  const avg = valid.reduce((a, b) => a + b, 0) / valid.length / 60000;
  // Clamp so one odd service (a forgotten "finish") does not swing the estimate wildly.
  return Math.min(Math.max(avg, expectedMinutes / 3), expectedMinutes * 3);
}

/**
 * Minutes until a ticket with `ahead` tickets before it is called, when `windows` windows serve
 * its service. With no open window the estimate assumes one will open.
 */
export function estimateWaitMinutes(ahead: number, averageMinutes: number, windows: number): number {
  if (ahead <= 0) return 0;
  return Math.ceil((ahead * averageMinutes) / Math.max(1, windows));
}

/** A range around the estimate, as visitors should read it: "about 10–15 minutes". */
export function estimateRange(minutes: number): { low: number; high: number } {
  if (minutes <= 0) return { low: 0, high: 0 };
  const low = Math.max(0, Math.floor(minutes * 0.7));
  const high = Math.max(low + 1, Math.ceil(minutes * 1.3));
  return { low, high };
}
