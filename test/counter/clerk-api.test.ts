/**
 * The API as the clerk console uses it: a double click of "call next" (the console's retry
 * sends the same idempotency key; two quick presses without it are two requests) calls one
 * ticket; a clerk cannot act on a window they are not signed in to, nor sign in to a window
 * they are not assigned to — refused with a message, nothing written.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WindowDetail } from '../../common/protocol.js';
import { availableActions } from '../../counter/clerk/actions.js';
import { commandRequest } from '../../counter/clerk/command-runner.js';
import { createTestHall, DEMO_TOKENS, type Agent, type TestHall } from '../helpers/app.js';
import { fingerprint } from '../helpers/fingerprint.js';

let hall: TestHall;
let clerk01: Agent;
let w1: number;

beforeEach(async () => {
  hall = await createTestHall();
  clerk01 = await hall.signIn('clerk01');
  w1 = hall.ids.window('1');
  const kiosk = hall.device(DEMO_TOKENS.kiosk);
  for (const prefix of ['A', 'A', 'B'])
    expect((await kiosk.post(`/api/halls/${hall.hallId}/tickets`, { serviceId: hall.ids.service(prefix) })).statusCode).toBe(201);
});
afterEach(() => hall.close());

const calledEvents = () => hall.store.read((tx) => tx.events.query({ hallId: hall.hallId, types: ['ticket:called'], limit: 10 }));

describe('double call-next', () => {
  it('the same key sent twice at once (a retry) calls one ticket and both answers are that call', async () => {
    const [a, b] = await Promise.all([
      clerk01.post(`/api/windows/${w1}/call-next`, {}, { idempotencyKey: 'desk-action-0001' }),
      clerk01.post(`/api/windows/${w1}/call-next`, {}, { idempotencyKey: 'desk-action-0001' }),
    ]);
    expect(a.statusCode).toBe(200);
    expect(b.statusCode).toBe(200);
    expect(b.json()).toEqual(a.json());
    expect(a.json().ticket.number).toBe('A001');
    expect(await calledEvents()).toHaveLength(1);
  });

  it('two presses with two keys: the second is refused because the first ticket is open', async () => {
    const [a, b] = await Promise.all([
      clerk01.post(`/api/windows/${w1}/call-next`, {}, { idempotencyKey: 'desk-action-0002' }),
      clerk01.post(`/api/windows/${w1}/call-next`, {}, { idempotencyKey: 'desk-action-0003' }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const refused = a.statusCode === 409 ? a : b;
    expect(refused.json()).toMatchObject({
      code: 'window_busy',
      message: expect.stringContaining('A001'),
      messageEn: expect.stringContaining('A001'),
    });
    expect(await calledEvents()).toHaveLength(1);
  });
});

describe('a clerk on a window not theirs', () => {
  it('every command on window 2 (clerk02’s) is refused and writes nothing', async () => {
    const w2 = hall.ids.window('2');
    const before = fingerprint(hall.store);
    for (const [command, body] of [
      ['call-next', {}],
      ['call', { number: 'A001', reason: '帮忙' }],
      ['status', { status: 'paused', reason: '午休' }],
      ['sign-out', {}],
    ] as const) {
      const res = await clerk01.post(`/api/windows/${w2}/${command}`, body);
      expect(res.statusCode, command).toBe(403);
      expect(res.json()).toMatchObject({
        code: 'not_your_window',
        message: expect.stringContaining('只能操作自己登录的窗口'),
        messageEn: expect.any(String),
      });
    }
    expect(fingerprint(hall.store)).toBe(before);
  });

  it('signing in to a window the clerk is not assigned to is refused', async () => {
    // clerk01 may staff the 社保 zone (1–3) and the 无差别 windows (8, 9); not window 12.
    const me = (await clerk01.get('/api/auth/me')).json();
    expect(me.windows.map((w: { number: string }) => w.number)).toEqual(['1', '2', '3', '8', '9']);
    const before = fingerprint(hall.store);
    const res = await clerk01.post(`/api/windows/${hall.ids.window('12')}/sign-in`);
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('window_not_permitted');
    expect(fingerprint(hall.store)).toBe(before);
  });

  it('signing in to a window another clerk holds is refused with their name', async () => {
    const res = await clerk01.post(`/api/windows/${hall.ids.window('2')}/sign-in`);
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'window_taken', message: expect.stringContaining('张伟') });
  });
});

describe('the console offers only what the server accepts', () => {
  it('for a called and a served ticket, every action the console enables is accepted, and the rest are refused', async () => {
    const offered: Record<string, string[]> = {};
    for (let i = 0; i < 12; i++)
      await hall.device(DEMO_TOKENS.kiosk).post(`/api/halls/${hall.hallId}/tickets`, { serviceId: hall.ids.service('A') });
    for (const status of ['called', 'serving'] as const) {
      for (const action of ['recall', 'start', 'no-show', 'finish', 'transfer', 'hold'] as const) {
        // A fresh ticket at window 1 in this status, then the console's own request for the action.
        const left = (await clerk01.get(`/api/windows/${w1}`)).json().window.current;
        if (left)
          expect((await clerk01.post(`/api/windows/${w1}/${left.status === 'called' ? 'no-show' : 'finish'}`)).statusCode).toBe(200);
        expect((await clerk01.post(`/api/windows/${w1}/call-next`)).statusCode).toBe(200);
        if (status === 'serving') expect((await clerk01.post(`/api/windows/${w1}/start`)).statusCode).toBe(200);
        const now = (await clerk01.get(`/api/windows/${w1}`)).json<WindowDetail>();
        const ticketId = now.window.current!.id;
        const enabled = availableActions(now).has(action);
        if (enabled) (offered[status] ??= []).push(action);
        const command =
          action === 'transfer'
            ? ({ kind: 'transfer', ticketId, toServiceId: hall.ids.service('B'), note: '测试' } as const)
            : ({ kind: action, ticketId } as const);
        const { path, body } = commandRequest(w1, command);
        const res = await clerk01.post(path, body);
        if (enabled) expect(res.statusCode, `${status} ${action}: ${res.body}`).toBe(200);
        else expect(res.statusCode, `${status} ${action}: ${res.body}`).toBe(409);
      }
    }
    expect(offered).toEqual({ called: ['recall', 'start', 'no-show'], serving: ['finish', 'transfer', 'hold'] });
  });
});
