import { describe, expect, it } from 'vitest';
import type { AuditQuery } from '../../../server/store/repositories/audit.js';
import type { EventDraft, EventRecord } from '../../../server/store/repositories/events.js';
import { NOW, seed, unique, useStore, type Seeded, type StoreEngine } from './harness.js';

type Named =
  | 'managerRoutine'
  | 'clerkInOrder'
  | 'clerkOutOfOrder'
  | 'clerkPause'
  | 'clerkFinish'
  | 'devicePause'
  | 'systemConfig'
  | 'adminStart'
  | 'clerkCancel';

export function auditContract(engine: StoreEngine): void {
  describe('audit', () => {
    const store = useStore(engine);
    const setup = () =>
      store().transact(async (tx) => {
        const s = await seed(tx);
        const admin = await tx.users.insert({
          hallId: null,
          username: unique('admin'),
          displayName: '系统管理员',
          staffNo: '',
          role: 'admin',
          passwordHash: 'hash',
          photoUrl: null,
          disabled: false,
        });
        const by = (u: { id: number; displayName: string }) => ({ actorKind: 'user', actorId: u.id, actorName: u.displayName });
        let at = NOW;
        const add = (o: Partial<EventDraft> & Pick<EventDraft, 'type' | 'actorKind'>) =>
          tx.events.append(s.hall.id, { at: ++at, actorId: null, actorName: '', ...o });
        const e: Record<Named, EventRecord> = {
          managerRoutine: await add({ type: 'ticket:finished', ...by(s.manager) }),
          clerkInOrder: await add({ type: 'ticket:called', ...by(s.clerk) }),
          clerkOutOfOrder: await add({ type: 'ticket:called', ...by(s.clerk), reason: '优先 绿色通道' }),
          clerkPause: await add({ type: 'window:status', ...by(s.clerk), reason: '午休', data: { status: 'paused' } }),
          clerkFinish: await add({ type: 'ticket:finished', ...by(s.clerk), reason: 'finished 100%' }),
          devicePause: await add({ type: 'window:status', actorKind: 'device', actorId: 1, actorName: 'pad' }),
          systemConfig: await add({ type: 'config:changed', actorKind: 'system', actorName: 'system' }),
          adminStart: await add({ type: 'ticket:started', ...by(admin) }),
          clerkCancel: await add({ type: 'ticket:cancelled', ...by(s.clerk), reason: 'a_b', data: { number: 'A007' } }),
        };
        return [s, e] as const;
      });

    const cases: {
      name: string;
      query: (s: Seeded, e: Record<Named, EventRecord>) => Omit<AuditQuery, 'hallId' | 'limit'> & { limit?: number };
      expected: Named[];
    }[] = [
      {
        name: 'what belongs in the log: everything a manager or admin does; staff changes; out-of-order calls',
        query: () => ({}),
        expected: ['clerkCancel', 'adminStart', 'clerkPause', 'clerkOutOfOrder', 'managerRoutine'],
      },
      { name: 'types', query: () => ({ types: ['ticket:called', 'ticket:finished'] }), expected: ['clerkOutOfOrder', 'managerRoutine'] },
      { name: 'actor', query: (s) => ({ actorId: s.clerk.id }), expected: ['clerkCancel', 'clerkPause', 'clerkOutOfOrder'] },
      {
        name: 'time range, both ends included',
        query: (_s, e) => ({ fromAt: e.clerkOutOfOrder.at, toAt: e.adminStart.at }),
        expected: ['adminStart', 'clerkPause', 'clerkOutOfOrder'],
      },
      {
        name: 'before a sequence number',
        query: (_s, e) => ({ beforeSeq: e.clerkPause.seq }),
        expected: ['clerkOutOfOrder', 'managerRoutine'],
      },
      { name: 'after a sequence number', query: (_s, e) => ({ afterSeq: e.clerkPause.seq }), expected: ['clerkCancel', 'adminStart'] },
      { name: 'limit', query: () => ({ limit: 2 }), expected: ['clerkCancel', 'adminStart'] },
      { name: 'word in the reason', query: () => ({ text: '绿色' }), expected: ['clerkOutOfOrder'] },
      { name: 'word in the actor’s name', query: () => ({ text: '管理员' }), expected: ['adminStart'] },
      { name: 'word in the facts', query: () => ({ text: 'A007' }), expected: ['clerkCancel'] },
      { name: '_ is an underscore, not a wildcard', query: () => ({ text: 'a_b' }), expected: ['clerkCancel'] },
      { name: '% is a percent sign (the only % is in an event outside the log)', query: () => ({ text: '%' }), expected: [] },
    ];
    for (const c of cases) {
      it(c.name, async () => {
        const [s, e] = await setup();
        const found = await store().read((tx) => tx.audit.query({ hallId: s.hall.id, limit: 50, ...c.query(s, e) }));
        expect(found).toEqual(c.expected.map((name) => e[name]));
      });
    }
  });
}
