/**
 * For the clerk console and pad browser tests: the real app on the demo hall with the built
 * screens, listening on 127.0.0.1, on the real clock (the screens' countdowns and the server's
 * deadlines must agree), and a Chromium.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { createTestHall, DEMO_TOKENS, type Agent, type TestHall } from '../helpers/app.js';
import { launchBrowser } from '../helpers/browser.js';
import type { TestClock } from '../helpers/clock.js';

export interface ScreensHall {
  hall: TestHall;
  base: string;
  browser: Browser;
  kiosk: Agent;
  /** Issues a ticket for the service with this prefix. */
  issue(prefix: string, by?: Agent, extra?: Record<string, unknown>): Promise<{ id: number; number: string }>;
  close(): Promise<void>;
}

export const realClock: TestClock = Object.assign(() => Date.now(), { set() {}, advance() {}, advanceMinutes() {} });

/** `clock`: the real clock by default; a `runningClock` for tests that move the day on. */
export async function startScreensHall(options: { clock?: TestClock } = {}): Promise<ScreensHall> {
  const publicDir = join(process.cwd(), 'dist/public');
  if (!existsSync(join(publicDir, 'counter/clerk.html'))) throw new Error('screens are not built: run `npm run build` (npm test does)');
  const hall = await createTestHall({ publicDir, clock: options.clock ?? realClock });
  const base = await hall.app.listen({ port: 0, host: '127.0.0.1' });
  const browser = await launchBrowser();
  const kiosk = hall.device(DEMO_TOKENS.kiosk);
  return {
    hall,
    base,
    browser,
    kiosk,
    async issue(prefix, by = kiosk, extra = {}) {
      const res = await by.post(`/api/halls/${hall.hallId}/tickets`, { serviceId: hall.ids.service(prefix), ...extra });
      if (res.statusCode !== 201) throw new Error(`issue ${prefix}: ${res.body}`);
      return res.json().ticket;
    },
    async close() {
      await browser.close();
      await hall.close();
    },
  };
}
