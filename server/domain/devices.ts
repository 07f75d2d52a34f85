/**
 * Rules about paired screens. Pure.
 */

/** A device counts as online when it was heard from (heartbeat, request) within `offlineSeconds`. */
export function deviceOnline(lastSeenAt: number | null, now: number, offlineSeconds: number): boolean {
  return lastSeenAt !== null && now - lastSeenAt <= offlineSeconds * 1000;
}

/** What a screen may report about itself in a heartbeat, each with the values it may take. */
const HEARTBEAT_FIELDS: Record<string, (value: unknown) => boolean> = {
  online: (v) => typeof v === 'boolean',
  voiceMissing: (v) => typeof v === 'boolean',
  soundBlocked: (v) => typeof v === 'boolean',
  silent: (v) => typeof v === 'boolean',
  coverOpen: (v) => typeof v === 'boolean',
  paper: (v) => v === 'ok' || v === 'near_end' || v === 'out',
  printerError: (v) => v === null || (typeof v === 'string' && v.length <= 200),
  userAgent: (v) => typeof v === 'string' && v.length <= 300,
};

/**
 * The state a heartbeat reports, kept to the fields above: a field a newer screen may add is
 * ignored (its heartbeat still counts), a known field with a value it cannot take is refused.
 * So a device cannot grow its stored state, which goes to every staff console, without bound.
 */
export function heartbeatState(input: unknown): { state: Record<string, unknown> } | { invalidField: string } {
  if (input === undefined || input === null) return { state: {} };
  if (typeof input !== 'object' || Array.isArray(input)) return { invalidField: 'state' };
  const state: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    const valid = Object.hasOwn(HEARTBEAT_FIELDS, key) ? HEARTBEAT_FIELDS[key]! : null;
    if (!valid) continue;
    if (!valid(value)) return { invalidField: `state.${key}` };
    state[key] = value;
  }
  return { state };
}
