/**
 * Who may do what (docs/design.md, invariant 7): every route against every kind of caller. "allowed"
 * means the caller got past authorization (any answer but 401/403); "refused" means 401 or 403.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword, sha256 } from '../../server/services/auth-service.js';
import { createTestHall, DEMO_TOKENS, type Agent, type TestHall } from '../helpers/app.js';
import { openSocket } from '../helpers/sockets.js';

let hall: TestHall;
/** The demo hall board's device id. */
let boardId = 0;
const callers: Record<string, Agent> = {};
const CALLERS = [
  'anonymous',
  'kiosk',
  'board',
  'window_screen',
  'pad',
  'clerk_own',
  'clerk_other',
  'manager',
  'admin',
  'other_hall_manager',
  'other_hall_board',
  'revoked_device',
  'expired_session',
] as const;
type Caller = (typeof CALLERS)[number];

beforeAll(async () => {
  // Rate limits have their own tests (test/abuse/rate-limits.test.ts); here every caller signs in and pairs.
  hall = await createTestHall({ limits: { login: 1000, pairing: 1000 } });
  // A second hall with its own manager and board, who must not reach into the demo hall.
  const passwordHash = await hashPassword('other-pass-123');
  await hall.store.transact(async (tx) => {
    const other = await tx.halls.insert({
      code: 'other',
      name: '另一个大厅',
      timezone: 'Asia/Shanghai',
      openingHours: '00:00-24:00',
      notice: '',
    });
    await tx.users.insert({
      hallId: other.id,
      username: 'manager2',
      displayName: '钱主任',
      staffNo: 'X1',
      role: 'manager',
      passwordHash,
      photoUrl: null,
      disabled: false,
    });
    await tx.devices.insert({
      hallId: other.id,
      kind: 'board',
      name: 'other board',
      status: 'active',
      tokenHash: sha256('other-hall-board-token'),
      pairingCode: null,
      pairingExpiresAt: null,
      windowId: null,
      zoneId: null,
      printerId: null,
      address: null,
      settings: {},
      state: {},
    });
  });
  callers.anonymous = hall.anonymous;
  callers.kiosk = hall.device(DEMO_TOKENS.kiosk);
  callers.board = hall.device(DEMO_TOKENS.board);
  boardId = (await callers.board.get('/api/devices/me')).json().id;
  callers.window_screen = hall.device(DEMO_TOKENS.windowScreen('1'));
  callers.pad = hall.device(DEMO_TOKENS.pad('1'));
  callers.clerk_own = await hall.signIn('clerk01'); // signed in to window 1
  callers.clerk_other = await hall.signIn('clerk02'); // signed in to window 2
  callers.manager = await hall.signIn('manager');
  callers.admin = await hall.signIn('admin');
  callers.other_hall_manager = await hall.signIn('manager2', 'other-pass-123');
  callers.other_hall_board = hall.device('other-hall-board-token');
  // A device a manager revoked, and a manager whose session has expired.
  const pairing = (await hall.anonymous.post('/api/devices/pairing', { hallId: hall.hallId, kind: 'kiosk' })).json();
  await callers.manager.post(`/api/halls/${hall.hallId}/devices/approve`, { code: pairing.device.pairingCode, name: 'old kiosk' });
  await callers.manager.post(`/api/devices/${pairing.device.id}/revoke`);
  callers.revoked_device = hall.device(pairing.token);
  callers.expired_session = await hall.signIn('manager');
  hall.store.sqlite.prepare('UPDATE sessions SET expires_at = 0 WHERE csrf_token = ?').run(callers.expired_session.headers['x-csrf-token']);
  await callers.kiosk.post(`/api/halls/${hall.hallId}/tickets`, { serviceId: hall.ids.service('A') });
  for (const _ of CALLERS) {
    revocable.push(
      await hall.store.transact(
        async (tx) =>
          (
            await tx.devices.insert({
              hallId: hall.hallId,
              kind: 'board',
              name: 'spare board',
              status: 'active',
              tokenHash: null,
              pairingCode: null,
              pairingExpiresAt: null,
              windowId: null,
              zoneId: null,
              printerId: null,
              address: null,
              settings: {},
              state: {},
            })
          ).id,
      ),
    );
  }
  // A network printer of the demo hall (nothing listens at its address).
  printerId = await hall.store.transact(
    async (tx) =>
      (
        await tx.devices.insert({
          hallId: hall.hallId,
          kind: 'printer',
          name: 'p',
          status: 'active',
          tokenHash: null,
          pairingCode: null,
          pairingExpiresAt: null,
          windowId: null,
          zoneId: null,
          printerId: null,
          address: '127.0.0.1:9',
          settings: {},
          state: {},
        })
      ).id,
  );
});
let printerId = 0;
afterAll(() => hall.close());

