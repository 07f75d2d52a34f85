/**
 * The start page in a real browser against the real server: it lists the screens, switches to
 * English, and its demo links open the device screens already paired.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestHall, type TestHall } from '../helpers/app.js';
import { launchBrowser, newPage, screenshot } from '../helpers/browser.js';

const publicDir = join(process.cwd(), 'dist/public');
let hall: TestHall;
let browser: Browser;
let base: string;

beforeAll(async () => {
  if (!existsSync(join(publicDir, 'index.html'))) throw new Error('screens are not built: run `npm run build` (npm test does)');
  hall = await createTestHall({ publicDir });
  base = await hall.app.listen({ port: 0, host: '127.0.0.1' });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await hall?.close();
});

describe('start page', () => {
  it('shows the hall and links every screen, in Chinese and in English', async () => {
    const { page, context } = await newPage(browser);
    await page.goto(base);
    await expect.poll(() => page.locator('hq-start-page h1').textContent()).toBe('示范县政务服务中心');
    const links = await page.locator('hq-start-page a.tile').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(links).toEqual(expect.arrayContaining(['/clerk', '/manager', '/docs', '/h/demo', '/h/demo/book']));
    expect(links.some((l) => l?.startsWith('/board#token='))).toBe(true);
    await screenshot(page, 'start-page-zh');
    await page.locator('hq-start-page button.lang').click();
    await expect.poll(() => page.locator('hq-start-page h2').first().textContent()).toBe('Hall screens');
    await screenshot(page, 'start-page-en');
    await context.close();
  });

  it('serves the API reference', async () => {
    const { page, context } = await newPage(browser);
    const res = await page.goto(`${base}/docs`);
    expect(res?.status()).toBe(200);
    await expect.poll(() => page.locator('.swagger-ui .title').first().textContent(), { timeout: 10_000 }).toContain('Hall queuing API');
    await context.close();
  });
});
