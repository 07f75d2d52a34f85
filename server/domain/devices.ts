/**
 * Rules about paired screens. Pure.
 */

/** A device counts as online when it was heard from (heartbeat, request) within `offlineSeconds`. */
export function deviceOnline(lastSeenAt: number | null, now: number, offlineSeconds: number): boolean {
  return lastSeenAt !== null && now - lastSeenAt <= offlineSeconds * 1000;
}
