/**
 * Builds the real app on a fresh SQLite file with the demo hall, and gives tests agents that
 * call it as a staff member (session cookie + CSRF token), a device (bearer token) or anonymously.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp, type AppOptions } from '../../server/app.js';
import { DEMO_PASSWORD, DEMO_TOKENS, seedDemoHall } from '../../server/demo/seed.js';
import { SqliteStore } from '../../server/store/sqlite/store.js';
import { testClock, type TestClock } from './clock.js';

export interface TestHall {
  app: FastifyInstance;
  store: SqliteStore;
  clock: TestClock;
  hallId: number;
  dir: string;
  anonymous: Agent;
  signIn(username: string, password?: string): Promise<Agent>;
  device(token: string): Agent;
  /** Ids by human names: services by prefix, windows by number, users by username. */
  ids: { service(prefix: string): number; window(number: string): number; user(username: string): number };
  close(): Promise<void>;
}

export interface AgentRequest {
  body?: unknown;
  idempotencyKey?: string;
  headers?: Record<string, string>;
}

export class Agent {
  constructor(
    private readonly app: FastifyInstance,
    readonly headers: Record<string, string> = {},
  ) {}

  request(method: InjectOptions['method'], url: string, options: AgentRequest = {}): Promise<LightMyRequestResponse> {
    const headers: Record<string, string> = { ...this.headers, ...options.headers };
    if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey;
    return this.app.inject({
      method,
      url,
      headers,
      ...(options.body !== undefined ? { payload: options.body as InjectOptions['payload'] } : {}),
    });
  }
  get(url: string, options?: AgentRequest) {
    return this.request('GET', url, options);
  }
  post(url: string, body?: unknown, options: AgentRequest = {}) {
    return this.request('POST', url, { ...options, body: body ?? {} });
  }
  put(url: string, body?: unknown, options: AgentRequest = {}) {
    return this.request('PUT', url, { ...options, body: body ?? {} });
  }
}

export async function createTestHall(options: Partial<AppOptions> & { clock?: TestClock } = {}): Promise<TestHall> {
  const dir = mkdtempSync(join(tmpdir(), 'hall-test-'));
  const store = SqliteStore.open(join(dir, 'hall.db'));
  const clock = options.clock ?? testClock();
  const { hallId } = await seedDemoHall(store, { timezone: 'Asia/Shanghai', virtualPrinterAddress: null, now: clock() });
  const app = await buildApp({ store, clock, ...options });
  await app.ready();

  const services = await store.read((tx) => tx.services.list(hallId));
  const windows = await store.read((tx) => tx.windows.list(hallId));
  const users = await store.read((tx) => tx.users.list(null));
  const find = <T>(list: T[], pred: (t: T) => boolean, what: string): T => {
    const found = list.find(pred);
    if (!found) throw new Error(`test fixture: no ${what}`);
    return found;
  };

  return {
    app,
    store,
    clock,
    hallId,
    dir,
    anonymous: new Agent(app),
    async signIn(username, password = DEMO_PASSWORD) {
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
      if (res.statusCode !== 200) throw new Error(`sign-in of ${username} failed: ${res.body}`);
      const cookie = res.cookies.find((c) => c.name === 'hq_session')!;
      return new Agent(app, { cookie: `hq_session=${cookie.value}`, 'x-csrf-token': res.json().csrfToken });
    },
    device(token) {
      return new Agent(app, { authorization: `Bearer ${token}` });
    },
    ids: {
      service: (prefix) => find(services, (s) => s.prefix === prefix, `service ${prefix}`).id,
      window: (number) => find(windows, (w) => w.number === number, `window ${number}`).id,
      user: (username) => find(users, (u) => u.username === username, `user ${username}`).id,
    },
    async close() {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export { DEMO_TOKENS };
