/**
 * The clerk console's rules, as tables: which key does what, which actions a window allows,
 * the request of each command, which events concern a window, what the clerk sees of the pad,
 * the command runner (one idempotency key per action, reused on retry, nothing twice), and what
 * happens to a key pressed while a command runs (it waits for it, once; never a second call).
 */
import { describe, expect, it } from 'vitest';
import { ApiRequestError, OfflineError } from '../../common/ui/api.js';
import { actionForKey, actionOfCommand, availableActions, isTyping, type ActionId, type DeskCommand } from '../../counter/clerk/actions.js';
import { CommandRunner, commandRequest } from '../../counter/clerk/command-runner.js';
import { KeyQueue } from '../../counter/clerk/key-queue.js';
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

describe('keys pressed while a command runs (KeyQueue)', () => {
  const host = { addController() {}, requestUpdate() {}, removeController() {}, updateComplete: Promise.resolve(true) };
  const serving = { ...calledTicket, status: 'serving' as const, servingAt: 1 };
  const idle = detail();
  const called = detail({}, { current: calledTicket });

  /**
   * A console in miniature: a runner whose command the server holds open until the test answers
   * it, the key queue, and the window the console shows once the command is done.
   */
  function desk() {
    const sent: DeskCommand[] = [];
    let answer!: (ok: boolean) => void;
    const runner = new CommandRunner(host, async (command) => {
      sent.push(command);
      const ok = await new Promise<boolean>((r) => (answer = r));
      if (!ok) throw new ApiRequestError({ statusCode: 409, code: 'queue_empty', message: '无人等候', messageEn: 'Nobody waits' });
    });
    const keys = new KeyQueue();
    let running: Promise<boolean> | null = null;
    return {
      sent,
      keys,
      run(command: DeskCommand) {
        running = runner.run(command);
        expect(runner.busy).toBe(command.kind);
      },
      /** A key while the command runs: what becomes of it. */
      press: (id: ActionId) => keys.pressWhileBusy(id, actionOfCommand(runner.busy!)),
      /** The server answers; the console then shows `after`. Returns the key to run now. */
      async answer(ok: boolean, after = idle) {
        answer(ok);
        expect(await running).toBe(ok);
        expect(runner.busy).toBeNull();
        return keys.commandDone(ok, availableActions(after));
      },
    };
  }

  it('Space, then S before the call is answered: S waits, then starts serving the ticket just called', async () => {
    const d = desk();
    d.run({ kind: 'call-next' });
    expect(d.press('start')).toBe('waits');
    expect(d.keys.waiting).toBe('start');
    expect(d.keys.note).toEqual({ kind: 'waiting', action: 'start' });
    expect(d.sent).toEqual([{ kind: 'call-next' }]); // nothing sent for S while the call runs
    expect(await d.answer(true, called)).toBe('start');
    expect(d.keys.note).toBeNull();
    expect(d.keys.waiting).toBeNull();
  });

  it('the call fails: the waiting S is dropped, and the clerk is told', async () => {
    const d = desk();
    d.run({ kind: 'call-next' });
    d.press('start');
    expect(await d.answer(false, idle)).toBeNull();
    expect(d.keys.note).toEqual({ kind: 'dropped-failed', action: 'start' });
    expect(d.keys.waiting).toBeNull();
  });

  it('a waiting key that no longer applies is dropped with a note: F after H (the held ticket is gone from the counter)', async () => {
    const d = desk();
    d.run({ kind: 'hold', ticketId: 21 });
    expect(d.press('finish')).toBe('waits');
    expect(await d.answer(true, detail({ held: [{ ...serving, status: 'held' }] }))).toBeNull();
    expect(d.keys.note).toEqual({ kind: 'dropped-not-applicable', action: 'finish' });
  });

  it('Space pressed again while the call runs adds nothing: one call, never two (invariant 1)', async () => {
    const d = desk();
    d.run({ kind: 'call-next' });
    expect(d.press('call-next')).toBe('repeat');
    expect(d.press('call-next')).toBe('repeat');
    expect(d.keys.waiting).toBeNull();
    // Even where a second call would be possible (the first found the window free again).
    expect(await d.answer(true, idle)).toBeNull();
    expect(d.sent).toEqual([{ kind: 'call-next' }]);
  });

  it('F, then Space Space while it runs: finish, then one call', async () => {
    const d = desk();
    d.run({ kind: 'finish', ticketId: 21 });
    expect(d.press('call-next')).toBe('waits');
    expect(d.press('call-next')).toBe('repeat');
    expect(await d.answer(true, idle)).toBe('call-next');
    // The call it starts runs like any other: Space during it adds nothing.
    d.run({ kind: 'call-next' });
    expect(d.press('call-next')).toBe('repeat');
    expect(await d.answer(true, called)).toBeNull();
    expect(d.sent).toEqual([{ kind: 'finish', ticketId: 21 }, { kind: 'call-next' }]);
  });

  it('one key waits at most: another is refused with a note naming the one that waits', async () => {
    const d = desk();
    d.run({ kind: 'call-next' });
    d.press('start');
    expect(d.press('no-show')).toBe('refused');
    expect(d.keys.note).toEqual({ kind: 'refused-busy', action: 'no-show', waiting: 'start' });
    expect(await d.answer(true, called)).toBe('start');
  });

  it('a key pressed during 重排 (a list button, no key of its own) waits like any other', async () => {
    const d = desk();
    d.run({ kind: 'requeue', ticketId: 32 });
    expect(d.press('resume-first')).toBe('waits');
    expect(await d.answer(true, detail({ held: [{ ...serving, status: 'held' }] }))).toBe('resume-first');
  });

  it('a key whose action the window does not allow, while nothing runs, gets a note until the next action', () => {
    const keys = new KeyQueue();
    keys.refuseNotAvailable('finish');
    expect(keys.note).toEqual({ kind: 'not-available', action: 'finish' });
    keys.clearNote();
    expect(keys.note).toBeNull();
  });
});
