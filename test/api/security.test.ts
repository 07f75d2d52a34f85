/**
 * Security headers on every answer, and no personal data or secrets in the request logs.
 */
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOG_REDACT } from '../../server/app.js';
import { maskSecretUrl, maskVisitorText } from '../../server/services/log-masking.js';
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
    const issued = (
      await hall.device(DEMO_TOKENS.kiosk).post(`/api/halls/${hall.hallId}/tickets`, { serviceId: hall.ids.service('A') })
    ).json();
    const log = lines.join('');
    expect(log).toContain('sign-in refused');
    for (const secret of ['demo1234', 'wrong-secret-pw', cookie, DEMO_TOKENS.kiosk, issued.publicCode]) expect(log).not.toContain(secret);
  });
});

describe('masking for the logs', () => {
  it.each([
    ['GET /t/pkpsfs9jpcqnmax4?rate=1', 'GET /t/***?rate=1'],
    ['/api/phone/tickets/pkpsfs9jpcqnmax4/rating', '/api/phone/tickets/***/rating'],
    ['/api/phone/bookings/dv83f74s6r7bezur/check-in', '/api/phone/bookings/***/check-in'],
    ['/api/tickets/status/pkpsfs9jpcqnmax4', '/api/tickets/status/***'],
    ['/api/halls/1/tickets', '/api/halls/1/tickets'],
  ])('URL %s → %s', (url, masked) => {
    expect(maskSecretUrl(url)).toBe(masked);
  });

  it.each([
    [
      '预约成功：2026-11-24 09:00-10:00 社保参保登记，预约码 21505047。 https://hall.example.gov.cn/b/pkpsfs9jpcqnmax4',
      '预约成功：2026-11-24 09:00-10:00 社保参保登记，预约码 ********。 https://hall.example.gov.cn/b/***',
    ],
    [
      '您的 A012 号前面还有 3 人 https://hall.example.gov.cn/t/dv83f74s6r7bezur',
      '您的 A012 号前面还有 3 人 https://hall.example.gov.cn/t/***',
    ],
    ['请回电 13912345678 或 +8613912345678', '请回电 139****5678 或 +86139****5678'],
    ['Booking code 41471303.', 'Booking code ********.'],
    ['请 A001 号到 1 号窗口', '请 A001 号到 1 号窗口'],
  ])('visitor text %s', (text, masked) => {
    expect(maskVisitorText(text)).toBe(masked);
  });
});
