/**
 * Every route and socket event against generated malformed, oversized, wrong-type and hostile
 * input: never a 500, never a crash, always the error shape, and a refused request never changes
 * the database. Routes are read from the OpenAPI document, so new routes are covered without
 * editing this file. FUZZ_RUNS scales the number of cases (default several thousand).
 */
import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestHall, DEMO_TOKENS, type Agent, type TestHall } from '../helpers/app.js';
import { fingerprint } from '../helpers/fingerprint.js';
import { openSocket, type Recorder } from '../helpers/sockets.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 100);
const SEED = Number(process.env.FUZZ_SEED ?? 20261123);

let hall: TestHall;
let callers: Record<string, Agent>;
let operations: { method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH'; path: string }[];

beforeAll(async () => {
  hall = await createTestHall({ limits: { status: 100_000, pairing: 100_000, login: 100_000, phoneIssue: 100_000 } });
  callers = {
    anonymous: hall.anonymous,
    kiosk: hall.device(DEMO_TOKENS.kiosk),
    board: hall.device(DEMO_TOKENS.board),
    clerk: await hall.signIn('clerk01'),
    manager: await hall.signIn('manager'),
  };
  const spec = hall.app.swagger() as { paths: Record<string, Record<string, unknown>> };
  operations = Object.entries(spec.paths).flatMap(([path, ops]) =>
    Object.keys(ops)
      .filter((m) => ['get', 'post', 'put', 'delete', 'patch'].includes(m))
      .map((m) => ({ method: m.toUpperCase() as 'GET', path })),
  );
});
afterAll(() => hall.close());

/** Values that break naive code: wrong types, boundaries, huge, unicode, injection, prototype keys. */
const hostileScalar = fc.oneof(
  fc.constantFrom(0, -1, 1, 2_147_483_648, Number.MAX_SAFE_INTEGER, 1e308, -0, 0.5),
  fc.constantFrom('', ' ', 'null', 'undefined', 'NaN', '1e9999', "'; DROP TABLE tickets; --", '<script>alert(1)</script>', '../../etc/passwd', '%00', '\u0000', '𠮷'.repeat(50), 'A001', '123456'),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.boolean(),
  fc.constant(null),
  fc.integer(),
  fc.double(),
);
const hostileValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, hostileScalar, tie('array'), tie('object')),
  array: fc.array(tie('value'), { maxLength: 5 }),
  object: fc.dictionary(fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('__proto__', 'constructor', 'prototype', 'serviceId', 'ticketId', 'reason', 'status', 'priority', 'mode', 'services', 'notice', 'code', 'name', 'level')), tie('value'), { maxKeys: 6 }),
})).value;

const paramValue = fc.oneof(fc.integer({ min: 1, max: 40 }).map(String), fc.constantFrom('0', '-1', 'abc', '1.5', '99999999999', '%2e%2e', 'null', 'abcdefghjkmnpqrs'), fc.string({ maxLength: 20 }).map(encodeURIComponent));

const requestArb = fc.record({
  caller: fc.constantFrom('anonymous', 'kiosk', 'board', 'clerk', 'manager'),
  params: fc.array(paramValue, { minLength: 4, maxLength: 4 }),
  body: fc.oneof(hostileValue, fc.constant(undefined)),
  query: fc.dictionary(fc.constantFrom('after', 'limit', 'zoneId', 'from', 'to', 'q', 'x'), fc.oneof(paramValue, fc.string({ maxLength: 10 })), { maxKeys: 3 }),
  rawBody: fc.option(fc.constantFrom('{', '{"a":', '[1,2', 'x'.repeat(70 * 1024), '\u0000'), { freq: 6 }),
  contentType: fc.constantFrom('application/json', 'application/json', 'text/plain', 'application/x-www-form-urlencoded', 'application/xml'),
  idempotencyKey: fc.option(fc.oneof(fc.string({ maxLength: 200 }), fc.constantFrom('valid-key-0001')), { freq: 3 }),
});

function assertShape(res: LightMyRequestResponse, what: string) {
  expect(res.statusCode, `${what} → ${res.statusCode} ${res.body.slice(0, 300)}`).toBeLessThan(500);
  if (res.statusCode >= 400 && res.headers['content-type']?.toString().includes('json')) {
    const body = res.json();
    expect(typeof body.code, what).toBe('string');
    expect(typeof body.message, what).toBe('string');
    expect(typeof body.messageEn, what).toBe('string');
  }
}

describe('HTTP fuzz', () => {
  it('covers every documented route', () => {
    expect(operations.length).toBeGreaterThan(20);
  });

  it('every route: generated hostile requests never cause a 500 or a partial write', async () => {
    let cases = 0;
    for (const op of operations) {
      await fc.assert(
        fc.asyncProperty(requestArb, async (r) => {
          let i = 0;
          const url = op.path.replace(/\{[^}]+\}|:[A-Za-z]+/g, () => r.params[i++ % r.params.length]!);
          const query = new URLSearchParams(r.query).toString();
          const headers: Record<string, string> = { 'content-type': r.contentType };
          if (r.idempotencyKey !== null) headers['idempotency-key'] = r.idempotencyKey;
          const before = fingerprint(hall.store);
          const body = op.method === 'GET' ? undefined : r.rawBody ?? (r.body === undefined ? undefined : JSON.stringify(r.body));
          const res = await callers[r.caller]!.request(op.method, `${url}${query ? `?${query}` : ''}`, { headers, ...(body !== undefined ? { body } : {}) });
          cases++;
          const what = `${r.caller} ${op.method} ${url}`;
          assertShape(res, what);
          if (res.statusCode >= 400) expect(fingerprint(hall.store), `${what} refused but wrote`).toBe(before);
        }),
        { numRuns: RUNS, seed: SEED, endOnFailure: true },
      );
    }
    expect(cases).toBe(operations.length * RUNS);
  }, 300_000);
});

describe('socket fuzz', () => {
  it('malformed socket events get a shaped refusal or are ignored; the server keeps serving', async () => {
    const base = await hall.app.listen({ port: 0, host: '127.0.0.1' });
    const board: Recorder = await openSocket(base, { token: DEMO_TOKENS.board });
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('hall:sync', 'device:heartbeat', 'ticket:called', 'nope', '__proto__'), hostileValue, async (event, payload) => {
        const reply = await new Promise<unknown>((resolve) => {
          const timer = setTimeout(() => resolve('no-ack'), 200); // unknown events get no answer
          (board.socket as unknown as { emit: (...a: unknown[]) => void }).emit(event, payload, (answer: unknown) => {
            clearTimeout(timer);
            resolve(answer);
          });
        });
        if (reply !== 'no-ack') {
          const r = reply as { ok: boolean; error?: { code: string; message: string } };
          expect(typeof r.ok).toBe('boolean');
          if (!r.ok) expect(typeof r.error!.code).toBe('string');
        }
        expect(board.socket.connected).toBe(true);
      }),
      { numRuns: Math.ceil(RUNS * 1.5), seed: SEED },
    );
    // Still serving, and the board still syncs.
    const sync = await board.sync(null);
    expect(sync.snapshot.hall.name).toBe('示范县政务服务中心');
    board.close();
    // Hostile handshakes are refused, not crashing.
    for (const auth of [{ token: 123 }, { token: 'x'.repeat(5000) }, { ticketCode: { $ne: null } }, { hallId: '__proto__' }, { token: null }]) {
      await expect(openSocket(base, auth as Record<string, unknown>)).rejects.toBeTruthy();
    }
    expect((await hall.anonymous.get('/api/health')).statusCode).toBe(200);
  }, 120_000);
});
