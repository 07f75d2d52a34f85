/**
 * Reads an ESC/POS byte stream the way a printer does, for the virtual printer's previews: text
 * lines with their size, weight and alignment (GB18030 inside Kanji mode, ASCII outside), QR codes
 * (GS ( k store + print) with their content, feeds and cuts, and the real-time status queries
 * (DLE EOT n) a printer must answer. Incremental: bytes may arrive in any chunks; a command split
 * across chunks waits for the rest.
 *
 * Commands it does not know are skipped by their documented length and listed in `unknown`, so a
 * preview never silently drops what a real printer would have done.
 */
import iconv from 'iconv-lite';

export interface TextRun {
  text: string;
  /** Character size factors from GS ! / ESC !. */
  width: number;
  height: number;
  bold: boolean;
}

export type PreviewItem =
  | { kind: 'line'; align: 'left' | 'center' | 'right'; runs: TextRun[] }
  | { kind: 'qr'; data: string; align: 'left' | 'center' | 'right' }
  | { kind: 'feed'; lines: number }
  | { kind: 'cut'; partial: boolean }
  | { kind: 'image'; bytes: number }
  | { kind: 'barcode'; data: string };

export interface ParserEvents {
  /** DLE EOT n: the printer must answer with one status byte. */
  status(n: number): void;
  item?(item: PreviewItem): void;
}

const ESC = 0x1b;
const GS = 0x1d;
const FS = 0x1c;
const DLE = 0x10;

/** ESC commands with a fixed number of parameter bytes. */
const ESC_PARAMS: Record<number, number> = {
  0x20: 1,
  0x21: 1,
  0x24: 2,
  0x25: 1,
  0x2d: 1,
  0x32: 0,
  0x33: 1,
  0x3d: 1,
  0x3f: 1,
  0x40: 0,
  0x45: 1,
  0x47: 1,
  0x4a: 1,
  0x4d: 1,
  0x52: 1,
  0x53: 0,
  0x4c: 0,
  0x54: 1,
  0x56: 1,
  0x5c: 2,
  0x61: 1,
  0x64: 1,
  0x69: 0,
  0x6d: 0,
  0x70: 3,
  0x72: 1,
  0x74: 1,
  0x7b: 1,
};
/** GS commands with a fixed number of parameter bytes (GS V, GS k, GS (, GS v 0 are handled apart). */
const GS_PARAMS: Record<number, number> = {
  0x21: 1,
  0x42: 1,
  0x48: 1,
  0x49: 1,
  0x4c: 2,
  0x57: 2,
  0x61: 1,
  0x62: 1,
  0x66: 1,
  0x68: 1,
  0x72: 1,
  0x77: 1,
  0x3a: 0,
};
/** FS commands with a fixed number of parameter bytes. */
const FS_PARAMS: Record<number, number> = { 0x21: 1, 0x26: 0, 0x2d: 1, 0x2e: 0, 0x43: 1, 0x53: 2, 0x57: 1, 0x70: 2 };

export class EscPosParser {
  readonly items: PreviewItem[] = [];
  readonly unknown: string[] = [];
  private pending: number[] = [];
  private runs: TextRun[] = [];
  private kanji = false;
  private width = 1;
  private height = 1;
  private bold = false;
  private align: 'left' | 'center' | 'right' = 'left';
  private qrData = '';

  constructor(private readonly events: ParserEvents) {}

  push(chunk: ArrayLike<number>): void {
    for (let i = 0; i < chunk.length; i++) this.pending.push(chunk[i]!);
    let at = 0;
    for (;;) {
      const used = this.step(at);
      if (used === 0) break;
      at += used;
    }
    this.pending = this.pending.slice(at);
  }

  /** Ends the stream: a line still being built is kept. */
  end(): void {
    this.endLine(false);
  }

