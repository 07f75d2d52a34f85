/**
 * Who may staff a window (common/domain/staffing.ts): the rule behind a clerk's sign-in, a
 * manager placing a clerk, and the windows the clerk console offers.
 */
import { describe, expect, it } from 'vitest';
import { mayStaff } from '../../common/domain/staffing.js';
import type { Role } from '../../common/vocabulary.js';

const WINDOW = 7;

describe('mayStaff', () => {
  it.each<[string, Role, number[], number | null, boolean]>([
    // role, windows the account lists, the window's backup clerk → may staff
    ['a clerk on a listed window', 'clerk', [3, WINDOW], null, true],
    ['a clerk on a window not listed', 'clerk', [3], null, false],
    ['a clerk with no windows at all', 'clerk', [], null, false],
    ['a clerk who is the window’s backup (AB角), not listed', 'clerk', [], 1, true],
    ['a clerk when someone else is the backup', 'clerk', [3], 2, false],
    ['a clerk listed and backup both', 'clerk', [WINDOW], 1, true],
    ['a manager, nothing listed', 'manager', [], null, true],
    ['an administrator, nothing listed', 'admin', [], 2, true],
  ])('%s', (_case, role, permitted, backupClerkId, expected) => {
    expect(mayStaff({ id: 1, role }, { id: WINDOW, backupClerkId }, permitted)).toBe(expected);
  });
});
