/**
 * DLE EOT answers (printer/status.ts) as a table: the bytes a printer sends back for DLE EOT 1–4
 * and the state they mean; and the print queue (printer/spooler.ts): one job at a time per
 * printer, in order, and a job that waited too long is dropped, not printed late.
 */
import { describe, expect, it } from 'vitest';
import { PrintSpooler } from '../../printer/spooler.js';
import { blockingProblem, parseStatus, statusBytes, STATUS_QUERY, type PrinterStatus } from '../../printer/status.js';
import type { PrintOutcome } from '../../printer/transport.js';

describe('parseStatus', () => {
  const ok: PrinterStatus = { online: true, paper: 'ok', coverOpen: false, error: null };
  const cases: [what: string, bytes: number[], status: PrinterStatus | null, problem: string | null][] = [
    ['all fine', [0x12, 0x12, 0x12, 0x12], ok, null],
    ['paper near end (roll sensor bits 2–3)', [0x12, 0x12, 0x12, 0x1e], { ...ok, paper: 'near_end' }, null],
    ['paper out (roll sensor bits 5–6), printer offline', [0x1a, 0x32, 0x12, 0x72], { ...ok, online: false, paper: 'out' }, 'paper_out'],
    ['paper out seen only as "stopped by paper end"', [0x1a, 0x32, 0x12, 0x12], { ...ok, online: false, paper: 'out' }, 'paper_out'],
    ['cover open', [0x1a, 0x16, 0x12, 0x12], { ...ok, online: false, coverOpen: true }, 'cover_open'],
    ['auto-cutter error', [0x1a, 0x52, 0x1a, 0x12], { ...ok, online: false, error: 'cutter' }, 'printer_error'],
    ['offline for no stated reason', [0x1a, 0x12, 0x12, 0x12], { ...ok, online: false }, 'offline'],
    ['not a status byte (bit 4 clear)', [0x02, 0x12, 0x12, 0x12], null, null],
    ['not a status byte (bit 7 set)', [0x92, 0x12, 0x12, 0x12], null, null],
    ['too few answers', [0x12, 0x12, 0x12], null, null],
  ];
  it.each(cases)('%s', (_what, bytes, status, problem) => {
    const parsed = parseStatus(bytes);
    expect(parsed).toEqual(status);
    if (parsed) expect(blockingProblem(parsed)).toBe(problem);
  });

  it('the query is DLE EOT 1, 2, 3, 4', () => {
    expect(STATUS_QUERY).toEqual([0x10, 0x04, 1, 0x10, 0x04, 2, 0x10, 0x04, 3, 0x10, 0x04, 4]);
  });

  it.each<PrinterStatus>([
    { online: true, paper: 'ok', coverOpen: false, error: null },
    { online: true, paper: 'near_end', coverOpen: false, error: null },
    { online: false, paper: 'out', coverOpen: false, error: null },
    { online: false, paper: 'ok', coverOpen: true, error: null },
  ])('the virtual printer answers what it means: %j', (status) => {
    expect(parseStatus(statusBytes(status))).toEqual(status);
  });
});

describe('PrintSpooler', () => {
  const done = (detail: string): PrintOutcome => ({ printed: true, problem: null, status: null, detail });

  it('runs one job at a time per printer, in order; printers do not wait for each other', async () => {
    const spooler = new PrintSpooler({ maxWaitMs: 10_000 });
    const log: string[] = [];
    let running = 0;
    let most = 0;
    const job = (name: string, ms: number) => async () => {
      running++;
      most = Math.max(most, running);
      log.push(`start ${name}`);
      await new Promise((r) => setTimeout(r, ms));
      log.push(`end ${name}`);
      running--;
      return done(name);
    };
    const results = await Promise.all([
      spooler.submit('p1', job('a', 30)),
      spooler.submit('p1', job('b', 5)),
      spooler.submit('p1', job('c', 5)),
    ]);
    expect(results.map((r) => r.detail)).toEqual(['a', 'b', 'c']);
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
    expect(most).toBe(1);

    log.length = 0;
    await Promise.all([spooler.submit('p1', job('slow', 40)), spooler.submit('p2', job('other', 5))]);
    expect(log.indexOf('end other')).toBeLessThan(log.indexOf('end slow'));
    expect(spooler.pending('p1')).toBe(0);
  });

  it('drops a job that waited longer than maxWaitMs instead of printing it late', async () => {
    let now = 0;
    const spooler = new PrintSpooler({ maxWaitMs: 1000, now: () => now });
    let ran = 0;
    const first = spooler.submit('p', async () => {
      now += 5000; // the printer took 5 s
      ran++;
      return done('first');
    });
    const second = spooler.submit('p', async () => {
      ran++;
      return done('second');
    });
    expect((await first).printed).toBe(true);
    expect(await second).toMatchObject({ printed: false, problem: 'expired' });
    expect(ran).toBe(1);
  });

  it('a job that throws is a printer_error outcome and the queue goes on', async () => {
    const spooler = new PrintSpooler({ maxWaitMs: 1000 });
    const failed = spooler.submit('p', async () => {
      throw new Error('boom');
    });
    const next = spooler.submit('p', async () => done('next'));
    expect(await failed).toMatchObject({ printed: false, problem: 'printer_error', detail: 'boom' });
    expect((await next).detail).toBe('next');
    await spooler.idle();
  });
});
