/**
 * An ESC/POS reader written for the tests, independently of printer/ (it shares no code with the
 * printer module, so a bug there cannot hide itself here). It turns a job's bytes into a list of
 * operations, and the printed lines with the size each character was printed at.
 *
 * Only what our jobs may contain is understood; anything else throws, so an unexpected command in
 * a job fails the test instead of being skipped.
 */
import { TextDecoder } from 'node:util';

export type Op =
  | { op: 'init' }
  | { op: 'kanji'; on: boolean }
  | { op: 'font'; n: number }
  | { op: 'bold'; on: boolean }
  | { op: 'size'; width: number; height: number }
  | { op: 'align'; n: number }
  | { op: 'text'; text: string; bytes: number[]; kanji: boolean }
  | { op: 'lf' }
  | { op: 'qr'; fn: number; data: number[] }
  | { op: 'cut'; m: number };

const gb = new TextDecoder('gb18030', { fatal: true });

/** Splits the bytes into operations. */
export function readOps(bytes: Uint8Array): Op[] {
  const ops: Op[] = [];
  let kanji = false;
  let i = 0;
  const take = (n: number): number[] => {
    if (i + n > bytes.length) throw new Error(`truncated command at byte ${i}`);
    const out = [...bytes.subarray(i, i + n)];
    i += n;
    return out;
  };
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b === 0x1b) {
      const [, fn] = take(2);
      if (fn === 0x40) ops.push({ op: 'init' });
      else if (fn === 0x4d) ops.push({ op: 'font', n: take(1)[0]! });
      else if (fn === 0x45) ops.push({ op: 'bold', on: take(1)[0] === 1 });
      else if (fn === 0x61) ops.push({ op: 'align', n: take(1)[0]! });
      else throw new Error(`unexpected ESC 0x${fn!.toString(16)} at ${i - 2}`);
    } else if (b === 0x1c) {
      const [, fn] = take(2);
      if (fn === 0x26) kanji = true;
      else if (fn === 0x2e) kanji = false;
      else throw new Error(`unexpected FS 0x${fn!.toString(16)}`);
      ops.push({ op: 'kanji', on: kanji });
    } else if (b === 0x1d) {
      const [, fn] = take(2);
      if (fn === 0x21) {
        const n = take(1)[0]!;
        ops.push({ op: 'size', width: (n >> 4) + 1, height: (n & 0x0f) + 1 });
      } else if (fn === 0x28) {
        const [k, pL, pH] = take(3);
        if (k !== 0x6b) throw new Error('unexpected GS ( other than k');
        const body = take(pL! + pH! * 256);
        if (body[0] !== 0x31) throw new Error('GS ( k for a symbol other than QR');
        ops.push({ op: 'qr', fn: body[1]!, data: body.slice(2) });
      } else if (fn === 0x56) {
        ops.push({ op: 'cut', m: take(1)[0]! });
      } else throw new Error(`unexpected GS 0x${fn!.toString(16)}`);
    } else if (b === 0x0a) {
      i++;
      ops.push({ op: 'lf' });
    } else if (b < 0x20 || b === 0x7f) {
      throw new Error(`unexpected control byte 0x${b.toString(16)} at ${i}`);
    } else {
      // A run of printable bytes up to the next command.
      const start = i;
      while (i < bytes.length && bytes[i]! >= 0x20 && bytes[i] !== 0x7f && ![0x1b, 0x1c, 0x1d].includes(bytes[i]!)) i++;
      const run = [...bytes.subarray(start, i)];
      if (!kanji && run.some((x) => x >= 0x80)) throw new Error(`a byte ≥ 0x80 outside Kanji mode at ${start}`);
      ops.push({ op: 'text', text: kanji ? gb.decode(Uint8Array.from(run)) : String.fromCharCode(...run), bytes: run, kanji });
    }
  }
  return ops;
}

export interface PrintedChar {
  ch: string;
  width: number;
  height: number;
  bold: boolean;
}

export interface PrintedLine {
  text: string;
  chars: PrintedChar[];
  align: number;
}

export interface ReadJob {
  ops: Op[];
  lines: PrintedLine[];
  /** QR contents, from the store (fn 0x50) command of each printed (fn 0x51) QR. */
  qr: string[];
  /** The job's last operation is a cut. */
  endsWithCut: boolean;
}

/** Reads a job: lines as printed (leading padding kept), QR contents, whether it ends with a cut. */
export function readJob(bytes: Uint8Array): ReadJob {
  const ops = readOps(bytes);
  const lines: PrintedLine[] = [];
  const qr: string[] = [];
  let chars: PrintedChar[] = [];
  let width = 1;
  let height = 1;
  let bold = false;
  let align = 0;
  let stored: number[] = [];
  for (const op of ops) {
    switch (op.op) {
      case 'init':
        width = height = 1;
        bold = false;
        align = 0;
        break;
      case 'size':
        width = op.width;
        height = op.height;
        break;
      case 'bold':
        bold = op.on;
        break;
      case 'align':
        align = op.n;
        break;
      case 'text':
        for (const ch of op.text) chars.push({ ch, width, height, bold });
        break;
      case 'lf':
        lines.push({ text: chars.map((c) => c.ch).join(''), chars, align });
        chars = [];
        break;
      case 'qr':
        if (op.fn === 0x50) stored = op.data.slice(1); // m = 0x30, then the data
        if (op.fn === 0x51) qr.push(Buffer.from(stored).toString('utf8'));
        break;
    }
  }
  if (chars.length) lines.push({ text: chars.map((c) => c.ch).join(''), chars, align });
  return { ops, lines, qr, endsWithCut: ops[ops.length - 1]?.op === 'cut' };
}

/** The printed width of a line in columns (ASCII 1, others 2, times the width factor). */
export const printedWidth = (line: PrintedLine): number =>
  line.chars.reduce((w, c) => w + (c.ch.charCodeAt(0) < 0x80 ? 1 : 2) * c.width, 0);
