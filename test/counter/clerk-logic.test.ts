/**
 * The clerk console's rules, as tables: which key does what, which actions a window allows,
 * the request of each command, which events concern a window, what the clerk sees of the pad,
 * and the command runner (one idempotency key per action, reused on retry, nothing twice).
 */
import { describe, expect, it } from 'vitest';
import { ApiRequestError, OfflineError } from '../../common/ui/api.js';
import { actionForKey, availableActions, isTyping, type DeskCommand } from '../../counter/clerk/actions.js';
import { CommandRunner, commandRequest } from '../../counter/clerk/command-runner.js';
import { concernsWindow, padStatusAfter } from '../../counter/clerk/window-events.js';
import { calledTicket, detail, ticket } from './fixtures.js';

const key = (k: string, mods: Partial<KeyboardEvent> = {}) => ({
  key: k,
  ctrlKey: false,
  altKey: false,
  metaKey: false,
  repeat: false,
  ...mods,
});

describe('shortcuts', () => {
  it.each([
    [' ', 'call-next'],
    ['n', 'call-next'],
    ['N', 'call-next'],
    ['r', 'recall'],
    ['s', 'start'],
    ['f', 'finish'],
    ['m', 'no-show'],
    ['h', 'hold'],
    ['b', 'resume-first'],
    ['t', 'transfer'],
    ['c', 'select-call'],
    ['p', 'pause-toggle'],
    ['o', 'open-toggle'],
    ['x', null],
    ['F5', null],
    ['Enter', null],
  ])('%j → %s', (k, expected) => {
    expect(actionForKey(key(k))).toBe(expected);
  });

  it('keys with Ctrl, Alt or Meta belong to the browser; a held key does not repeat the action', () => {
    expect(actionForKey(key('r', { ctrlKey: true }))).toBeNull();
    expect(actionForKey(key('f', { altKey: true }))).toBeNull();
    expect(actionForKey(key('c', { metaKey: true }))).toBeNull();
    expect(actionForKey(key(' ', { repeat: true }))).toBeNull();
  });

  it('typing in a field is not a shortcut', () => {
    expect(isTyping({ tagName: 'INPUT' } as unknown as EventTarget)).toBe(true);
    expect(isTyping({ tagName: 'TEXTAREA' } as unknown as EventTarget)).toBe(true);
    expect(isTyping({ tagName: 'DIV', isContentEditable: true } as unknown as EventTarget)).toBe(true);
    expect(isTyping({ tagName: 'BUTTON' } as unknown as EventTarget)).toBe(false);
    expect(isTyping(null)).toBe(false);
  });
});

describe('available actions', () => {
  const serving = { ...calledTicket, status: 'serving' as const, servingAt: 1 };
  const held = [ticket(31, 'B004', { status: 'held', windowId: 1 })];
  it.each([
    ['open, idle', detail(), ['call-next', 'select-call', 'pause-toggle', 'open-toggle']],
    // 办结 and 转移 wait until the visitor is being served: the lifecycle refuses them for a called ticket.
    ['open, a ticket called', detail({}, { current: calledTicket }), ['recall', 'start', 'no-show', 'pause-toggle']],
    ['open, a ticket served', detail({}, { current: serving }), ['finish', 'transfer', 'hold', 'pause-toggle']],
    ['open, idle with a held ticket', detail({ held }), ['call-next', 'select-call', 'resume-first', 'transfer', 'pause-toggle']],
    ['paused', detail({}, { status: 'paused' }), ['pause-toggle', 'open-toggle']],
    ['closed with the clerk', detail({}, { status: 'closed' }), ['open-toggle']],
    ['closed, nobody signed in', detail({}, { status: 'closed', clerk: null }), []],
  ])('%s', (_name, d, expected) => {
    expect([...availableActions(d)].sort()).toEqual([...expected].sort());
  });
});

describe('command requests', () => {
  it.each<[DeskCommand, string, unknown]>([
    [{ kind: 'call-next' }, 'call-next', {}],
    [{ kind: 'finish', ticketId: 5 }, 'finish', { ticketId: 5 }],
    [{ kind: 'no-show', ticketId: 5 }, 'no-show', { ticketId: 5 }],
    [{ kind: 'resume', ticketId: 6 }, 'resume', { ticketId: 6 }],
    [{ kind: 'transfer', ticketId: 5, toServiceId: 3, note: 'n' }, 'transfer', { ticketId: 5, toServiceId: 3, note: 'n' }],
    [{ kind: 'call', number: 'A012', reason: '绿色通道' }, 'call', { number: 'A012', reason: '绿色通道' }],
    [{ kind: 'pause', reason: '午休' }, 'status', { status: 'paused', reason: '午休' }],
    [{ kind: 'open' }, 'status', { status: 'open' }],
    [{ kind: 'close' }, 'status', { status: 'closed' }],
  ])('%j', (command, path, body) => {
    expect(commandRequest(9, command)).toEqual({ path: `/api/windows/9/${path}`, body });
  });
});

