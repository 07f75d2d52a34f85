/**
 * 好差评 through the pad API (docs/design.md, invariant 6), on the demo hall: every window has a paired
 * pad (DEMO_TOKENS.pad(n)); clerk01 is signed in to window 1 and clerk02 to window 2, both open.
 * A rating is one per ticket, only for a ticket just finished at the pad's window and still
 * pending; a 差评 needs a reason and opens a case; no answer in time is recorded as not rated.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../common/domain/settings.js';
import { createTestHall, DEMO_TOKENS, type Agent, type TestHall } from '../helpers/app.js';
import { fingerprint } from '../helpers/fingerprint.js';

let hall: TestHall;
let kiosk: Agent;
let clerk01: Agent;
let pad1: Agent;
let pad2: Agent;
let w1: number;

beforeEach(async () => {
  hall = await createTestHall();
  kiosk = hall.device(DEMO_TOKENS.kiosk);
  clerk01 = await hall.signIn('clerk01');
  pad1 = hall.device(DEMO_TOKENS.pad('1'));
  pad2 = hall.device(DEMO_TOKENS.pad('2'));
  w1 = hall.ids.window('1');
});
afterEach(() => hall.close());

async function issue(prefix = 'A'): Promise<{ id: number; number: string }> {
  const res = await kiosk.post(`/api/halls/${hall.hallId}/tickets`, { serviceId: hall.ids.service(prefix) });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().ticket;
}

/** Issues a ticket and serves it to the end at `window` by `clerk`. */
async function serve(clerk: Agent = clerk01, window = w1, prefix = 'A'): Promise<{ id: number; number: string }> {
  const ticket = await issue(prefix);
  for (const command of ['call-next', 'start', 'finish']) {
    const res = await clerk.post(`/api/windows/${window}/${command}`);
    expect(res.statusCode, `${command}: ${res.body}`).toBe(200);
  }
  return ticket;
}

const ticketRow = (id: number) => hall.store.read((tx) => tx.tickets.get(id));
const ratingRows = () => hall.store.sqlite.prepare('SELECT * FROM ratings').all() as Record<string, unknown>[];
const caseRows = () => hall.store.sqlite.prepare('SELECT * FROM rating_cases').all() as Record<string, unknown>[];
const rate = (pad: Agent, body: Record<string, unknown>, idempotencyKey?: string) =>
  pad.post('/api/pad/ratings', body, idempotencyKey ? { idempotencyKey } : {});

describe('the pad is asked when a service finishes', () => {
  it('finishing sets the ticket pending until now + padTimeoutSeconds and the pad shows it', async () => {
    const idle = (await pad1.get('/api/pad')).json();
    expect(idle).toMatchObject({
      window: { id: w1, number: '1' },
      clerk: { name: '李敏', staffNo: 'ZW0101', photoUrl: null },
      pending: null,
    });

    const t = await serve();
    const finishedAt = hall.clock();
    const row = await ticketRow(t.id);
    expect(row).toMatchObject({
      status: 'done',
      ratingStatus: 'pending',
      ratingDeadline: finishedAt + DEFAULT_SETTINGS.rating.padTimeoutSeconds * 1000,
    });

    const state = (await pad1.get('/api/pad')).json();
    expect(state.pending).toEqual({
      ticketId: t.id,
      number: 'A001',
      serviceName: '社保参保登记',
      serviceNameEn: 'Social insurance registration',
      windowId: w1,
      windowNumber: '1',
      clerk: { name: '李敏', staffNo: 'ZW0101' },
      deadline: finishedAt + 60_000,
      reasons: DEFAULT_SETTINGS.rating.badReasons,
    });
    // Another window's pad is not asked.
    expect((await pad2.get('/api/pad')).json().pending).toBeNull();

    const [requested] = await hall.store.read((tx) => tx.events.query({ hallId: hall.hallId, types: ['rating:requested'], limit: 5 }));
    expect(requested).toMatchObject({ ticketId: t.id, windowId: w1, data: { number: 'A001', deadline: finishedAt + 60_000 } });
  });

  it('a window without an active pad asks nobody: the ticket has no rating status', async () => {
    const manager = await hall.signIn('manager');
    const devices = (await manager.get(`/api/halls/${hall.hallId}/devices`)).json<
      { id: number; kind: string; windowId: number | null }[]
    >();
    const pad = devices.find((d) => d.kind === 'pad' && d.windowId === w1)!;
    expect((await manager.post(`/api/devices/${pad.id}/revoke`)).statusCode).toBe(200);
    const t = await serve();
    expect(await ticketRow(t.id)).toMatchObject({ status: 'done', ratingStatus: null, ratingDeadline: null });
  });

  it('the next finish at the same window closes the earlier pending rating as not rated', async () => {
    const first = await serve();
    hall.clock.advance(20_000);
    const second = await serve();
    expect(await ticketRow(first.id)).toMatchObject({ ratingStatus: 'unrated' });
    expect(await ticketRow(second.id)).toMatchObject({ ratingStatus: 'pending' });
    expect((await pad1.get('/api/pad')).json().pending.ticketId).toBe(second.id);
    expect(ratingRows()).toEqual([]);
  });
});

