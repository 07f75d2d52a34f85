/**
 * A visitor's phone on the realtime connection: everything about its own ticket, and of other
 * tickets of its service only the queue views (to see its place move), never another visitor's
 * ticket, window or call; nothing of other services. A reconnect gets its zone's snapshot.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestHall, DEMO_TOKENS, type Agent, type TestHall } from '../helpers/app.js';
import { openSocket, receivedBefore, type Recorder } from '../helpers/sockets.js';

let hall: TestHall;
let base: string;
let kiosk: Agent;
const open: Recorder[] = [];

beforeAll(async () => {
  hall = await createTestHall({ limits: { phoneIssue: 1000, status: 1000 } });
  base = await hall.app.listen({ port: 0, host: '127.0.0.1' });
  kiosk = hall.device(DEMO_TOKENS.kiosk);
});
afterEach(() => {
  for (const s of open.splice(0)) s.close();
});
afterAll(() => hall.close());

const issue = async (prefix: string) =>
  (await kiosk.post(`/api/halls/${hall.hallId}/tickets`, { serviceId: hall.ids.service(prefix) })).json();
async function phone(code: string) {
  const s = await openSocket(base, { ticketCode: code });
  open.push(s);
  return s;
}

describe('a phone on the realtime connection', () => {
  it('hears its own call in full, others of its service as queue views only, other services not at all', async () => {
    const first = await issue('D');
    const mine = (
      await hall.anonymous.post('/api/phone/halls/demo/tickets', { serviceId: hall.ids.service('D'), phone: '13812345678' })
    ).json();
    const otherService = await issue('C');
    const me = await phone(mine.publicCode);
    const clerk = await hall.signIn('clerk01');
    const w1 = hall.ids.window('1');
    // The clerk calls the first D ticket: the phone hears the queue moved, nothing about who.
    const call = await clerk.post(`/api/windows/${w1}/call`, { ticketId: first.ticket.id, reason: '测试' });
    expect(call.statusCode).toBe(200);
    const moved = await me.waitFor('ticket:called');
    expect(moved.queues).toEqual([expect.objectContaining({ serviceId: hall.ids.service('D'), waiting: 1 })]);
    expect(moved).not.toHaveProperty('ticket');
    expect(moved).not.toHaveProperty('call');
    expect(moved).not.toHaveProperty('window');
    expect(JSON.stringify(moved)).not.toContain(first.ticket.number);
    for (const c of ['start', 'finish']) await clerk.post(`/api/windows/${w1}/${c}`);
    // Another service's call: not a word.
    const clerk02 = await hall.signIn('clerk02');
    await clerk02.post(`/api/windows/${hall.ids.window('2')}/call`, { ticketId: otherService.ticket.id, reason: '测试' });
    // Its own call arrives in full, with the window; it is also the marker: whatever the other
    // service's call sent this phone arrived before it.
    await clerk.post(`/api/windows/${w1}/call-next`);
    const before = await receivedBefore(me, 'ticket:called', (e) => e.ticket?.id === mine.ticket.id);
    expect(before.events.some((e) => JSON.stringify(e.event).includes(otherService.ticket.number))).toBe(false);
    const own = await me.waitFor('ticket:called', (e) => e.ticket?.id === mine.ticket.id);
    expect(own.call).toMatchObject({ number: mine.ticket.number, windowNumber: '1' });
    expect(me.events.filter((e) => e.event.ticket).every((e) => e.event.ticket!.id === mine.ticket.id)).toBe(true);
  });

  it('a sync gives the snapshot of its ticket’s zone only', async () => {
    const mine = await issue('P'); // 公安交警服务区
    const me = await phone(mine.publicCode);
    const { snapshot } = await me.sync(null);
    expect(snapshot.zones.map((z) => z.name)).toEqual(['公安交警服务区']);
    expect(snapshot.services.every((s) => s.zoneId === snapshot.zones[0]!.id)).toBe(true);
    expect(snapshot).not.toHaveProperty('waiting');
  });
});