  /** Parses one command or character at `at`; returns the bytes used, 0 when more are needed. */
  private step(at: number): number {
    const b = this.pending;
    const left = b.length - at;
    if (left <= 0) return 0;
    const c = b[at]!;
    const need = (n: number) => (left >= n ? n : 0);

    if (c === 0x0a) {
      this.endLine(true);
      return 1;
    }
    if (c === 0x0d) return 1;
    if (c === 0x09) return (this.addText(' '), 1);
    if (c === 0x0c) return (this.endLine(true), 1);

    if (c === DLE) {
      if (left < 2) return 0;
      const fn = b[at + 1]!;
      if (fn === 0x04 || fn === 0x05) {
        if (!need(3)) return 0;
        if (fn === 0x04) this.events.status(b[at + 2]!);
        return 3;
      }
      if (fn === 0x14) return need(5);
      this.unknown.push(`DLE ${hex(fn)}`);
      return 2;
    }

    if (c === ESC) {
      if (left < 2) return 0;
      const fn = b[at + 1]!;
      if (fn === 0x2a) {
        // ESC * m nL nH d…: bit image, nL + nH·256 columns of 1 or 3 bytes.
        if (!need(5)) return 0;
        const columns = b[at + 3]! + b[at + 4]! * 256;
        const total = 5 + columns * (b[at + 2]! >= 32 ? 3 : 1);
        if (!need(total)) return 0;
        this.flushItem({ kind: 'image', bytes: total - 5 });
        return total;
      }
      if (fn === 0x44) {
        // ESC D n… NUL: tab stops.
        const end = b.indexOf(0, at + 2);
        return end < 0 ? 0 : end - at + 1;
      }
      if (fn === 0x63) return need(4); // ESC c 3/4/5 n
      const params = ESC_PARAMS[fn];
      if (params === undefined) {
        this.unknown.push(`ESC ${hex(fn)}`);
        return 2;
      }
      if (!need(2 + params)) return 0;
      const n = b[at + 2] ?? 0;
      switch (fn) {
        case 0x40: // ESC @
          this.width = this.height = 1;
          this.bold = false;
          this.align = 'left';
          this.kanji = false;
          break;
        case 0x21: // ESC ! n
          this.bold = (n & 0x08) !== 0;
          this.height = n & 0x10 ? 2 : 1;
          this.width = n & 0x20 ? 2 : 1;
          break;
        case 0x45:
          this.bold = (n & 1) === 1;
          break;
        case 0x61:
          this.align = n % 48 === 1 ? 'center' : n % 48 === 2 ? 'right' : 'left';
          break;
        case 0x64:
          this.endLine(false);
          this.flushItem({ kind: 'feed', lines: n });
          break;
        case 0x69:
        case 0x6d:
          this.endLine(false);
          this.flushItem({ kind: 'cut', partial: fn === 0x6d });
          break;
      }
      return 2 + params;
    }

    if (c === GS) {
      if (left < 2) return 0;
      const fn = b[at + 1]!;
      if (fn === 0x56) {
        // GS V m, or GS V m n for m = 65, 66, 97…: cut (after feeding n).
        if (!need(3)) return 0;
        const m = b[at + 2]!;
        const withFeed = m >= 65;
        if (withFeed && !need(4)) return 0;
        this.endLine(false);
        this.flushItem({ kind: 'cut', partial: m % 2 === 1 || m === 66 });
        return withFeed ? 4 : 3;
      }
      if (fn === 0x28) {
        // GS ( X pL pH d…: a family of commands with an explicit length.
        if (!need(5)) return 0;
        const length = b[at + 3]! + b[at + 4]! * 256;
        if (!need(5 + length)) return 0;
        if (b[at + 2] === 0x6b) this.symbol(b.slice(at + 5, at + 5 + length));
        return 5 + length;
      }
      if (fn === 0x76) {
        // GS v 0 m xL xH yL yH d…: raster image.
        if (!need(8)) return 0;
        const total = 8 + (b[at + 4]! + b[at + 5]! * 256) * (b[at + 6]! + b[at + 7]! * 256);
        if (!need(total)) return 0;
        this.endLine(false);
        this.flushItem({ kind: 'image', bytes: total - 8 });
        return total;
      }
      if (fn === 0x6b) {
        // GS k m d… NUL (m ≤ 6) or GS k m n d1…dn (m ≥ 65): barcode.
        if (!need(3)) return 0;
        const m = b[at + 2]!;
        if (m <= 6) {
          const end = b.indexOf(0, at + 3);
          if (end < 0) return 0;
          this.flushItem({ kind: 'barcode', data: String.fromCharCode(...b.slice(at + 3, end)) });
          return end - at + 1;
        }
        if (!need(4)) return 0;
        const total = 4 + b[at + 3]!;
        if (!need(total)) return 0;
        this.flushItem({ kind: 'barcode', data: String.fromCharCode(...b.slice(at + 4, total + at)) });
        return total;
      }
      const params = GS_PARAMS[fn];
      if (params === undefined) {
        this.unknown.push(`GS ${hex(fn)}`);
        return 2;
      }
      if (!need(2 + params)) return 0;
      if (fn === 0x21) {
        const n = b[at + 2]!;
        this.width = ((n >> 4) & 7) + 1;
        this.height = (n & 7) + 1;
      }
      return 2 + params;
    }

    if (c === FS) {
      if (left < 2) return 0;
      const fn = b[at + 1]!;
      const params = FS_PARAMS[fn];
      if (params === undefined) {
        this.unknown.push(`FS ${hex(fn)}`);
        return 2;
      }
      if (!need(2 + params)) return 0;
      if (fn === 0x26) this.kanji = true;
      if (fn === 0x2e) this.kanji = false;
      return 2 + params;
    }

    if (c < 0x20 || c === 0x7f) {
      this.unknown.push(`control ${hex(c)}`);
      return 1;
    }
    if (c < 0x80) return (this.addText(String.fromCharCode(c)), 1);
    if (!this.kanji) return (this.addText('?'), 1);
    // GB18030: a lead byte 0x81–0xFE, then a trail byte, or digit + two bytes for four-byte codes.
    if (left < 2) return 0;
    const size = b[at + 1]! >= 0x30 && b[at + 1]! <= 0x39 ? 4 : 2;
    if (!need(size)) return 0;
    this.addText(iconv.decode(Buffer.from(b.slice(at, at + size)), 'gb18030'));
    return size;
  }

