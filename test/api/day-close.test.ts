/**
 * The day rolls over at the hall's local midnight with tickets still waiting: numbering restarts,
 * yesterday's waiting and missed tickets are closed as 日终清号, tickets at a window stay with the
 * clerk, and the service day is the hall's, not the server's timezone.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DAY_CLOSE_REASON } from '../../server/services/day-close.js';
import { createTestHall, DEMO_TOKENS, type Agent, type TestHall } from '../helpers/app.js';
import { openSocket } from '../helpers/sockets.js';

let hall: TestHall;
let kiosk: Agent;
beforeEach(async () => {
  hall = await createTestHall();
  kiosk = hall.device(DEMO_TOKENS.kiosk);
});
afterEach(() => hall.close());

const issue = async (prefix: string) =>
  (await kiosk.post(`/api/halls/${hall.hallId}/tickets`, { serviceId: hall.ids.service(prefix) })).json();

describe('end of the service day', () => {
  it('closes yesterday’s waiting and missed tickets at local midnight, keeps the one at a window, restarts numbers', async () => {
    hall.clock.set('2026-11-23T23:50:00+08:00');
    const waiting = await issue('A');
    const missed = await issue('A');
    const atWindow = await issue('A');
    const clerk = await hall.signIn('clerk01');
    const w1 = hall.ids.window('1');
    await clerk.post(`/api/windows/${w1}/call`, { number: missed.ticket.number, reason: '测试' });
    await clerk.post(`/api/windows/${w1}/no-show`);
    await clerk.post(`/api/windows/${w1}/call`, { number: atWindow.ticket.number, reason: '测试' });
    await clerk.post(`/api/windows/${w1}/start`);

    // 23:59 Shanghai is 15:59 UTC: still the same service day, nothing to close.
    hall.clock.set('2026-11-23T23:59:00+08:00');
    expect(await hall.app.jobs.run('close-past-days')).toBe(0);

    const phone = await openSocket(await hall.app.listen({ port: 0, host: '127.0.0.1' }), { ticketCode: waiting.publicCode });
    hall.clock.set('2026-11-24T00:00:30+08:00');
    expect(await hall.app.jobs.run('close-past-days')).toBe(2);
    const expired = await phone.waitFor('ticket:expired');
    expect(expired.ticket).toMatchObject({ number: 'A001', status: 'cancelled' });
    phone.close();

    const status = (code: string) => hall.anonymous.get(`/api/tickets/status/${code}`).then((r) => r.json().ticket.status);
    expect(await status(waiting.publicCode)).toBe('cancelled');
    expect(await status(missed.publicCode)).toBe('cancelled');
    expect(await status(atWindow.publicCode)).toBe('serving');
    const closed = await hall.store.read((tx) => tx.tickets.get(waiting.ticket.id));
    expect(closed!.cancelReason).toBe(DAY_CLOSE_REASON);

    // The clerk still finishes the ticket at the window; the new day starts at A001.
    expect((await clerk.post(`/api/windows/${w1}/finish`)).json().ticket.status).toBe('done');
    expect((await issue('A')).ticket.number).toBe('A001');
    // Running again closes nothing more.
    expect(await hall.app.jobs.run('close-past-days')).toBe(0);
  });

  it('uses the hall’s timezone, not the server’s', async () => {
    await hall.store.transact((tx) => tx.halls.update(hall.hallId, { timezone: 'Asia/Urumqi' })); // UTC+6
    hall.clock.set('2026-11-23T17:30:00Z'); // 01:30 in Shanghai, 23:30 in Urumqi
    await issue('B');
    hall.clock.set('2026-11-23T17:50:00Z');
    expect(await hall.app.jobs.run('close-past-days')).toBe(0);
    const day = await hall.store.read((tx) => tx.tickets.list({ hallId: hall.hallId, serviceDay: '2026-11-23' }));
    expect(day.map((t) => t.number)).toEqual(['B001']);
    hall.clock.set('2026-11-23T18:00:30Z'); // 00:00:30 in Urumqi
    expect(await hall.app.jobs.run('close-past-days')).toBe(1);
  });
});
