/**
 * What the printers print: the queue ticket (号票) from the kiosk and the evaluation slip
 * (评价提示单) from a counter printer, for 80 mm (48 columns) and 58 mm (32 columns) paper.
 *
 * The frame of a job — initialize, character size, bold, the native QR code (GS ( k), feed and
 * cut — comes from @point-of-sale/receipt-printer-encoder. Its text functions only know
 * single-byte code pages, so every line of text is laid out here (printer/text.ts: wrapping,
 * centering, GB18030 in Kanji mode) and handed to the encoder as raw bytes.
 */
import type ReceiptPrinterEncoder from '@point-of-sale/receipt-printer-encoder';
import type { PaperWidth } from '../common/printing.js';
import { encodeLine, textWidth, truncate, wrapText } from './text.js';

export interface PaperProfile {
  columns: 32 | 48;
  /** QR module size in dots (1–8). */
  qrModule: number;
}

export const PAPER: Record<PaperWidth, PaperProfile> = {
  80: { columns: 48, qrModule: 7 },
  58: { columns: 32, qrModule: 6 },
};

/** Lines fed before the cut, so the last line clears the cutter. */
export const FEED_BEFORE_CUT = 4;

export interface TicketContent {
  hallName: string;
  number: string;
  serviceName: string;
  /** People waiting before this ticket when it was taken. */
  ahead: number;
  /** Estimated wait in minutes (printed when someone is ahead). */
  estimateMinutes: number;
  /** No open window serves the service right now (the hall issues anyway): the ticket says so. */
  noOpenWindow: boolean;
  /** 绿色通道 kind in words (老年人 …), or null for a normal ticket. */
  priorityLabel: string | null;
  /** The slot of an appointment ticket (预约号), printed instead of a 绿色通道 kind. */
  appointment?: { start: string; end: string } | null;
  /** Hall-local issue time, already formatted ("2026-11-23 09:05"). */
  issuedAt: string;
  /** The visitor's status page: /t/<publicCode>. */
  statusUrl: string;
  /** The hall's notice at the bottom (settings.issuing.ticketNotice); empty prints nothing. */
  notice: string;
  /** Printed again by a manager: marked so it is not taken for a second ticket. */
  reprint: boolean;
}

export interface SlipContent {
  hallName: string;
  windowNumber: string;
  windowName: string;
  /** The clerk's staff number (工号), or empty when unknown. */
  staffNo: string;
  number: string;
  serviceName: string;
  /** Hall-local time the service finished, formatted. */
  finishedAt: string;
  /** The rating page of this ticket: /t/<publicCode>?rate=1. */
  ratingUrl: string;
  reprint: boolean;
}

type Encoder = ReceiptPrinterEncoder;
type Align = 'left' | 'center';
interface LineStyle {
  align?: Align;
  /** Character size factor, 1 or 2 (GS !). */
  width?: 1 | 2;
  height?: 1 | 2;
  bold?: boolean;
}

/** The encoder is loaded on the first print, so a hall server that never prints does not pay for it. */
let encoderClass: Promise<typeof ReceiptPrinterEncoder> | null = null;
const loadEncoder = () => (encoderClass ??= import('@point-of-sale/receipt-printer-encoder').then((m) => m.default));

async function newJob(paper: PaperWidth): Promise<Encoder> {
  const Encoder = await loadEncoder();
  return new Encoder({
    language: 'esc-pos',
    columns: PAPER[paper].columns,
    newline: '\n',
    feedBeforeCut: FEED_BEFORE_CUT,
    errors: 'strict',
  }).initialize();
}

/** Prints `text` wrapped to the paper, each line padded to its alignment, in the given style. */
function text(job: Encoder, columns: number, value: string, style: LineStyle = {}): void {
  const width = style.width ?? 1;
  const height = style.height ?? 1;
  const room = Math.floor(columns / width);
  for (const line of wrapText(value, room)) {
    const pad = style.align === 'center' ? Math.floor((room - textWidth(line)) / 2) : 0;
    job.size(width, height).bold(style.bold ?? false);
    job.raw(encodeLine(' '.repeat(pad) + line)).newline();
    job.size(1, 1).bold(false);
  }
}

const rule = (job: Encoder, columns: number) => job.raw(encodeLine('-'.repeat(columns))).newline();

