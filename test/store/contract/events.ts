import { describe, expect, it } from 'vitest';
import type { EventDraft, EventQuery, EventRecord } from '../../../server/store/repositories/events.js';
import { NOW, seed, useStore, type StoreEngine } from './harness.js';

const draft = (overrides: Partial<EventDraft> = {}): EventDraft => ({
  type: 'hall:notice',
  at: NOW,
  actorKind: 'system',
  actorId: null,
  actorName: '',
  ...overrides,
});

export function eventsContract(engine: StoreEngine): void {
  describe('events', () => {
    const store = useStore(engine);

    it('append numbers each hall’s events from 1, fills the defaults, and moves the hall’s last sequence', async () => {
      const [s, other] = await store().transact(async (tx) => [await seed(tx), await seed(tx)]);
      const first = await store().transact((tx) => tx.events.append(s.hall.id, draft()));
      expect(first).toEqual({ hallId: s.hall.id, seq: 1, ...draft(), ticketId: null, windowId: null, reason: null, data: {} });
      const full = draft({
        type: 'ticket:called',
        actorKind: 'user',
        actorId: s.clerk.id,
        actorName: '李',
        ticketId: 7,
        windowId: s.windows.one.id,
        reason: '优先',
        data: { number: 'A001', to: [1, 2] },
      });
      const second = await store().transact((tx) => tx.events.append(s.hall.id, full));
      expect(second).toEqual({ hallId: s.hall.id, seq: 2, ...full });
      expect((await store().transact((tx) => tx.events.append(other.hall.id, draft()))).seq).toBe(1);
      expect((await store().read((tx) => tx.halls.get(s.hall.id)))?.lastSeq).toBe(2);
      expect(await store().read((tx) => tx.events.since(s.hall.id, 0, 10))).toEqual([first, second]);
    });

    it('append to an unknown hall throws', async () => {
      await expect(store().transact((tx) => tx.events.append(987_654, draft()))).rejects.toThrow();
    });

    it('since: after the given sequence, oldest first, at most `limit`, the hall’s only', async () => {
      const [s, other] = await store().transact(async (tx) => [await seed(tx), await seed(tx)]);
      const records = await store().transact(async (tx) => {
        const list: EventRecord[] = [];
        for (let i = 0; i < 5; i++) {
          list.push(await tx.events.append(s.hall.id, draft({ at: NOW + i })));
          await tx.events.append(other.hall.id, draft());
        }
        return list;
      });
      await store().read(async (tx) => {
        expect(await tx.events.since(s.hall.id, 2, 10)).toEqual(records.slice(2));
        expect(await tx.events.since(s.hall.id, 0, 2)).toEqual(records.slice(0, 2));
        expect(await tx.events.since(s.hall.id, 5, 10)).toEqual([]);
      });
    });

    describe('query: filters, newest first; words taken literally', () => {
      const store = useStore(engine);
      type Named = 'issued' | 'called' | 'paused' | 'notice' | 'config';
      const setup = () =>
        store().transact(async (tx) => {
          const s = await seed(tx);
          const add = (o: Partial<EventDraft>) => tx.events.append(s.hall.id, draft(o));
          const e: Record<Named, EventRecord> = {
            issued: await add({ type: 'ticket:issued', at: NOW + 1, actorKind: 'visitor', data: { number: 'A001' } }),
            called: await add({ type: 'ticket:called', at: NOW + 2, actorKind: 'user', actorName: '张三', reason: '优先' }),
            paused: await add({ type: 'window:status', at: NOW + 3, actorKind: 'user', actorName: '李四', reason: '午休 100%' }),
            notice: await add({ type: 'hall:notice', at: NOW + 4, reason: 'a_b' }),
            config: await add({ type: 'config:changed', at: NOW + 5, actorKind: 'user', actorName: '王五', reason: 'axb 100x C:\\dir' }),
          };
          // Another hall's event matches most filters and must never show.
          const other = await seed(tx);
          await tx.events.append(
            other.hall.id,
            draft({ type: 'window:status', actorKind: 'user', actorName: '张三', reason: '午休 100% a_b C:\\dir' }),
          );
          return [s, e] as const;
        });
      const cases: { name: string; query: Omit<EventQuery, 'hallId' | 'limit'> & { limit?: number }; expected: Named[] }[] = [
        { name: 'no filter', query: {}, expected: ['config', 'notice', 'paused', 'called', 'issued'] },
        { name: 'types', query: { types: ['ticket:called', 'window:status'] }, expected: ['paused', 'called'] },
        { name: 'actor kinds', query: { actorKinds: ['user'] }, expected: ['config', 'paused', 'called'] },
        { name: 'time range, both ends included', query: { fromAt: NOW + 2, toAt: NOW + 4 }, expected: ['notice', 'paused', 'called'] },
        { name: 'before a sequence number', query: { beforeSeq: 3 }, expected: ['called', 'issued'] },
        { name: 'limit', query: { limit: 2 }, expected: ['config', 'notice'] },
        { name: 'word in the actor’s name', query: { text: '张三' }, expected: ['called'] },
        { name: 'word in the reason', query: { text: '午休' }, expected: ['paused'] },
        { name: 'word in the facts', query: { text: 'A001' }, expected: ['issued'] },
        { name: 'word in the type', query: { text: 'notice' }, expected: ['notice'] },
        { name: '% is a percent sign, not a wildcard', query: { text: '100%' }, expected: ['paused'] },
        { name: '% alone', query: { text: '%' }, expected: ['paused'] },
        { name: '_ is an underscore, not a wildcard', query: { text: 'a_b' }, expected: ['notice'] },
        { name: '\\ is a backslash, not an escape', query: { text: 'C:\\dir' }, expected: ['config'] },
        { name: '\\ alone', query: { text: '\\' }, expected: ['config'] },
        { name: 'no match', query: { text: '不存在' }, expected: [] },
        { name: 'words and filters together', query: { text: '100', actorKinds: ['user'], toAt: NOW + 4 }, expected: ['paused'] },
      ];
      for (const c of cases) {
        it(c.name, async () => {
          const [s, e] = await setup();
          const found = await store().read((tx) => tx.events.query({ hallId: s.hall.id, limit: 50, ...c.query }));
          expect(found.map((r) => r.seq)).toEqual(c.expected.map((name) => e[name].seq));
          expect(found).toEqual(c.expected.map((name) => e[name]));
        });
      }
    });
  });
}
