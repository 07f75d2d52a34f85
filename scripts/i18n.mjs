#!/usr/bin/env node
/**
 * Translation helper around lit-localize (sources are Chinese; English lives in xliff/en.xlf).
 *
 *   node scripts/i18n.mjs missing          list texts without English, as {"id": "中文"} JSON
 *   node scripts/i18n.mjs apply file.json  write English for them from {"id": "English"} JSON
 *                                          (placeholders: keep the <x id="0" .../> tags)
 *
 * `npm run i18n` extracts new texts, then builds the locale module.
 */
import { readFileSync, writeFileSync } from 'node:fs';

const FILE = new URL('../xliff/en.xlf', import.meta.url);
const [command, arg] = process.argv.slice(2);
const xml = readFileSync(FILE, 'utf8');
const UNIT = /<trans-unit id="([^"]+)">\s*<source>([\s\S]*?)<\/source>(\s*<target>[\s\S]*?<\/target>)?\s*<\/trans-unit>/g;

if (command === 'missing') {
  const missing = {};
  for (const m of xml.matchAll(UNIT)) if (!m[3]) missing[m[1]] = m[2];
  console.log(JSON.stringify(missing, null, 2));
} else if (command === 'apply' && arg) {
  const targets = JSON.parse(readFileSync(arg, 'utf8'));
  let applied = 0;
  const out = xml.replace(UNIT, (whole, id, source, target) => {
    if (target || !(id in targets)) return whole;
    applied++;
    return `<trans-unit id="${id}">\n  <source>${source}</source>\n  <target>${targets[id]}</target>\n</trans-unit>`;
  });
  writeFileSync(FILE, out);
  console.log(`applied ${applied} translations`);
} else {
  console.error('usage: node scripts/i18n.mjs missing | apply <file.json>');
  process.exit(2);
}
