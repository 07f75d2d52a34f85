/**
 * Every visible text has its English: each msg() in the screens is in xliff/en.xlf with a target,
 * and the generated locale module matches the XLIFF.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = process.cwd();
const UNIT = /<trans-unit id="([^"]+)">\s*<source>([\s\S]*?)<\/source>(\s*<target>([\s\S]*?)<\/target>)?/g;
const units = (xml: string) => [...xml.matchAll(UNIT)].map((m) => ({ id: m[1]!, source: m[2]!, target: m[4] }));
const committed = units(readFileSync(join(root, 'xliff/en.xlf'), 'utf8'));
const checkDir = join(root, 'test-output', `i18n-check-${process.pid}`);
afterAll(() => rmSync(checkDir, { recursive: true, force: true }));

describe('translations', () => {
  it('every text in xliff/en.xlf has an English target', () => {
    const missing = committed.filter((u) => !u.target?.trim()).map((u) => u.source);
    expect(missing).toEqual([]);
  });

  it('every msg() in the screens is in xliff/en.xlf (run `npm run i18n` after adding texts)', () => {
    mkdirSync(checkDir, { recursive: true });
    const config = JSON.parse(readFileSync(join(root, 'lit-localize.json'), 'utf8'));
    config.interchange.xliffDir = join(checkDir, 'xliff');
    config.output.outputDir = join(checkDir, 'locales');
    config.output.localeCodesModule = join(checkDir, 'locale-codes.ts');
    delete config.$schema;
    const file = join(root, `.lit-localize-check-${process.pid}.json`);
    writeFileSync(file, JSON.stringify(config));
    try {
      const run = spawnSync(join(root, 'node_modules/.bin/lit-localize'), ['extract', '--config', file], { encoding: 'utf8' });
      expect(run.status, run.stderr).toBe(0);
    } finally {
      rmSync(file, { force: true });
    }
    const extracted = units(readFileSync(join(checkDir, 'xliff/en.xlf'), 'utf8'));
    const known = new Set(committed.map((u) => u.id));
    expect(extracted.filter((u) => !known.has(u.id)).map((u) => u.source)).toEqual([]);
  }, 60_000);

  it('the generated English module holds every translation', () => {
    const generated = readFileSync(join(root, 'common/ui/locales/en.ts'), 'utf8');
    const ids = [...generated.matchAll(/^\s*'([^']+)': /gm)].map((m) => m[1]).sort();
    expect(ids).toEqual(committed.map((u) => u.id).sort());
  });
});
