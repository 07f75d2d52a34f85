/**
 * The virtual printer (printer/virtual-printer.ts): it answers status queries like a printer,
 * writes a readable preview (text, QR content, cut mark) and the raw bytes of each job to its
 * folder, can be told to answer "paper out" (in code or with a file in its folder), runs out of
 * paper in the middle of a job on a short roll, and the command starts and stops.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ticketJob, type TicketContent } from '../../printer/layout.js';
import { printOverTcp, queryPrinter } from '../../printer/transport.js';
import { VirtualPrinter } from '../../printer/virtual-printer.js';
import { FAST_TRANSPORT } from './printer-hall.js';

const TICKET: TicketContent = {
  hallName: '示范县政务服务中心',
  number: 'B007',
  serviceName: '社会保障卡办理',
  ahead: 2,
  estimateMinutes: 8,
  noOpenWindow: false,
  priorityLabel: null,
  issuedAt: '2026-11-23 10:00',
  statusUrl: 'http://127.0.0.1:8080/t/abcdefghjkmnpqrs',
  notice: '请留意叫号。',
  reprint: false,
};

let dir: string;
let printer: VirtualPrinter;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'vprinter-'));
  printer = new VirtualPrinter({ port: 0, outDir: dir });
  await printer.start();
});
afterEach(async () => {
  await printer.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('virtual printer', () => {
  it('prints a job: a preview with the text, the QR content and the cut, and the raw bytes', async () => {
    const bytes = await ticketJob(TICKET);
    expect(await printOverTcp(printer.address, bytes, FAST_TRANSPORT)).toMatchObject({ printed: true });
    await expect.poll(() => printer.jobs.length).toBe(1);
    const job = printer.jobs[0]!;
    expect(job).toMatchObject({ cut: true, printed: true, qr: [TICKET.statusUrl], unknown: [] });
    expect(Buffer.from(job.bytes).equals(Buffer.from(bytes))).toBe(true);
    const files = readdirSync(dir).sort();
    expect(files).toHaveLength(2);
    const preview = readFileSync(
      join(
        dir,
        files.find((f) => f.endsWith('.txt'))!,
      ),
      'utf8',
    );
    expect(preview).toContain('社会保障卡办理');
    expect(preview).toMatch(/B 0 0 7 +\| {2}2x2 bold/);
    expect(preview).toContain('[QR code]');
    expect(preview).toContain(TICKET.statusUrl);
    expect(preview.trimEnd().endsWith('8< partial cut')).toBe(true);
    expect(
      readFileSync(
        join(
          dir,
          files.find((f) => f.endsWith('.bin'))!,
        ),
      ).equals(Buffer.from(bytes)),
    ).toBe(true);
  });

  it('a status check alone is not a job', async () => {
    expect(await queryPrinter(printer.address, FAST_TRANSPORT)).toMatchObject({ problem: null, status: { paper: 'ok' } });
    // A job is recorded when its connection ends: once the printer has handled that, it would be there.
    await expect.poll(() => printer.openConnections).toBe(0);
    expect(printer.jobs).toHaveLength(0);
    expect(printer.queriesAnswered).toBe(4);
  });

  it('answers "paper out" when told to, in code or by a file named paper-out in its folder', async () => {
    printer.setPaper('out');
    expect((await queryPrinter(printer.address, FAST_TRANSPORT)).problem).toBe('paper_out');
    printer.setPaper('ok');
    expect((await queryPrinter(printer.address, FAST_TRANSPORT)).problem).toBeNull();
    writeFileSync(join(dir, 'paper-out'), '');
    expect((await queryPrinter(printer.address, FAST_TRANSPORT)).problem).toBe('paper_out');
    rmSync(join(dir, 'paper-out'));
    writeFileSync(join(dir, 'paper-near-end'), '');
    expect((await queryPrinter(printer.address, FAST_TRANSPORT)).status?.paper).toBe('near_end');
    printer.setCoverOpen(true);
    expect((await queryPrinter(printer.address, FAST_TRANSPORT)).problem).toBe('cover_open');
  });

  it('a short roll reports near end, then runs out in the middle of a job', async () => {
    printer.setPaperRemaining(45);
    const bytes = await ticketJob(TICKET);
    const first = await printOverTcp(printer.address, bytes, FAST_TRANSPORT);
    expect(first).toMatchObject({ printed: true, status: { paper: 'near_end' } });
    const second = await printOverTcp(printer.address, bytes, FAST_TRANSPORT);
    expect(second).toMatchObject({ printed: false, problem: 'paper_out' });
    await expect.poll(() => printer.jobs.length).toBe(2);
    expect(printer.jobs.map((j) => j.printed)).toEqual([true, false]);
    expect(printer.jobs[1]!.preview).toContain('paper out, not printed');
    const third = await printOverTcp(printer.address, bytes, FAST_TRANSPORT);
    expect(third.problem).toBe('paper_out');
    expect(printer.jobs).toHaveLength(2);
  });

  it('slow answers beyond the status timeout are a timeout; switched off is offline', async () => {
    printer.setAnswerDelay(FAST_TRANSPORT.statusTimeoutMs + 200);
    expect((await printOverTcp(printer.address, await ticketJob(TICKET), FAST_TRANSPORT)).problem).toBe('timeout');
    printer.setAnswerDelay(0);
    const address = printer.address;
    await printer.stop();
    expect((await printOverTcp(address, await ticketJob(TICKET), FAST_TRANSPORT)).problem).toBe('offline');
    expect(printer.jobs).toHaveLength(0);
  });
});

describe('virtual printer command', () => {
  it('starts, prints a job to its folder, follows "paper out" typed in, and quits', async () => {
    const out = join(dir, 'cli');
    const child = spawn(process.execPath, ['--import', 'tsx', 'printer/cli.ts', '--port', '0', '--out', out], {
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    try {
      await expect.poll(() => /listening on ([\d.]+:\d+)/.exec(output)?.[1], { timeout: 10_000 }).toBeTruthy();
      const address = /listening on ([\d.]+:\d+)/.exec(output)![1]!;
      expect((await printOverTcp(address, await ticketJob(TICKET), FAST_TRANSPORT)).printed).toBe(true);
      await expect.poll(() => output).toContain('job 1:');
      expect(readdirSync(out).some((f) => f.endsWith('.txt'))).toBe(true);
      child.stdin.write('paper out\n');
      await expect.poll(() => output).toContain('now answering: paper out');
      expect((await queryPrinter(address, FAST_TRANSPORT)).problem).toBe('paper_out');
      child.stdin.write('quit\n');
      await new Promise((r) => child.once('exit', r));
      expect(child.exitCode).toBe(0);
    } finally {
      child.kill();
    }
  }, 20_000);

  it('explains a bad option', async () => {
    // --out in the test's folder: a command that wrongly went ahead would not write into the working tree.
    const child = spawn(process.execPath, ['--import', 'tsx', 'printer/cli.ts', '--paper', 'wet', '--out', join(dir, 'cli')], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stderr.on('data', (d) => (output += d));
    const code = await new Promise((r) => child.once('exit', r));
    expect(code).toBe(2);
    expect(output).toContain('--paper must be ok, near-end or out');
    expect(existsSync(join(dir, 'cli'))).toBe(false);
  }, 20_000);
});
