/**
 * The session cookie and the security headers as the real server sends them with each way a hall
 * configures it (issue 8, Abuse and bad input): server/main.ts as a child process, read from its
 * raw HTTP answers. On the hall LAN (plain HTTP) the cookie is HttpOnly and SameSite=Strict and
 * not Secure, and there is no HSTS; behind a TLS proxy (TRUST_PROXY=1) or with COOKIE_SECURE=1 it
 * is Secure and HSTS is on; COOKIE_SECURE=0 turns Secure off again. Every page, the API and the
 * built scripts carry the Content-Security-Policy, nosniff, frame and referrer headers; the
 * visitor's pages and API are not cached; sign-out clears the cookie with the same flags.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_TOKENS } from '../../server/demo/seed.js';
import { startServer, type ServerProcess } from '../helpers/server-process.js';

const dirs: string[] = [];
const running: ServerProcess[] = [];
afterAll(async () => {
  for (const s of running) await s.kill('SIGKILL');
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

async function serve(env: Record<string, string> = {}): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'hall-deploy-'));
  dirs.push(dir);
  const server = await startServer({ DATA_DIR: dir, ...env });
  running.push(server);
  return server.base;
}

/** The session cookie's attributes, lower-cased, as the browser receives them. */
async function sessionCookie(base: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ username: 'clerk01', password: DEMO_PASSWORD }),
  });
  expect(res.status).toBe(200);
  const raw = res.headers.getSetCookie().find((c) => c.startsWith('hq_session='))!;
  const [, ...attributes] = raw.split(';').map((p) => p.trim());
  const { csrfToken } = await res.json();
  return {
    raw,
    attributes: attributes.map((a) => a.toLowerCase()),
    cookie: raw.split(';')[0]!,
    csrfToken: csrfToken as string,
    hsts: res.headers.get('strict-transport-security'),
  };
}

describe('session cookie per configuration', () => {
  it('hall LAN (default): HttpOnly, SameSite=Strict, Path=/, not Secure, no HSTS; sign-out clears it the same way', async () => {
    const base = await serve();
    const c = await sessionCookie(base);
    expect(c.attributes).toEqual(expect.arrayContaining(['httponly', 'samesite=strict', 'path=/']));
    expect(c.attributes).not.toContain('secure');
    expect(c.attributes.some((a) => a.startsWith('domain='))).toBe(false);
    expect(c.hsts).toBeNull();
    const out = await fetch(`${base}/api/auth/logout`, {
      method: 'POST',
      headers: { cookie: c.cookie, 'x-csrf-token': c.csrfToken, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(out.status).toBe(200);
    const cleared = out.headers.getSetCookie().find((s) => s.startsWith('hq_session='))!;
    expect(cleared.toLowerCase()).toMatch(/hq_session=;.*(expires=thu, 01 jan 1970|max-age=0)/);
    expect(cleared.toLowerCase()).toContain('httponly');
    expect((await fetch(`${base}/api/auth/me`, { headers: { cookie: c.cookie } })).status).toBe(401);
  });

  it('behind a TLS proxy (TRUST_PROXY=1): Secure, and HSTS', async () => {
    const base = await serve({ TRUST_PROXY: '1' });
    const c = await sessionCookie(base, { 'x-forwarded-proto': 'https', 'x-forwarded-for': '203.0.113.9' });
    expect(c.attributes).toEqual(expect.arrayContaining(['httponly', 'samesite=strict', 'secure']));
    expect(c.hsts).toMatch(/max-age=\d{6,}/);
  });

  it('COOKIE_SECURE=1 without a proxy: Secure; COOKIE_SECURE=0 behind a proxy: not Secure', async () => {
    const secure = await sessionCookie(await serve({ COOKIE_SECURE: '1' }));
    expect(secure.attributes).toEqual(expect.arrayContaining(['httponly', 'samesite=strict', 'secure']));
    const plain = await sessionCookie(await serve({ TRUST_PROXY: '1', COOKIE_SECURE: '0' }));
    expect(plain.attributes).toEqual(expect.arrayContaining(['httponly', 'samesite=strict']));
    expect(plain.attributes).not.toContain('secure');
  });
});

describe('security headers on everything the server sends', () => {
  it('pages, scripts, the API and the visitor’s API', async () => {
    const base = await serve();
    const issued = await (
      await fetch(`${base}/api/halls/1/tickets`, {
        method: 'POST',
        headers: { authorization: `Bearer ${DEMO_TOKENS.kiosk}`, 'content-type': 'application/json' },
        body: JSON.stringify({ serviceId: 1 }),
      })
    ).json();
    const board = await (await fetch(`${base}/board`)).text();
    const script = /src="([^"]+\.js)"/.exec(board)![1]!;
    const paths = [
      '/',
      '/board',
      '/kiosk',
      '/clerk',
      '/manager',
      '/pad',
      '/h/demo',
      `/t/${issued.publicCode}`,
      script,
      '/api/health',
      '/api/halls',
      `/api/phone/tickets/${issued.publicCode}`,
      '/api/nope',
    ];
    for (const path of paths) {
      const res = await fetch(`${base}${path}`);
      const h = (name: string) => res.headers.get(name);
      expect(res.status, path).toBeLessThan(path === '/api/nope' ? 500 : 400);
      expect(h('content-security-policy'), path).toContain("default-src 'self'");
      expect(h('content-security-policy'), path).toContain("script-src 'self'");
      expect(h('content-security-policy'), path).toContain("frame-ancestors 'self'");
      expect(h('content-security-policy'), path).toContain("object-src 'none'");
      expect(h('x-content-type-options'), path).toBe('nosniff');
      expect(h('x-frame-options'), path).toBe('SAMEORIGIN');
      expect(h('referrer-policy'), path).toBe('no-referrer');
      expect(h('x-powered-by'), path).toBeNull();
    }
    // A visitor's ticket is not kept by a shared phone's browser cache or a proxy.
    expect((await fetch(`${base}/api/phone/tickets/${issued.publicCode}`)).headers.get('cache-control')).toContain('no-store');
  });
});
