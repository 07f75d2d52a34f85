/**
 * The built screens are sent compressed to browsers that accept it (the build writes .br and .gz
 * copies), with the same bytes as the plain file once decoded, and plain to those that do not.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestHall, type TestHall } from '../helpers/app.js';

const publicDir = join(process.cwd(), 'dist/public');
let hall: TestHall;
let script: string;
beforeAll(async () => {
  if (!existsSync(join(publicDir, 'display/ticket.html'))) throw new Error('screens are not built: run `npm run build` (npm test does)');
  hall = await createTestHall({ publicDir });
  script = /src="(\/assets\/[^"]+\.js)"/.exec(readFileSync(join(publicDir, 'display/ticket.html'), 'utf8'))![1]!;
});
afterAll(() => hall.close());

const get = (url: string, encoding?: string) =>
  hall.app.inject({ method: 'GET', url, headers: encoding ? { 'accept-encoding': encoding } : {} });

describe('compressed screens', () => {
  it('sends a page script as Brotli when the browser accepts it, and it decodes to the built file', async () => {
    const res = await get(script, 'gzip, deflate, br');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers.vary).toMatch(/accept-encoding/i);
    expect(res.headers['cache-control']).toContain('immutable');
    const plain = readFileSync(join(publicDir, script));
    expect(res.rawPayload.length).toBeLessThan(plain.length / 2);
    expect(brotliDecompressSync(res.rawPayload).equals(plain)).toBe(true);
  });

  it('falls back to gzip, and to the plain file for a browser that accepts neither', async () => {
    const gz = await get(script, 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).equals(readFileSync(join(publicDir, script)))).toBe(true);
    const plain = await get(script);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.rawPayload.equals(readFileSync(join(publicDir, script)))).toBe(true);
  });

  it('sends the friendly page paths compressed too, still never cached', async () => {
    const res = await get('/t/abcdefgh23', 'br');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(brotliDecompressSync(res.rawPayload).toString()).toContain(script);
  });
});
