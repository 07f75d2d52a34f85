/**
 * `npm run bench`: one command, one report. Every figure is measured in this run next to its bare
 * ceiling, on this machine, and written to bench/results/latest.{json,md}. Not a test: numbers vary
 * with the machine; the targets are printed beside them. `npm run bench -- issue fanout` runs a
 * subset (issue, fanout, busy-day, bundles, stats).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundleFigures } from './figures/bundles.js';
import { busyDayFigures } from './figures/busy-day.js';
import { fanoutFigures } from './figures/fanout.js';
import { issueFigures } from './figures/issue.js';
import { statsFigures } from './figures/stats.js';
import { renderMarkdown, type Figure } from './lib/report.js';

const log = (s: string) => process.stdout.write(`${s}\n`);
const all = {
  issue: issueFigures,
  fanout: fanoutFigures,
  'busy-day': busyDayFigures,
  bundles: bundleFigures,
  stats: statsFigures,
} as const;
const asked = process.argv.slice(2).filter((a) => a in all) as (keyof typeof all)[];
const chosen = asked.length ? asked : (Object.keys(all) as (keyof typeof all)[]);

const figures: Figure[] = [];
for (const name of chosen) {
  log(`\n== ${name}`);
  figures.push(...(await all[name](log)));
}

const md = renderMarkdown(
  figures,
  `Benchmark run ${new Date().toISOString()} on ${process.platform} ${process.arch}, Node ${process.version}, ${chosen.join(', ')}.`,
);
const dir = join(import.meta.dirname, 'results');
mkdirSync(dir, { recursive: true });
writeFileSync(join(dir, 'latest.md'), md);
writeFileSync(join(dir, 'latest.json'), JSON.stringify({ at: new Date().toISOString(), node: process.version, figures }, null, 2));
log(`\n${md}`);
process.exit(0);
