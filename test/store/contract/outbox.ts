import { describe, expect, it } from 'vitest';
import type { NewOutboxMessage } from '../../../server/store/repositories/outbox.js';
import type { Store } from '../../../server/store/store.js';
import { DAY, MINUTE, NEXT_DAY, NOW, PREVIOUS_DAY, ids, seed, unique, useStore, type StoreEngine } from './harness.js';

const message = (hallId: number, overrides: Partial<NewOutboxMessage> = {}): NewOutboxMessage => ({
  hallId,
  messageId: unique('00000000-0000-4000-8000'),
  type: 'rating',
  ratingId: 1,
  caseId: null,
  data: { ratingId: 1, level: 5, reasons: ['一', '二'], nested: { ok: true } },
  serviceDay: DAY,
  createdAt: NOW,
  ...overrides,
});

async function hallWith(store: Store, drafts: (hallId: number) => NewOutboxMessage[]) {
  return store.transact(async (tx) => {
    const s = await seed(tx);
    const made = [];
    for (const d of drafts(s.hall.id)) made.push(await tx.outbox.insert(d));
    return { hallId: s.hall.id, made };
  });
}

export function outboxContract(engine: StoreEngine): void {
  describe('outbox (上报)', () => {
    const store = useStore(engine);

    it('a message is made pending, due at once, untried; its data round-trips; a message id is never used twice', async () => {
      const { hallId, made } = await hallWith(store(), (h) => [message(h)]);
      const m = made[0]!;
      expect(m).toEqual({
        id: expect.any(Number),
        ...message(hallId, { messageId: m.messageId }),
        status: 'pending',
        attempts: 0,
        nextAttemptAt: NOW,
        lastError: null,
        lastStatus: null,
        firstAttemptAt: null,
        acknowledgedAt: null,
        deadAt: null,
      });
      expect(await store().read((tx) => tx.outbox.get(m.id))).toEqual(m);
      await expect(store().transact((tx) => tx.outbox.insert(message(hallId, { messageId: m.messageId, ratingId: 2 })))).rejects.toThrow();
      expect(await store().read((tx) => tx.outbox.get(m.id))).toEqual(m);
    });

    it('due: pending messages whose time has come, soonest first then by id, at most limit', async () => {
      const { made } = await hallWith(store(), (h) => [
        message(h, { createdAt: NOW + 2 * MINUTE }),
        message(h, { createdAt: NOW }),
        message(h, { createdAt: NOW + 10 * MINUTE }),
        message(h, { createdAt: NOW }),
      ]);
      const [later, first, future, second] = made;
      await store().transact((tx) => tx.outbox.recordAttempt(second!.id, { result: 'acknowledged', at: NOW, status: 200 }));
      const due = await store().read((tx) => tx.outbox.due(NOW + 5 * MINUTE, 100));
      const mine = ids(due).filter((id) => ids(made).includes(id));
      expect(mine).toEqual([first!.id, later!.id]);
      expect(mine).not.toContain(future!.id);
      const limited = await store().read((tx) => tx.outbox.due(NOW + 5 * MINUTE, 1));
      expect(limited).toHaveLength(1);
    });

    it('recordAttempt: a retry keeps the first attempt time and the error; acknowledged clears it; dead stops it', async () => {
      const { made } = await hallWith(store(), (h) => [message(h), message(h)]);
      const [a, b] = made;
      await store().transact((tx) =>
        tx.outbox.recordAttempt(a!.id, {
          result: 'retry',
          at: NOW + MINUTE,
          status: 500,
          error: 'HTTP 500',
          nextAttemptAt: NOW + 2 * MINUTE,
        }),
      );
      await store().transact((tx) =>
        tx.outbox.recordAttempt(a!.id, {
          result: 'retry',
          at: NOW + 2 * MINUTE,
          status: null,
          error: 'timeout',
          nextAttemptAt: NOW + 4 * MINUTE,
        }),
      );
      expect(await store().read((tx) => tx.outbox.get(a!.id))).toMatchObject({
        status: 'pending',
        attempts: 2,
        firstAttemptAt: NOW + MINUTE,
        lastStatus: null,
        lastError: 'timeout',
        nextAttemptAt: NOW + 4 * MINUTE,
      });
      await store().transact((tx) => tx.outbox.recordAttempt(a!.id, { result: 'acknowledged', at: NOW + 4 * MINUTE, status: 409 }));
      expect(await store().read((tx) => tx.outbox.get(a!.id))).toMatchObject({
        status: 'acknowledged',
        attempts: 3,
        firstAttemptAt: NOW + MINUTE,
        acknowledgedAt: NOW + 4 * MINUTE,
        lastStatus: 409,
        lastError: null,
      });
      await store().transact((tx) =>
        tx.outbox.recordAttempt(b!.id, { result: 'dead', at: NOW + 3 * MINUTE, status: 400, error: 'HTTP 400' }),
      );
      expect(await store().read((tx) => tx.outbox.get(b!.id))).toMatchObject({
        status: 'dead',
        attempts: 1,
        deadAt: NOW + 3 * MINUTE,
        lastError: 'HTTP 400',
      });
      const due = ids(await store().read((tx) => tx.outbox.due(NOW + 24 * 60 * MINUTE, 1000)));
      expect(due).not.toContain(a!.id);
      expect(due).not.toContain(b!.id);
    });

    it('revive sends dead messages again with the same id and count; only the hall’s dead ones, all or by id', async () => {
      const one = await hallWith(store(), (h) => [message(h), message(h), message(h)]);
      const other = await hallWith(store(), (h) => [message(h)]);
      const [d1, d2, alive] = one.made;
      for (const m of [d1!, d2!, other.made[0]!]) {
        await store().transact((tx) => tx.outbox.recordAttempt(m.id, { result: 'dead', at: NOW, status: 500, error: 'HTTP 500' }));
      }
      expect(await store().transact((tx) => tx.outbox.revive(one.hallId, [d1!.id, alive!.id, other.made[0]!.id], NOW + MINUTE))).toBe(1);
      expect(await store().read((tx) => tx.outbox.get(d1!.id))).toMatchObject({
        status: 'pending',
        nextAttemptAt: NOW + MINUTE,
        attempts: 1,
        deadAt: null,
        messageId: d1!.messageId,
      });
      expect((await store().read((tx) => tx.outbox.get(other.made[0]!.id)))?.status).toBe('dead');
      expect(await store().transact((tx) => tx.outbox.revive(one.hallId, 'all', NOW + 2 * MINUTE))).toBe(1);
      expect((await store().read((tx) => tx.outbox.get(d2!.id)))?.status).toBe('pending');
      expect(await store().transact((tx) => tx.outbox.revive(one.hallId, [], NOW))).toBe(0);
    });

    it('days counts per day, newest first, within the range and the hall; the last error is of a message not acknowledged', async () => {
      const { hallId, made } = await hallWith(store(), (h) => [
        message(h, { serviceDay: PREVIOUS_DAY }),
        message(h),
        message(h),
        message(h),
        message(h, { type: 'case', caseId: 7 }),
        message(h, { serviceDay: NEXT_DAY }),
      ]);
      await hallWith(store(), (h) => [message(h)]);
      const [, ack, retried, dead] = made;
      await store().transact(async (tx) => {
        await tx.outbox.recordAttempt(ack!.id, {
          result: 'retry',
          at: NOW,
          status: 502,
          error: 'HTTP 502 old',
          nextAttemptAt: NOW + MINUTE,
        });
        await tx.outbox.recordAttempt(ack!.id, { result: 'acknowledged', at: NOW + MINUTE, status: 200 });
        await tx.outbox.recordAttempt(retried!.id, {
          result: 'retry',
          at: NOW + 2 * MINUTE,
          status: 503,
          error: 'HTTP 503',
          nextAttemptAt: NOW + 3 * MINUTE,
        });
        await tx.outbox.recordAttempt(dead!.id, { result: 'dead', at: NOW + MINUTE, status: 400, error: 'HTTP 400' });
      });
      const days = await store().read((tx) => tx.outbox.days(hallId, PREVIOUS_DAY, DAY));
      expect(days).toEqual([
        { serviceDay: DAY, made: 4, sent: 3, acknowledged: 1, waiting: 2, dead: 1, lastError: 'HTTP 503' },
        { serviceDay: PREVIOUS_DAY, made: 1, sent: 0, acknowledged: 0, waiting: 1, dead: 0, lastError: null },
      ]);
      expect(await store().read((tx) => tx.outbox.countByType(hallId, DAY))).toEqual({ rating: 3, case: 1 });
      expect(ids(await store().read((tx) => tx.outbox.ofDay(hallId, DAY)))).toEqual(ids(made.slice(1, 5)));
      expect(ids(await store().read((tx) => tx.outbox.ofDay(hallId, DAY, ['dead', 'acknowledged'])))).toEqual([ack!.id, dead!.id]);
    });

    it('failingSince: when the oldest message still being retried was first tried; acknowledged and untried ones do not count', async () => {
      const { hallId, made } = await hallWith(store(), (h) => [message(h), message(h), message(h)]);
      expect(await store().read((tx) => tx.outbox.failingSince(hallId))).toBeNull();
      const [a, b] = made;
      await store().transact(async (tx) => {
        await tx.outbox.recordAttempt(a!.id, {
          result: 'retry',
          at: NOW + 5 * MINUTE,
          status: 500,
          error: 'x',
          nextAttemptAt: NOW + 6 * MINUTE,
        });
        await tx.outbox.recordAttempt(b!.id, {
          result: 'retry',
          at: NOW + MINUTE,
          status: 500,
          error: 'x',
          nextAttemptAt: NOW + 2 * MINUTE,
        });
      });
      expect(await store().read((tx) => tx.outbox.failingSince(hallId))).toBe(NOW + MINUTE);
      await store().transact((tx) => tx.outbox.recordAttempt(b!.id, { result: 'acknowledged', at: NOW + 2 * MINUTE, status: 200 }));
      expect(await store().read((tx) => tx.outbox.failingSince(hallId))).toBe(NOW + 5 * MINUTE);
    });
  });
}
