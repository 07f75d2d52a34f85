/**
 * Security headers on every answer, and no personal data or secrets in the request logs.
 */
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOG_REDACT } from '../../server/app.js';
import { createTestHall, DEMO_TOKENS, type TestHall } from '../helpers/app.js';

let hall: TestHall;
const lines: string[] = [];
beforeAll(async () => {
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  hall = await createTestHall({
    logger: { level: 'info', stream, redact: LOG_REDACT },
  });
});
afterAll(() => hall.close());

describe('security', () => {
  it('sets security headers', async () => {
    const res = await hall.anonymous.get('/api/health');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['strict-transport-security']).toBeUndefined(); // plain HTTP on the hall LAN
  });

  it('never logs passwords, session cookies, device tokens or ticket codes from headers', async () => {
    const login = await hall.anonymous.post('/api/auth/login', { username: 'clerk01', password: 'demo1234' });
    const cookie = login.cookies.find((c) => c.name === 'hq_session')!.value;
    await hall.anonymous.post('/api/auth/login', { username: 'clerk01', password: 'wrong-secret-pw' });
    const issued = (await hall.device(DEMO_TOKENS.kiosk).post(`/api/halls/${hall.hallId}/tickets`, { serviceId: hall.ids.service('A') })).json();
    const log = lines.join('');
    expect(log).toContain('sign-in refused');
    for (const secret of ['demo1234', 'wrong-secret-pw', cookie, DEMO_TOKENS.kiosk, issued.publicCode]) expect(log).not.toContain(secret);
  });
});
