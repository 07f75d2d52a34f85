/**
 * The audit log: every manager and admin action and every out-of-order call, with its reason;
 * routine service is not in it. Searchable by words, dates, category and person; paged.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditPage } from '../../common/manager-protocol.js';
import { createTestHall, DEMO_TOKENS, type Agent, type TestHall } from '../helpers/app.js';

let hall: TestHall;
let manager: Agent;
let H: number;

beforeAll(async () => {
  hall = await createTestHall();
  H = hall.hallId;
  manager = await hall.signIn('manager');
  const kiosk = hall.device(DEMO_TOKENS.kiosk);
  const clerk01 = await hall.signIn('clerk01');
  const w1 = hall.ids.window('1');
  const A = hall.ids.service('A');
  const issue = async () => (await kiosk.post(`/api/halls/${H}/tickets`, { serviceId: A })).json().ticket;
  // Routine: an in-order call, start, finish.
  await issue();
  await clerk01.post(`/api/windows/${w1}/call-next`);
  await clerk01.post(`/api/windows/${w1}/start`);
  await clerk01.post(`/api/windows/${w1}/finish`);
  // Out of order: 选呼 with the clerk's reason.
  await issue();
  const third = await issue();
  await clerk01.post(`/api/windows/${w1}/call`, { ticketId: third.id, reason: '群众持残疾证' });
  await clerk01.post(`/api/windows/${w1}/no-show`);
  // Manager actions.
  hall.clock.advanceMinutes(10);
  await manager.put(`/api/halls/${H}/notice`, { notice: '今日下午停电检修' });
  await manager.put(`/api/windows/${hall.ids.window('2')}/services`, {
    mode: 'specialist',
    services: [{ serviceId: A }],
    reason: '参保登记积压',
  });
  await manager.post(`/api/windows/${hall.ids.window('3')}/status`, { status: 'paused', reason: '设备故障' });
  hall.clock.set('2026-11-24T09:00:00+08:00');
  manager = await hall.signIn('manager');
  await manager.put(`/api/halls/${H}/settings/alerts`, { values: { waitTargetMinutes: 25 }, reason: '提升服务标准' });
});
afterAll(() => hall.close());

const audit = async (query = ''): Promise<AuditPage> => {
  const res = await manager.get(`/api/halls/${H}/audit${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

describe('the audit log', () => {
  it('holds manager actions and out-of-order calls with reasons, newest first — not routine service', async () => {
    const { entries, nextBeforeSeq } = await audit();
    expect(entries.map((e) => [e.type, e.actorName, e.reason])).toEqual([
      ['hall:updated', '孙主任', '提升服务标准'],
      ['window:status', '孙主任', '设备故障'],
      ['window:services', '孙主任', '参保登记积压'],
      ['hall:notice', '孙主任', null],
      ['ticket:called', '李敏', '群众持残疾证'],
    ]);
    expect(nextBeforeSeq).toBeNull();
  });

  it('searches words in the reason, the facts and the person', async () => {
    expect((await audit('?q=残疾证')).entries.map((e) => e.type)).toEqual(['ticket:called']);
    expect((await audit('?q=停电')).entries.map((e) => e.type)).toEqual(['hall:notice']);
    expect((await audit('?q=李敏')).entries).toHaveLength(1);
    expect((await audit('?q=%25')).entries).toEqual([]); // a literal %, not a wildcard
  });

  it('filters by day, category and person', async () => {
    expect((await audit('?from=2026-11-24&to=2026-11-24')).entries.map((e) => e.type)).toEqual(['hall:updated']);
    expect((await audit('?to=2026-11-23')).entries).toHaveLength(4);
    expect((await audit('?category=windows')).entries.map((e) => e.type)).toEqual(['window:status', 'window:services']);
    expect((await audit(`?actorId=${hall.ids.user('clerk01')}`)).entries.map((e) => e.reason)).toEqual(['群众持残疾证']);
  });

  it('pages with beforeSeq', async () => {
    const first = await audit('?limit=2');
    expect(first.entries).toHaveLength(2);
    expect(first.nextBeforeSeq).toBe(first.entries[1]!.seq);
    const second = await audit(`?limit=2&beforeSeq=${first.nextBeforeSeq}`);
    expect(second.entries.map((e) => e.type)).toEqual(['window:services', 'hall:notice']);
    const third = await audit(`?limit=2&beforeSeq=${second.nextBeforeSeq}`);
    expect(third).toMatchObject({ entries: [expect.objectContaining({ type: 'ticket:called' })], nextBeforeSeq: null });
  });

  it('is for managers only; bad dates are refused', async () => {
    expect((await (await hall.signIn('clerk01')).get(`/api/halls/${H}/audit`)).statusCode).toBe(403);
    expect((await manager.get(`/api/halls/${H}/audit?from=2026-02-31`)).json().code).toBe('invalid_input');
  });
});