describe('events that concern window 1 (serving services 1, 2, 3)', () => {
  const d = detail();
  it.each([
    ['a ticket issued for a served service', { type: 'ticket:issued', ticket: ticket(1, 'A001') }, true],
    ['a ticket issued for another service', { type: 'ticket:issued', ticket: ticket(1, 'P001', { serviceId: 9 }) }, false],
    [
      'a call at another window of another service',
      { type: 'ticket:called', ticket: ticket(1, 'P001', { serviceId: 9, windowId: 12 }), window: { id: 12 } },
      false,
    ],
    ['a transfer to this window', { type: 'ticket:transferred', ticket: ticket(1, 'P001', { serviceId: 9, targetWindowId: 1 }) }, true],
    ['this window paused by a manager', { type: 'window:status', window: { id: 1 } }, true],
    ['a queue of a served service', { type: 'ticket:cancelled', queues: [{ serviceId: 2 }] }, true],
    ['a rating at this window', { type: 'rating:submitted', data: { windowId: 1 } }, true],
    ['the hall notice', { type: 'hall:notice', notice: 'x' }, false],
  ])('%s → %s', (_name, event, expected) => {
    expect(concernsWindow({ seq: 1, at: 0, reason: null, ...event } as never, 1, d)).toBe(expected);
  });
});

describe('what the clerk sees of the pad', () => {
  const requested = {
    seq: 1,
    at: 0,
    reason: null,
    type: 'rating:requested' as const,
    data: { windowId: 1, ticketId: 21, number: 'A007', deadline: 99 },
  };
  it('asking → rated or not rated; other windows and other tickets change nothing; the level never shows', () => {
    const asking = padStatusAfter(null, requested, 1);
    expect(asking).toEqual({ state: 'asking', ticketId: 21, number: 'A007', deadline: 99 });
    expect(padStatusAfter(null, requested, 2)).toBeNull();
    const rated = padStatusAfter(
      asking,
      { ...requested, type: 'rating:submitted', data: { windowId: 1, ticketId: 21, number: 'A007', level: 1 } },
      1,
    );
    expect(rated).toEqual({ state: 'rated', ticketId: 21, number: 'A007' });
    expect(padStatusAfter(asking, { ...requested, type: 'rating:expired', data: { windowId: 1, ticketId: 21 } }, 1)).toEqual({
      state: 'unrated',
      ticketId: 21,
      number: 'A007',
    });
    expect(padStatusAfter(asking, { ...requested, type: 'rating:submitted', data: { windowId: 1, ticketId: 3 } }, 1)).toBe(asking);
  });
});

describe('CommandRunner', () => {
  const host = { addController() {}, requestUpdate() {}, removeController() {}, updateComplete: Promise.resolve(true) };

  it('one action, one key: a lost answer is retried once under the same key, then offered for retry under it again', async () => {
    const keys: string[] = [];
    const runner = new CommandRunner(
      host,
      async (_c, k) => {
        keys.push(k);
        throw new OfflineError();
      },
      async () => {},
    );
    expect(await runner.run({ kind: 'call-next' })).toBe(false);
    expect(keys).toHaveLength(2);
    expect(keys[0]).toBe(keys[1]);
    expect(runner.failed).toMatchObject({ command: { kind: 'call-next' }, unknownOutcome: true });
    await runner.retry();
    expect(keys).toHaveLength(4);
    expect(new Set(keys).size).toBe(1);
  });

  it('a refusal is not retried and a second action while one runs is ignored', async () => {
    let calls = 0;
    let release!: () => void;
    const runner = new CommandRunner(host, async () => {
      calls++;
      await new Promise<void>((r) => (release = r));
      throw new ApiRequestError({ statusCode: 409, code: 'queue_empty', message: '无', messageEn: 'none' });
    });
    const first = runner.run({ kind: 'call-next' });
    expect(runner.busy).toBe('call-next');
    expect(await runner.run({ kind: 'call-next' })).toBe(false); // a double click
    release();
    expect(await first).toBe(false);
    expect(calls).toBe(1);
    expect(runner.busy).toBeNull();
    expect(runner.failed).toMatchObject({ unknownOutcome: false });
  });

  it('each new action gets a new key', async () => {
    const keys: string[] = [];
    const runner = new CommandRunner(host, async (_c, k) => void keys.push(k));
    await runner.run({ kind: 'call-next' });
    await runner.run({ kind: 'call-next' });
    expect(keys).toHaveLength(2);
    expect(keys[0]).not.toBe(keys[1]);
  });
});
