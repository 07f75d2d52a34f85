/**
 * Every visible text has its English: each msg() in the screens is in xliff/en.xlf with a target,
 * and the generated locale module matches the XLIFF.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = process.cwd();
const UNIT = /<trans-unit id="([^"]+)">\s*<source>([\s\S]*?)<\/source>(\s*<target>([\s\S]*?)<\/target>)?/g;
const units = (xml: string) => [...xml.matchAll(UNIT)].map((m) => ({ id: m[1]!, source: m[2]!, target: m[4] }));
const committed = units(readFileSync(join(root, 'xliff/en.xlf'), 'utf8'));
// The check's config and output live outside the working tree, and go when the file is done.
const checkDir = mkdtempSync(join(tmpdir(), 'hall-i18n-check-'));
afterAll(() => rmSync(checkDir, { recursive: true, force: true }));

describe('translations', () => {
  it('every text in xliff/en.xlf has an English target', () => {
    const missing = committed.filter((u) => !u.target?.trim()).map((u) => u.source);
    expect(missing).toEqual([]);
  });

  it('every msg() in the screens is in xliff/en.xlf (run `npm run i18n` after adding texts)', () => {
    const config = JSON.parse(readFileSync(join(root, 'lit-localize.json'), 'utf8'));
    // lit-localize reads paths relative to its config file, which is in the temporary folder:
    // the sources are named by absolute path.
    config.inputFiles = config.inputFiles.map((glob: string) =>
      glob.startsWith('!') ? `!${join(root, glob.slice(1))}` : join(root, glob),
    );
    config.interchange.xliffDir = join(checkDir, 'xliff');
    config.output.outputDir = join(checkDir, 'locales');
    config.output.localeCodesModule = join(checkDir, 'locale-codes.ts');
    delete config.$schema;
    const file = join(checkDir, 'lit-localize.json');
    writeFileSync(file, JSON.stringify(config));
    const run = spawnSync(join(root, 'node_modules/.bin/lit-localize'), ['extract', '--config', file], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    const extracted = units(readFileSync(join(checkDir, 'xliff/en.xlf'), 'utf8'));
    expect(extracted.length, 'no msg() found: the sources were not read').toBeGreaterThan(0);
    const known = new Set(committed.map((u) => u.id));
    expect(extracted.filter((u) => !known.has(u.id)).map((u) => u.source)).toEqual([]);
  }, 60_000);

  it('the generated English module holds every translation', () => {
    const generated = readFileSync(join(root, 'common/ui/locales/en.ts'), 'utf8');
    const ids = [...generated.matchAll(/^\s*'([^']+)': /gm)].map((m) => m[1]).sort();
    expect(ids).toEqual(committed.map((u) => u.id).sort());
  });
});
