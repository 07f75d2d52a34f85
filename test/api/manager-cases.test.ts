/**
 * 差评 cases through the manager API: deadlines in working days across weekends, holidays and
 * 调休 working weekends; the workflow to closed, step by step with notes and who; refusals;
 * appeals decided by someone else; overdue cases.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CaseView } from '../../common/manager-protocol.js';
import { createTestHall, DEMO_TOKENS, type Agent, type TestHall } from '../helpers/app.js';
import { fingerprint } from '../helpers/fingerprint.js';

let hall: TestHall;
let manager: Agent;
let clerk01: Agent;
let H: number;

beforeEach(async () => {
  hall = await createTestHall();
  H = hall.hallId;
  manager = await hall.signIn('manager');
  clerk01 = await hall.signIn('clerk01');
});
afterEach(() => hall.close());

/** Moves the clock; sessions last 12 hours, so staff sign in again on the new day. */
async function setClock(iso: string) {
  hall.clock.set(iso);
  manager = await hall.signIn('manager');
  clerk01 = await hall.signIn('clerk01');
}

/** Serves a ticket at window 1 at `iso` and the visitor rates it 1 (非常不满意): the case it opens. */
async function badRating(iso: string): Promise<{ id: number; deadline: string }> {
  await setClock(iso);
  const w1 = hall.ids.window('1');
  const ticket = (await hall.device(DEMO_TOKENS.kiosk).post(`/api/halls/${H}/tickets`, { serviceId: hall.ids.service('A') })).json().ticket;
  for (const c of ['call-next', 'start', 'finish']) expect((await clerk01.post(`/api/windows/${w1}/${c}`)).statusCode).toBe(200);
  const res = await hall
    .device(DEMO_TOKENS.pad('1'))
    .post('/api/pad/ratings', { ticketId: ticket.id, level: 1, reasons: ['办理效率低'], comment: '等了很久' });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().case;
}

const setCalendar = (values: Record<string, unknown>) => manager.put(`/api/halls/${H}/settings/calendar`, { values });
const step = (id: number, action: string, note: string, who = manager) => who.post(`/api/halls/${H}/cases/${id}/steps`, { action, note });

describe('deadlines in working days', () => {
  it('Friday + 5 working days is the next Friday (the weekend does not count)', async () => {
    expect((await badRating('2026-11-27T10:00:00+08:00')).deadline).toBe('2026-12-04');
  });

  it('a holiday in the week pushes it a day (Monday, Wednesday off → next Tuesday)', async () => {
    await setCalendar({ nonWorkingDays: ['2026-11-25'] });
    // Tue 24 (1), Wed 25 holiday, Thu 26 (2), Fri 27 (3), Mon 30 (4), Tue Dec 1 (5).
    expect((await badRating('2026-11-23T10:00:00+08:00')).deadline).toBe('2026-12-01');
  });

  it('a 调休 working Saturday counts; the hall opening on Sundays does not make Sunday a working day', async () => {
    await manager.put(`/api/halls/${H}/settings/rating`, { values: { caseDeadlineWorkingDays: 3 } });
    expect((await badRating('2026-11-27T10:00:00+08:00')).deadline).toBe('2026-12-02'); // Mon 30, Tue 1, Wed 2
    await setCalendar({ extraWorkingDays: ['2026-11-28'] });
    expect((await badRating('2026-11-27T11:00:00+08:00')).deadline).toBe('2026-12-01'); // Sat 28, Mon 30, Tue 1
  });

  it('a long holiday (国庆) is skipped whole', async () => {
    await setCalendar({
      nonWorkingDays: ['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07'],
      extraWorkingDays: ['2026-10-10'],
    });
    // Wed Sep 30 + 5: Oct 8 (1), 9 (2), Sat 10 调休 (3), 12 (4), 13 (5).
    expect((await badRating('2026-09-30T10:00:00+08:00')).deadline).toBe('2026-10-13');
  });
});

