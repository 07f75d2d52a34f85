/**
 * Who may staff a window. Pure. Managers and administrators may sit at any window of their hall;
 * a clerk at the windows their account lists, or at a window whose backup (AB角) they are, so the
 * backup can take over when the clerk is away. A window taken out of service is nobody's: callers
 * check `enabled` first, as each answers it differently (a sign-in: not found; a list: left out).
 */
import type { Role } from '../vocabulary.js';

/**
 * Whether `person` may staff `window`, given the ids of the windows their account lists. The same
 * rule decides a clerk's own sign-in, a manager placing a clerk, and the windows the clerk
 * console offers.
 */
export function mayStaff(
  person: { id: number; role: Role },
  window: { id: number; backupClerkId: number | null },
  permittedWindowIds: readonly number[],
): boolean {
  if (person.role !== 'clerk') return true;
  return permittedWindowIds.includes(window.id) || window.backupClerkId === person.id;
}
