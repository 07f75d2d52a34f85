/**
 * The kiosk page in Chromium, for the kiosk browser tests: opened with the demo kiosk's token at
 * a kiosk's screen size, the guide desk's sign-in on it, and what its ticket says about paper.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { ScreensHall } from '../counter/e2e-hall.js';
import { DEMO_TOKENS } from './app.js';
import { newPage } from './browser.js';

export const PORTRAIT = { width: 1080, height: 1920 };
export const LANDSCAPE = { width: 1920, height: 1080 };

export interface KioskPage {
  page: Page;
  context: BrowserContext;
  close(): Promise<void>;
}

/**
 * Opens /kiosk and waits for the service tiles. `clock`: the page's timers are Playwright's fake
 * clock (installed before the page loads), for the idle tests.
 */
export async function openKiosk(
  screens: ScreensHall,
  size: { width: number; height: number },
  options: { query?: string; clock?: boolean } = {},
): Promise<KioskPage> {
  const { page, context } = await newPage(screens.browser, size);
  if (options.clock) await page.clock.install();
  await page.goto(`${screens.base}/kiosk${options.query ?? ''}#token=${DEMO_TOKENS.kiosk}`);
  await page.locator('hq-kiosk-services .tile').first().waitFor();
  return { page, context, close: () => context.close() };
}

/** A clerk signs in on the kiosk page as the guide desk (the demo clerk01, 李敏). */
export async function signInAsGuideDesk(page: Page): Promise<void> {
  await page.locator('hq-kiosk-screen [data-staff]').click();
  await page.locator('hq-login-form input[name="username"]').fill('clerk01');
  await page.locator('hq-login-form input[name="password"]').fill('demo1234');
  await page.locator('hq-login-form button').click();
  await expect.poll(() => page.locator('hq-kiosk-screen [data-banner="staff"]').textContent()).toContain('李敏');
}

/** What the ticket on screen says about its paper: printing, printed, failed, unknown, none. */
export const printState = (page: Page) => page.locator('hq-kiosk-ticket .print').getAttribute('data-print');
