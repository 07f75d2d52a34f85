/**
 * Printing through the real app: a kiosk's ticket is printed on its printer after commit and the
 * outcome is recorded on the ticket with a ticket:printed event; paper out leaves the ticket
 * issued (an e-ticket) and the printer's state raises an alert; retries print once; staff at the
 * guide desk name their printer; rating slips at windows without a pad; a manager reprints.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventRecord } from '../../server/store/repositories/events.js';
import { VirtualPrinter } from '../../printer/virtual-printer.js';
import { applyEvent } from '../../common/hall-state.js';
import type { Alert } from '../../common/manager-protocol.js';
import { fingerprint } from '../helpers/fingerprint.js';
import { openSocket } from '../helpers/sockets.js';
import { startPrinterHall, type PrinterHall } from './printer-hall.js';

let ph: PrinterHall;
beforeEach(async () => {
  ph = await startPrinterHall();
});
afterEach(() => ph.close());

const events = (type: string): Promise<EventRecord[]> =>
  ph.hall.store.read((tx) => tx.events.query({ hallId: ph.hall.hallId, types: [type], limit: 1000 }));
const ticketRow = (id: number) => ph.hall.store.read((tx) => tx.tickets.get(id));
const printerRow = (id = ph.printerId) => ph.hall.store.read((tx) => tx.devices.get(id));

describe('a kiosk ticket', () => {
  it('is issued at once, then printed with its status QR; the ticket and an event record it', async () => {
    const res = await ph.kiosk.post(ph.issueUrl, { serviceId: ph.hall.ids.service('A') });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body.print).toEqual({ status: 'pending', printerId: ph.printerId });
    expect(body.statusUrl).toBe(`http://127.0.0.1/t/${body.publicCode}`);
    await ph.settle();

    expect((await ticketRow(body.ticket.id))!.printStatus).toBe('printed');
    const [printed] = await events('ticket:printed');
    expect(printed).toMatchObject({
      ticketId: body.ticket.id,
      data: { kind: 'ticket', status: 'printed', printed: true, problem: null, printerId: ph.printerId },
    });
    expect(ph.printer.jobs).toHaveLength(1);
    const job = ph.printer.jobs[0]!;
    expect(job.qr).toEqual([body.statusUrl]);
    expect(job.lines).toContain('社保参保登记');
    expect(job.lines).toContain(body.ticket.number);
    expect(job.cut).toBe(true);
    expect((await printerRow())!.lastSeenAt).not.toBeNull();
  });

  it('with paper out is still issued, recorded as not printed, and the printer raises an alert until refilled', async () => {
    ph.printer.setPaper('out');
    const res = await ph.kiosk.post(ph.issueUrl, { serviceId: ph.hall.ids.service('B') });
    expect(res.statusCode).toBe(201);
    await ph.settle();
    const ticket = (await ticketRow(res.json().ticket.id))!;
    expect(ticket).toMatchObject({ status: 'waiting', printStatus: 'failed' });
    expect((await events('ticket:printed'))[0]).toMatchObject({ reason: 'paper_out', data: { status: 'failed', problem: 'paper_out' } });
    expect(ph.printer.jobs).toHaveLength(0);
    expect((await printerRow())!.state).toMatchObject({ paper: 'out', problem: 'paper_out' });
    const [alert] = await events('device:updated');
    expect(alert).toMatchObject({ data: { deviceId: ph.printerId, action: 'state', alert: 'paper_out' } });

    ph.printer.setPaper('ok');
    const next = await ph.kiosk.post(ph.issueUrl, { serviceId: ph.hall.ids.service('B') });
    await ph.settle();
    expect((await ticketRow(next.json().ticket.id))!.printStatus).toBe('printed');
    expect((await printerRow())!.state).toMatchObject({ paper: 'ok', problem: null, online: true });
    const updates = await events('device:updated');
    expect(updates).toHaveLength(2);
    expect(updates[0]!.data.alert).toBeNull(); // newest first: back to normal
  });

  it('a retried request (same idempotency key) is one ticket printed once, and the retry learns the outcome', async () => {
    const first = await ph.kiosk.post(ph.issueUrl, { serviceId: ph.hall.ids.service('A') }, { idempotencyKey: 'kiosk-tap-0001' });
    await ph.settle();
    const again = await ph.kiosk.post(ph.issueUrl, { serviceId: ph.hall.ids.service('A') }, { idempotencyKey: 'kiosk-tap-0001' });
    await ph.settle();
    expect(again.json().ticket.id).toBe(first.json().ticket.id);
    expect(again.json().print.status).toBe('printed');
    expect(ph.printer.jobs).toHaveLength(1);
    expect(await events('ticket:printed')).toHaveLength(1);
  });

  it('a kiosk without a printer issues e-tickets: print status none, nothing recorded', async () => {
    await ph.hall.store.transact(async (tx) => {
      for (const d of await tx.devices.list(ph.hall.hallId)) if (d.kind === 'kiosk') await tx.devices.update(d.id, { printerId: null });
    });
    const res = await ph.kiosk.post(ph.issueUrl, { serviceId: ph.hall.ids.service('A') });
    expect(res.json().print).toEqual({ status: 'none', printerId: null });
    await ph.settle();
    expect((await ticketRow(res.json().ticket.id))!.printStatus).toBeNull();
    expect(await events('ticket:printed')).toHaveLength(0);
  });

  it('a revoked printer is not used: the kiosk is told to show the e-ticket', async () => {
    await ph.hall.store.transact((tx) => tx.devices.update(ph.printerId, { status: 'revoked' }));
    const res = await ph.kiosk.post(ph.issueUrl, { serviceId: ph.hall.ids.service('A') });
    expect(res.statusCode).toBe(201);
    expect(res.json().print.status).toBe('none');
  });

  it('GET /api/kiosk tells the kiosk its issuing rules and its printer', async () => {
    const res = await ph.kiosk.get('/api/kiosk');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      hall: { id: ph.hall.hallId, name: '示范县政务服务中心' },
      issuing: { selfDeclaredPriority: false, allowWhenNoWindowOpen: true },
      printer: { id: ph.printerId, paperWidth: 80, paper: null, online: null },
    });
    ph.printer.setPaper('out');
    await ph.kiosk.post(ph.issueUrl, { serviceId: ph.hall.ids.service('A') });
    await ph.settle();
    expect((await ph.kiosk.get('/api/kiosk')).json().printer).toMatchObject({ paper: 'out', problem: 'paper_out' });
    const manager = await ph.hall.signIn('manager');
    expect((await manager.get('/api/kiosk')).statusCode).toBe(403);
  });
});

describe('the guide desk (staff)', () => {
  it('names its printer; an unknown printer is a 404 and issues nothing', async () => {
    const clerk = await ph.hall.signIn('clerk01');
    const res = await clerk.post(ph.issueUrl, { serviceId: ph.hall.ids.service('C'), priority: 'elderly', printerId: ph.printerId });
    expect(res.statusCode).toBe(201);
    expect(res.json().print.status).toBe('pending');
    await ph.settle();
    expect(ph.printer.jobs[0]!.lines).toContain('绿色通道 · 老年人');

    const before = fingerprint(ph.hall.store);
    const bad = await clerk.post(ph.issueUrl, { serviceId: ph.hall.ids.service('C'), printerId: 9999 });
    expect(bad.statusCode).toBe(404);
    expect(bad.json().message).toContain('打印机');
    expect(fingerprint(ph.hall.store)).toBe(before);
  });

  it('without a printer issues an e-ticket', async () => {
    const clerk = await ph.hall.signIn('clerk01');
    const res = await clerk.post(ph.issueUrl, { serviceId: ph.hall.ids.service('C') });
    expect(res.json().print).toEqual({ status: 'none', printerId: null });
  });
});

describe('rating slips (windows without a pad)', () => {
  async function finishAt(windowNumber: string, clerkName: string) {
    const clerk = await ph.hall.signIn(clerkName);
    const issued = (await ph.kiosk.post(ph.issueUrl, { serviceId: ph.hall.ids.service('A') })).json();
    await ph.settle();
    for (const command of ['call-next', 'start', 'finish'])
      expect((await clerk.post(`/api/windows/${ph.hall.ids.window(windowNumber)}/${command}`)).statusCode).toBe(200);
    await ph.settle();
    return issued;
  }

  it("prints the window, the clerk's staff number, the number and the rating QR on the window's printer", async () => {
    const windowId = ph.hall.ids.window('1');
    await ph.hall.store.transact((tx) => tx.windows.update(windowId, { printsRatingSlip: true }));
    const slipPrinter = await ph.addPrinter({ windowId, paperWidth: 58, name: '1号窗口打印机' });
    const issued = await finishAt('1', 'clerk01');
    const slip = ph.printer.jobs[1]!;
    expect(slip.qr).toEqual([`${issued.statusUrl}?rate=1`]);
    expect(slip.lines).toContain('请对本次服务进行评价');
    expect(slip.lines).toContain('工作人员工号：ZW0101');
    expect(slip.lines).toContain(`号码：${issued.ticket.number}`);
    expect(slip.lines.some((l) => l.startsWith('办理窗口：1号窗口'))).toBe(true);
    const printed = (await events('ticket:printed')).find((e) => e.data.kind === 'slip');
    expect(printed).toMatchObject({ ticketId: issued.ticket.id, data: { status: 'printed', printerId: slipPrinter } });
    // The ticket's own print status is about the ticket.
    expect((await ticketRow(issued.ticket.id))!.printStatus).toBe('printed');
  });

  it('a window set to print slips without a printer records the failure for the manager', async () => {
    const windowId = ph.hall.ids.window('2');
    await ph.hall.store.transact((tx) => tx.windows.update(windowId, { printsRatingSlip: true }));
    const issued = await finishAt('2', 'clerk02');
    const slip = (await events('ticket:printed')).find((e) => e.data.kind === 'slip');
    expect(slip).toMatchObject({ ticketId: issued.ticket.id, data: { status: 'failed', problem: 'no_printer' } });
    expect(ph.printer.jobs).toHaveLength(1);
  });

  it('windows that do not print slips print nothing when a service finishes', async () => {
    await finishAt('3', 'clerk03');
    expect(ph.printer.jobs).toHaveLength(1);
    expect((await events('ticket:printed')).every((e) => e.data.kind === 'ticket')).toBe(true);
  });
});

describe('reprint (manager)', () => {
  it('prints the ticket again marked 补打 on the printer it was issued for; the first outcome stays', async () => {
    ph.printer.setPaper('out');
    const issued = (await ph.kiosk.post(ph.issueUrl, { serviceId: ph.hall.ids.service('A') })).json();
    await ph.settle();
    expect((await ticketRow(issued.ticket.id))!.printStatus).toBe('failed');
    ph.printer.setPaper('ok');
    const manager = await ph.hall.signIn('manager');
    const res = await manager.post(`/api/tickets/${issued.ticket.id}/reprint`, {});
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ kind: 'ticket', printed: true, problem: null, printerId: ph.printerId });
    expect(ph.printer.jobs).toHaveLength(1);
    expect(ph.printer.jobs[0]!.lines).toContain('排队号票（补打）');
    expect((await ticketRow(issued.ticket.id))!.printStatus).toBe('printed');
    expect((await events('ticket:printed'))[0]).toMatchObject({ actorKind: 'user', data: { reprint: true, status: 'printed' } });
  });

  it('answers the problem when the printer cannot print, and keeps a printed ticket printed', async () => {
    const issued = (await ph.kiosk.post(ph.issueUrl, { serviceId: ph.hall.ids.service('A') })).json();
    await ph.settle();
    await ph.printer.stop();
    const manager = await ph.hall.signIn('manager');
    const res = await manager.post(`/api/tickets/${issued.ticket.id}/reprint`, { kind: 'ticket' });
    expect(res.json()).toMatchObject({ printed: false, problem: 'offline' });
    expect((await ticketRow(issued.ticket.id))!.printStatus).toBe('printed');
    expect((await printerRow())!.state).toMatchObject({ online: false, problem: 'offline' });
  });

  it('refuses clerks, unknown tickets and printers, and slips of unfinished tickets', async () => {
    const issued = (await ph.kiosk.post(ph.issueUrl, { serviceId: ph.hall.ids.service('A') })).json();
    await ph.settle();
    const clerk = await ph.hall.signIn('clerk01');
    expect((await clerk.post(`/api/tickets/${issued.ticket.id}/reprint`, {})).statusCode).toBe(403);
    const manager = await ph.hall.signIn('manager');
    expect((await manager.post('/api/tickets/99999/reprint', {})).statusCode).toBe(404);
    expect((await manager.post(`/api/tickets/${issued.ticket.id}/reprint`, { printerId: 99999 })).statusCode).toBe(404);
    const slip = await manager.post(`/api/tickets/${issued.ticket.id}/reprint`, { kind: 'slip' });
    expect(slip.statusCode).toBe(400);
    expect(slip.json().message).toContain('已办结');
  });

  it('a manager finds the ticket by the number a visitor says (补打号票): today by default, or on a given day', async () => {
    const issued = (await ph.kiosk.post(ph.issueUrl, { serviceId: ph.hall.ids.service('A') })).json();
    await ph.settle();
    const manager = await ph.hall.signIn('manager');
    const url = (q: string) => `/api/halls/${ph.hall.hallId}/tickets/lookup?${q}`;
    const found = await manager.get(url(`number=${issued.ticket.number.toLowerCase()}`));
    expect(found.statusCode, found.body).toBe(200);
    expect(found.json()).toMatchObject({
      ticket: { id: issued.ticket.id, number: issued.ticket.number, status: 'waiting' },
      serviceName: '社保参保登记',
      printStatus: 'printed',
      windowNumber: null,
    });
    const day = found.json().serviceDay as string;
    expect((await manager.get(url(`number=${issued.ticket.number}&day=${day}`))).json().ticket.id).toBe(issued.ticket.id);
    const otherDay = await manager.get(url(`number=${issued.ticket.number}&day=2020-01-02`));
    expect(otherDay.statusCode).toBe(404);
    expect(otherDay.json()).toMatchObject({
      code: 'ticket_number_unknown',
      message: `2020-01-02 没有 ${issued.ticket.number} 号。请核对号码和日期。`,
      details: { field: 'number' },
    });
    expect((await manager.get(url('number=not-a-number'))).statusCode).toBe(400);
    expect((await (await ph.hall.signIn('clerk01')).get(url(`number=${issued.ticket.number}`))).statusCode).toBe(403);
  });
});

describe('printers (manager)', () => {
  it('adds a printer, checks its status, changes its paper width; bad addresses are refused', async () => {
    const manager = await ph.hall.signIn('manager');
    const bad = await manager.post(`/api/halls/${ph.hall.hallId}/printers`, { name: '导办台打印机', address: 'not an address!' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('9100');
    // The kiosk's printer already has the virtual printer's address: a second device there is refused.
    const twice = await manager.post(`/api/halls/${ph.hall.hallId}/printers`, { name: '导办台打印机', address: ph.printer.address });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('already_exists');
    const desk = new VirtualPrinter({ port: 0, outDir: null });
    await desk.start();
    try {
      const created = await manager.post(`/api/halls/${ph.hall.hallId}/printers`, {
        name: '导办台打印机',
        address: desk.address,
        paperWidth: 58,
      });
      expect(created.statusCode).toBe(201);
      expect(created.json()).toMatchObject({ kind: 'printer', status: 'active', address: desk.address, settings: { paperWidth: 58 } });
      const id = created.json().id;

      desk.setPaper('near_end');
      const check = await manager.post(`/api/printers/${id}/check`);
      expect(check.json()).toMatchObject({ id, online: true, paper: 'near_end', problem: null, paperWidth: 58 });
      expect((await manager.put(`/api/printers/${id}`, { address: ph.printer.address })).statusCode).toBe(409);
      const changed = await manager.put(`/api/printers/${id}`, { paperWidth: 80, address: '192.168.1.50' });
      expect(changed.json()).toMatchObject({ address: '192.168.1.50:9100', settings: { paperWidth: 80 } });
    } finally {
      await desk.stop();
    }
    expect((await manager.put('/api/printers/99999', { name: 'x' })).statusCode).toBe(404);
    const kioskId = (await ph.kiosk.get('/api/devices/me')).json().id;
    expect((await manager.put(`/api/printers/${kioskId}`, { name: 'x' })).statusCode).toBe(404);
  });

  it('the background check records a printer that went offline', async () => {
    await ph.printer.stop();
    expect(await ph.hall.app.jobs.run('check-printers')).toBe(1);
    expect((await printerRow())!.state).toMatchObject({ online: false, problem: 'offline' });
    expect((await events('device:updated'))[0]!.data.alert).toBe('printer_offline');
  });

  it('staff consoles hear a printer’s state in their list of devices, and the alert names the printer and says what to do', async () => {
    const manager = await ph.hall.signIn('manager');
    const base = await ph.hall.app.listen({ port: 0, host: '127.0.0.1' });
    const staff = await openSocket(base, {}, { cookie: manager.headers.cookie! });
    try {
      const { snapshot } = await staff.sync(null);
      const before = snapshot.devices!.find((d) => d.id === ph.printerId)!;
      expect(before).toMatchObject({ kind: 'printer', online: false, lastSeenAt: null });

      // It answers: online, paper near its end.
      ph.printer.setPaper('near_end');
      expect((await manager.post(`/api/printers/${ph.printerId}/check`)).json()).toMatchObject({ online: true, paper: 'near_end' });
      const answered = await staff.waitFor('device:updated', (e) => e.data?.deviceId === ph.printerId);
      let next = applyEvent(snapshot, answered);
      expect(next.devices!.find((d) => d.id === ph.printerId)).toMatchObject({
        online: true,
        lastSeenAt: answered.at,
        state: { paper: 'near_end' },
      });

      // Switched off: offline in the list at once, and one alert that names it and its address.
      const address = ph.printer.address;
      await ph.printer.stop();
      expect((await manager.post(`/api/printers/${ph.printerId}/check`)).json()).toMatchObject({ online: false, problem: 'offline' });
      const gone = await staff.waitFor('device:updated', (e) => e.data?.deviceId === ph.printerId && e.seq > answered.seq);
      next = applyEvent(next, gone);
      expect(next.devices!.find((d) => d.id === ph.printerId)).toMatchObject({ online: false, lastSeenAt: answered.at });
      const snapshotAgain = (await manager.get(`/api/halls/${ph.hall.hallId}/snapshot`)).json();
      expect(snapshotAgain.devices.find((d: { id: number }) => d.id === ph.printerId).online).toBe(false);
      const alerts = (await manager.get(`/api/halls/${ph.hall.hallId}/live`)).json().alerts as Alert[];
      const alert = alerts.find((a) => a.subject.type === 'device' && a.subject.id === ph.printerId)!;
      expect(alert).toMatchObject({
        kind: 'device_offline',
        severity: 'critical',
        message: { zh: `打印机“取号机打印机”（${address}）无法连接，号票改为电子票。` },
      });
      expect(alert.action.zh).toContain('检测');
    } finally {
      staff.close();
    }
  });
});
