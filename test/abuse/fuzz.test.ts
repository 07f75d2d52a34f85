/**
 * Every route and socket event against generated malformed, oversized, wrong-type and hostile
 * input: never a 500, never a crash, always the error shape, and a refused request never changes
 * the database. Routes are read from the OpenAPI document and socket events from
 * `ClientToServerEvents` in common/protocol.ts (checked against what the server listens to), so
 * new ones are covered without editing this file. FUZZ_RUNS cases per route and per event
 * (default 100: about nine thousand in all, counted by the last test).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestHall, DEMO_TOKENS, type Agent, type TestHall } from '../helpers/app.js';
import { fingerprint } from '../helpers/fingerprint.js';
import { openSocket, type Recorder } from '../helpers/sockets.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 100);
const SEED = Number(process.env.FUZZ_SEED ?? 20261123);
/** Generated cases run, counted (CI runs several thousand). */
const total = { http: 0, socket: 0 };

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
  fc.constantFrom(
    '',
    ' ',
    'null',
    'undefined',
    'NaN',
    '1e9999',
    "'; DROP TABLE tickets; --",
    '<script>alert(1)</script>',
    '../../etc/passwd',
    '%00',
    '\u0000',
    '𠮷'.repeat(50),
    'A001',
    '123456',
  ),
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
  object: fc.dictionary(
    fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.constantFrom(
        '__proto__',
        'constructor',
        'prototype',
        'serviceId',
        'ticketId',
        'reason',
        'status',
        'priority',
        'mode',
        'services',
        'notice',
        'code',
        'name',
        'level',
        'state',
        'lastSeq',
        'online',
        'paper',
      ),
    ),
    tie('value'),
    { maxKeys: 6 },
  ),
})).value;

const paramValue = fc.oneof(
  fc.integer({ min: 1, max: 40 }).map(String),
  fc.constantFrom('0', '-1', 'abc', '1.5', '99999999999', '%2e%2e', 'null', 'abcdefghjkmnpqrs'),
  fc.string({ maxLength: 20 }).map(encodeURIComponent),
);

const requestArb = fc.record({
  caller: fc.constantFrom('anonymous', 'kiosk', 'board', 'clerk', 'manager'),
  params: fc.array(paramValue, { minLength: 4, maxLength: 4 }),
  body: fc.oneof(hostileValue, fc.constant(undefined)),
  query: fc.dictionary(
    fc.constantFrom('after', 'limit', 'zoneId', 'from', 'to', 'q', 'x'),
    fc.oneof(paramValue, fc.string({ maxLength: 10 })),
    { maxKeys: 3 },
  ),
  rawBody: fc.option(fc.constantFrom('{', '{"a":', '[1,2', 'x'.repeat(70 * 1024), '\u0000'), { freq: 6 }),
  contentType: fc.constantFrom(
    'application/json',
    'application/json',
    'text/plain',
    'application/x-www-form-urlencoded',
    'application/xml',
  ),
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
          const body = op.method === 'GET' ? undefined : (r.rawBody ?? (r.body === undefined ? undefined : JSON.stringify(r.body)));
          const res = await callers[r.caller]!.request(op.method, `${url}${query ? `?${query}` : ''}`, {
            headers,
            ...(body !== undefined ? { body } : {}),
          });
          cases++;
          const what = `${r.caller} ${op.method} ${url}`;
          assertShape(res, what);
          if (res.statusCode >= 400) expect(fingerprint(hall.store), `${what} refused but wrote`).toBe(before);
        }),
        { numRuns: RUNS, seed: SEED, endOnFailure: true },
      );
    }
    total.http = cases;
    expect(cases).toBe(operations.length * RUNS);
  }, 300_000);
});

/**
 * The events a client may send, read from `ClientToServerEvents` in common/protocol.ts, so an
 * event added there is fuzzed without editing this file.
 */
function clientEvents(): string[] {
  const source = readFileSync(join(process.cwd(), 'common/protocol.ts'), 'utf8');
  const body = /export interface ClientToServerEvents \{([\s\S]*?)\n\}/.exec(source)?.[1] ?? '';
  return [...body.matchAll(/^\s*'([^']+)'\s*:/gm)].map((m) => m[1]!);
}
/** Names the server must ignore: a server-to-client event, nonsense, a prototype key. */
const STRAY_EVENTS = ['ticket:called', 'nope', '__proto__', 'constructor'];
/** Payloads: anything, and the protocol's own shapes with hostile values inside. */
const eventPayload = fc.oneof(
  hostileValue,
  fc.record({ state: hostileValue }),
  fc.record({ state: fc.dictionary(fc.string({ maxLength: 12 }), hostileValue, { maxKeys: 8 }) }),
  fc.record({ lastSeq: hostileValue }),
);
/** Listeners socket.io itself uses on a server socket. */
const RESERVED = new Set(['disconnect', 'disconnecting', 'error', 'newListener', 'removeListener']);