interface Route {
  name: string;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  url: () => string;
  body?: unknown;
  allowed: Caller[];
  /** Who calls, when not the caller's own agent (sign-out must not end the sessions the other rows use). */
  agent?: (caller: Caller) => Promise<Agent>;
}

/** The user names of the signed-in callers, to sign them in once more. */
const USERNAMES: Partial<Record<Caller, [string, string?]>> = {
  clerk_own: ['clerk01'],
  clerk_other: ['clerk02'],
  manager: ['manager'],
  admin: ['admin'],
  other_hall_manager: ['manager2', 'other-pass-123'],
};
/** Devices made to be revoked, one per caller, so one allowed revocation does not change the next caller's answer. */
const revocable: number[] = [];

const H = () => hall.hallId;
const W1 = () => hall.ids.window('1');
const STAFF: Caller[] = ['clerk_own', 'clerk_other', 'manager', 'admin'];
const MANAGERS: Caller[] = ['manager', 'admin'];
const ON_WINDOW_1: Caller[] = ['clerk_own', 'manager', 'admin'];

const ROUTES: Route[] = [
  { name: 'health', method: 'GET', url: () => '/api/health', allowed: [...CALLERS] },
  { name: 'hall list', method: 'GET', url: () => '/api/halls', allowed: [...CALLERS] },
  { name: 'services (public)', method: 'GET', url: () => `/api/halls/${H()}/services`, allowed: [...CALLERS] },
  { name: 'ticket status (public)', method: 'GET', url: () => '/api/tickets/status/abcdefghjkmnpqrs', allowed: [...CALLERS] },
  {
    name: 'snapshot',
    method: 'GET',
    url: () => `/api/halls/${H()}/snapshot`,
    allowed: ['kiosk', 'board', 'window_screen', 'pad', ...STAFF],
  },
  { name: 'events', method: 'GET', url: () => `/api/halls/${H()}/events`, allowed: STAFF },
  { name: 'issue ticket', method: 'POST', url: () => `/api/halls/${H()}/tickets`, body: { serviceId: 1 }, allowed: ['kiosk', ...STAFF] },
  { name: 'set notice', method: 'PUT', url: () => `/api/halls/${H()}/notice`, body: { notice: 'n' }, allowed: MANAGERS },
  { name: 'cancel ticket', method: 'POST', url: () => '/api/tickets/1/cancel', body: { reason: 'r' }, allowed: MANAGERS },
  { name: 'move ticket', method: 'POST', url: () => '/api/tickets/1/transfer', body: { toServiceId: 2, note: '' }, allowed: MANAGERS },
  { name: 'window detail', method: 'GET', url: () => `/api/windows/${W1()}`, allowed: STAFF },
  ...['call-next', 'recall', 'start', 'finish', 'no-show', 'hold'].map((c): Route => ({
    name: `window ${c}`,
    method: 'POST',
    url: () => `/api/windows/${W1()}/${c}`,
    body: {},
    allowed: ON_WINDOW_1,
  })),
  {
    name: 'window 选呼',
    method: 'POST',
    url: () => `/api/windows/${W1()}/call`,
    body: { number: 'A001', reason: 'r' },
    allowed: ON_WINDOW_1,
  },
  { name: 'window resume', method: 'POST', url: () => `/api/windows/${W1()}/resume`, body: { ticketId: 1 }, allowed: ON_WINDOW_1 },
  { name: 'window requeue', method: 'POST', url: () => `/api/windows/${W1()}/requeue`, body: { ticketId: 1 }, allowed: ON_WINDOW_1 },
  {
    name: 'window transfer',
    method: 'POST',
    url: () => `/api/windows/${W1()}/transfer`,
    body: { ticketId: 1, toServiceId: 2, note: '' },
    allowed: ON_WINDOW_1,
  },
  { name: 'window status', method: 'POST', url: () => `/api/windows/${W1()}/status`, body: { status: 'open' }, allowed: ON_WINDOW_1 },
  {
    name: 'window services',
    method: 'PUT',
    url: () => `/api/windows/${W1()}/services`,
    body: { mode: 'zone', services: [] },
    allowed: MANAGERS,
  },
  { name: 'device list', method: 'GET', url: () => `/api/halls/${H()}/devices`, allowed: MANAGERS },
  {
    name: 'approve device',
    method: 'POST',
    url: () => `/api/halls/${H()}/devices/approve`,
    body: { code: '123456', name: 'x' },
    allowed: MANAGERS,
  },
  { name: 'device settings', method: 'PUT', url: () => `/api/devices/${boardId}/settings`, body: { silent: false }, allowed: MANAGERS },
  {
    name: 'device heartbeat',
    method: 'POST',
    url: () => '/api/devices/me/heartbeat',
    body: {},
    allowed: ['kiosk', 'board', 'window_screen', 'pad', 'other_hall_board'],
  },
  { name: 'me', method: 'GET', url: () => '/api/auth/me', allowed: [...STAFF, 'other_hall_manager'] },
  { name: 'kiosk view', method: 'GET', url: () => '/api/kiosk', allowed: ['kiosk'] },
  { name: 'reprint ticket', method: 'POST', url: () => '/api/tickets/1/reprint', body: {}, allowed: MANAGERS },
  { name: 'ticket by number', method: 'GET', url: () => `/api/halls/${H()}/tickets/lookup?number=A001`, allowed: MANAGERS },
  {
    name: 'add printer',
    method: 'POST',
    url: () => `/api/halls/${H()}/printers`,
    body: { name: 'x', address: '10.0.0.9:9100' },
    allowed: MANAGERS,
  },
  { name: 'change printer', method: 'PUT', url: () => `/api/printers/${printerId}`, body: { name: 'p' }, allowed: MANAGERS },
  { name: 'check printer', method: 'POST', url: () => `/api/printers/${printerId}/check`, body: {}, allowed: MANAGERS },
  // The visitor's phone: public, by the hall's code or a secret code (rate-limited, never 401/403).
  { name: 'phone hall page', method: 'GET', url: () => '/api/phone/halls/demo', allowed: [...CALLERS] },
  {
    name: 'phone take a number',
    method: 'POST',
    url: () => '/api/phone/halls/demo/tickets',
    body: { serviceId: 2, phone: '13800000000' },
    allowed: [...CALLERS],
  },
  { name: 'phone ticket page', method: 'GET', url: () => '/api/phone/tickets/abcdefghjkmnpqrs', allowed: [...CALLERS] },
  { name: 'phone cancel ticket', method: 'POST', url: () => '/api/phone/tickets/abcdefghjkmnpqrs/cancel', allowed: [...CALLERS] },
  {
    name: 'phone rate later',
    method: 'POST',
    url: () => '/api/phone/tickets/abcdefghjkmnpqrs/rating',
    body: { level: 5 },
    allowed: [...CALLERS],
  },
  { name: 'phone booking slots', method: 'GET', url: () => '/api/phone/halls/demo/services/1/slots', allowed: [...CALLERS] },
  {
    name: 'phone book',
    method: 'POST',
    url: () => '/api/phone/halls/demo/bookings',
    body: { serviceId: 1, date: '2026-11-24', start: '09:00', phone: '13800000000' },
    allowed: [...CALLERS],
  },
  { name: 'phone booking page', method: 'GET', url: () => '/api/phone/bookings/abcdefghjkmnpqrs', allowed: [...CALLERS] },
  { name: 'phone cancel booking', method: 'POST', url: () => '/api/phone/bookings/abcdefghjkmnpqrs/cancel', allowed: [...CALLERS] },
  { name: 'phone check in', method: 'POST', url: () => '/api/phone/bookings/abcdefghjkmnpqrs/check-in', allowed: [...CALLERS] },
  // 预约 at the hall: the kiosk and staff check visitors in; managers configure slots.
  {
    name: 'appointment check-in',
    method: 'POST',
    url: () => `/api/halls/${H()}/bookings/check-in`,
    body: { code: '12345678' },
    allowed: ['kiosk', ...STAFF],
  },
  { name: 'day’s bookings', method: 'GET', url: () => `/api/halls/${H()}/bookings?date=2026-11-24`, allowed: MANAGERS },
  { name: 'appointment slots', method: 'GET', url: () => `/api/halls/${H()}/appointment-slots`, allowed: MANAGERS },
  {
    name: 'add appointment slot',
    method: 'POST',
    url: () => `/api/halls/${H()}/appointment-slots`,
    body: { serviceId: 2, weekday: 1, start: '07:00', end: '07:30', capacity: 1 },
    allowed: MANAGERS,
  },
  { name: 'change appointment slot', method: 'PUT', url: () => '/api/appointment-slots/1', body: { capacity: 6 }, allowed: MANAGERS },
  // Each caller tries another of the demo's slots, so one allowed deletion does not turn the next caller's answer into a 404.
  {
    name: 'remove appointment slot',
    method: 'DELETE',
    url: (
      (next = 90) =>
      () =>
        `/api/appointment-slots/${next++}`
    )(),
    allowed: MANAGERS,
  },
  { name: 'visitor links', method: 'GET', url: () => `/api/halls/${H()}/visitor-links`, allowed: MANAGERS },
  { name: 'hall QR code', method: 'GET', url: () => `/api/halls/${H()}/visitor-qr.svg`, allowed: MANAGERS },
  { name: 'visitor notifications', method: 'GET', url: () => `/api/halls/${H()}/notifications`, allowed: MANAGERS },
  // Manager console. Bodies are refused after authorization (4xx, not 401/403), so nothing changes.
  { name: 'config', method: 'GET', url: () => `/api/halls/${H()}/config`, allowed: MANAGERS },
  { name: 'hall profile', method: 'PUT', url: () => `/api/halls/${H()}/profile`, body: { openingHours: 'bad' }, allowed: MANAGERS },
  {
    name: 'settings',
    method: 'PUT',
    url: () => `/api/halls/${H()}/settings/alerts`,
    body: { values: { waitTargetMinutes: 0 } },
    allowed: MANAGERS,
  },
  { name: 'create zone', method: 'POST', url: () => `/api/halls/${H()}/zones`, body: { name: '', kind: 'theme' }, allowed: MANAGERS },
  { name: 'remove zone', method: 'DELETE', url: () => `/api/halls/${H()}/zones/99999`, allowed: MANAGERS },
  { name: 'change zone', method: 'PUT', url: () => `/api/halls/${H()}/zones/99999`, body: {}, allowed: MANAGERS },
  { name: 'create service', method: 'POST', url: () => `/api/halls/${H()}/services`, body: { name: 'x', prefix: 'A' }, allowed: MANAGERS },
  { name: 'change service', method: 'PUT', url: () => `/api/halls/${H()}/services/99999`, body: {}, allowed: MANAGERS },
  { name: 'create window', method: 'POST', url: () => `/api/halls/${H()}/windows`, body: { number: '1', name: 'x' }, allowed: MANAGERS },
  { name: 'change window', method: 'PUT', url: () => `/api/halls/${H()}/windows/99999`, body: {}, allowed: MANAGERS },
  {
    name: 'create user',
    method: 'POST',
    url: () => `/api/halls/${H()}/users`,
    body: { username: 'clerk01', displayName: 'x', role: 'clerk', password: 'window2026' },
    allowed: MANAGERS,
  },
  { name: 'change user', method: 'PUT', url: () => `/api/halls/${H()}/users/99999`, body: {}, allowed: MANAGERS },
  {
    name: 'reset password',
    method: 'POST',
    url: () => `/api/halls/${H()}/users/99999/password`,
    body: { password: 'window2026' },
    allowed: MANAGERS,
  },
  { name: 'change device', method: 'PUT', url: () => `/api/halls/${H()}/devices/99999`, body: {}, allowed: MANAGERS },
  { name: 'place clerk', method: 'POST', url: () => `/api/windows/${W1()}/clerk`, body: { clerkId: 99999 }, allowed: MANAGERS },
  { name: 'set backup', method: 'POST', url: () => `/api/windows/${W1()}/backup`, body: { backupClerkId: 99999 }, allowed: MANAGERS },
  { name: 'live view', method: 'GET', url: () => `/api/halls/${H()}/live`, allowed: MANAGERS },
  { name: 'statistics', method: 'GET', url: () => `/api/halls/${H()}/stats?from=2026-11-23&to=2026-11-23`, allowed: MANAGERS },
  {
    name: 'statistics export',
    method: 'GET',
    url: () => `/api/halls/${H()}/stats/export?from=2026-11-23&to=2026-11-23&format=csv`,
    allowed: MANAGERS,
  },
  { name: 'cases', method: 'GET', url: () => `/api/halls/${H()}/cases`, allowed: MANAGERS },
  { name: 'case', method: 'GET', url: () => `/api/halls/${H()}/cases/99999`, allowed: MANAGERS },
  {
    name: 'case step',
    method: 'POST',
    url: () => `/api/halls/${H()}/cases/99999/steps`,
    body: { action: 'rectify', note: 'x' },
    allowed: MANAGERS,
  },
  {
    name: 'case appeal',
    method: 'POST',
    url: () => `/api/halls/${H()}/cases/99999/appeal`,
    body: { kind: 'mistaken', reason: 'x' },
    allowed: MANAGERS,
  },
  {
    name: 'appeal decision',
    method: 'POST',
    url: () => `/api/halls/${H()}/cases/99999/appeal/decision`,
    body: { approve: true, note: 'x' },
    allowed: MANAGERS,
  },
  { name: 'audit log', method: 'GET', url: () => `/api/halls/${H()}/audit`, allowed: MANAGERS },
  // Sessions and devices. Sign-in is public (an empty body is refused as bad input, after authorization).
  { name: 'sign-in', method: 'POST', url: () => '/api/auth/login', body: {}, allowed: [...CALLERS] },
  {
    name: 'sign-out',
    method: 'POST',
    url: () => '/api/auth/logout',
    allowed: [...STAFF, 'other_hall_manager'],
    agent: async (caller) => (USERNAMES[caller] ? hall.signIn(...USERNAMES[caller]) : callers[caller]!),
  },
  {
    name: 'pairing (public)',
    method: 'POST',
    url: () => '/api/devices/pairing',
    body: { hallId: 1, kind: 'board' },
    allowed: [...CALLERS],
  },
  // Any device, whatever its status: a revoked screen learns that it was revoked and says so.
  {
    name: 'device me',
    method: 'GET',
    url: () => '/api/devices/me',
    allowed: ['kiosk', 'board', 'window_screen', 'pad', 'other_hall_board', 'revoked_device'],
  },
  {
    name: 'revoke device',
    method: 'POST',
    url: (
      (next = 0) =>
      () =>
        `/api/devices/${revocable[next++ % revocable.length]}/revoke`
    )(),
    allowed: MANAGERS,
  },
  { name: 'pad view', method: 'GET', url: () => '/api/pad', allowed: ['pad'] },
  { name: 'pad rating', method: 'POST', url: () => '/api/pad/ratings', body: { ticketId: 2_147_483_647, level: 5 }, allowed: ['pad'] },
  // Last: a clerk leaving window 1 (the rows above use it).
  { name: 'window sign-in', method: 'POST', url: () => `/api/windows/${W1()}/sign-in`, allowed: STAFF },
  { name: 'window sign-out', method: 'POST', url: () => `/api/windows/${W1()}/sign-out`, allowed: ON_WINDOW_1 },
];

