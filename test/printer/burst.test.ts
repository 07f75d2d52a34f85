/**
 * Printer faults during bursts of tickets at one kiosk: the printer fine, slow (answers after
 * the status timeout), running out of paper in the middle of the burst, switched off, and back.
 * Whatever the printer does: every tap the server confirmed is exactly one ticket, numbers run
 * without gaps or repeats, retried taps do not issue or print again, every ticket ends up
 * recorded as printed or failed (none left pending), a ticket recorded as printed came out of
 * the printer exactly once, and no ticket came out twice.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VirtualPrinter } from '../../printer/virtual-printer.js';
import { startPrinterHall, type PrinterHall } from './printer-hall.js';

let ph: PrinterHall;
/** The printer before and after it was switched off and on again. */
const printers: VirtualPrinter[] = [];
beforeAll(async () => {
  ph = await startPrinterHall();
  printers.push(ph.printer);
});
afterAll(() => ph.close());

interface Tap {
  key: string;
  ticketId: number;
  number: string;
  statusUrl: string;
}
const taps: Tap[] = [];
let tapCount = 0;

/** `count` taps at once on the kiosk, each retried once with the same key (a flaky network). */
async function burst(count: number, prefix = 'A'): Promise<Tap[]> {
  const keys = Array.from({ length: count }, () => `burst-tap-${String(++tapCount).padStart(4, '0')}`);
  const send = (key: string) => ph.kiosk.post(ph.issueUrl, { serviceId: ph.hall.ids.service(prefix) }, { idempotencyKey: key });
  const [first, retry] = await Promise.all([Promise.all(keys.map(send)), Promise.all(keys.map(send))]);
  const made: Tap[] = first.map((res, i) => {
    expect(res.statusCode, res.body).toBe(201);
    expect(retry[i]!.json().ticket.id).toBe(res.json().ticket.id);
    return { key: keys[i]!, ticketId: res.json().ticket.id, number: res.json().ticket.number, statusUrl: res.json().statusUrl };
  });
  taps.push(...made);
  await ph.settle();
  return made;
}

const statusOf = async (made: Tap[]) => {
  const rows = await Promise.all(made.map((t) => ph.hall.store.read((tx) => tx.tickets.get(t.ticketId))));
  return rows.map((r) => r!.printStatus);
};

describe('printer faults in a burst', () => {
  it('fine: every ticket printed', async () => {
    const made = await burst(12);
    expect(await statusOf(made)).toEqual(made.map(() => 'printed'));
  });

  it('slow (answers after the timeout): tickets issued, recorded as failed, nothing printed', async () => {
    ph.printer.setAnswerDelay(500);
    const jobsBefore = ph.printer.jobs.length;
    const made = await burst(5);
    expect(await statusOf(made)).toEqual(made.map(() => 'failed'));
    expect(ph.printer.jobs.length).toBe(jobsBefore);
    ph.printer.setAnswerDelay(0);
  });

  it('paper runs out in the middle of the burst: the first ones print, the rest are e-tickets', async () => {
    ph.printer.setPaperRemaining(150); // a few tickets' worth
    const made = await burst(10);
    const statuses = await statusOf(made);
    expect(statuses.filter((s) => s === 'printed').length).toBeGreaterThan(0);
    expect(statuses.filter((s) => s === 'failed').length).toBeGreaterThan(0);
    expect(statuses.every((s) => s === 'printed' || s === 'failed')).toBe(true);
    const printer = (await ph.hall.store.read((tx) => tx.devices.get(ph.printerId)))!;
    expect(printer.state).toMatchObject({ paper: 'out', problem: 'paper_out' });
    ph.printer.setPaper('ok');
  });

  it('switched off: tickets issued, recorded as failed, the printer shown offline', async () => {
    const address = ph.printer.address;
    await ph.printer.stop();
    const made = await burst(6);
    expect(await statusOf(made)).toEqual(made.map(() => 'failed'));
    expect((await ph.hall.store.read((tx) => tx.devices.get(ph.printerId)))!.state).toMatchObject({ online: false, problem: 'offline' });
    // Back on, on the same address.
    const again = new VirtualPrinter({ port: Number(address.split(':')[1]), outDir: null });
    await again.start();
    printers.push(again);
    ph.printer = again;
  });

  it('back on: printing resumes and the printer is shown fine again', async () => {
    const made = await burst(8, 'B');
    expect(await statusOf(made)).toEqual(made.map(() => 'printed'));
    expect((await ph.hall.store.read((tx) => tx.devices.get(ph.printerId)))!.state).toMatchObject({
      online: true,
      paper: 'ok',
      problem: null,
    });
  });

  it('overall: no ticket lost or duplicated, printed once or not at all, nothing pending', async () => {
    const allJobs = printers.flatMap((p) => p.jobs);
    const rows = await ph.hall.store.read((tx) => tx.tickets.list({ hallId: ph.hall.hallId, serviceDay: '2026-11-23' }));
    // Every confirmed tap is one ticket, and there are no others.
    expect(rows.map((r) => r.id).sort((a, b) => a - b)).toEqual(taps.map((t) => t.ticketId).sort((a, b) => a - b));
    const numbers = (p: string) =>
      rows
        .filter((r) => r.prefix === p)
        .map((r) => r.seq)
        .sort((a, b) => a - b);
    expect(numbers('A')).toEqual(Array.from({ length: numbers('A').length }, (_, i) => i + 1));
    expect(numbers('B')).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    for (const tap of taps) {
      const row = rows.find((r) => r.id === tap.ticketId)!;
      const copies = allJobs.filter((j) => j.printed && j.qr.includes(tap.statusUrl)).length;
      expect(['printed', 'failed'], tap.number).toContain(row.printStatus);
      if (row.printStatus === 'printed') expect(copies, tap.number).toBe(1);
      else expect(copies, tap.number).toBe(0);
    }
    // Every job that came out belongs to an issued ticket.
    for (const job of allJobs) expect(taps.some((t) => job.qr.includes(t.statusUrl))).toBe(true);
    // One print outcome per ticket.
    const printed = await ph.hall.store.read((tx) => tx.events.query({ hallId: ph.hall.hallId, types: ['ticket:printed'], limit: 1000 }));
    expect(printed.length).toBe(taps.length);
    expect(new Set(printed.map((e) => e.ticketId)).size).toBe(taps.length);
  });
});
