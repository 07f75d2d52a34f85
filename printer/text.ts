/**
 * Text for ESC/POS thermal printers with a Chinese font: how wide a character prints, wrapping a
 * string into lines that fit the paper, and encoding a line into printer bytes.
 *
 * ASCII (0x20–0x7E) stays single-byte and one column wide. Every other character is a Chinese
 * printer's "Kanji": encoded in GB18030 (two bytes for everything in GBK, four for the rest) and
 * sent inside Kanji mode (FS & … FS .), two columns wide. Wrapping works on whole characters
 * (code points), so a line never ends in half of a multi-byte character, and a line never starts
 * with closing punctuation nor ends with opening punctuation (避头尾).
 *
 * Pure functions, no I/O.
 */
import iconv from 'iconv-lite';

export const FS = 0x1c;
/** FS &: select Kanji (double-byte) character mode. */
export const KANJI_ON = [FS, 0x26] as const;
/** FS .: cancel Kanji character mode. */
export const KANJI_OFF = [FS, 0x2e] as const;

const isAsciiPrintable = (cp: number): boolean => cp >= 0x20 && cp <= 0x7e;

/** Columns a character takes at normal size: 1 for ASCII, 2 for any Kanji-mode character. */
export const charWidth = (ch: string): number => (isAsciiPrintable(ch.codePointAt(0)!) ? 1 : 2);

/** Columns a string takes at normal size. */
export function textWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += charWidth(ch);
  return width;
}

/**
 * What a printer can be sent: tabs and line breaks become spaces (lines are laid out here, not
 * by the printer), other control characters and lone surrogates are dropped.
 */
export function printable(text: string): string {
  let out = '';
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp === 0x09 || cp === 0x0a || cp === 0x0d) out += ' ';
    else if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0) || (cp >= 0xd800 && cp <= 0xdfff) || cp === 0xfeff || (cp >= 0x200b && cp <= 0x200f))
      continue;
    else out += ch;
  }
  return out;
}

/** May not start a line (closing punctuation). */
const NO_LINE_START = new Set([...'，。、；：？！）》」』】〕〉”’…—·%,.;:?!)]}']);
/** May not end a line (opening punctuation). */
const NO_LINE_END = new Set([...'（《「『【〔〈“‘([{']);

/** A piece that is never split unless it is wider than a whole line: an ASCII word, a space, or one Kanji character. */
type Unit = { text: string; width: number; space: boolean };

function units(text: string): Unit[] {
  const out: Unit[] = [];
  let word = '';
  const flushWord = () => {
    if (word) out.push({ text: word, width: word.length, space: false });
    word = '';
  };
  for (const ch of text) {
    if (ch === ' ') {
      flushWord();
      out.push({ text: ' ', width: 1, space: true });
    } else if (isAsciiPrintable(ch.codePointAt(0)!)) {
      word += ch;
    } else {
      flushWord();
      out.push({ text: ch, width: 2, space: false });
    }
  }
  flushWord();
  return out;
}

/**
 * Wraps text into lines of at most `columns` columns (at normal size; pass columns / width
 * factor for enlarged text). Words of ASCII break at spaces, Chinese between any two characters,
 * punctuation stays with the character it belongs to. A word longer than a line is cut between
 * its characters. Spaces at line ends are dropped; an empty text gives no lines.
 */
export function wrapText(text: string, columns: number): string[] {
  if (!Number.isInteger(columns) || columns < 2) throw new RangeError(`columns must be an integer ≥ 2, got ${columns}`);
  const lines: Unit[][] = [];
  let line: Unit[] = [];
  let width = 0;
  const breakLine = () => {
    while (line.length && line[line.length - 1]!.space) width -= line.pop()!.width;
    if (line.length) lines.push(line);
    line = [];
    width = 0;
  };
  const push = (u: Unit) => {
    line.push(u);
    width += u.width;
  };

  for (const unit of units(printable(text))) {
    if (unit.space && line.length === 0 && lines.length > 0) continue; // no leading spaces on a wrapped line
    if (width + unit.width <= columns) {
      push(unit);
      continue;
    }
    if (unit.space) {
      breakLine();
      continue;
    }
    if (unit.width > columns) {
      // A word wider than the paper: fill this line, then cut it character by character.
      for (const ch of unit.text) {
        if (width + 1 > columns) breakLine();
        push({ text: ch, width: 1, space: false });
      }
      continue;
    }
    // The unit goes to the next line; take along what may not be left behind.
    // Closing punctuation keeps the character before it, opening punctuation the one after it,
    // as long as the line left behind is not emptied and what moves fits on one line.
    const carried: Unit[] = [];
    let carriedWidth = unit.width;
    const carry = () => {
      const last = line[line.length - 1]!;
      carried.unshift(line.pop()!);
      carriedWidth += last.width;
    };
    const canCarry = () => line.length > 1 && !line[line.length - 1]!.space && carriedWidth + line[line.length - 1]!.width <= columns;
    while (NO_LINE_START.has((carried[0] ?? unit).text[0]!) && canCarry()) carry();
    while (canCarry() && NO_LINE_END.has(line[line.length - 1]!.text.slice(-1))) carry();
    width = line.reduce((w, u) => w + u.width, 0);
    breakLine();
    for (const u of carried) push(u);
    push(unit);
  }
  breakLine();
  return lines.map((l) => l.map((u) => u.text).join(''));
}

/** Cuts text to at most `columns` columns, ending with "…" when something was cut. */
export function truncate(text: string, columns: number): string {
  const clean = printable(text);
  if (textWidth(clean) <= columns) return clean;
  let out = '';
  let width = 0;
  for (const ch of clean) {
    if (width + charWidth(ch) > columns - 2) break;
    out += ch;
    width += charWidth(ch);
  }
  return `${out}…`;
}

/**
 * The printer bytes of one line of text (no line feed): ASCII as single bytes, every run of
 * other characters in GB18030 inside FS & … FS ., so the printer leaves Kanji mode after each
 * run and ASCII prints in the normal font.
 */
export function encodeLine(text: string): number[] {
  const out: number[] = [];
  let run = '';
  const flushRun = () => {
    if (!run) return;
    out.push(...KANJI_ON, ...iconv.encode(run, 'gb18030'), ...KANJI_OFF);
    run = '';
  };
  for (const ch of printable(text)) {
    const cp = ch.codePointAt(0)!;
    if (isAsciiPrintable(cp)) {
      flushRun();
      out.push(cp);
    } else {
      run += ch;
    }
  }
  flushRun();
  return out;
}