describe('role matrix', () => {
  it('names every route of the OpenAPI document', () => {
    const spec = hall.app.swagger() as { paths: Record<string, Record<string, unknown>> };
    const documented = Object.entries(spec.paths).flatMap(([path, ops]) =>
      Object.keys(ops)
        .filter((m) => ['get', 'post', 'put', 'delete', 'patch'].includes(m))
        .map((m) => ({ method: m.toUpperCase(), path, pattern: new RegExp(`^${path.replace(/\{[^}]+\}/g, '[^/?]+')}(\\?.*)?$`) })),
    );
    const missing = documented
      .filter((op) => !ROUTES.some((r) => r.method === op.method && op.pattern.test(r.url())))
      .map((op) => `${op.method} ${op.path}`);
    expect(missing).toEqual([]);
  });

  for (const route of ROUTES) {
    describe(route.name, () => {
      for (const caller of CALLERS) {
        const allowed = route.allowed.includes(caller);
        it(`${caller}: ${allowed ? 'allowed' : 'refused'}`, async () => {
          const agent = route.agent ? await route.agent(caller) : callers[caller]!;
          const res = await agent.request(route.method, route.url(), {
            body: route.body ?? (route.method === 'GET' || route.method === 'DELETE' ? undefined : {}),
          });
          if (allowed) expect([401, 403], `${res.statusCode} ${res.body}`).not.toContain(res.statusCode);
          else {
            expect([401, 403], res.body).toContain(res.statusCode);
            expect(res.json().message).toMatch(/[\u4e00-\u9fa5]/);
          }
        });
      }
    });
  }
});