  /** GS ( k: the QR code functions (cn = 49). Only store (fn 80) and print (fn 81) matter here. */
  private symbol(params: number[]): void {
    const [cn, fn] = params;
    if (cn !== 0x31) return;
    if (fn === 0x50) this.qrData = iconv.decode(Buffer.from(params.slice(3)), 'utf8');
    if (fn === 0x51) {
      this.endLine(false);
      this.flushItem({ kind: 'qr', data: this.qrData, align: this.align });
    }
  }

  private addText(text: string): void {
    const last = this.runs[this.runs.length - 1];
    if (last && last.width === this.width && last.height === this.height && last.bold === this.bold) last.text += text;
    else this.runs.push({ text, width: this.width, height: this.height, bold: this.bold });
  }

  /** A line feed prints the line; an empty line is a one-line feed. */
  private endLine(feed: boolean): void {
    if (this.runs.length) this.flushItem({ kind: 'line', align: this.align, runs: this.runs });
    else if (feed) {
      const last = this.items[this.items.length - 1];
      if (last?.kind === 'feed') last.lines += 1;
      else this.flushItem({ kind: 'feed', lines: 1 });
    }
    this.runs = [];
  }

  private flushItem(item: PreviewItem): void {
    this.items.push(item);
    this.events.item?.(item);
  }
}

const hex = (n: number) => `0x${n.toString(16).padStart(2, '0')}`;

/** Columns a string takes in a monospace preview: 1 for ASCII, 2 for other characters. */
const columnsOf = (text: string): number => [...text].reduce((w, ch) => w + (ch.charCodeAt(0) < 0x80 ? 1 : 2), 0);

/**
 * A readable preview of printed items, `columns` wide: enlarged characters are spread out to
 * their real width and tagged at the line's end, QR codes show their content, cuts a scissors line.
 */
export function renderPreview(items: PreviewItem[], columns: number): string {
  const out: string[] = [];
  const edge = `+${'-'.repeat(columns)}+`;
  out.push(edge);
  const row = (content: string, tag = '') => {
    const pad = Math.max(0, columns - columnsOf(content));
    out.push(`|${content}${' '.repeat(pad)}|${tag ? `  ${tag}` : ''}`);
  };
  for (const item of items) {
    switch (item.kind) {
      case 'line': {
        let content = '';
        const tags = new Set<string>();
        for (const run of item.runs) {
          for (const ch of run.text) content += ch + ' '.repeat((run.width - 1) * (ch.charCodeAt(0) < 0x80 ? 1 : 2));
          if (run.width > 1 || run.height > 1) tags.add(`${run.width}x${run.height}`);
          if (run.bold && run.text.trim()) tags.add('bold');
        }
        const used = columnsOf(content);
        const lead =
          item.align === 'center' ? Math.floor(Math.max(0, columns - used) / 2) : item.align === 'right' ? Math.max(0, columns - used) : 0;
        row(' '.repeat(lead) + content, [...tags].join(' '));
        for (let i = 1; i < Math.max(...item.runs.map((r) => r.height)); i++) row('');
        break;
      }
      case 'feed':
        for (let i = 0; i < item.lines; i++) row('');
        break;
      case 'qr': {
        // The code itself as a marker, its content below it, wrapped to the paper.
        const mark = '[QR code]';
        row(item.align === 'center' ? ' '.repeat(Math.floor((columns - mark.length) / 2)) + mark : mark);
        for (let i = 0; i < item.data.length; i += columns) {
          const part = item.data.slice(i, i + columns);
          row(
            item.align === 'center' && item.data.length <= columns ? ' '.repeat(Math.floor((columns - columnsOf(part)) / 2)) + part : part,
          );
        }
        break;
      }
      case 'image':
        row(`[image, ${item.bytes} bytes]`);
        break;
      case 'barcode':
        row(`[barcode] ${item.data}`);
        break;
      case 'cut':
        out.push(`${'- '.repeat(Math.floor(columns / 2) - 4)}8< ${item.partial ? 'partial cut' : 'full cut'}`);
        break;
    }
  }
  if (items[items.length - 1]?.kind !== 'cut') out.push(edge);
  return out.join('\n') + '\n';
}