describe('socket fuzz', () => {
  const events = clientEvents();
  let base: string;
  let sockets: Record<string, Recorder>;
  beforeAll(async () => {
    base = await hall.app.listen({ port: 0, host: '127.0.0.1' });
    const { publicCode } = (await callers.kiosk!.post(`/api/halls/${hall.hallId}/tickets`, { serviceId: hall.ids.service('A') })).json();
    sockets = {
      board: await openSocket(base, { token: DEMO_TOKENS.board }),
      kiosk: await openSocket(base, { token: DEMO_TOKENS.kiosk }),
      // A fresh session: the HTTP fuzz may have signed the first one out.
      staff: await openSocket(base, {}, { cookie: (await hall.signIn('manager')).headers.cookie! }),
      visitor: await openSocket(base, { ticketCode: publicCode }),
    };
  });
  afterAll(() => Object.values(sockets ?? {}).forEach((s) => s.close()));

  it('covers every event of ClientToServerEvents, and every event the server listens to', () => {
    expect(events).toEqual(expect.arrayContaining(['hall:sync', 'device:heartbeat']));
    const serverSocket = [...hall.app.io.of('/').sockets.values()][0]!;
    const listened = serverSocket
      .eventNames()
      .map(String)
      .filter((name) => !RESERVED.has(name));
    expect(listened.length).toBeGreaterThan(0);
    expect(events).toEqual(expect.arrayContaining(listened));
  });

  it('every client event: malformed payloads, with or without an acknowledgement, get a shaped answer, never a crash or a partial write', async () => {
    let cases = 0;
    for (const event of [...events, ...STRAY_EVENTS]) {
      const stray = STRAY_EVENTS.includes(event);
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom('board', 'kiosk', 'staff', 'visitor'),
          eventPayload,
          fc.constantFrom('ack', 'ack', 'no-ack', 'extra-args'),
          async (caller, payload, mode) => {
            const socket = sockets[caller]!.socket as unknown as { emit: (...a: unknown[]) => void; connected: boolean };
            const before = fingerprint(hall.store);
            const reply = await new Promise<unknown>((resolve) => {
              // Stray events are never answered; a client event always is, when it asks in the
              // protocol's shape (an acknowledgement after surplus arguments need not be).
              // The 40 ms is the one timed wait for something that must not come: a handler
              // answers after its own database work, so no later event is ordered after an answer
              // it might give. What proves a stray event has no handler to answer it is the test
              // above ("every event the server listens to"); this bound only catches a handler
              // that answers at once.
              const timer = setTimeout(() => resolve('no-ack'), stray || mode !== 'ack' ? 40 : 3000);
              const ack = (answer: unknown) => {
                clearTimeout(timer);
                resolve(answer);
              };
              if (mode === 'ack') socket.emit(event, payload, ack);
              else if (mode === 'extra-args') socket.emit(event, payload, 'x', { y: 1 }, ack);
              else socket.emit(event, payload);
            });
            cases++;
            if (stray || mode === 'no-ack') expect(reply, `${caller} ${event}`).toBe('no-ack');
            else if (mode === 'ack') {
              const r = reply as { ok: boolean; error?: { code: string; message: string; messageEn: string } };
              expect(typeof r.ok, `${caller} ${event} → ${JSON.stringify(reply)}`).toBe('boolean');
              if (!r.ok) {
                expect(r.error, `${caller} ${event}`).toMatchObject({
                  code: expect.any(String),
                  message: expect.stringMatching(/[\u4e00-\u9fa5]/),
                  messageEn: expect.any(String),
                });
                expect(fingerprint(hall.store), `${caller} ${event} refused but wrote`).toBe(before);
              }
            }
            expect(socket.connected, `${caller} ${event}`).toBe(true);
          },
        ),
        { numRuns: stray ? Math.ceil(RUNS / 10) : RUNS, seed: SEED, endOnFailure: true },
      );
    }
    total.socket = cases;
    expect(cases).toBe(events.length * RUNS + STRAY_EVENTS.length * Math.ceil(RUNS / 10));
    // Still serving: the board syncs, and its stored state holds only what a screen may report.
    const sync = await sockets.board!.sync(null);
    expect(sync.snapshot.hall.name).toBe('示范县政务服务中心');
    const board = (await hall.store.read((tx) => tx.devices.list(hall.hallId))).find((d) => d.kind === 'board' && d.zoneId === null)!;
    expect(
      Object.keys(board.state).filter(
        (k) => !['online', 'voiceMissing', 'soundBlocked', 'silent', 'coverOpen', 'paper', 'printerError', 'userAgent'].includes(k),
      ),
    ).toEqual([]);
  }, 300_000);

  it('hostile handshakes are refused, not crashing', async () => {
    for (const auth of [
      { token: 123 },
      { token: 'x'.repeat(5000) },
      { ticketCode: { $ne: null } },
      { hallId: '__proto__' },
      { token: null },
      { ticketCode: ['a'] },
      { token: { toString: 1 } },
    ]) {
      await expect(openSocket(base, auth as Record<string, unknown>)).rejects.toBeTruthy();
    }
    expect((await hall.anonymous.get('/api/health')).statusCode).toBe(200);
  });
});

describe('in total', () => {
  it('runs several thousand generated cases (FUZZ_RUNS scales them)', () => {
    const cases = total.http + total.socket;
    console.log(
      `fuzz: ${total.http} HTTP cases over ${operations.length} routes, ${total.socket} socket cases; ${cases} in all (FUZZ_RUNS=${RUNS}, seed ${SEED})`,
    );
    expect(total.http).toBe(operations.length * RUNS);
    expect(total.socket).toBeGreaterThan(0);
    if (RUNS >= 100) expect(cases).toBeGreaterThanOrEqual(5000);
  });
});