describe('a pad rating', () => {
  it('is stored with ticket, service, window, clerk, level, channel and time; the ticket is rated', async () => {
    const t = await serve();
    hall.clock.advance(8000);
    const res = await rate(pad1, { ticketId: t.id, level: 5, reasons: [], comment: '  很耐心  ' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      rating: { id: expect.any(Number), ticketId: t.id, level: 5, reasons: [], comment: '很耐心', channel: 'pad', createdAt: hall.clock() },
      case: null,
    });
    expect(ratingRows()).toEqual([
      expect.objectContaining({
        ticket_id: t.id,
        service_id: hall.ids.service('A'),
        window_id: w1,
        clerk_id: hall.ids.user('clerk01'),
        level: 5,
        reasons: '[]',
        comment: '很耐心',
        channel: 'pad',
        created_at: hall.clock(),
      }),
    ]);
    expect(await ticketRow(t.id)).toMatchObject({ ratingStatus: 'rated' });
    expect((await pad1.get('/api/pad')).json().pending).toBeNull();
    const [submitted] = await hall.store.read((tx) => tx.events.query({ hallId: hall.hallId, types: ['rating:submitted'], limit: 5 }));
    expect(submitted).toMatchObject({
      actorKind: 'device',
      ticketId: t.id,
      windowId: w1,
      data: { level: 5, channel: 'pad', caseId: null },
    });
  });

  it('a second rating of the same ticket is refused and writes nothing (一次一评)', async () => {
    const t = await serve();
    expect((await rate(pad1, { ticketId: t.id, level: 4 })).statusCode).toBe(200);
    const before = fingerprint(hall.store);
    const again = await rate(pad1, { ticketId: t.id, level: 1, reasons: ['服务态度差'] });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({
      code: 'rating_already_rated',
      message: expect.stringContaining('只能评价一次'),
      messageEn: expect.stringContaining('rated once'),
    });
    expect(fingerprint(hall.store)).toBe(before);
    expect(ratingRows()).toHaveLength(1);
  });

  it('a retry with the same idempotency key returns the first result and stores one rating', async () => {
    const t = await serve();
    const first = await rate(pad1, { ticketId: t.id, level: 3 }, 'pad1-rate-000001');
    const retry = await rate(pad1, { ticketId: t.id, level: 3 }, 'pad1-rate-000001');
    expect(retry.statusCode).toBe(200);
    expect(retry.json()).toEqual(first.json());
    expect(ratingRows()).toHaveLength(1);
  });

  it('a pad of another window is refused, with nothing written', async () => {
    const t = await serve();
    const before = fingerprint(hall.store);
    const res = await rate(pad2, { ticketId: t.id, level: 5 });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'rating_wrong_window', message: expect.any(String), messageEn: expect.any(String) });
    expect(fingerprint(hall.store)).toBe(before);
  });

  it('a ticket not finished at the pad’s window is refused: still serving, still waiting, finished elsewhere', async () => {
    // Serving at window 1: not finished.
    const serving = await issue();
    await clerk01.post(`/api/windows/${w1}/call-next`);
    await clerk01.post(`/api/windows/${w1}/start`);
    const waiting = await issue('B');
    const before = fingerprint(hall.store);
    const notDone = await rate(pad1, { ticketId: serving.id, level: 5 });
    expect(notDone.statusCode).toBe(409);
    expect(notDone.json().code).toBe('rating_not_finished');
    // Waiting in the queue: at no window at all.
    expect((await rate(pad1, { ticketId: waiting.id, level: 5 })).json().code).toBe('rating_wrong_window');
    expect(fingerprint(hall.store)).toBe(before);
    await clerk01.post(`/api/windows/${w1}/finish`);
    // The waiting one, finished at window 2: pad 1 cannot rate it, pad 2 can.
    const clerk02 = await hall.signIn('clerk02');
    const w2 = hall.ids.window('2');
    for (const command of ['call-next', 'start', 'finish'])
      expect((await clerk02.post(`/api/windows/${w2}/${command}`)).statusCode).toBe(200);
    expect(await ticketRow(waiting.id)).toMatchObject({ status: 'done', windowId: w2 });
    expect((await rate(pad1, { ticketId: waiting.id, level: 5 })).json().code).toBe('rating_wrong_window');
    expect((await rate(pad2, { ticketId: waiting.id, level: 5 })).statusCode).toBe(200);
  });

  it('a ticket finished here but no longer pending (superseded) cannot be rated by the pad', async () => {
    const first = await serve();
    await serve();
    const res = await rate(pad1, { ticketId: first.id, level: 5 });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('rating_not_pending');
  });

  it('a bad rating without a reason is refused and writes nothing; with a reason it opens a case', async () => {
    const t = await serve();
    const before = fingerprint(hall.store);
    for (const body of [
      { ticketId: t.id, level: 2 },
      { ticketId: t.id, level: 1, reasons: [] },
      { ticketId: t.id, level: 1, reasons: ['  '] },
    ]) {
      const res = await rate(pad1, body);
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ code: 'rating_reason_required', message: '选择“不满意”或“非常不满意”时，请至少选择一项原因。' });
    }
    expect((await rate(pad1, { ticketId: t.id, level: 2, reasons: ['态度'] })).json().code).toBe('rating_reason_unknown');
    expect((await rate(pad1, { ticketId: t.id, level: 2, reasons: ['其他'] })).json().code).toBe('rating_comment_required');
    expect((await rate(pad1, { ticketId: t.id, level: 4, reasons: ['服务态度差'] })).json().code).toBe('rating_reasons_bad_only');
    expect((await rate(pad1, { ticketId: t.id, level: 0 })).statusCode).toBe(400);
    expect((await rate(pad1, { ticketId: t.id, level: 6 })).statusCode).toBe(400);
    expect(fingerprint(hall.store)).toBe(before);

    const res = await rate(pad1, { ticketId: t.id, level: 2, reasons: ['办理效率低', '其他'], comment: '等了很久' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().case).toEqual({ id: expect.any(Number), deadline: expect.any(String) });
    expect(caseRows()).toEqual([expect.objectContaining({ rating_id: res.json().rating.id, status: 'open', appeal_status: 'none' })]);
    const types = (await hall.store.read((tx) => tx.events.query({ hallId: hall.hallId, limit: 3 }))).map((e) => e.type);
    expect(types).toEqual(['case:updated', 'rating:submitted', 'rating:requested']);
  });

  it('only a pad may use the pad API', async () => {
    const t = await serve();
    expect((await kiosk.get('/api/pad')).json().code).toBe('wrong_device_kind');
    expect((await clerk01.get('/api/pad')).json().code).toBe('forbidden');
    expect((await clerk01.post('/api/pad/ratings', { ticketId: t.id, level: 5 })).json().code).toBe('forbidden');
    expect((await hall.anonymous.post('/api/pad/ratings', { ticketId: t.id, level: 5 })).statusCode).toBe(401);
    expect(ratingRows()).toEqual([]);
  });
});

