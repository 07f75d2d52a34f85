/**
 * Realtime with real sockets (docs/design.md, invariant 5): calls reach the right rooms only; a screen
 * that was away catches up by sequence number, with nothing lost and nothing twice.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RealtimeEvent } from '../../common/protocol.js';
import { createTestHall, DEMO_TOKENS, type Agent, type TestHall } from '../helpers/app.js';
import { openSocket, receivedBefore, type Recorder } from '../helpers/sockets.js';

let hall: TestHall;
let base: string;
let kiosk: Agent;
let manager: Agent;
const open: Recorder[] = [];

beforeAll(async () => {
  hall = await createTestHall();
  base = await hall.app.listen({ port: 0, host: '127.0.0.1' });
  kiosk = hall.device(DEMO_TOKENS.kiosk);
  manager = await hall.signIn('manager');
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
const issue = async (prefix: string) =>
  (await kiosk.post(`/api/halls/${hall.hallId}/tickets`, { serviceId: hall.ids.service(prefix) })).json();

describe('rooms', () => {
  it('a call reaches the hall board, its zone board, its window screen and pad, its visitor; not the others', async () => {
    const board = await socket({ token: DEMO_TOKENS.board });
    const zoneBoard = await socket({ token: DEMO_TOKENS.zoneBoard }); // 社会保障服务区
    const screen1 = await socket({ token: DEMO_TOKENS.windowScreen('1') });
    const pad1 = await socket({ token: DEMO_TOKENS.pad('1') });
    const screen12 = await socket({ token: DEMO_TOKENS.windowScreen('12') });
    const a = await issue('A');
    const p = await issue('P');
    const phoneA = await socket({ ticketCode: a.publicCode });
    const phoneP = await socket({ ticketCode: p.publicCode });

    const clerk01 = await hall.signIn('clerk01');
    await clerk01.post(`/api/windows/${hall.ids.window('1')}/call-next`);

    const call = await board.waitFor('ticket:called');
    expect(call.call).toMatchObject({
      number: 'A001',
      windowNumber: '1',
      windowName: '社保综合窗口',
      text: { 'zh-CN': '请A001号到1号窗口办理' },
    });
    expect(call.seq).toBeGreaterThan(0);
    await zoneBoard.waitFor('ticket:called');
    await screen1.waitFor('ticket:called');
    await pad1.waitFor('ticket:called');
    expect((await phoneA.waitFor('ticket:called')).ticket).toMatchObject({
      number: 'A001',
      status: 'called',
      windowId: hall.ids.window('1'),
    });

    // A call in another zone: the 社会保障 zone board does not hear it. For window 12's screen and
    // P's visitor it is the marker: what the A001 call sent them arrived before it.
    const clerk08 = await hall.signIn('clerk08');
    await clerk08.post(`/api/windows/${hall.ids.window('12')}/call-next`);
    await board.waitFor('ticket:called', (e) => e.call?.number === 'P001');
    const isP001 = (e: RealtimeEvent) => e.call?.number === 'P001';
    expect((await receivedBefore(screen12, 'ticket:called', isP001)).names()).not.toContain('ticket:called');
    expect((await receivedBefore(phoneP, 'ticket:called', isP001)).names()).not.toContain('ticket:called');

    // The marker for the zone board and window 1's screen: A001 served at window 1 reaches both.
    await clerk01.post(`/api/windows/${hall.ids.window('1')}/start`);
    const a001Started = (e: RealtimeEvent) => e.ticket?.number === 'A001';
    const zoneHeard = await receivedBefore(zoneBoard, 'ticket:started', a001Started);
    expect(zoneHeard.events.filter((e) => e.name === 'ticket:called').map((e) => e.event.call?.number)).toEqual(['A001']);
    const screenHeard = await receivedBefore(screen1, 'ticket:started', a001Started);
    expect(screenHeard.events.filter((e) => e.name === 'ticket:called')).toHaveLength(1);
  });

  it('no message to a screen carries a ticket code or a phone number', async () => {
    const board = await socket({ token: DEMO_TOKENS.board });
    const t = await issue('B');
    const e = await board.waitFor('ticket:issued', (ev) => ev.ticket?.number === t.ticket.number);
    expect(JSON.stringify(e)).not.toContain(t.publicCode);
    expect(e.ticket).not.toHaveProperty('phone');
  });

  it('staff-only events reach staff sockets, never boards', async () => {
    const board = await socket({ token: DEMO_TOKENS.board });
    const staff = await socket({}, { cookie: manager.headers.cookie! });
    await hall.device(DEMO_TOKENS.kiosk).post('/api/devices/me/heartbeat', { state: { paper: 'out' } });
    await staff.waitFor('device:updated');
    // The marker: a ticket issued after the heartbeat reaches the board.
    const marker = await issue('B');
    const heard = await receivedBefore(board, 'ticket:issued', (e) => e.ticket?.number === marker.ticket.number);
    expect(heard.names()).not.toContain('device:updated');
  });

  it('a queue change carries the new waiting count', async () => {
    const board = await socket({ token: DEMO_TOKENS.board });
    const before = (await board.sync(null)).snapshot.queues.find((q) => q.serviceId === hall.ids.service('D'))!.waiting;
    await issue('D');
    const e = await board.waitFor('ticket:issued', (ev) => ev.queues?.some((q) => q.serviceId === hall.ids.service('D')) ?? false);
    expect(e.queues!.find((q) => q.serviceId === hall.ids.service('D'))!.waiting).toBe(before + 1);
  });
});

describe('connection and catch-up', () => {
  it('refuses a socket without credentials, with a reason', async () => {
    await expect(openSocket(base, {})).rejects.toMatchObject({ data: { code: 'unauthenticated', message: expect.any(String) } });
    await expect(openSocket(base, { token: 'no-such-device-token' })).rejects.toMatchObject({ data: { code: 'device_unknown' } });
  });

  it('a screen that was away gets the snapshot and the calls it missed, once, in order', async () => {
    const board = await socket({ token: DEMO_TOKENS.board });
    const first = await board.sync(null);
    const lastSeq = first.snapshot.seq;
    expect(first.missed).toEqual([]);
    board.close();

    await issue('C');
    await issue('C');
    const clerk02 = await hall.signIn('clerk02');
    const w2 = hall.ids.window('2');
    await manager.put(`/api/windows/${w2}/services`, { mode: 'specialist', services: [{ serviceId: hall.ids.service('C') }] });
    await clerk02.post(`/api/windows/${w2}/call-next`);
    await clerk02.post(`/api/windows/${w2}/no-show`);
    await clerk02.post(`/api/windows/${w2}/call-next`);

    const back = await socket({ token: DEMO_TOKENS.board });
    const { snapshot, missed, truncated } = await back.sync(lastSeq);
    expect(truncated).toBe(false);
    const seqs = missed.map((e) => e.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(new Set(seqs).size).toBe(seqs.length);
    expect(seqs.every((s) => s > lastSeq && s <= snapshot.seq)).toBe(true);
    expect(missed.filter((e) => e.type === 'ticket:called').map((e) => e.call?.number)).toEqual(['C001', 'C002']);
    // The snapshot is the truth: C002 at window 2, C001 in the missed list.
    expect(snapshot.windows.find((w) => w.id === w2)!.current!.number).toBe('C002');
    expect(snapshot.missed.map((t) => t.number)).toContain('C001');
    expect(snapshot.recentCalls.slice(0, 2).map((c) => c.number)).toEqual(['C002', 'C001']);
    // Staff-only events are not replayed to boards.
    expect(missed.some((e) => e.type === 'device:updated')).toBe(false);
  });

  it('a visitor replay holds only their own ticket', async () => {
    const mine = await issue('G');
    const phone = await socket({ ticketCode: mine.publicCode });
    const { snapshot } = await phone.sync(null);
    await issue('G');
    const clerk04 = await hall.signIn('clerk04');
    await clerk04.post(`/api/windows/${hall.ids.window('4')}/call-next`);
    const { missed } = await phone.sync(snapshot.seq);
    expect(missed.length).toBeGreaterThan(0);
    expect(missed.every((e) => e.type.startsWith('ticket:') && e.data?.number === 'G001')).toBe(true);
  });

  it('a revoked device is told why and disconnected', async () => {
    const pairing = (await hall.anonymous.post('/api/devices/pairing', { hallId: hall.hallId, kind: 'board' })).json();
    await manager.post(`/api/halls/${hall.hallId}/devices/approve`, { code: pairing.device.pairingCode, name: '临时屏' });
    const board = await socket({ token: pairing.token });
    const ended = new Promise((resolve) => board.socket.on('session:ended', resolve));
    const disconnected = new Promise((resolve) => board.socket.on('disconnect', resolve));
    await manager.post(`/api/devices/${pairing.device.id}/revoke`);
    expect(await ended).toMatchObject({ code: 'device_revoked' });
    await disconnected;
    await expect(openSocket(base, { token: pairing.token })).rejects.toMatchObject({ data: { code: 'device_revoked' } });
  });
});