describe('socket role matrix', () => {
  const SOCKET_CALLERS = ['anonymous', 'board', 'pad', 'kiosk', 'manager', 'revoked_device', 'expired_session', 'visitor'] as const;
  const connects: Record<(typeof SOCKET_CALLERS)[number], boolean> = {
    anonymous: false,
    board: true,
    pad: true,
    kiosk: true,
    manager: true,
    revoked_device: false,
    expired_session: false,
    visitor: true,
  };
  /** May send a heartbeat: devices only. */
  const heartbeats = new Set(['board', 'pad', 'kiosk']);
  let base: string;
  beforeAll(async () => {
    base = await hall.app.listen({ port: 0, host: '127.0.0.1' });
  });

  for (const caller of SOCKET_CALLERS) {
    it(`${caller}: ${connects[caller] ? 'connects and syncs' : 'refused at the handshake'}`, async () => {
      const tokens: Record<string, string> = {
        board: DEMO_TOKENS.board,
        pad: DEMO_TOKENS.pad('1'),
        kiosk: DEMO_TOKENS.kiosk,
        revoked_device: callers.revoked_device!.headers.authorization!.slice(7),
      };
      const ticketCode = (await callers.kiosk!.post(`/api/halls/${hall.hallId}/tickets`, { serviceId: hall.ids.service('B') })).json()
        .publicCode;
      const auth = caller in tokens ? { token: tokens[caller] } : caller === 'visitor' ? { ticketCode } : {};
      const headers = caller === 'manager' || caller === 'expired_session' ? { cookie: callers[caller]!.headers.cookie! } : undefined;
      if (!connects[caller]) {
        await expect(openSocket(base, auth, headers)).rejects.toMatchObject({
          data: { code: expect.any(String), message: expect.stringMatching(/[\u4e00-\u9fa5]/) },
        });
        return;
      }
      const socket = await openSocket(base, auth, headers);
      try {
        const sync = await socket.sync(null);
        expect(sync.snapshot.hall.id).toBe(hall.hallId);
        // Staff get the waiting list; screens and phones do not.
        expect(sync.snapshot.waiting !== undefined).toBe(caller === 'manager');
        const beat = await new Promise<{ ok: boolean; error?: { code: string } }>((resolve) =>
          socket.socket.emit('device:heartbeat', {}, resolve),
        );
        expect(beat.ok).toBe(heartbeats.has(caller));
        if (!beat.ok) expect(beat.error!.code).toBe('wrong_device_kind');
      } finally {
        socket.close();
      }
    });
  }
});