function qr(job: Encoder, paper: PaperWidth, url: string): void {
  job.align('center').qrcode(url, { model: 2, size: PAPER[paper].qrModule, errorlevel: 'm' }).align('left');
}

/** Label and value on one line, or the value on its own lines when it does not fit beside. */
function field(job: Encoder, columns: number, label: string, value: string): void {
  const one = `${label}${value}`;
  if (textWidth(one) <= columns) text(job, columns, one);
  else {
    text(job, columns, label);
    text(job, columns, `  ${value}`);
  }
}

/** Cuts and returns the bytes; the job ends with the cut (no feed after it). */
function finish(job: Encoder): Uint8Array {
  const bytes = job.cut('partial').encode();
  return bytes[bytes.length - 1] === 0x0a && bytes[bytes.length - 4] === 0x1d && bytes[bytes.length - 3] === 0x56
    ? bytes.slice(0, -1)
    : bytes;
}

/**
 * The queue ticket: hall, the number in double size, the service, people ahead and the estimated
 * wait, the time, the QR code of the visitor's status page, the hall's notice, cut.
 */
export async function ticketJob(content: TicketContent, paper: PaperWidth = 80): Promise<Uint8Array> {
  const { columns } = PAPER[paper];
  const job = await newJob(paper);
  text(job, columns, content.hallName, { align: 'center', bold: true });
  text(job, columns, content.reprint ? '排队号票（补打）' : '排队号票', { align: 'center' });
  rule(job, columns);
  job.newline();
  text(job, columns, content.number, { align: 'center', width: 2, height: 2, bold: true });
  job.newline();
  text(job, columns, content.serviceName, { align: 'center', height: 2, bold: true });
  if (content.appointment)
    text(job, columns, `预约号 · 预约时段 ${content.appointment.start}-${content.appointment.end}`, { align: 'center', bold: true });
  else if (content.priorityLabel) text(job, columns, `绿色通道 · ${content.priorityLabel}`, { align: 'center', bold: true });
  job.newline();
  text(job, columns, content.ahead > 0 ? `您前面还有 ${content.ahead} 人等候` : '您前面暂无人等候', { align: 'center' });
  if (content.ahead > 0 && content.estimateMinutes > 0)
    text(job, columns, `预计等候约 ${content.estimateMinutes} 分钟`, { align: 'center' });
  if (content.noOpenWindow) text(job, columns, '当前暂无窗口办理此事项，请留意叫号', { align: 'center' });
  rule(job, columns);
  qr(job, paper, content.statusUrl);
  text(job, columns, '手机扫码查看排队进度', { align: 'center' });
  rule(job, columns);
  if (content.notice.trim()) text(job, columns, content.notice.trim());
  field(job, columns, '取号时间：', content.issuedAt);
  return finish(job);
}

/**
 * The evaluation slip for windows without a rating pad: window, the clerk's staff number, the
 * ticket number, "请对本次服务进行评价" and the QR code of the ticket's rating page, cut.
 */
export async function slipJob(content: SlipContent, paper: PaperWidth = 80): Promise<Uint8Array> {
  const { columns } = PAPER[paper];
  const job = await newJob(paper);
  text(job, columns, content.hallName, { align: 'center', bold: true });
  text(job, columns, content.reprint ? '“好差评”评价单（补打）' : '“好差评”评价单', { align: 'center' });
  rule(job, columns);
  text(job, columns, '请对本次服务进行评价', { align: 'center', height: 2, bold: true });
  job.newline();
  field(job, columns, '办理窗口：', truncate(`${content.windowNumber}号窗口 ${content.windowName}`.trim(), columns - 10));
  if (content.staffNo) field(job, columns, '工作人员工号：', content.staffNo);
  field(job, columns, '号码：', content.number);
  field(job, columns, '办理事项：', content.serviceName);
  field(job, columns, '办结时间：', content.finishedAt);
  rule(job, columns);
  qr(job, paper, content.ratingUrl);
  text(job, columns, '请用手机扫码，为本次服务评价', { align: 'center', bold: true });
  text(job, columns, '非常满意 满意 基本满意 不满意 非常不满意', { align: 'center' });
  text(job, columns, '一次服务一次评价，感谢您的监督', { align: 'center' });
  return finish(job);
}
