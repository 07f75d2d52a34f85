/**
 * The outbox of the 好差评 exchange (docs/rating-exchange.md; docs/design.md, invariant 9): every
 * rating and every reported 差评 step makes exactly one message, in the same transaction, with
 * what the provincial platform must hear; a refused rating or step makes none.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OutboxMessage } from '../../server/store/repositories/outbox.js';
import { createTestHall, DEMO_TOKENS, type Agent, type TestHall } from '../helpers/app.js';

let hall: TestHall;
let manager: Agent;
let admin: Agent;
let clerk01: Agent;
let H: number;

beforeEach(async () => {
  hall = await createTestHall();
  H = hall.hallId;
  manager = await hall.signIn('manager');
  admin = await hall.signIn('admin');
  clerk01 = await hall.signIn('clerk01');
});
afterEach(() => hall.close());

const messages = (): Promise<OutboxMessage[]> => hall.store.read((tx) => tx.outbox.ofDay(H, '2026-11-23'));

async function served(): Promise<{ id: number; number: string }> {
  const w1 = hall.ids.window('1');
  const ticket = (await hall.device(DEMO_TOKENS.kiosk).post(`/api/halls/${H}/tickets`, { serviceId: hall.ids.service('A') })).json().ticket;
  for (const c of ['call-next', 'start', 'finish']) expect((await clerk01.post(`/api/windows/${w1}/${c}`)).statusCode).toBe(200);
  return ticket;
}
const rate = (ticketId: number, body: Record<string, unknown>) =>
  hall.device(DEMO_TOKENS.pad('1')).post('/api/pad/ratings', { ticketId, ...body });

describe('a rating makes its message in the same transaction', () => {
  it('one message per rating, with a fresh UUID and what the platform must hear', async () => {
    const ticket = await served();
    const res = await rate(ticket.id, { level: 2, reasons: ['办理效率低'], comment: '等了很久' });
    expect(res.statusCode, res.body).toBe(200);
    const [message, ...rest] = await messages();
    expect(rest).toEqual([]);
    expect(message).toMatchObject({
      hallId: H,
      type: 'rating',
      ratingId: res.json().rating.id,
      caseId: null,
      status: 'pending',
      attempts: 0,
      serviceDay: '2026-11-23',
    });
    expect(message!.messageId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(message!.data).toEqual({
      ratingId: res.json().rating.id,
      level: 2,
      levelName: '不满意',
      reasons: ['办理效率低'],
      comment: '等了很久',
      channel: 'pad',
      ratedAt: expect.stringMatching(/^2026-11-23T\d{2}:\d{2}:\d{2}\.\d{3}\+08:00$/),
      ticketNumber: ticket.number,
      serviceCode: '',
      serviceName: '社保参保登记',
      caseNumbers: [],
      windowNumber: '1',
      clerkNo: 'ZW0101',
      department: '',
    });
  });

  it('the 办件 of the visit travel with the rating, in the order attached', async () => {
    const ticket = await served();
    await hall.store.transact(async (tx) => {
      for (const n of ['BJ-2', 'BJ-1']) {
        await tx.caseFiles.insert({
          hallId: H,
          ticketId: ticket.id,
          caseNumber: n,
          serviceCode: `CODE0000000${n.slice(-1)}`,
          serviceName: `事项${n}`,
          department: '县人社局',
          departmentCode: null,
          applicantName: null,
          applicantId: null,
          source: 'api',
          createdAt: hall.clock(),
          createdBy: 'test',
        });
      }
    });
    expect((await rate(ticket.id, { level: 5 })).statusCode).toBe(200);
    const [message] = await messages();
    expect(message!.data).toMatchObject({
      caseNumbers: ['BJ-2', 'BJ-1'],
      serviceCode: 'CODE00000002',
      serviceName: '事项BJ-2',
      department: '县人社局',
    });
  });

  it('a refused rating makes no message; a retried one (same key) makes no second', async () => {
    const ticket = await served();
    expect((await rate(ticket.id, { level: 1, reasons: [] })).statusCode).toBe(400);
    expect(await messages()).toEqual([]);
    const key = randomUUID();
    const pad = hall.device(DEMO_TOKENS.pad('1'));
    for (let i = 0; i < 2; i++) {
      const res = await pad.post('/api/pad/ratings', { ticketId: ticket.id, level: 4 }, { idempotencyKey: key });
      expect(res.statusCode).toBe(200);
    }
    expect((await rate(ticket.id, { level: 4 })).json().code).toBe('rating_already_rated');
    expect(await messages()).toHaveLength(1);
  });
});

describe('差评 case steps make their messages', () => {
  it('rectify, reply, 回访, close each report a step; filing an appeal does not; deciding it does', async () => {
    const ticket = await served();
    const caseId = (await rate(ticket.id, { level: 1, reasons: ['办理效率低'] })).json().case.id as number;
    const step = (action: string, note: string) => manager.post(`/api/halls/${H}/cases/${caseId}/steps`, { action, note });
    for (const [action, note] of [
      ['rectify', '已约谈窗口人员'],
      ['reply', '已向群众说明并致歉'],
      ['follow_up', '电话回访，群众表示认可'],
    ]) {
      expect((await step(action!, note!)).statusCode).toBe(200);
    }
    expect((await step('close', '')).statusCode).toBe(400); // a note is required: nothing written
    expect(
      (await manager.post(`/api/halls/${H}/cases/${caseId}/appeal`, { kind: 'malicious', reason: '同一号码反复差评' })).statusCode,
    ).toBe(200);
    expect((await admin.post(`/api/halls/${H}/cases/${caseId}/appeal/decision`, { approve: false, note: '证据不足' })).statusCode).toBe(
      200,
    );
    expect((await step('close', '整改完毕')).statusCode).toBe(200);

    const cases = (await messages()).filter((m) => m.type === 'case');
    expect(cases.map((m) => m.data.step)).toEqual(['rectify', 'reply', 'follow_up', 'appeal_decided', 'close']);
    expect(new Set(cases.map((m) => m.messageId)).size).toBe(5);
    for (const m of cases) expect(m).toMatchObject({ caseId, ratingId: expect.any(Number), status: 'pending' });
    expect(cases[3]!.data).toMatchObject({ appeal: { kind: 'malicious', approved: false }, note: '证据不足' });
    expect(cases[0]!.data).toMatchObject({ caseId, note: '已约谈窗口人员', deadline: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
  });
});
