/**
 * 预约签到 at the kiosk prints like a number taken there: the appointment ticket goes to the
 * kiosk's printer after commit with the same `print` field and ticket:printed outcome; paper out
 * leaves an issued e-ticket; a retried tap (same idempotency key) is one ticket printed once; the
 * guide desk names its printer; too early / too late tell the kiosk the service, the slot and the
 * check-in times, so it can offer a normal number for that service, which prints as usual.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventRecord } from '../../server/store/repositories/events.js';
import { fingerprint } from '../helpers/fingerprint.js';
import { startPrinterHall, type PrinterHall } from './printer-hall.js';

let ph: PrinterHall;
beforeEach(async () => {
  ph = await startPrinterHall({ app: { limits: { phoneIssue: 1000, status: 1000 } } });
});
afterEach(() => ph.close());

const PHONE = '13812345678';
const DAY = '2026-11-24'; // the test clock starts on 2026-11-23; bookings open from the next day
const A = () => ph.hall.ids.service('A');
const checkInUrl = () => `/api/halls/${ph.hall.hallId}/bookings/check-in`;
const events = (type: string): Promise<EventRecord[]> =>
  ph.hall.store.read((tx) => tx.events.query({ hallId: ph.hall.hallId, types: [type], limit: 1000 }));
const ticketRow = (id: number) => ph.hall.store.read((tx) => tx.tickets.get(id));
const bookingRow = (code: string) => ph.hall.store.read((tx) => tx.phone.bookingByCode(code));

async function book(
  body: Partial<{ serviceId: number; date: string; start: string; phone: string }> = {},
): Promise<{ code: string; publicCode: string }> {
  const res = await ph.hall.anonymous.post('/api/phone/halls/demo/bookings', {
    serviceId: A(),
    date: DAY,
    start: '09:00',
    phone: PHONE,
    ...body,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

describe('a kiosk check-in', () => {
  it('prints the appointment ticket on the kiosk printer: 预约号 with the slot, the status QR; the answer has the issue shape', async () => {
    const booking = await book();
    ph.hall.clock.set(`${DAY}T08:40:00+08:00`);
    const res = await ph.kiosk.post(checkInUrl(), { code: booking.code }, { idempotencyKey: 'kiosk-checkin-0001' });
    expect(res.statusCode, res.body).toBe(200);
    const { issued, booking: view } = res.json();
    expect(view).toMatchObject({ status: 'checked_in', start: '09:00', end: '10:00', ticket: { number: issued.ticket.number } });
    expect(issued).toMatchObject({
      ticket: { priority: 'appointment', status: 'waiting' },
      serviceName: '社保参保登记',
      hallName: '示范县政务服务中心',
    });
    expect(issued.print).toEqual({ status: 'pending', printerId: ph.printerId });
    expect(issued.statusUrl).toBe(`http://127.0.0.1/t/${issued.publicCode}`);
    await ph.settle();

    expect(await ticketRow(issued.ticket.id)).toMatchObject({ printStatus: 'printed', source: 'appointment', priority: 'appointment' });
    const [printed] = await events('ticket:printed');
    expect(printed).toMatchObject({
      ticketId: issued.ticket.id,
      data: { kind: 'ticket', printed: true, problem: null, printerId: ph.printerId },
    });
    expect(ph.printer.jobs).toHaveLength(1);
    const job = ph.printer.jobs[0]!;
    expect(job.qr).toEqual([issued.statusUrl]);
    expect(job.lines).toContain(issued.ticket.number);
    expect(job.lines).toContain('社保参保登记');
    expect(job.lines).toContain('预约号 · 预约时段 09:00-10:00');
    expect(job.lines.some((l) => l.includes('绿色通道'))).toBe(false);
    expect(job.cut).toBe(true);
  });

  it('by phone number prints too', async () => {
    await book({ start: '10:00' });
    ph.hall.clock.set(`${DAY}T10:05:00+08:00`);
    const res = await ph.kiosk.post(checkInUrl(), { phone: '138 1234 5678' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().issued.print.status).toBe('pending');
    await ph.settle();
    expect(ph.printer.jobs[0]!.lines).toContain('预约号 · 预约时段 10:00-11:00');
  });

  it('with paper out is still checked in and issued, recorded as not printed: the kiosk shows the e-ticket', async () => {
    const booking = await book();
    ph.printer.setPaper('out');
    ph.hall.clock.set(`${DAY}T09:10:00+08:00`);
    const res = await ph.kiosk.post(checkInUrl(), { code: booking.code });
    expect(res.statusCode).toBe(200);
    const { issued } = res.json();
    await ph.settle();
    expect(await ticketRow(issued.ticket.id)).toMatchObject({ status: 'waiting', printStatus: 'failed', priority: 'appointment' });
    expect((await events('ticket:printed'))[0]).toMatchObject({
      ticketId: issued.ticket.id,
      reason: 'paper_out',
      data: { printed: false, problem: 'paper_out' },
    });
    expect(ph.printer.jobs).toHaveLength(0);
    expect((await bookingRow(booking.code))!.status).toBe('checked_in');
    // The kiosk's start screen warns the next visitor.
    expect((await ph.kiosk.get('/api/kiosk')).json().printer).toMatchObject({ paper: 'out' });
  });

  it('a retried tap (same key) is one ticket printed once, and the retry learns the print outcome', async () => {
    const booking = await book();
    ph.hall.clock.set(`${DAY}T08:45:00+08:00`);
    const first = await ph.kiosk.post(checkInUrl(), { code: booking.code }, { idempotencyKey: 'kiosk-checkin-tap-1' });
    expect(first.statusCode).toBe(200);
    await ph.settle();
    const again = await ph.kiosk.post(checkInUrl(), { code: booking.code }, { idempotencyKey: 'kiosk-checkin-tap-1' });
    expect(again.statusCode).toBe(200);
    await ph.settle();
    expect(again.json().issued.ticket.id).toBe(first.json().issued.ticket.id);
    expect(again.json().issued.print).toEqual({ status: 'printed', printerId: ph.printerId });
    expect(ph.printer.jobs).toHaveLength(1);
    expect(await events('ticket:printed')).toHaveLength(1);
    const serviceDay = (await ph.hall.app.hallService.snapshot(ph.hall.hallId)).hall.serviceDay;
    expect(await ph.hall.store.read((tx) => tx.tickets.list({ hallId: ph.hall.hallId, serviceDay }))).toHaveLength(1);
    // A new tap (another key) is a second check-in of the same booking: refused, nothing printed.
    const other = await ph.kiosk.post(checkInUrl(), { code: booking.code }, { idempotencyKey: 'kiosk-checkin-tap-2' });
    expect(other.json()).toMatchObject({ statusCode: 409, code: 'booking_checked_in' });
    await ph.settle();
    expect(ph.printer.jobs).toHaveLength(1);
  });

  it('a kiosk prints on its own printer, whatever printerId it sends; without one it answers print none', async () => {
    const booking = await book();
    const second = await book({ serviceId: ph.hall.ids.service('E') });
    const other = await ph.addPrinter({ name: '别的打印机' });
    ph.hall.clock.set(`${DAY}T09:00:00+08:00`);
    const res = await ph.kiosk.post(checkInUrl(), { code: booking.code, printerId: other });
    expect(res.json().issued.print).toEqual({ status: 'pending', printerId: ph.printerId });

    await ph.hall.store.transact(async (tx) => {
      for (const d of await tx.devices.list(ph.hall.hallId)) if (d.kind === 'kiosk') await tx.devices.update(d.id, { printerId: null });
    });
    const none = await ph.kiosk.post(checkInUrl(), { code: second.code });
    expect(none.statusCode).toBe(200);
    expect(none.json().issued.print).toEqual({ status: 'none', printerId: null });
    await ph.settle();
    expect((await ticketRow(none.json().issued.ticket.id))!.printStatus).toBeNull();
  });

  it('GET /api/kiosk says whether to offer 预约签到: the hall takes appointments', async () => {
    expect((await ph.kiosk.get('/api/kiosk')).json().appointments).toBe(true);
    await ph.hall.store.transact((tx) =>
      tx.halls.update(ph.hall.hallId, { settings: { calendar: { openWeekdays: [1, 2, 3, 4, 5, 6, 7] }, appointment: { enabled: false } } }),
    );
    expect((await ph.kiosk.get('/api/kiosk')).json().appointments).toBe(false);
  });

  it('the phone page’s own check-in prints nothing', async () => {
    const booking = await book();
    ph.hall.clock.set(`${DAY}T09:00:00+08:00`);
    const res = await ph.hall.anonymous.post(`/api/phone/bookings/${booking.publicCode}/check-in`);
    expect(res.statusCode).toBe(200);
    await ph.settle();
    expect(ph.printer.jobs).toHaveLength(0);
    expect((await ticketRow(res.json().issued.ticket.id))!.printStatus).toBeNull();
  });
});

describe('the guide desk (staff at the kiosk)', () => {
  it('names the kiosk printer and the appointment ticket prints there; an unknown printer is a 404 and changes nothing', async () => {
    const booking = await book();
    ph.hall.clock.set(`${DAY}T09:00:00+08:00`);
    const clerk = await ph.hall.signIn('clerk01');
    const before = fingerprint(ph.hall.store);
    const bad = await clerk.post(checkInUrl(), { code: booking.code, printerId: 9999 });
    expect(bad.statusCode).toBe(404);
    expect(bad.json().message).toContain('打印机');
    expect(fingerprint(ph.hall.store)).toBe(before);
    expect((await bookingRow(booking.code))!.status).toBe('booked');

    const res = await clerk.post(checkInUrl(), { code: booking.code, printerId: ph.printerId });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().issued.print).toEqual({ status: 'pending', printerId: ph.printerId });
    await ph.settle();
    expect(ph.printer.jobs[0]!.lines).toContain('预约号 · 预约时段 09:00-10:00');
    expect(await events('ticket:printed')).toEqual([expect.objectContaining({ ticketId: res.json().issued.ticket.id })]);
  });
});

describe('too early, too late: what the kiosk needs to offer a normal number', () => {
  const facts = {
    serviceId: 0,
    serviceName: '社保参保登记',
    serviceNameEn: 'Social insurance registration',
    date: DAY,
    start: '09:00',
    end: '10:00',
    checkInFrom: '08:30',
    checkInUntil: '10:15',
  };

  it('too early: the service, the slot and the check-in window; nothing issued or printed; the normal number for that service prints', async () => {
    const booking = await book();
    ph.hall.clock.set(`${DAY}T08:29:59+08:00`);
    const before = fingerprint(ph.hall.store);
    const res = await ph.kiosk.post(checkInUrl(), { code: booking.code }, { idempotencyKey: 'kiosk-early-0001' });
    expect(res.statusCode).toBe(409);
    const error = res.json();
    expect(error).toMatchObject({ code: 'check_in_too_early', details: { ...facts, serviceId: A(), opens: '08:30', closes: '10:15' } });
    expect(error.details.opensAt).toBe(Date.parse(`${DAY}T08:30:00+08:00`));
    expect(error.details.closesAt).toBe(Date.parse(`${DAY}T10:15:00+08:00`));
    expect(error.message).toContain('08:30–10:15');
    expect(error.messageEn).toContain('normal number');
    expect(JSON.stringify(error)).not.toContain(PHONE);
    expect(JSON.stringify(error)).not.toContain(booking.code);
    await ph.settle();
    expect(fingerprint(ph.hall.store)).toBe(before);
    expect(ph.printer.jobs).toHaveLength(0);

    const normal = await ph.kiosk.post(ph.issueUrl, { serviceId: error.details.serviceId });
    expect(normal.statusCode).toBe(201);
    expect(normal.json()).toMatchObject({ ticket: { priority: 'normal' }, print: { status: 'pending' } });
    await ph.settle();
    expect(ph.printer.jobs).toHaveLength(1);
    expect((await bookingRow(booking.code))!.status).toBe('booked'); // still valid for its window
  });

  it('too late: the same facts with the end of the window; another day and a lapsed booking too', async () => {
    const late = await book();
    const nextDay = await book({ serviceId: ph.hall.ids.service('E'), date: '2026-11-25', start: '14:00' });
    ph.hall.clock.set(`${DAY}T10:15:01+08:00`);
    const res = await ph.kiosk.post(checkInUrl(), { code: late.code });
    expect(res.json()).toMatchObject({
      statusCode: 409,
      code: 'check_in_too_late',
      details: { ...facts, serviceId: A(), closes: '10:15' },
    });

    await ph.hall.app.jobs.run('booking-no-shows');
    expect((await ph.kiosk.post(checkInUrl(), { code: late.code })).json()).toMatchObject({
      code: 'booking_no_show',
      details: { serviceId: A(), start: '09:00' },
    });

    expect((await ph.kiosk.post(checkInUrl(), { code: nextDay.code })).json()).toMatchObject({
      code: 'check_in_not_today',
      details: {
        date: '2026-11-25',
        serviceId: ph.hall.ids.service('E'),
        serviceName: '不动产登记',
        start: '14:00',
        end: '15:00',
        checkInFrom: '13:30',
        checkInUntil: '15:15',
      },
    });
    await ph.settle();
    expect(ph.printer.jobs).toHaveLength(0);
  });
});
