/**
 * What a screen may report in its heartbeat (server/domain/devices.ts): the known fields with
 * their values; other fields ignored; a known field with a wrong value refused.
 */
import { describe, expect, it } from 'vitest';
import { heartbeatState } from '../../server/domain/devices.js';

describe('heartbeat state', () => {
  it.each<[string, unknown, ReturnType<typeof heartbeatState>]>([
    ['nothing', undefined, { state: {} }],
    ['null', null, { state: {} }],
    ['what a board sends', { online: true, voiceMissing: false, soundBlocked: true, silent: false, userAgent: 'Mozilla/5.0' }, { state: { online: true, voiceMissing: false, soundBlocked: true, silent: false, userAgent: 'Mozilla/5.0' } }],
    ['printer fields', { paper: 'near_end', coverOpen: false, printerError: null }, { state: { paper: 'near_end', coverOpen: false, printerError: null } }],
    ['unknown fields are dropped', { online: true, extra: 'x'.repeat(10_000), __proto__: { polluted: true }, constructor: 1 }, { state: { online: true } }],
    ['a wrong type', { online: 'yes' }, { invalidField: 'state.online' }],
    ['an unknown paper state', { paper: 'empty' }, { invalidField: 'state.paper' }],
    ['an overlong user agent', { userAgent: 'x'.repeat(301) }, { invalidField: 'state.userAgent' }],
    ['not an object', 'online', { invalidField: 'state' }],
    ['an array', [true], { invalidField: 'state' }],
  ])('%s', (_name, input, expected) => {
    expect(heartbeatState(input)).toEqual(expected);
  });
});
