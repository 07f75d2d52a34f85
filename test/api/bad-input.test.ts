/**
 * Every class of bad input gets a clear 4xx with a code and a message in Chinese and English,
 * never a 500, and never changes the database (docs/design.md, invariant 7).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestHall, DEMO_TOKENS, type Agent, type TestHall } from '../helpers/app.js';
import { fingerprint } from '../helpers/fingerprint.js';

let hall: TestHall;
let clerk01: Agent;
let manager: Agent;
let kiosk: Agent;

beforeAll(async () => {
  hall = await createTestHall();
  clerk01 = await hall.signIn('clerk01');
  manager = await hall.signIn('manager');
  kiosk = hall.device(DEMO_TOKENS.kiosk);
  // One waiting ticket so commands have something to refuse about.
  await kiosk.post(`/api/halls/${hall.hallId}/tickets`, { serviceId: hall.ids.service('P') });
});
afterAll(() => hall.close());

interface Case {
  name: string;
  who: () => Agent;
  method: 'GET' | 'POST' | 'PUT';
  url: () => string;
  body?: unknown;
  headers?: Record<string, string>;
  status: number;
  code: string;
}

const w = (n: string) => hall.ids.window(n);
const CASES: Case[] = [
  // unknown ids
  { name: 'unknown window', who: () => clerk01, method: 'POST', url: () => '/api/windows/9999/call-next', status: 404, code: 'not_found' },
  {
    name: 'unknown ticket',
    who: () => manager,
    method: 'POST',
    url: () => '/api/tickets/9999/cancel',
    body: { reason: 'x' },
    status: 404,
    code: 'not_found',
  },
  {
    name: 'unknown hall',
    who: () => manager,
    method: 'POST',
    url: () => '/api/halls/9999/tickets',
    body: { serviceId: 1 },
    status: 404,
    code: 'not_found',
  },
  {
    name: 'unknown service',
    who: () => kiosk,
    method: 'POST',
    url: () => `/api/halls/${hall.hallId}/tickets`,
    body: { serviceId: 9999 },
    status: 404,
    code: 'not_found',
  },
  { name: 'unknown device', who: () => manager, method: 'POST', url: () => '/api/devices/9999/revoke', status: 404, code: 'not_found' },
  { name: 'unknown route', who: () => manager, method: 'GET', url: () => '/api/nothing-here', status: 404, code: 'route_not_found' },
  {
    name: 'unknown target service',
    who: () => manager,
    method: 'PUT',
    url: () => `/api/windows/${w('1')}/services`,
    body: { mode: 'specialist', services: [{ serviceId: 9999 }] },
    status: 404,
    code: 'not_found',
  },
  // wrong types and values
  {
    name: 'window id not a number',
    who: () => clerk01,
    method: 'POST',
    url: () => '/api/windows/abc/call-next',
    status: 400,
    code: 'invalid_input',
  },
  { name: 'window id zero', who: () => clerk01, method: 'POST', url: () => '/api/windows/0/call-next', status: 400, code: 'invalid_input' },
  {
    name: 'service id a string',
    who: () => kiosk,
    method: 'POST',
    url: () => `/api/halls/${hall.hallId}/tickets`,
    body: { serviceId: 'abc' },
    status: 400,
    code: 'invalid_input',
  },
  {
    name: 'unknown priority',
    who: () => manager,
    method: 'POST',
    url: () => `/api/halls/${hall.hallId}/tickets`,
    body: { serviceId: 1, priority: 'vip' },
    status: 400,
    code: 'invalid_input',
  },
  {
    name: 'unknown window status',
    who: () => clerk01,
    method: 'POST',
    url: () => `/api/windows/${w('1')}/status`,
    body: { status: 'asleep' },
    status: 400,
    code: 'invalid_input',
  },
  {
    name: 'tier out of range',
    who: () => manager,
    method: 'PUT',
    url: () => `/api/windows/${w('1')}/services`,
    body: { mode: 'specialist', services: [{ serviceId: 1, tier: 99 }] },
    status: 400,
    code: 'invalid_input',
  },
  {
    name: 'duplicate service in a window',
    who: () => manager,
    method: 'PUT',
    url: () => `/api/windows/${w('1')}/services`,
    body: { mode: 'specialist', services: [{ serviceId: 1 }, { serviceId: 1 }] },
    status: 400,
    code: 'invalid_input',
  },
  {
    name: 'bad ticket number',
    who: () => clerk01,
    method: 'POST',
    url: () => `/api/windows/${w('1')}/call`,
    body: { number: '12A', reason: 'x' },
    status: 400,
    code: 'invalid_input',
  },
  {
    name: 'bad idempotency key',
    who: () => clerk01,
    method: 'POST',
    url: () => `/api/windows/${w('1')}/call-next`,
    headers: { 'idempotency-key': 'x' },
    status: 400,
    code: 'invalid_input',
  },
  {
    name: 'bad pairing code',
    who: () => manager,
    method: 'POST',
    url: () => `/api/halls/${hall.hallId}/devices/approve`,
    body: { code: 'abc', name: 'x' },
    status: 400,
    code: 'invalid_input',
  },
  // missing fields
  {
    name: 'issue without service',
    who: () => kiosk,
    method: 'POST',
    url: () => `/api/halls/${hall.hallId}/tickets`,
    body: {},
    status: 400,
    code: 'invalid_input',
  },
  {
    name: '选呼 without reason',
    who: () => clerk01,
    method: 'POST',
    url: () => `/api/windows/${w('1')}/call`,
    body: { number: 'P001' },
    status: 400,
    code: 'invalid_input',
  },
  {
    name: 'cancel without reason',
    who: () => manager,
    method: 'POST',
    url: () => '/api/tickets/1/cancel',
    body: {},
    status: 400,
    code: 'invalid_input',
  },
  {
    name: 'sign-in without password',
    who: () => hall.anonymous,
    method: 'POST',
    url: () => '/api/auth/login',
    body: { username: 'clerk01' },
    status: 400,
    code: 'invalid_input',
  },
  {
    name: 'pause without reason',
    who: () => clerk01,
    method: 'POST',
    url: () => `/api/windows/${w('1')}/status`,
    body: { status: 'paused', reason: '  ' },
    status: 400,
    code: 'reason_required',
  },
  // oversized and malformed bodies
  {
    name: 'oversized body',
    who: () => manager,
    method: 'PUT',
    url: () => `/api/halls/${hall.hallId}/notice`,
    body: { notice: 'x'.repeat(70 * 1024) },
    status: 413,
    code: 'payload_too_large',
  },
  {
    name: 'overlong notice',
    who: () => manager,
    method: 'PUT',
    url: () => `/api/halls/${hall.hallId}/notice`,
    body: { notice: '通'.repeat(501) },
    status: 400,
    code: 'invalid_input',
  },
  {
    name: 'malformed JSON',
    who: () => manager,
    method: 'PUT',
    url: () => `/api/halls/${hall.hallId}/notice`,
    body: '{"notice": ',
    headers: { 'content-type': 'application/json' },
    status: 400,
    code: 'invalid_json',
  },
  {
    name: 'wrong content type',
    who: () => manager,
    method: 'PUT',
    url: () => `/api/halls/${hall.hallId}/notice`,
    body: 'notice=hi',
    headers: { 'content-type': 'text/plain' },
    status: 415,
    code: 'unsupported_media_type',
  },
  // illegal transitions
  {
    name: 'finish with nothing at the window',
    who: () => clerk01,
    method: 'POST',
    url: () => `/api/windows/${w('1')}/finish`,
    status: 409,
    code: 'window_idle',
  },
  {
    name: 'resume a ticket that is not held here',
    who: () => clerk01,
    method: 'POST',
    url: () => `/api/windows/${w('1')}/resume`,
    body: { ticketId: 1 },
    status: 409,
    code: 'ticket_not_here',
  },
  {
    name: 'requeue a waiting ticket',
    who: () => manager,
    method: 'POST',
    url: () => `/api/windows/${w('12')}/requeue`,
    body: { ticketId: 1 },
    status: 409,
    code: 'illegal_transition',
  },
  {
    name: 'open a window nobody staffs',
    who: () => manager,
    method: 'POST',
    url: () => `/api/windows/${w('11')}/status`,
    body: { status: 'open' },
    status: 409,
    code: 'no_clerk_on_window',
  },
  // wrong role
  {
    name: 'clerk on a window not theirs',
    who: () => clerk01,
    method: 'POST',
    url: () => `/api/windows/${w('12')}/call-next`,
    status: 403,
    code: 'not_your_window',
  },
  {
    name: 'clerk reassigning services',
    who: () => clerk01,
    method: 'PUT',
    url: () => `/api/windows/${w('1')}/services`,
    body: { mode: 'hall', services: [] },
    status: 403,
    code: 'forbidden',
  },
  {
    name: 'device calling a clerk command',
    who: () => kiosk,
    method: 'POST',
    url: () => `/api/windows/${w('1')}/call-next`,
    status: 403,
    code: 'forbidden',
  },
  {
    name: 'board issuing a ticket',
    who: () => hall.device(DEMO_TOKENS.board),
    method: 'POST',
    url: () => `/api/halls/${hall.hallId}/tickets`,
    body: { serviceId: 1 },
    status: 403,
    code: 'wrong_device_kind',
  },
  {
    name: 'anonymous calling',
    who: () => hall.anonymous,
    method: 'POST',
    url: () => `/api/windows/${w('1')}/call-next`,
    status: 401,
    code: 'unauthenticated',
  },
  {
    name: 'unknown device token',
    who: () => hall.device('not-a-real-device-token'),
    method: 'GET',
    url: () => `/api/halls/${hall.hallId}/snapshot`,
    status: 401,
    code: 'device_unknown',
  },
];

describe('bad input: clear 4xx, bilingual message, nothing written', () => {
  for (const c of CASES) {
    it(c.name, async () => {
      const before = fingerprint(hall.store);
      const res = await c
        .who()
        .request(c.method, c.url(), { body: c.body ?? (c.method === 'GET' ? undefined : {}), headers: c.headers ?? {} });
      expect(res.statusCode, res.body).toBe(c.status);
      const body = res.json();
      expect(body).toMatchObject({ statusCode: c.status, code: c.code });
      expect(body.message).toMatch(/[\u4e00-\u9fa5]/);
      expect(body.messageEn).toMatch(/[A-Za-z]{3}/);
      expect(fingerprint(hall.store)).toBe(before);
    });
  }
});
