/**
 * Staff sessions: sign-in, CSRF, lockout, sign-out. Cookies are HttpOnly and SameSite=Strict.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestHall, type TestHall } from '../helpers/app.js';

let hall: TestHall;
beforeEach(async () => {
  hall = await createTestHall();
});
afterEach(() => hall.close());

const login = (username: string, password: string) => hall.anonymous.post('/api/auth/login', { username, password });

describe('sign-in', () => {
  it('sets an HttpOnly, SameSite=Strict session cookie and returns a CSRF token', async () => {
    const res = await login('clerk01', 'demo1234');
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'hq_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    expect(cookie.secure).toBeFalsy();
    expect(res.json()).toMatchObject({ user: { username: 'clerk01', displayName: '李敏', role: 'clerk' }, csrfToken: expect.any(String) });
    expect(res.json().user.passwordHash).toBeUndefined();
  });

  it('marks the cookie Secure when the hall runs behind TLS', async () => {
    const tls = await createTestHall({ cookieSecure: true });
    try {
      const res = await tls.anonymous.post('/api/auth/login', { username: 'clerk01', password: 'demo1234' });
      expect(res.cookies.find((c) => c.name === 'hq_session')!.secure).toBe(true);
    } finally {
      await tls.close();
    }
  });

  it('a wrong password and an unknown user get the same answer', async () => {
    const wrong = await login('clerk01', 'nope');
    const unknown = await login('nobody', 'nope');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().code).toBe(unknown.json().code);
  });

  it('locks the account for a while after repeated failures, then lets the right password in', async () => {
    for (let i = 0; i < 5; i++) expect((await login('clerk01', 'wrong')).statusCode).toBe(401);
    const locked = await login('clerk01', 'demo1234');
    expect(locked.statusCode).toBe(429);
    expect(locked.json().code).toBe('account_locked');
    hall.clock.advanceMinutes(6);
    expect((await login('clerk01', 'demo1234')).statusCode).toBe(200);
  });

  it('a disabled account cannot sign in', async () => {
    await hall.store.transact((tx) => tx.users.update(hall.ids.user('clerk02'), { disabled: true }));
    expect((await login('clerk02', 'demo1234')).statusCode).toBe(401);
  });

  it('me lists the windows the clerk may staff and where they are signed in', async () => {
    const clerk = await hall.signIn('clerk01');
    const me = (await clerk.get('/api/auth/me')).json();
    expect(me.signedInWindowId).toBe(hall.ids.window('1'));
    expect(me.windows.map((w: { number: string }) => w.number)).toEqual(['1', '2', '3', '8', '9']);
  });
});

describe('CSRF and session end', () => {
  it('a change with the cookie but without the CSRF token is refused and changes nothing', async () => {
    const clerk = await hall.signIn('clerk01');
    const res = await hall.anonymous.post(
      `/api/windows/${hall.ids.window('1')}/status`,
      { status: 'paused', reason: '午休' },
      {
        headers: { cookie: clerk.headers.cookie! },
      },
    );
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('csrf');
    const w = await hall.store.read((tx) => tx.windows.get(hall.ids.window('1')));
    expect(w!.status).toBe('open');
  });

  it('reads need no CSRF token', async () => {
    const clerk = await hall.signIn('clerk01');
    const res = await hall.anonymous.get('/api/auth/me', { headers: { cookie: clerk.headers.cookie! } });
    expect(res.statusCode).toBe(200);
  });

  it('after sign-out the cookie no longer works', async () => {
    const clerk = await hall.signIn('clerk01');
    expect((await clerk.post('/api/auth/logout')).statusCode).toBe(200);
    const res = await clerk.get('/api/auth/me');
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('session_expired');
  });

  it('a session expires after its lifetime', async () => {
    const clerk = await hall.signIn('clerk01');
    hall.clock.advanceMinutes(12 * 60 + 1);
    expect((await clerk.get('/api/auth/me')).statusCode).toBe(401);
  });
});