describe('timeout', () => {
  it('a pending rating past its deadline is recorded as not rated by the job, never as a rating', async () => {
    const t = await serve();
    hall.clock.advance(59_000);
    expect(await hall.app.jobs.run('expire-pending-ratings')).toBe(0);
    expect(await ticketRow(t.id)).toMatchObject({ ratingStatus: 'pending' });

    hall.clock.advance(2000);
    // Past the deadline, before the job ran: the pad's late answer is refused.
    const late = await rate(pad1, { ticketId: t.id, level: 5 });
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('rating_expired');

    expect(await hall.app.jobs.run('expire-pending-ratings')).toBe(1);
    expect(await ticketRow(t.id)).toMatchObject({ ratingStatus: 'unrated' });
    expect(ratingRows()).toEqual([]);
    const [expired] = await hall.store.read((tx) => tx.events.query({ hallId: hall.hallId, types: ['rating:expired'], limit: 5 }));
    expect(expired).toMatchObject({ ticketId: t.id, windowId: w1, reason: 'timeout', actorKind: 'system' });
    expect((await pad1.get('/api/pad')).json().pending).toBeNull();
    expect((await rate(pad1, { ticketId: t.id, level: 5 })).json().code).toBe('rating_not_pending');
    // Nothing left to expire.
    expect(await hall.app.jobs.run('expire-pending-ratings')).toBe(0);
  });

  it('the hall’s padTimeoutSeconds sets the deadline', async () => {
    await hall.store.transact((tx) =>
      tx.halls.update(hall.hallId, { settings: { calendar: { openWeekdays: [1, 2, 3, 4, 5, 6, 7] }, rating: { padTimeoutSeconds: 15 } } }),
    );
    const t = await serve();
    expect((await ticketRow(t.id))!.ratingDeadline).toBe(hall.clock() + 15_000);
    hall.clock.advance(16_000);
    expect(await hall.app.jobs.run('expire-pending-ratings')).toBe(1);
  });
});