describe('the workflow', () => {
  it('open → rectifying → replied → followed_up → closed, each step with its note and who', async () => {
    const { id } = await badRating('2026-11-23T10:00:00+08:00');
    const list = (await manager.get(`/api/halls/${H}/cases`)).json<CaseView[]>();
    expect(list).toEqual([
      expect.objectContaining({
        id,
        status: 'open',
        nextAction: 'rectify',
        overdue: false,
        rating: expect.objectContaining({ level: 1, reasons: ['办理效率低'], comment: '等了很久', excluded: false }),
        ticket: expect.objectContaining({ number: 'A001' }),
        serviceName: '社保参保登记',
        window: { id: hall.ids.window('1'), number: '1' },
        clerk: { id: hall.ids.user('clerk01'), name: '李敏' },
      }),
    ]);
    for (const [action, status, note] of [
      ['rectify', 'rectifying', '与窗口人员谈话，优化材料预审'],
      ['reply', 'replied', '已电话答复群众并致歉'],
      ['follow_up', 'followed_up', '回访群众，表示满意'],
      ['close', 'closed', '整改完成'],
    ]) {
      hall.clock.advanceMinutes(30);
      const res = await step(id, action!, note!);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ status, nextAction: status === 'closed' ? null : expect.any(String) });
    }
    const detail = (await manager.get(`/api/halls/${H}/cases/${id}`)).json<CaseView>();
    expect(detail.steps!.map((s) => [s.action, s.fromStatus, s.toStatus, s.userName])).toEqual([
      ['rectify', 'open', 'rectifying', '孙主任'],
      ['reply', 'rectifying', 'replied', '孙主任'],
      ['follow_up', 'replied', 'followed_up', '孙主任'],
      ['close', 'followed_up', 'closed', '孙主任'],
    ]);
    expect(detail.steps![1]!.note).toBe('已电话答复群众并致歉');
    const events = await hall.store.read((tx) => tx.events.query({ hallId: H, types: ['case:updated'], limit: 10 }));
    expect(events.map((e) => e.data.action)).toEqual(['close', 'follow_up', 'reply', 'rectify', 'opened']);
    expect((await manager.get(`/api/halls/${H}/cases?view=closed`)).json().map((c: CaseView) => c.id)).toEqual([id]);
    expect((await manager.get(`/api/halls/${H}/cases?view=active`)).json()).toEqual([]);
  });

  it('refuses a step out of order (naming the next), a step without a note, and steps after closing — writing nothing', async () => {
    const { id } = await badRating('2026-11-23T10:00:00+08:00');
    const before = fingerprint(hall.store);
    const early = await step(id, 'close', '直接办结');
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({
      code: 'case_illegal_step',
      details: { next: 'rectify' },
      message: expect.stringContaining('开始整改'),
    });
    const noNote = await step(id, 'rectify', '   ');
    expect(noNote.json()).toMatchObject({ statusCode: 400, code: 'case_note_required' });
    expect(fingerprint(hall.store)).toBe(before);
    for (const a of ['rectify', 'reply', 'follow_up', 'close']) await step(id, a, '处理');
    expect((await step(id, 'rectify', '再次')).json().code).toBe('case_closed');
    expect((await manager.post(`/api/halls/${H}/cases/${id}/appeal`, { kind: 'malicious', reason: 'x' })).json().code).toBe('case_closed');
  });

  it('clerks and devices cannot work cases; another hall’s case is not found', async () => {
    const { id } = await badRating('2026-11-23T10:00:00+08:00');
    expect((await step(id, 'rectify', '自己处理', clerk01)).statusCode).toBe(403);
    expect((await hall.device(DEMO_TOKENS.pad('1')).get(`/api/halls/${H}/cases`)).statusCode).toBe(403);
    expect((await manager.get(`/api/halls/${H}/cases/99999`)).json().code).toBe('not_found');
  });

  it('past its deadline a case is overdue: listed, marked, and raised as an alert', async () => {
    const { id, deadline } = await badRating('2026-11-23T10:00:00+08:00');
    expect(deadline).toBe('2026-11-30');
    await step(id, 'rectify', '整改中');
    await setClock('2026-11-30T17:00:00+08:00');
    expect((await manager.get(`/api/halls/${H}/cases?view=overdue`)).json()).toEqual([]);
    await setClock('2026-12-01T09:00:00+08:00');
    expect((await manager.get(`/api/halls/${H}/cases?view=overdue`)).json()).toEqual([expect.objectContaining({ id, overdue: true })]);
    const live = (await manager.get(`/api/halls/${H}/live`)).json();
    expect(live.cases).toEqual({ open: 1, overdue: 1, appeals: 0 });
    expect(live.alerts.find((a: { kind: string }) => a.kind === 'case_overdue')).toMatchObject({
      subject: { type: 'case', id },
      message: { zh: expect.stringContaining('已逾期') },
    });
  });
});

