/**
 * docs/design.md, invariant 1: a ticket is called by at most one window, also when many clerks press
 * "call next" at once or one clerk double-clicks.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestHall, DEMO_TOKENS, type Agent, type TestHall } from '../helpers/app.js';

let hall: TestHall;
let manager: Agent;
beforeEach(async () => {
  hall = await createTestHall();
  manager = await hall.signIn('manager');
});
afterEach(() => hall.close());

describe('many windows calling at once', () => {
  it('50 simultaneous "call next" on 10 windows sharing queues: every ticket called once, oldest first, none skipped', async () => {
    // Open ten 无差别 windows: the demo's eight open ones plus 9 and 11 with the floating clerks.
    for (const [clerk, number] of [
      ['clerk09', '9'],
      ['clerk10', '11'],
    ] as const) {
      const agent = await hall.signIn(clerk);
      await agent.post(`/api/windows/${hall.ids.window(number)}/sign-in`);
      await agent.post(`/api/windows/${hall.ids.window(number)}/status`, { status: 'open' });
    }
    const windows = ['1', '2', '3', '4', '6', '8', '9', '10', '11', '12'].map((n) => hall.ids.window(n));
    for (const id of windows) {
      expect((await manager.put(`/api/windows/${id}/services`, { mode: 'hall', services: [] })).statusCode).toBe(200);
    }
    const kiosk = hall.device(DEMO_TOKENS.kiosk);
    const issued: number[] = [];
    for (let i = 0; i < 50; i++) {
      hall.clock.advance(1000);
      const prefix = ['A', 'E', 'H', 'L', 'P'][i % 5]!;
      issued.push((await kiosk.post(`/api/halls/${hall.hallId}/tickets`, { serviceId: hall.ids.service(prefix) })).json().ticket.id);
    }

    const calledInOrder: number[] = [];
    for (let round = 0; round < 5; round++) {
      hall.clock.advance(60_000);
      // 50 requests at once: five per window.
      const results = await Promise.all(
        windows.flatMap((id) => Array.from({ length: 5 }, () => manager.post(`/api/windows/${id}/call-next`))),
      );
      const ok = results.filter((r) => r.statusCode === 200).map((r) => r.json().ticket.id as number);
      const refused = results.filter((r) => r.statusCode !== 200).map((r) => r.json().code);
      expect(ok).toHaveLength(10);
      expect(new Set(ok).size).toBe(10);
      expect(new Set(refused)).toEqual(new Set(['window_busy']));
      // The ten called are exactly the ten oldest still waiting.
      expect([...ok].sort((a, b) => a - b)).toEqual(issued.slice(round * 10, round * 10 + 10));
      calledInOrder.push(...ok);
      await Promise.all(windows.map((id) => manager.post(`/api/windows/${id}/no-show`)));
    }
    expect(new Set(calledInOrder).size).toBe(50);
    const calls = await hall.store.read((tx) => tx.events.query({ hallId: hall.hallId, types: ['ticket:called'], limit: 1000 }));
    expect(calls).toHaveLength(50);
    expect(new Set(calls.map((e) => e.ticketId)).size).toBe(50);
  });

  it('a double click by one clerk calls one ticket', async () => {
    const kiosk = hall.device(DEMO_TOKENS.kiosk);
    await kiosk.post(`/api/halls/${hall.hallId}/tickets`, { serviceId: hall.ids.service('A') });
    await kiosk.post(`/api/halls/${hall.hallId}/tickets`, { serviceId: hall.ids.service('A') });
    const clerk = await hall.signIn('clerk01');
    const w1 = hall.ids.window('1');
    const [a, b] = await Promise.all([clerk.post(`/api/windows/${w1}/call-next`), clerk.post(`/api/windows/${w1}/call-next`)]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    // With an idempotency key both clicks answer the same ticket.
    await clerk.post(`/api/windows/${w1}/no-show`);
    const [c, d] = await Promise.all([
      clerk.post(`/api/windows/${w1}/call-next`, {}, { idempotencyKey: 'dbl-click-0001' }),
      clerk.post(`/api/windows/${w1}/call-next`, {}, { idempotencyKey: 'dbl-click-0001' }),
    ]);
    expect(c.statusCode).toBe(200);
    expect(d.json()).toEqual(c.json());
    const waiting = await hall.store.read((tx) =>
      tx.tickets.list({ hallId: hall.hallId, serviceDay: '2026-11-23', statuses: ['waiting'] }),
    );
    expect(waiting).toHaveLength(0);
  });

  it('simultaneous issues never share a number', async () => {
    const kiosk = hall.device(DEMO_TOKENS.kiosk);
    const results = await Promise.all(
      Array.from({ length: 60 }, () => kiosk.post(`/api/halls/${hall.hallId}/tickets`, { serviceId: hall.ids.service('B') })),
    );
    const numbers = results.map((r) => r.json().ticket.number as string).sort();
    expect(numbers).toEqual(Array.from({ length: 60 }, (_, i) => `B${String(i + 1).padStart(3, '0')}`));
  });
});
