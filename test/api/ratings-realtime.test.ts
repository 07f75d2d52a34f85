/**
 * 好差评 over real sockets: the window's pad hears the request with only what it needs; other
 * pads do not; staff hear the rating only once it is stored; the pad hears when its request
 * expires or is answered elsewhere; boards never hear a rating.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestHall, DEMO_TOKENS, type Agent, type TestHall } from '../helpers/app.js';
import { openSocket, receivedBeforeOwnSettings, type Recorder } from '../helpers/sockets.js';

let hall: TestHall;
let base: string;
let kiosk: Agent;
let clerk01: Agent;
let w1: number;
const open: Recorder[] = [];

beforeAll(async () => {
  hall = await createTestHall();
  base = await hall.app.listen({ port: 0, host: '127.0.0.1' });
  kiosk = hall.device(DEMO_TOKENS.kiosk);
  clerk01 = await hall.signIn('clerk01');
  w1 = hall.ids.window('1');
});
afterAll(async () => {
  for (const s of open) s.close();
  await hall.close();
});

async function socket(auth: Record<string, unknown>, headers?: Record<string, string>): Promise<Recorder> {
  const s = await openSocket(base, auth, headers);
  open.push(s);
  return s;
}

async function serve(): Promise<{ id: number; number: string }> {
  const ticket = (await kiosk.post(`/api/halls/${hall.hallId}/tickets`, { serviceId: hall.ids.service('A') })).json().ticket;
  for (const command of ['call-next', 'start', 'finish'])
    expect((await clerk01.post(`/api/windows/${w1}/${command}`)).statusCode).toBe(200);
  return ticket;
}

describe('rating events', () => {
  it('the pad of the window is asked with public facts only; other pads are not; the rating reaches staff only', async () => {
    const pad1 = await socket({ token: DEMO_TOKENS.pad('1') });
    const pad2 = await socket({ token: DEMO_TOKENS.pad('2') });
    const board = await socket({ token: DEMO_TOKENS.board });
    const staff = await socket({}, { cookie: clerk01.headers.cookie! });

    const t = await serve();
    const asked = await pad1.waitFor('rating:requested');
    expect(Object.keys(asked.data!).sort()).toEqual(
      ['clerk', 'deadline', 'number', 'reasons', 'serviceName', 'serviceNameEn', 'ticketId', 'windowId', 'windowNumber'].sort(),
    );
    expect(asked.data).toMatchObject({
      ticketId: t.id,
      number: t.number,
      clerk: { name: '李敏', staffNo: 'ZW0101' },
      deadline: hall.clock() + 60_000,
    });
    expect(JSON.stringify(asked)).not.toMatch(/publicCode|phone/);
    await staff.waitFor('rating:requested');

    // Before the pad answers, staff have heard nothing about a choice.
    expect(staff.names()).not.toContain('rating:submitted');
    const res = await hall.device(DEMO_TOKENS.pad('1')).post('/api/pad/ratings', { ticketId: t.id, level: 2, reasons: ['办理效率低'] });
    expect(res.statusCode).toBe(200);
    const stored = await hall.store.read((tx) => tx.ratings.byTicket(t.id));
    const submitted = await staff.waitFor('rating:submitted');
    expect(submitted.data).toMatchObject({ ratingId: stored!.id, level: 2, channel: 'pad' });
    const opened = await staff.waitFor('case:updated');
    expect(opened.data).toMatchObject({ ratingId: stored!.id, status: 'open' });
    // The pad itself hears that its request was answered (a second pad at the window goes idle).
    await pad1.waitFor('rating:submitted');

    const manager = await hall.signIn('manager');
    const pad2Heard = await receivedBeforeOwnSettings(hall, manager, pad2, DEMO_TOKENS.pad('2'));
    const boardHeard = await receivedBeforeOwnSettings(hall, manager, board, DEMO_TOKENS.board);
    expect(pad2Heard.names()).not.toContain('rating:requested');
    expect(boardHeard.names()).not.toContain('rating:submitted');
    expect(boardHeard.names()).not.toContain('case:updated');
    expect(pad2Heard.names()).not.toContain('rating:submitted');
  });

  it('a request that times out sends the pad back to idle (rating:expired), recorded as not rated', async () => {
    const pad1 = await socket({ token: DEMO_TOKENS.pad('1') });
    const t = await serve();
    await pad1.waitFor('rating:requested', (e) => e.data?.ticketId === t.id);
    hall.clock.advance(61_000);
    await hall.app.jobs.run('expire-pending-ratings');
    const expired = await pad1.waitFor('rating:expired');
    expect(expired).toMatchObject({ reason: 'timeout', data: { number: t.number } });
    expect((await hall.store.read((tx) => tx.tickets.get(t.id)))!.ratingStatus).toBe('unrated');
  });

  it('a pad that reconnects sees the pending request through its sync and the pad API', async () => {
    const t = await serve();
    const pad1 = await socket({ token: DEMO_TOKENS.pad('1') });
    const reply = await pad1.sync(0);
    expect(reply.missed.filter((e) => e.type === 'rating:requested').map((e) => e.data?.ticketId)).toContain(t.id);
    const state = (await hall.device(DEMO_TOKENS.pad('1')).get('/api/pad')).json();
    expect(state.pending).toMatchObject({ ticketId: t.id });
  });
});