describe('appeals', () => {
  it('filed with a reason, decided by someone else: the filer may not approve their own', async () => {
    const { id } = await badRating('2026-11-23T10:00:00+08:00');
    const filed = await manager.post(`/api/halls/${H}/cases/${id}/appeal`, { kind: 'malicious', reason: '同一手机号多次恶意差评，有录像' });
    expect(filed.json()).toMatchObject({
      appealStatus: 'pending',
      appealKind: 'malicious',
      appealReason: '同一手机号多次恶意差评，有录像',
      status: 'open',
    });
    expect((await manager.post(`/api/halls/${H}/cases/${id}/appeal`, { kind: 'mistaken', reason: 'again' })).json().code).toBe(
      'appeal_pending',
    );
    const self = await manager.post(`/api/halls/${H}/cases/${id}/appeal/decision`, { approve: true, note: '同意' });
    expect(self.json()).toMatchObject({ statusCode: 403, code: 'appeal_self_decision' });
    expect((await manager.get(`/api/halls/${H}/cases?view=appeals`)).json().map((c: CaseView) => c.id)).toEqual([id]);

    const admin = await hall.signIn('admin');
    const rejected = await admin.post(`/api/halls/${H}/cases/${id}/appeal/decision`, { approve: false, note: '证据不足，继续整改' });
    expect(rejected.json()).toMatchObject({ appealStatus: 'rejected', status: 'open', rating: { excluded: false } });
    // Rejected, the case goes on and may be appealed again with new grounds.
    await step(id, 'rectify', '继续整改');
    expect(
      (await manager.post(`/api/halls/${H}/cases/${id}/appeal`, { kind: 'malicious', reason: '补充了录像' })).json().appealStatus,
    ).toBe('pending');
    const approved = await admin.post(`/api/halls/${H}/cases/${id}/appeal/decision`, { approve: true, note: '录像证实为恶意差评' });
    expect(approved.json()).toMatchObject({ status: 'closed', appealStatus: 'approved', rating: { excluded: true, level: 1 } });
    const steps = (await manager.get(`/api/halls/${H}/cases/${id}`))
      .json()
      .steps.map((s: { action: string; userName: string }) => `${s.action}:${s.userName}`);
    expect(steps).toEqual(['appeal:孙主任', 'appeal_rejected:系统管理员', 'rectify:孙主任', 'appeal:孙主任', 'appeal_approved:系统管理员']);
  });

  it('an appeal needs its kind and reason', async () => {
    const { id } = await badRating('2026-11-23T10:00:00+08:00');
    expect((await manager.post(`/api/halls/${H}/cases/${id}/appeal`, { kind: 'mistaken', reason: ' ' })).json().code).toBe(
      'appeal_reason_required',
    );
    expect((await manager.post(`/api/halls/${H}/cases/${id}/appeal`, { kind: 'angry', reason: 'x' })).statusCode).toBe(400);
    expect((await manager.post(`/api/halls/${H}/cases/${id}/appeal/decision`, { approve: true, note: 'x' })).json().code).toBe(
      'no_pending_appeal',
    );
  });
});
