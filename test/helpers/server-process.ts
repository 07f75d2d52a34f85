/**
 * Runs the real server (server/main.ts) as a child process on a free port, as `npm start` does,
 * for tests that kill it and start it again. Optionally on a test clock (`clock`): the child's
 * wall clock starts at that instant and the test moves it with `setClock` (test/helpers/fake-clock.mjs).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { DEMO_PASSWORD } from '../../server/demo/seed.js';

export interface ServerProcess {
  child: ChildProcess;
  base: string;
  output: () => string;
  kill(signal?: NodeJS.Signals): Promise<void>;
  /** Moves the child's wall clock to `at` (only when started with `clock`); time runs on from there. */
  setClock(at: number | string): Promise<void>;
  /** The child's UTC offset in minutes at its current time, as `Date#getTimezoneOffset` (with `clock`). */
  tzOffsetMinutes: number | null;
}

export interface StartOptions {
  timeoutMs?: number;
  /** Start the child's wall clock at this instant (ISO or ms). */
  clock?: number | string;
}

const instant = (at: number | string) => (typeof at === 'string' ? Date.parse(at) : at);

export async function startServer(env: Record<string, string>, options: StartOptions = {}): Promise<ServerProcess> {
  // The server's default ./data is the developer's own hall: a test brings a temporary folder.
  if (!env.DATA_DIR) throw new Error('startServer: pass DATA_DIR (a temporary folder)');
  const timeoutMs = options.timeoutMs ?? 30_000;
  const clock = options.clock === undefined ? null : instant(options.clock);
  // node --import tsx keeps it one process, so SIGKILL hits the server itself.
  const args = ['--import', 'tsx', ...(clock === null ? [] : ['--import', './test/helpers/fake-clock.mjs']), 'server/main.ts'];
  const child = spawn(process.execPath, args, {
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      VIRTUAL_PRINTER_PORT: '0',
      ...env,
      ...(clock === null ? {} : { HQ_TEST_CLOCK: String(clock) }),
    },
    stdio: clock === null ? ['ignore', 'pipe', 'pipe'] : ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const clockReplies: ((reply: { tzOffsetMinutes: number }) => void)[] = [];
  const server: ServerProcess = {
    child,
    base: '',
    output: () => out,
    tzOffsetMinutes: null,
    kill(signal = 'SIGTERM') {
      return new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill(signal);
      });
    },
    setClock(at) {
      if (clock === null) return Promise.reject(new Error('server was started without a test clock'));
      return new Promise((resolve) => {
        clockReplies.push((reply) => {
          server.tzOffsetMinutes = reply.tzOffsetMinutes;
          resolve();
        });
        child.send({ clockAt: instant(at) });
      });
    },
  };
  child.on('message', (m: { clock?: number; tzOffsetMinutes: number }) => {
    if (m.clock === undefined) return;
    if (server.tzOffsetMinutes === null) server.tzOffsetMinutes = m.tzOffsetMinutes;
    clockReplies.shift()?.(m);
  });
  server.base = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in ${timeoutMs} ms:\n${out}`)), timeoutMs);
    const check = () => {
      // The banner shows PUBLIC_URL when it is set; the listening address is then in the info log.
      const m = env.PUBLIC_URL ? /Server listening at (http:\/\/[^"\s]+)/.exec(out) : /API and screens:\s+(http:\/\/\S+)/.exec(out);
      if (m && (!env.PUBLIC_URL || out.includes('API and screens:'))) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    child.stdout!.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${out}`));
    });
  });
  return server;
}

/** A free TCP port on 127.0.0.1, for a server that must come back on the same address. */
export const freePort = () =>
  new Promise<number>((resolve) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });

/** Headers of a staff member signed in over HTTP (session cookie and CSRF token), for fetch. */
export async function signInOverHttp(base: string, username: string, password = DEMO_PASSWORD): Promise<Record<string, string>> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in of ${username} failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
  return { cookie, 'x-csrf-token': (await res.json()).csrfToken as string, 'content-type': 'application/json' };
}
