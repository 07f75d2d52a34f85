/**
 * 预约 through the HTTP API, on a test clock: what can be booked, every booking rule, the
 * cancellation deadline, check-in window edges (phone and kiosk, by code and by phone number),
 * the appointment ticket's priority, the no-show sweep and blocking, and the manager's slots.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Notification, Notifier } from '../../server/services/notifier.js';
import { createTestHall, DEMO_TOKENS, type Agent, type TestHall } from '../helpers/app.js';

let hall: TestHall;
let kiosk: Agent;
let sent: Notification[];
const PHONE = '13812345678';
const TOMORROW = '2026-11-24';

beforeEach(async () => {
  sent = [];
  const notifier: Notifier = { send: async (n) => void sent.push(n) };
  hall = await createTestHall({ limits: { phoneIssue: 1000, status: 1000 }, notifier });
  kiosk = hall.device(DEMO_TOKENS.kiosk);
});
afterEach(() => hall.close());

const A = () => hall.ids.service('A');
const book = (body: Partial<{ serviceId: number; date: string; start: string; phone: string }> = {}) =>
  hall.anonymous.post('/api/phone/halls/demo/bookings', { serviceId: A(), date: TOMORROW, start: '09:00', phone: PHONE, ...body });
async function booked(body: Parameters<typeof book>[0] = {}) {
  const res = await book(body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}
const checkIn = (publicCode: string) => hall.anonymous.post(`/api/phone/bookings/${publicCode}/check-in`);
const checkInAt = (body: Record<string, unknown>, agent: Agent = kiosk) => agent.post(`/api/halls/${hall.hallId}/bookings/check-in`, body);
async function setAppointment(patch: Record<string, unknown>, calendar: Record<string, unknown> = {}) {
  await hall.store.transact((tx) =>
    tx.halls.update(hall.hallId, { settings: { calendar: { openWeekdays: [1, 2, 3, 4, 5, 6, 7], ...calendar }, appointment: patch } }),
  );
}

describe('what can be booked', () => {
  it('from the next day, N working days, with each slot’s free places', async () => {
    await booked();
    const res = await hall.anonymous.get(`/api/phone/halls/demo/services/${A()}/slots`);
    expect(res.statusCode).toBe(200);
    const view = res.json();
    expect(view.days.map((d: { date: string }) => d.date)).toEqual([
      '2026-11-24',
      '2026-11-25',
      '2026-11-26',
      '2026-11-27',
      '2026-11-28',
      '2026-11-29',
      '2026-11-30',
    ]);
    expect(view.days[0].slots).toEqual([
      { start: '09:00', end: '10:00', capacity: 6, remaining: 5 },
      { start: '10:00', end: '11:00', capacity: 6, remaining: 6 },
      { start: '14:00', end: '15:00', capacity: 6, remaining: 6 },
      { start: '15:00', end: '16:00', capacity: 6, remaining: 6 },
    ]);
    expect(view.rules).toEqual({ cancelBeforeMinutes: 60, checkInEarlyMinutes: 30, checkInLateMinutes: 15, noShowLimit: 3, blockDays: 30 });
  });

  it('the hall’s non-working days and closed weekdays are skipped', async () => {
    await setAppointment({ maxDaysAhead: 3 }, { openWeekdays: [1, 2, 3, 4, 5], nonWorkingDays: ['2026-11-25'] });
    const days = (await hall.anonymous.get(`/api/phone/halls/demo/services/${A()}/slots`)).json().days.map((d: { date: string }) => d.date);
    expect(days).toEqual(['2026-11-24', '2026-11-26', '2026-11-27']);
    expect((await book({ date: '2026-11-25' })).json().code).toBe('booking_date_closed');
    expect((await book({ date: '2026-11-30' })).json()).toMatchObject({
      code: 'booking_date_closed',
      details: { first: '2026-11-24', last: '2026-11-27' },
    });
  });

  it('a service without slots, or a hall without appointments, says so', async () => {
    const b = await hall.anonymous.get(`/api/phone/halls/demo/services/${hall.ids.service('B')}/slots`);
    expect(b.statusCode).toBe(409);
    expect(b.json().code).toBe('service_not_bookable');
    await setAppointment({ enabled: false });
    expect((await hall.anonymous.get(`/api/phone/halls/demo/services/${A()}/slots`)).json().code).toBe('appointments_off');
    expect((await book()).json().code).toBe('appointments_off');
  });
});

describe('booking', () => {
  it('books a slot: 8-digit code, secret page code, masked phone; staff hear of it without the number; the visitor is notified', async () => {
    const view = await booked({ phone: '138 1234 5678' });
    expect(view).toMatchObject({
      date: TOMORROW,
      start: '09:00',
      end: '10:00',
      status: 'booked',
      phone: '138****5678',
      service: { name: '社保参保登记' },
      cancellable: true,
    });
    expect(view.code).toMatch(/^[1-9]\d{7}$/);
    expect(view.publicCode).toMatch(/^[a-z2-9]{16}$/);
    expect(view.startsAt).toBe(Date.parse('2026-11-24T09:00:00+08:00'));
    expect(view.cancelUntil).toBe(Date.parse('2026-11-24T08:00:00+08:00'));
    expect(view.checkIn).toEqual({
      opensAt: Date.parse('2026-11-24T08:30:00+08:00'),
      closesAt: Date.parse('2026-11-24T10:15:00+08:00'),
      timing: 'early',
    });
    expect(JSON.stringify(view)).not.toContain(PHONE);
    expect((await hall.anonymous.get(`/api/phone/bookings/${view.publicCode}`)).json()).toMatchObject({
      code: view.code,
      status: 'booked',
    });
    const [event] = await hall.store.read((tx) => tx.events.query({ hallId: hall.hallId, types: ['booking:updated'], limit: 5 }));
    expect(event!.data).toMatchObject({ action: 'booked', serviceId: A(), date: TOMORROW });
    expect(JSON.stringify(event)).not.toContain(PHONE);
    await hall.app.notifications.idle();
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      kind: 'booking_confirmed',
      phone: PHONE,
      booking: { code: view.code, checkInFrom: '08:30', checkInUntil: '10:15' },
    });
  });

  it('a slot takes its capacity and no more, also when visitors book at the same moment', async () => {
    await hall.store.transact(async (tx) => {
      const [slot] = (await tx.phone.slotsOf([A()])).filter((s) => s.weekday === 2 && s.start === '09:00');
      await tx.phone.updateSlot(slot!.id, { capacity: 2 });
    });
    const results = await Promise.all(Array.from({ length: 6 }, (_, i) => book({ phone: `1390000000${i}` })));
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 201, 409, 409, 409, 409]);
    expect(results.filter((r) => r.statusCode === 409).every((r) => r.json().code === 'slot_full')).toBe(true);
    expect(await hall.store.read((tx) => tx.phone.bookedCounts(A(), TOMORROW))).toEqual(new Map([['09:00', 2]]));
  });

  it('one booking per phone per service per day; cancelled ones do not count', async () => {
    const first = await booked();
    const again = await book({ start: '14:00', phone: '+86 13812345678' });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'booking_duplicate', details: { date: TOMORROW } });
    await booked({ serviceId: hall.ids.service('E') }); // another service, same day
    await booked({ date: '2026-11-25' }); // same service, another day
    expect((await hall.anonymous.post(`/api/phone/bookings/${first.publicCode}/cancel`)).statusCode).toBe(200);
    await booked({ start: '14:00' });
  });

  it('refuses a slot that does not exist and a malformed phone, writing nothing', async () => {
    expect((await book({ start: '09:30' })).json().code).toBe('slot_unknown');
    expect((await book({ phone: '110' })).json()).toMatchObject({ statusCode: 400, code: 'phone_invalid' });
    expect((await book({ date: '2026-11-23' })).json().code).toBe('booking_date_closed');
    expect(await hall.store.read((tx) => tx.phone.bookingsOn(hall.hallId, [TOMORROW, '2026-11-23']))).toEqual([]);
  });
});

describe('cancelling, until cancelBeforeMinutes before the slot', () => {
  it('exactly at the deadline is fine; a minute later is refused with the deadline; the place is free again', async () => {
    const early = await booked();
    const late = await booked({ phone: '13900000000' });
    hall.clock.set('2026-11-24T08:00:00+08:00');
    const ok = await hall.anonymous.post(`/api/phone/bookings/${early.publicCode}/cancel`);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'cancelled', cancellable: false });
    hall.clock.set('2026-11-24T08:00:01+08:00');
    const refused = await hall.anonymous.post(`/api/phone/bookings/${late.publicCode}/cancel`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'cancel_too_late', details: { deadline: '2026-11-24 08:00' } });
    expect(refused.json().message).toContain('2026-11-24 08:00');
    expect(await hall.store.read((tx) => tx.phone.bookedCounts(A(), TOMORROW))).toEqual(new Map([['09:00', 1]]));
    expect((await hall.anonymous.post(`/api/phone/bookings/${early.publicCode}/cancel`)).json().code).toBe('booking_cancelled');
  });
});

describe('check-in', () => {
  it('window edges on the phone: 08:29:59 too early (with the times), 08:30 issues the appointment ticket', async () => {
    const b = await booked();
    hall.clock.set('2026-11-24T08:29:59+08:00');
    const early = await checkIn(b.publicCode);
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({ code: 'check_in_too_early', details: { opens: '08:30', closes: '10:15' } });
    expect(early.json().message).toContain('普通号');
    hall.clock.set('2026-11-24T08:30:00+08:00');
    const res = await checkIn(b.publicCode);
    expect(res.statusCode, res.body).toBe(200);
    const { booking, issued } = res.json();
    expect(booking).toMatchObject({ status: 'checked_in', ticket: { number: 'A001', publicCode: issued.publicCode } });
    expect(issued.ticket).toMatchObject({ number: 'A001', priority: 'appointment', status: 'waiting' });
    const ticket = await hall.store.read((tx) => tx.tickets.get(issued.ticket.id));
    expect(ticket).toMatchObject({ source: 'appointment', priority: 'appointment', phone: PHONE });
    expect(ticket!.bookingId).not.toBeNull();
    const page = (await hall.anonymous.get(`/api/phone/tickets/${issued.publicCode}`)).json();
    expect(page.booking).toEqual({ date: TOMORROW, start: '09:00', end: '10:00' });
    const twice = await checkIn(b.publicCode);
    expect(twice.json().code).toBe('booking_checked_in');
  });

  it('window edges at the late end: 10:15:00 still checks in, 10:15:01 is too late', async () => {
    const onTime = await booked();
    const late = await booked({ phone: '13900000000' });
    hall.clock.set('2026-11-24T10:15:00+08:00');
    expect((await checkIn(onTime.publicCode)).statusCode).toBe(200);
    hall.clock.set('2026-11-24T10:15:01+08:00');
    const res = await checkIn(late.publicCode);
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'check_in_too_late', details: { closes: '10:15' } });
  });

  it('not on another day', async () => {
    const b = await booked();
    const res = await checkIn(b.publicCode);
    expect(res.json()).toMatchObject({ code: 'check_in_not_today', details: { date: TOMORROW } });
  });

  it('the appointment ticket is called before older normal tickets, with the reason', async () => {
    const b = await booked();
    hall.clock.set('2026-11-24T08:40:00+08:00');
    const older = [];
    for (let i = 0; i < 3; i++) older.push((await kiosk.post(`/api/halls/${hall.hallId}/tickets`, { serviceId: A() })).json());
    hall.clock.set('2026-11-24T08:45:00+08:00');
    const { issued } = (await checkIn(b.publicCode)).json();
    expect(issued.ahead).toBe(0);
    const clerk = await hall.signIn('clerk01');
    hall.clock.set('2026-11-24T08:46:00+08:00');
    const call = (await clerk.post(`/api/windows/${hall.ids.window('1')}/call-next`)).json();
    expect(call.ticket).toMatchObject({ number: issued.ticket.number, callReason: 'appointment' });
    const olderPage = (await hall.anonymous.get(`/api/phone/tickets/${older[0].publicCode}`)).json();
    expect(olderPage.passedBy).toEqual([{ number: issued.ticket.number, reason: 'appointment', at: hall.clock() }]);
  });

  it('is never refused for the quota: the place was reserved when booked', async () => {
    const b = await booked();
    await hall.store.transact((tx) => tx.services.update(A(), { dailyQuota: 0 }));
    hall.clock.set('2026-11-24T09:00:00+08:00');
    expect((await kiosk.post(`/api/halls/${hall.hallId}/tickets`, { serviceId: A() })).json().code).toBe('quota_reached');
    expect((await checkIn(b.publicCode)).statusCode).toBe(200);
  });

  it('at the kiosk by booking code, or by phone number; several bookings today ask for the service', async () => {
    const a = await booked();
    const e = await booked({ serviceId: hall.ids.service('E'), start: '10:00' });
    hall.clock.set('2026-11-24T09:40:00+08:00');
    const byCode = await checkInAt({ code: ` ${a.code} ` });
    expect(byCode.statusCode, byCode.body).toBe(200);
    expect(byCode.json().issued).toMatchObject({
      ticket: { priority: 'appointment' },
      serviceName: '社保参保登记',
      hallName: '示范县政务服务中心',
    });
    // Two bookings of this phone today, one already checked in: the phone number finds the other.
    const byPhone = await checkInAt({ phone: PHONE });
    expect(byPhone.statusCode, byPhone.body).toBe(200);
    expect(byPhone.json().booking).toMatchObject({ code: e.code, status: 'checked_in' });
    expect((await checkInAt({ phone: PHONE })).json().code).toBe('booking_checked_in');
    expect((await checkInAt({ code: '12345678' })).json()).toMatchObject({ statusCode: 404, code: 'no_booking_today' });
    expect((await checkInAt({ phone: '13700000000' })).json().code).toBe('no_booking_today');
    expect((await checkInAt({})).json().code).toBe('invalid_input');
  });

  it('by phone number with two open bookings today: the list, then the chosen service', async () => {
    await booked();
    await booked({ serviceId: hall.ids.service('E'), start: '10:00' });
    hall.clock.set('2026-11-24T09:40:00+08:00');
    const ask = await checkInAt({ phone: PHONE });
    expect(ask.statusCode).toBe(409);
    expect(ask.json()).toMatchObject({
      code: 'booking_choose_service',
      details: {
        bookings: [
          { serviceId: A(), serviceName: '社保参保登记', start: '09:00', end: '10:00' },
          { serviceId: hall.ids.service('E'), serviceName: '不动产登记', start: '10:00', end: '11:00' },
        ],
      },
    });
    expect(JSON.stringify(ask.json())).not.toMatch(/\d{8}/); // no booking codes given away
    const chosen = await checkInAt({ phone: PHONE, serviceId: hall.ids.service('E') });
    expect(chosen.statusCode).toBe(200);
    expect(chosen.json().issued.serviceName).toBe('不动产登记');
  });

  it('staff at the guide desk may check in; a board may not', async () => {
    const b = await booked();
    hall.clock.set('2026-11-24T09:00:00+08:00');
    expect((await checkInAt({ code: b.code }, hall.device(DEMO_TOKENS.board))).statusCode).toBe(403);
    expect((await checkInAt({ code: b.code }, await hall.signIn('clerk01'))).statusCode).toBe(200);
  });
});

describe('no-shows', () => {
  it('a booking not checked in by the end of its window becomes a no-show', async () => {
    const b = await booked();
    hall.clock.set('2026-11-24T10:15:00+08:00');
    expect(await hall.app.jobs.run('booking-no-shows')).toBe(0);
    hall.clock.set('2026-11-24T10:15:01+08:00');
    expect(await hall.app.jobs.run('booking-no-shows')).toBe(1);
    expect(await hall.app.jobs.run('booking-no-shows')).toBe(0);
    expect((await hall.anonymous.get(`/api/phone/bookings/${b.publicCode}`)).json().status).toBe('no_show');
    expect((await checkIn(b.publicCode)).json().code).toBe('booking_no_show');
    const [event] = await hall.store.read((tx) => tx.events.query({ hallId: hall.hallId, types: ['booking:updated'], limit: 1 }));
    expect(event!.data).toMatchObject({ action: 'no_show', status: 'no_show' });
  });

  it('N no-shows in 30 days block booking for M days, with the date it ends', async () => {
    for (const date of ['2026-11-24', '2026-11-25', '2026-11-26']) await booked({ date });
    hall.clock.set('2026-11-26T12:00:00+08:00');
    expect(await hall.app.jobs.run('booking-no-shows')).toBe(3);
    const refused = await book({ date: '2026-11-28', phone: '138-1234-5678' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'booking_blocked', details: { count: 3, until: '2026-12-26' } });
    expect(refused.json().message).toBe('该手机号近 30 天内有 3 次预约未按时签到，暂停预约，2026-12-26 起可重新预约。');
    // Another phone is not affected; this one may book again once the block is over.
    await booked({ date: '2026-11-28', phone: '13900000000' });
    hall.clock.set('2026-12-26T09:00:00+08:00');
    await booked({ date: '2026-12-27' });
  });

  it('a day the hall closes after it was booked: its bookings are cancelled by the hall, each visitor is told, none counts as missed', async () => {
    await setAppointment({}, { openWeekdays: [1, 2, 3, 4, 5] });
    const mine = await booked();
    const other = await booked({ phone: '13900000000', start: '10:00' });
    const dayAfter = await booked({ date: '2026-11-25' });
    await hall.app.notifications.idle();
    sent = [];
    const manager = await hall.signIn('manager');
    const res = await manager.put(`/api/halls/${hall.hallId}/settings/calendar`, {
      values: { nonWorkingDays: [TOMORROW] },
      reason: '停电检修',
    });
    expect(res.statusCode, res.body).toBe(200);
    await hall.app.notifications.idle();

    const status = async (b: { publicCode: string }) => (await hall.anonymous.get(`/api/phone/bookings/${b.publicCode}`)).json().status;
    expect([await status(mine), await status(other), await status(dayAfter)]).toEqual(['hall_closed', 'hall_closed', 'booked']);
    expect(sent.map((n) => [n.kind, n.phone])).toEqual([
      ['booking_closed', PHONE],
      ['booking_closed', '13900000000'],
    ]);
    expect(sent[0]!.text['zh-CN']).toContain('不计为未到');
    expect(sent[0]!.text.en).toContain('does not count as missed');

    hall.clock.set('2026-11-24T09:00:00+08:00');
    expect((await checkIn(mine.publicCode)).json()).toMatchObject({ code: 'booking_hall_closed' });
    hall.clock.set('2026-11-25T12:00:00+08:00');
    expect(await hall.app.jobs.run('booking-no-shows')).toBe(1); // only the 25th's, not checked in
    expect(await status(mine)).toBe('hall_closed');
    // Saying the same again closes nothing more and tells nobody twice.
    await manager.put(`/api/halls/${hall.hallId}/settings/calendar`, { values: { nonWorkingDays: [TOMORROW] } });
    await hall.app.notifications.idle();
    expect(sent).toHaveLength(2);
  });

  it('the no-show sweep never counts a booking on a day the hall did not work, however the day was closed', async () => {
    const b = await booked();
    await setAppointment({}, { nonWorkingDays: [TOMORROW] });
    hall.clock.set('2026-11-24T12:00:00+08:00');
    expect(await hall.app.jobs.run('booking-no-shows')).toBe(0);
    expect((await hall.anonymous.get(`/api/phone/bookings/${b.publicCode}`)).json().status).toBe('hall_closed');
  });

  it('an on-time check-in is never refused because no window serving it is open: the place was reserved', async () => {
    const b = await booked();
    await hall.store.transact(async (tx) => {
      const stored = await tx.halls.storedSettings(hall.hallId);
      await tx.halls.update(hall.hallId, { settings: { ...stored, issuing: { ...(stored.issuing ?? {}), allowWhenNoWindowOpen: false } } });
      for (const w of await tx.windows.list(hall.hallId)) await tx.windows.update(w.id, { status: 'closed' });
    });
    hall.clock.set('2026-11-24T09:00:00+08:00');
    expect((await kiosk.post(`/api/halls/${hall.hallId}/tickets`, { serviceId: A() })).json().code).toBe('no_open_window');
    const res = await checkIn(b.publicCode);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().issued.warnings).toContain('no_open_window');
  });

  it('a phone checked in on time is not blocked', async () => {
    for (const date of ['2026-11-24', '2026-11-25']) await booked({ date });
    hall.clock.set('2026-11-25T12:00:00+08:00');
    expect(await hall.app.jobs.run('booking-no-shows')).toBe(2);
    const third = await booked({ date: '2026-11-26' });
    hall.clock.set('2026-11-26T09:00:00+08:00');
    expect((await checkIn(third.publicCode)).statusCode).toBe(200);
    await booked({ date: '2026-11-28' });
  });
});

describe('appointment slots (manager)', () => {
  it('create, change and remove with validation; staff hear a config change', async () => {
    const manager = await hall.signIn('manager');
    const url = `/api/halls/${hall.hallId}/appointment-slots`;
    const b = hall.ids.service('B');
    const created = await manager.post(url, { serviceId: b, weekday: 1, start: '09:00', end: '09:30', capacity: 3 });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ serviceId: b, weekday: 1, start: '09:00', end: '09:30', capacity: 3, outsideHours: false });
    const overlap = await manager.post(url, { serviceId: b, weekday: 1, start: '09:15', end: '10:00', capacity: 3 });
    expect(overlap.statusCode).toBe(409);
    expect(overlap.json()).toMatchObject({ code: 'slot_overlap', details: { start: '09:00', end: '09:30' } });
    expect((await manager.post(url, { serviceId: b, weekday: 1, start: '10:00', end: '09:00', capacity: 3 })).json()).toMatchObject({
      statusCode: 400,
      message: '结束时间应晚于开始时间。',
    });
    expect((await manager.post(url, { serviceId: b, weekday: 9, start: '10:00', end: '11:00', capacity: 3 })).statusCode).toBe(400);
    expect((await manager.post(url, { serviceId: 99999, weekday: 1, start: '10:00', end: '11:00', capacity: 3 })).statusCode).toBe(404);
    const id = created.json().id;
    const changed = await manager.put(`/api/appointment-slots/${id}`, { capacity: 8, end: '10:00' });
    expect(changed.json()).toMatchObject({ id, capacity: 8, end: '10:00' });
    const list = (await manager.get(`${url}?serviceId=${b}`)).json();
    expect(list).toEqual([expect.objectContaining({ id, capacity: 8 })]);
    // The service is now bookable on Mondays (the next one is 2026-11-30).
    const days = (await hall.anonymous.get(`/api/phone/halls/demo/services/${b}/slots`)).json().days;
    expect(days.map((d: { date: string }) => d.date)).toEqual(['2026-11-30']);
    const removed = await manager.request('DELETE', `/api/appointment-slots/${id}`);
    expect(removed.statusCode, removed.body).toBe(200);
    expect((await manager.get(`${url}?serviceId=${b}`)).json()).toEqual([]);
    expect((await manager.request('DELETE', `/api/appointment-slots/${id}`)).statusCode).toBe(404);
    const changes = await hall.store.read((tx) => tx.events.query({ hallId: hall.hallId, types: ['config:changed'], limit: 10 }));
    expect(changes.map((e) => e.data.action)).toEqual(['deleted', 'updated', 'created']);
  });

  it('flags a slot outside the service’s opening hours', async () => {
    await hall.store.transact((tx) => tx.halls.update(hall.hallId, { openingHours: '08:30-12:00,13:30-17:30' }));
    const manager = await hall.signIn('manager');
    const res = await manager.post(`/api/halls/${hall.hallId}/appointment-slots`, {
      serviceId: hall.ids.service('B'),
      weekday: 2,
      start: '12:00',
      end: '13:00',
      capacity: 2,
    });
    expect(res.json().outsideHours).toBe(true);
  });

  it('bookings already made keep their times when a slot changes', async () => {
    const b = await booked();
    const manager = await hall.signIn('manager');
    const slot = (await manager.get(`/api/halls/${hall.hallId}/appointment-slots?serviceId=${A()}`))
      .json()
      .find((s: { weekday: number; start: string }) => s.weekday === 2 && s.start === '09:00');
    await manager.put(`/api/appointment-slots/${slot.id}`, { start: '09:30', end: '10:30' });
    expect((await hall.anonymous.get(`/api/phone/bookings/${b.publicCode}`)).json()).toMatchObject({
      start: '09:00',
      end: '10:00',
      status: 'booked',
    });
  });

  it('a day’s bookings for the manager carry the full phone number; clerks may not see them', async () => {
    await booked();
    const manager = await hall.signIn('manager');
    const list = await manager.get(`/api/halls/${hall.hallId}/bookings?date=${TOMORROW}`);
    expect(list.statusCode).toBe(200);
    expect(list.json()).toEqual([expect.objectContaining({ phone: PHONE, serviceName: '社保参保登记', status: 'booked', start: '09:00' })]);
    expect((await (await hall.signIn('clerk01')).get(`/api/halls/${hall.hallId}/bookings?date=${TOMORROW}`)).statusCode).toBe(403);
  });
});

describe('visitor links and the printable hall QR code', () => {
  it('point at the hall’s take and booking pages', async () => {
    const manager = await hall.signIn('manager');
    const links = (await manager.get(`/api/halls/${hall.hallId}/visitor-links`, { headers: { host: 'hall.local:8080' } })).json();
    expect(links).toEqual({ take: 'http://hall.local:8080/h/demo', book: 'http://hall.local:8080/h/demo/book' });
    const svg = await manager.get(`/api/halls/${hall.hallId}/visitor-qr.svg?page=book`);
    expect(svg.statusCode).toBe(200);
    expect(svg.headers['content-type']).toContain('image/svg+xml');
    expect(svg.body).toContain('<svg');
    expect((await hall.anonymous.get(`/api/halls/${hall.hallId}/visitor-qr.svg`)).statusCode).toBe(401);
  });

  it('use PUBLIC_URL when the server has one', async () => {
    const withUrl = await createTestHall({ publicUrl: 'https://hall.example.gov.cn' });
    try {
      const manager = await withUrl.signIn('manager');
      expect((await manager.get(`/api/halls/${withUrl.hallId}/visitor-links`)).json().take).toBe('https://hall.example.gov.cn/h/demo');
    } finally {
      await withUrl.close();
    }
  });
});
