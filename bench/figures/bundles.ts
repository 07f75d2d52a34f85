/**
 * Front-end weight: the gzipped JavaScript each page loads before it can render (its entry and
 * every chunk it preloads; lazily loaded chunks such as the English texts are not counted).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fmt, type Figure } from '../lib/report.js';

const PUBLIC = join(process.cwd(), 'dist/public');
// Phone pages load on weak connections: 40 KB each.
const TARGETS: Record<string, number> = {
  'display/board': 60,
  'display/kiosk': 60,
  'display/ticket': 40,
  'display/take': 40,
  'display/book': 40,
};

export function pageJsBytes(htmlFile: string): { raw: number; gzip: number } {
  const html = readFileSync(htmlFile, 'utf8');
  const files = new Set([...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1]!));
  let raw = 0;
  let gzip = 0;
  for (const f of files) {
    const bytes = readFileSync(join(PUBLIC, f));
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  return { raw, gzip };
}

export async function bundleFigures(log: (s: string) => void): Promise<Figure[]> {
  if (!existsSync(PUBLIC)) throw new Error('dist/public missing: npm run build first (npm run bench does)');
  const pages = [
    'index.html',
    ...['display', 'counter'].flatMap((dir) =>
      existsSync(join(PUBLIC, dir))
        ? readdirSync(join(PUBLIC, dir))
            .filter((f) => f.endsWith('.html'))
            .map((f) => `${dir}/${f}`)
        : [],
    ),
  ];
  return pages.map((page) => {
    const name = page.replace(/\.html$/, '');
    const { raw, gzip } = pageJsBytes(join(PUBLIC, page));
    const target = TARGETS[name];
    log(`${name}: ${fmt(gzip / 1024)} KB gzipped (${fmt(raw / 1024)} KB raw)`);
    return {
      figure: `JS of ${name}`,
      value: `${fmt(gzip / 1024)} KB gzip`,
      ceiling: `${fmt(raw / 1024)} KB raw`,
      ratio: '',
      target: target ? `< ${target} KB` : '',
      ok: target ? gzip / 1024 < target : null,
      how: target ? 'entry script and preloaded chunks from the built HTML, gzip -9' : '',
    };
  });
}
