import { describe, expect, it } from 'vitest';
import type { NewCaseFile } from '../../../server/store/repositories/case-files.js';
import { NOW, ids, newTicket, seed, unique, useStore, type StoreEngine } from './harness.js';

const caseFile = (hallId: number, ticketId: number, overrides: Partial<NewCaseFile> = {}): NewCaseFile => ({
  hallId,
  ticketId,
  caseNumber: unique('BJ'),
  serviceCode: '11410822MB1527296H4000117000',
  serviceName: '城乡居民养老保险参保登记',
  department: '县人力资源和社会保障局',
  departmentCode: null,
  applicantName: '张*丰',
  applicantId: '110***********1234',
  source: 'api',
  createdAt: NOW,
  createdBy: '一窗受理',
  ...overrides,
});

export function caseFilesContract(engine: StoreEngine): void {
  describe('caseFiles (办件)', () => {
    const store = useStore(engine);

    it('every field round-trips; get, byNumber and ofTicket find it', async () => {
      const [s, ticket] = await store().transact(async (tx) => {
        const s = await seed(tx);
        return [s, await tx.tickets.insert(newTicket(s, { status: 'serving' }))] as const;
      });
      const draft = caseFile(s.hall.id, ticket.id, { departmentCode: '11410822MB1527296H', source: 'clerk' });
      const inserted = await store().transact((tx) => tx.caseFiles.insert(draft));
      expect(inserted).toEqual({ id: expect.any(Number), ...draft });
      await store().read(async (tx) => {
        expect(await tx.caseFiles.get(inserted.id)).toEqual(inserted);
        expect(await tx.caseFiles.byNumber(s.hall.id, draft.caseNumber)).toEqual(inserted);
        expect(await tx.caseFiles.ofTicket(ticket.id)).toEqual([inserted]);
        expect(await tx.caseFiles.get(inserted.id + 1000)).toBeNull();
        expect(await tx.caseFiles.byNumber(s.hall.id, 'NO-SUCH-NUMBER')).toBeNull();
      });
    });

    it('a 办件编号 is unique in its hall: a second one throws, another hall may use it', async () => {
      const [a, ticketA, b, ticketB] = await store().transact(async (tx) => {
        const a = await seed(tx);
        const b = await seed(tx);
        return [a, await tx.tickets.insert(newTicket(a)), b, await tx.tickets.insert(newTicket(b))] as const;
      });
      const number = unique('BJ');
      await store().transact((tx) => tx.caseFiles.insert(caseFile(a.hall.id, ticketA.id, { caseNumber: number })));
      await expect(
        store().transact((tx) => tx.caseFiles.insert(caseFile(a.hall.id, ticketA.id, { caseNumber: number }))),
      ).rejects.toThrow();
      await store().transact((tx) => tx.caseFiles.insert(caseFile(b.hall.id, ticketB.id, { caseNumber: number })));
      await store().read(async (tx) => {
        expect((await tx.caseFiles.byNumber(a.hall.id, number))?.ticketId).toBe(ticketA.id);
        expect((await tx.caseFiles.byNumber(b.hall.id, number))?.ticketId).toBe(ticketB.id);
      });
    });

    it('ofTicket and ofTickets keep the order they were attached in; remove takes one out', async () => {
      const [s, one, two, none] = await store().transact(async (tx) => {
        const s = await seed(tx);
        return [
          s,
          await tx.tickets.insert(newTicket(s)),
          await tx.tickets.insert(newTicket(s)),
          await tx.tickets.insert(newTicket(s)),
        ] as const;
      });
      const files = await store().transact(async (tx) => [
        await tx.caseFiles.insert(caseFile(s.hall.id, one.id, { caseNumber: unique('Z') })),
        await tx.caseFiles.insert(caseFile(s.hall.id, two.id)),
        await tx.caseFiles.insert(caseFile(s.hall.id, one.id, { caseNumber: unique('A') })),
      ]);
      await store().read(async (tx) => {
        expect(ids(await tx.caseFiles.ofTicket(one.id))).toEqual([files[0]!.id, files[2]!.id]);
        const map = await tx.caseFiles.ofTickets([one.id, two.id, none.id]);
        expect(ids(map.get(one.id) ?? [])).toEqual([files[0]!.id, files[2]!.id]);
        expect(ids(map.get(two.id) ?? [])).toEqual([files[1]!.id]);
        expect(map.has(none.id)).toBe(false);
        expect((await tx.caseFiles.ofTickets([])).size).toBe(0);
      });
      await store().transact((tx) => tx.caseFiles.remove(files[0]!.id));
      await store().read(async (tx) => {
        expect(ids(await tx.caseFiles.ofTicket(one.id))).toEqual([files[2]!.id]);
        expect(await tx.caseFiles.get(files[0]!.id)).toBeNull();
      });
    });
  });
}
