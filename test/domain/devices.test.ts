/**
 * What a manager may set on each kind of device (common/domain/devices.ts over the table in
 * common/device-fields.ts, which the console's device dialog reads too), and when a printer
 * counts as online; and what a screen may report in its heartbeat: the known fields with their
 * values, other fields ignored, a known field with a wrong value refused.
 */
import { describe, expect, it } from 'vitest';
import { DEVICE_FIELDS } from '../../common/device-fields.js';
import { DEVICE_KINDS, type DeviceKind } from '../../common/vocabulary.js';
import { checkBinding, checkScreenSettings, heartbeatState, printerOnline, type DeviceBinding } from '../../common/domain/devices.js';
import { DomainError } from '../../common/domain/errors.js';

const none: DeviceBinding = { windowId: null, zoneId: null, printerId: null };
/** The field a refusal names, or 'ok'. */
function outcome(run: () => void): string {
  try {
    run();
    return 'ok';
  } catch (err) {
    if (!(err instanceof DomainError)) throw err;
    expect(err.statusCode).toBe(400);
    return String(err.details?.field);
  }
}

describe('binding by kind', () => {
  it.each<[DeviceKind, Partial<DeviceBinding>, string]>([
    ['board', { zoneId: 3 }, 'ok'],
    ['board', {}, 'ok'],
    ['board', { windowId: 1 }, 'windowId'],
    ['board', { printerId: 7 }, 'printerId'],
    ['window_screen', { windowId: 1 }, 'ok'],
    ['window_screen', {}, 'windowId'],
    ['window_screen', { windowId: 1, zoneId: 3 }, 'zoneId'],
    ['pad', { windowId: 2 }, 'ok'],
    ['pad', { windowId: 2, printerId: 7 }, 'printerId'],
    ['kiosk', { printerId: 7 }, 'ok'],
    ['kiosk', {}, 'ok'],
    ['kiosk', { zoneId: 3 }, 'zoneId'],
    ['kiosk', { windowId: 1 }, 'windowId'],
    ['printer', { windowId: 4 }, 'ok'],
    ['printer', {}, 'ok'],
    ['printer', { zoneId: 3 }, 'zoneId'],
  ])('%s %j → %s', (kind, binding, expected) => {
    expect(outcome(() => checkBinding(kind, { ...none, ...binding }))).toBe(expected);
  });

  it('a value a device already has does not block a change that does not name it', () => {
    // A board bound to a window by an older version is still renamed.
    expect(outcome(() => checkBinding('board', { ...none, windowId: 1 }, {}))).toBe('ok');
    expect(outcome(() => checkBinding('board', { ...none, windowId: 1 }, { windowId: 1 }))).toBe('windowId');
    // A required window is checked on the result, whatever the change names.
    expect(outcome(() => checkBinding('pad', none, {}))).toBe('windowId');
  });
});

describe('screen settings by kind', () => {
  it.each<[DeviceKind, Record<string, unknown>, string]>([
    ['board', { language: 'en', silent: true }, 'ok'],
    ['window_screen', { language: 'en' }, 'ok'],
    ['window_screen', { silent: true }, 'silent'],
    ['kiosk', { language: null }, 'ok'],
    ['pad', { silent: false }, 'silent'],
    ['printer', { language: 'en' }, 'language'],
  ])('%s %j → %s', (kind, input, expected) => {
    expect(outcome(() => checkScreenSettings(kind, input))).toBe(expected);
  });

  it('every kind has a row, and only a printer has no screen', () => {
    expect(Object.keys(DEVICE_FIELDS).sort()).toEqual([...DEVICE_KINDS].sort());
    expect(DEVICE_KINDS.filter((k) => !DEVICE_FIELDS[k].language)).toEqual(['printer']);
  });
});

describe('a printer online', () => {
  const NOW = 1_000_000;
  it.each([
    [NOW - 60_000, {}, true],
    [NOW - 60_000, { online: true }, true],
    [NOW - 60_000, { online: false }, false],
    [NOW - 91_000, { online: true }, false],
    [null, {}, false],
  ])('last answer %s, state %j → %s', (seen, state, online) => {
    expect(printerOnline(seen, state, NOW, 90)).toBe(online);
  });
});

describe('heartbeat state', () => {
  it.each<[string, unknown, ReturnType<typeof heartbeatState>]>([
    ['nothing', undefined, { state: {} }],
    ['null', null, { state: {} }],
    [
      'what a board sends',
      { online: true, voiceMissing: false, soundBlocked: true, silent: false, userAgent: 'Mozilla/5.0' },
      { state: { online: true, voiceMissing: false, soundBlocked: true, silent: false, userAgent: 'Mozilla/5.0' } },
    ],
    [
      'printer fields',
      { paper: 'near_end', coverOpen: false, printerError: null },
      { state: { paper: 'near_end', coverOpen: false, printerError: null } },
    ],
    [
      'unknown fields are dropped',
      { online: true, extra: 'x'.repeat(10_000), __proto__: { polluted: true }, constructor: 1 },
      { state: { online: true } },
    ],
    ['a wrong type', { online: 'yes' }, { invalidField: 'state.online' }],
    ['an unknown paper state', { paper: 'empty' }, { invalidField: 'state.paper' }],
    ['an overlong user agent', { userAgent: 'x'.repeat(301) }, { invalidField: 'state.userAgent' }],
    ['not an object', 'online', { invalidField: 'state' }],
    ['an array', [true], { invalidField: 'state' }],
  ])('%s', (_name, input, expected) => {
    expect(heartbeatState(input)).toEqual(expected);
  });
});
