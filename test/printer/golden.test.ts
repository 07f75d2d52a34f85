/**
 * The exact bytes of a ticket (80 mm and 58 mm) and an evaluation slip, against golden files in
 * test/printer/golden/, and what those bytes mean, read back with the test's own ESC/POS reader
 * (escpos-reader.ts, not the printer module's decoder): the Chinese text is right in GB18030,
 * the QR code holds the ticket's URL, the number is double size, the job ends with a cut, and no
 * line is wider than the paper.
 *
 * After a deliberate layout change: UPDATE_GOLDEN=1 npx vitest run test/printer/golden.test.ts,
 * then read the new previews (test-output/printer/*.txt) before committing the new files.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderPreview, EscPosParser } from '../../printer/decode.js';
import { slipJob, ticketJob, type SlipContent, type TicketContent } from '../../printer/layout.js';
import { printedWidth, readJob, type ReadJob } from './escpos-reader.js';

const GOLDEN = join(import.meta.dirname, 'golden');
const PREVIEWS = join(process.cwd(), 'test-output', 'printer');

const TICKET: TicketContent = {
  hallName: '示范县政务服务中心',
  number: 'A012',
  serviceName: '社会保障卡办理',
  ahead: 5,
  estimateMinutes: 15,
  noOpenWindow: false,
  priorityLabel: null,
  issuedAt: '2026-11-23 09:05',
  statusUrl: 'https://hall.example.gov.cn/t/abcdefghjkmnpqrs',
  notice: '请留意叫号，过号请到窗口重新排队。请妥善保管号票。',
  reprint: false,
};

const SLIP: SlipContent = {
  hallName: '示范县政务服务中心',
  windowNumber: '3',
  windowName: '社保综合窗口',
  staffNo: 'ZW0103',
  number: 'A012',
  serviceName: '社会保障卡办理',
  finishedAt: '2026-11-23 09:35',
  ratingUrl: 'https://hall.example.gov.cn/t/abcdefghjkmnpqrs?rate=1',
  reprint: false,
};

/** Compares with the golden file (or writes it under UPDATE_GOLDEN=1) and saves a preview to look at. */
function golden(name: string, bytes: Uint8Array, columns: number): void {
  const file = join(GOLDEN, `${name}.bin`);
  mkdirSync(PREVIEWS, { recursive: true });
  const parser = new EscPosParser({ status: () => {} });
  parser.push(bytes);
  parser.end();
  writeFileSync(join(PREVIEWS, `${name}.txt`), renderPreview(parser.items, columns));
  // Only a deliberate update writes into the working tree; a missing file fails, never passes.
  if (process.env.UPDATE_GOLDEN === '1') {
    mkdirSync(GOLDEN, { recursive: true });
    writeFileSync(file, bytes);
  }
  if (!existsSync(file))
    throw new Error(`golden file ${name}.bin is missing: run UPDATE_GOLDEN=1 npx vitest run test/printer/golden.test.ts`);
  const expected = readFileSync(file);
  expect(Buffer.from(bytes).toString('hex')).toBe(expected.toString('hex'));
}

const lineWith = (job: ReadJob, text: string) => {
  const line = job.lines.find((l) => l.text.trim() === text);
  if (!line) throw new Error(`no line "${text}" in:\n${job.lines.map((l) => l.text).join('\n')}`);
  return line;
};