describe('差评 case deadline in working days', () => {
  it.each([
    // [rated at (hall-local), holidays, expected deadline]
    ['2026-11-23T10:00:00+08:00', [], '2026-11-30'], // Monday + 5 working days
    ['2026-11-27T16:00:00+08:00', [], '2026-12-04'], // Friday: the weekend does not count
    ['2026-11-28T11:00:00+08:00', [], '2026-12-04'], // Saturday (the demo hall opens): counts from Monday
    ['2026-11-27T16:00:00+08:00', ['2026-12-01'], '2026-12-07'], // a holiday pushes it a day
    ['2026-11-23T23:30:00+08:00', [], '2026-11-30'], // late evening is still Monday in Shanghai
  ])('a 差评 at %s with holidays %j is due %s', async (at, holidays, expected) => {
    hall.clock.set(at);
    await hall.store.transact((tx) =>
      tx.halls.update(hall.hallId, { settings: { calendar: { openWeekdays: [1, 2, 3, 4, 5, 6, 7], nonWorkingDays: holidays } } }),
    );
    const t = await serve(await hall.signIn('clerk01'));
    const res = await rate(pad1, { ticketId: t.id, level: 1, reasons: ['服务态度差'] });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().case.deadline).toBe(expected);
    expect(caseRows()).toEqual([expect.objectContaining({ status: 'open', deadline: expected, created_at: hall.clock() })]);
    const [event] = await hall.store.read((tx) => tx.events.query({ hallId: hall.hallId, types: ['case:updated'], limit: 1 }));
    expect(event!.data).toMatchObject({ action: 'opened', status: 'open', deadline: expected, level: 1 });
  });
});
