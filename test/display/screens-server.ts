/**
 * For the hall screen browser tests: the real app on the demo hall with the built screens, on the
 * real clock, that can be stopped (server unreachable) and started again on the same database
 * and port (a restart), while the screens stay open in Chromium.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Browser } from 'playwright-core';
import { buildApp } from '../../server/app.js';
import { DEMO_PASSWORD } from '../../server/demo/seed.js';
import { SqliteStore } from '../../server/store/sqlite/store.js';
import { realClock } from '../counter/e2e-hall.js';
import { Agent, createTestHall, DEMO_TOKENS, type TestHall } from '../helpers/app.js';
import { launchBrowser } from '../helpers/browser.js';

export interface ScreensServer {
  /** The seeded hall (ids by name); its `app` is the first one only. */
  hall: TestHall;
  /** The app running now. */
  app: FastifyInstance;
  base: string;
  browser: Browser;
  signIn(username: string): Promise<Agent>;
  device(token: string): Agent;
  issue(prefix: string): Promise<{ id: number; number: string }>;
  /** Takes the server down: screens lose their connection. */
  stop(): Promise<void>;
  /** A new app on the same database; `beforeListen` acts on it before screens can reach it. */
  start(beforeListen?: (server: ScreensServer) => Promise<void>): Promise<void>;
  close(): Promise<void>;
}

export async function startScreensServer(): Promise<ScreensServer> {
  const publicDir = join(process.cwd(), 'dist/public');
  const hall = await createTestHall({ publicDir, clock: realClock });
  const base = await hall.app.listen({ port: 0, host: '127.0.0.1' });
  const port = Number(new URL(base).port);
  const browser = await launchBrowser();
  let running: FastifyInstance | null = hall.app;

  const server: ScreensServer = {
    hall,
    app: hall.app,
    base,
    browser,
    async signIn(username) {
      const res = await server.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: DEMO_PASSWORD } });
      if (res.statusCode !== 200) throw new Error(`sign-in of ${username} failed: ${res.body}`);
      const cookie = res.cookies.find((c) => c.name === 'hq_session')!;
      return new Agent(server.app, { cookie: `hq_session=${cookie.value}`, 'x-csrf-token': res.json().csrfToken });
    },
    device: (token) => new Agent(server.app, { authorization: `Bearer ${token}` }),
    async issue(prefix) {
      const res = await server.device(DEMO_TOKENS.kiosk).post(`/api/halls/${hall.hallId}/tickets`, { serviceId: hall.ids.service(prefix) });
      if (res.statusCode !== 201) throw new Error(`issue ${prefix}: ${res.body}`);
      return res.json().ticket;
    },
    async stop() {
      await running?.close();
      running = null;
    },
    async start(beforeListen) {
      const app = await buildApp({ store: SqliteStore.open(join(hall.dir, 'hall.db')), clock: realClock, publicDir });
      await app.ready();
      server.app = app;
      await beforeListen?.(server);
      await app.listen({ port, host: '127.0.0.1' });
      running = app;
    },
    async close() {
      await browser.close();
      await running?.close();
      rmSync(hall.dir, { recursive: true, force: true });
    },
  };
  return server;
}