describe('ticket, 80 mm', () => {
  it('matches the golden bytes', async () => {
    golden('ticket-80mm', await ticketJob(TICKET, 80), 48);
  });

  it('reads back: Chinese in GB18030, the number in double size, the status QR, a cut at the end', async () => {
    const bytes = await ticketJob(TICKET, 80);
    const job = readJob(bytes);
    expect(job.ops[0]).toEqual({ op: 'init' });
    // The service name, decoded from GB18030 inside Kanji mode, in double height and bold.
    const service = lineWith(job, '社会保障卡办理');
    expect(service.chars.filter((c) => c.ch.trim()).every((c) => c.height === 2 && c.bold)).toBe(true);
    // The exact GB18030 bytes of the name appear between FS & and FS .
    const gb = [0xc9, 0xe7, 0xbb, 0xe1, 0xb1, 0xa3, 0xd5, 0xcf, 0xbf, 0xa8, 0xb0, 0xec, 0xc0, 0xed];
    expect(Buffer.from(bytes).indexOf(Buffer.from([0x1c, 0x26, ...gb, 0x1c, 0x2e]))).toBeGreaterThan(0);
    // The number: ASCII (single bytes), double width and double height (GS ! 0x11).
    const number = lineWith(job, 'A012');
    expect(number.chars.filter((c) => c.ch !== ' ').map((c) => [c.ch, c.width, c.height])).toEqual([
      ['A', 2, 2],
      ['0', 2, 2],
      ['1', 2, 2],
      ['2', 2, 2],
    ]);
    expect(job.ops.some((o) => o.op === 'text' && o.text.includes('A012') && !o.kanji)).toBe(true);
    // Centred: as much room left of it as right of it (in columns of the paper).
    const first = number.chars.findIndex((c) => c.ch !== ' ');
    const left = number.chars.slice(0, first).reduce((w, c) => w + c.width, 0);
    expect(Math.abs(left - (48 - printedWidth(number)))).toBeLessThanOrEqual(2);
    lineWith(job, '示范县政务服务中心');
    lineWith(job, '您前面还有 5 人等候');
    lineWith(job, '预计等候约 15 分钟');
    lineWith(job, '取号时间：2026-11-23 09:05');
    expect(job.qr).toEqual(['https://hall.example.gov.cn/t/abcdefghjkmnpqrs']);
    // Native QR: model 2, module size, error level M, store, print.
    expect(job.ops.filter((o) => o.op === 'qr').map((o) => (o as { fn: number }).fn)).toEqual([0x41, 0x43, 0x45, 0x50, 0x51]);
    expect(job.endsWithCut).toBe(true);
    expect(job.ops[job.ops.length - 1]).toEqual({ op: 'cut', m: 1 });
    expect(job.ops.filter((o) => o.op === 'cut')).toHaveLength(1);
    for (const line of job.lines) expect(printedWidth(line), line.text).toBeLessThanOrEqual(48);
  });

  it('a priority ticket says 绿色通道; a service nobody serves now says so; a reprint is marked', async () => {
    const job = readJob(await ticketJob({ ...TICKET, priorityLabel: '老年人', noOpenWindow: true, ahead: 0, reprint: true }, 80));
    lineWith(job, '绿色通道 · 老年人');
    lineWith(job, '当前暂无窗口办理此事项，请留意叫号');
    lineWith(job, '您前面暂无人等候');
    lineWith(job, '排队号票（补打）');
    expect(job.lines.some((l) => l.text.includes('预计等候'))).toBe(false);
  });
});

describe('ticket, 58 mm', () => {
  it('matches the golden bytes, and every line fits 32 columns', async () => {
    const bytes = await ticketJob(TICKET, 58);
    golden('ticket-58mm', bytes, 32);
    const job = readJob(bytes);
    for (const line of job.lines) expect(printedWidth(line), line.text).toBeLessThanOrEqual(32);
    expect(job.qr).toEqual([TICKET.statusUrl]);
    expect(job.endsWithCut).toBe(true);
    // The notice wraps onto more lines than at 80 mm, without losing a character.
    const notice = job.lines.filter((l) => /[请妥]/.test(l.text) && !l.text.includes('扫码'));
    expect(notice.map((l) => l.text.trim()).join('')).toBe(TICKET.notice);
    expect(notice.length).toBeGreaterThan(1);
  });

  it('a long service name wraps within the paper at double height', async () => {
    const job = readJob(await ticketJob({ ...TICKET, serviceName: '企业投资项目核准和备案及工程建设项目审批' }, 58));
    const parts = job.lines.filter((l) => l.chars.some((c) => c.height === 2 && c.width === 1 && c.ch.trim()));
    expect(parts.map((l) => l.text.trim()).join('')).toBe('企业投资项目核准和备案及工程建设项目审批');
    for (const line of parts) expect(printedWidth(line)).toBeLessThanOrEqual(32);
  });
});

describe('evaluation slip', () => {
  it('matches the golden bytes', async () => {
    golden('slip-80mm', await slipJob(SLIP, 80), 48);
  });

  it('reads back: the window, the staff number, the number, the prompt, the rating QR, a cut', async () => {
    const job = readJob(await slipJob(SLIP, 80));
    lineWith(job, '请对本次服务进行评价');
    lineWith(job, '办理窗口：3号窗口 社保综合窗口');
    lineWith(job, '工作人员工号：ZW0103');
    lineWith(job, '号码：A012');
    lineWith(job, '办理事项：社会保障卡办理');
    expect(job.qr).toEqual(['https://hall.example.gov.cn/t/abcdefghjkmnpqrs?rate=1']);
    expect(job.endsWithCut).toBe(true);
    for (const line of job.lines) expect(printedWidth(line), line.text).toBeLessThanOrEqual(48);
  });
});
