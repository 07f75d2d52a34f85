/**
 * The export writers (server/services/spreadsheet.ts): a valid .xlsx package (parts, sheet
 * names, escaped text, numbers as numbers), and CSV that Excel opens right and cannot be made to
 * run a formula.
 */
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { columnName, writeCsv, writeXlsx } from '../../server/services/spreadsheet.js';

describe('xlsx', () => {
  it.each([
    [0, 'A'],
    [25, 'Z'],
    [26, 'AA'],
    [27, 'AB'],
    [701, 'ZZ'],
    [702, 'AAA'],
  ])('column %i is %s', (i, name) => expect(columnName(i)).toBe(name));

  it('writes every part of the package, one sheet each, names made safe and unique', () => {
    const files = unzipSync(
      writeXlsx([
        { name: '按事项', header: ['事项', '取号'], rows: [['社保 <A> & "B"', 3]] },
        { name: 'a/b:c*d?[e]', header: ['x'], rows: [] },
        { name: '按事项', header: ['x'], rows: [] },
      ]),
    );
    expect(Object.keys(files).sort()).toEqual([
      '[Content_Types].xml',
      '_rels/.rels',
      'xl/_rels/workbook.xml.rels',
      'xl/styles.xml',
      'xl/workbook.xml',
      'xl/worksheets/sheet1.xml',
      'xl/worksheets/sheet2.xml',
      'xl/worksheets/sheet3.xml',
    ]);
    const workbook = strFromU8(files['xl/workbook.xml']!);
    expect([...workbook.matchAll(/<sheet name="([^"]+)"/g)].map((m) => m[1])).toEqual(['按事项', 'a b c d  e', '按事项 2']);
    const sheet = strFromU8(files['xl/worksheets/sheet1.xml']!);
    expect(sheet).toContain('<c r="A2" t="inlineStr"><is><t xml:space="preserve">社保 &lt;A&gt; &amp; &quot;B&quot;</t></is></c>');
    expect(sheet).toContain('<c r="B2"><v>3</v></c>');
    expect(sheet).toContain('<c r="A1" s="1" t="inlineStr">'); // the bold header
    expect(sheet).toContain('state="frozen"');
  });

  it('an empty cell is left out; control characters are dropped', () => {
    const sheet = strFromU8(
      unzipSync(writeXlsx([{ name: 's', header: ['a', 'b'], rows: [[null, 'x\u0001y']] }]))['xl/worksheets/sheet1.xml']!,
    );
    expect(sheet).not.toContain('r="A2"');
    expect(sheet).toContain('>xy</t>');
  });
});

describe('csv', () => {
  it('BOM, CRLF, quotes where needed, empty for null', () => {
    expect(
      writeCsv(
        ['名称', '数'],
        [
          ['a,b', 1],
          ['say "hi"', null],
        ],
      ),
    ).toBe('\uFEFF名称,数\r\n"a,b",1\r\n"say ""hi""",\r\n');
  });
  it('text that a spreadsheet would run as a formula is defused; numbers are left alone', () => {
    expect(writeCsv(['x'], [['=HYPERLINK("evil")'], ['+1'], ['@SUM(A1)'], [-5]])).toBe(
      '\uFEFFx\r\n"\'=HYPERLINK(""evil"")"\r\n\'+1\r\n\'@SUM(A1)\r\n-5\r\n',
    );
  });
});
