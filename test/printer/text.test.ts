/**
 * Printer text (printer/text.ts): widths, wrapping as a table of cases (never a multi-byte
 * character split, never wider than the paper, nothing lost, 避头尾 punctuation), and the bytes
 * of a line: ASCII single-byte, everything else GB18030 inside FS & … FS .
 */
import fc from 'fast-check';
import { TextDecoder } from 'node:util';
import { describe, expect, it } from 'vitest';
import { encodeLine, printable, textWidth, truncate, wrapText } from '../../printer/text.js';

describe('wrapText', () => {
  const cases: [what: string, text: string, columns: number, lines: string[]][] = [
    ['fits on one line', '社保参保登记', 32, ['社保参保登记']],
    ['exactly the width', '一二三四五六七八', 16, ['一二三四五六七八']],
    ['Chinese breaks between any two characters', '一二三四五六七八九', 16, ['一二三四五六七八', '九']],
    ['an odd column left over is not half a character', '一二三四五', 9, ['一二三四', '五']],
    [
      'closing punctuation never starts a line: it takes the character before it along',
      '请留意叫号，过号请到窗口重新排队。',
      16,
      ['请留意叫号，过号', '请到窗口重新排', '队。'],
    ],
    ['two closing marks stay with their character', '到窗口重新排队排，。', 16, ['到窗口重新排队', '排，。']],
    ['opening punctuation never ends a line', '欢迎（示范县）政务服务中心', 12, ['欢迎（示范', '县）政务服务', '中心']],
    [
      'ASCII words break at spaces',
      'Please listen for your number; if you miss it, ask at the window.',
      32,
      ['Please listen for your number;', 'if you miss it, ask at the', 'window.'],
    ],
    [
      'a word wider than the paper is cut between letters',
      'https://hall.example.gov.cn/t/abcdefghjkmnpqrs',
      32,
      ['https://hall.example.gov.cn/t/ab', 'cdefghjkmnpqrs'],
    ],
    ['mixed Chinese and ASCII', '取号时间：2026-11-23 09:05', 20, ['取号时间：2026-11-23', '09:05']],
    ['mixed: a number stays whole', '您前面还有 125 人等候', 14, ['您前面还有 125', '人等候']],
    ['four-byte characters (outside the BMP) are whole', '𠮷𠮷𠮷𠮷𠮷', 4, ['𠮷𠮷', '𠮷𠮷', '𠮷']],
    ['line breaks and tabs become spaces', 'A\nB\tC', 32, ['A B C']],
    ['control characters are dropped', 'A\u0000B\u001bC\u200bD', 32, ['ABCD']],
    ['spaces at the ends of wrapped lines are dropped', 'aaaa bbbb cccc', 9, ['aaaa bbbb', 'cccc']],
    ['leading spaces stay on the first line only', '  aaaa bbbb', 7, ['  aaaa', 'bbbb']],
    ['empty text prints nothing', '', 32, []],
    ['only spaces print nothing', '    ', 32, []],
  ];
  it.each(cases)('%s', (_what, text, columns, lines) => {
    expect(wrapText(text, columns)).toEqual(lines);
  });

  it('refuses a width that cannot hold a Chinese character', () => {
    expect(() => wrapText('一', 1)).toThrow(RangeError);
  });

  it('for any text: lines fit, no character is split or lost, no line starts with a closing mark it could avoid', () => {
    const alphabet = fc.constantFrom(...'社保参保登记不动产抵押，。、（）《》 ABCxyz0123-:/𠮷😀'.match(/./gu)!);
    fc.assert(
      fc.property(
        fc.array(alphabet, { maxLength: 80 }).map((a) => a.join('')),
        fc.integer({ min: 2, max: 48 }),
        (text, columns) => {
          const lines = wrapText(text, columns);
          for (const line of lines) {
            expect(textWidth(line)).toBeLessThanOrEqual(columns);
            expect(line).toBe(line.trimEnd());
            // No lone surrogate: every line is whole characters.
            expect([...line].every((ch) => ch.length === 1 || /^[\uD800-\uDBFF][\uDC00-\uDFFF]$/.test(ch))).toBe(true);
          }
          // Nothing but spaces is lost, and the order is kept.
          expect(lines.join('').replaceAll(' ', '')).toBe(text.replaceAll(' ', ''));
        },
      ),
      { numRuns: 500, seed: 20261123 },
    );
  });
});

describe('width and truncation', () => {
  it.each([
    ['A012', 4],
    ['社保', 4],
    ['A 号', 4],
    ['（）', 4],
    ['𠮷', 2],
    ['', 0],
  ])('textWidth(%j) = %i', (text, width) => expect(textWidth(text)).toBe(width));

  it('truncate keeps whole characters and marks the cut', () => {
    expect(truncate('3号窗口 社保综合窗口', 12)).toBe('3号窗口 社…');
    expect(textWidth(truncate('3号窗口 社保综合窗口', 12))).toBeLessThanOrEqual(12);
    expect(truncate('短', 12)).toBe('短');
  });

  it('printable keeps text and drops what a printer must not receive', () => {
    expect(printable('办\u0007理\r\n')).toBe('办理  ');
  });
});

describe('encodeLine', () => {
  const gb = new TextDecoder('gb18030');
  it('ASCII is single bytes, without Kanji mode', () => {
    expect(encodeLine('A012 09:05')).toEqual([...Buffer.from('A012 09:05', 'ascii')]);
  });

  it('each run of Chinese is GB18030 between FS & and FS .', () => {
    const bytes = encodeLine('A012号 办理');
    expect(bytes).toEqual([
      0x41, 0x30, 0x31, 0x32, 0x1c, 0x26, 0xba, 0xc5, 0x1c, 0x2e, 0x20, 0x1c, 0x26, 0xb0, 0xec, 0xc0, 0xed, 0x1c, 0x2e,
    ]);
    expect(gb.decode(Uint8Array.from([0xb0, 0xec, 0xc0, 0xed]))).toBe('办理');
  });

  it('a character outside GBK is the four-byte GB18030 sequence', () => {
    // Python: '𠮷'.encode('gb18030') == b'\x95\x34\xb2\x35'
    expect(encodeLine('𠮷')).toEqual([0x1c, 0x26, 0x95, 0x34, 0xb2, 0x35, 0x1c, 0x2e]);
  });
});
