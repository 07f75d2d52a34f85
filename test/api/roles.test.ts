/**
 * Who may do what (DESIGN.md invariant 7): every route against every kind of caller. "allowed"
 * means the caller got past authorization (any answer but 401/403); "refused" means 401 or 403.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword, sha256 } from '../../server/services/auth-service.js';
import { createTestHall, DEMO_TOKENS, type Agent, type TestHall } from '../helpers/app.js';

let hall: TestHall;
const callers: Record<string, Agent> = {};
const CALLERS = ['anonymous', 'kiosk', 'board', 'window_screen', 'pad', 'clerk_own', 'clerk_other', 'manager', 'admin', 'other_hall_manager', 'other_hall_board'] as const;
type Caller = (typeof CALLERS)[number];

beforeAll(async () => {
  hall = await createTestHall();
  // A second hall with its own manager and board, who must not reach into the demo hall.
  const passwordHash = await hashPassword('other-pass-123');
  await hall.store.transact(async (tx) => {
    const other = await tx.halls.insert({ code: 'other', name: '另一个大厅', timezone: 'Asia/Shanghai', openingHours: '00:00-24:00', notice: '' });
    await tx.users.insert({ hallId: other.id, username: 'manager2', displayName: '钱主任', staffNo: 'X1', role: 'manager', passwordHash, photoUrl: null, disabled: false });
    await tx.devices.insert({ hallId: other.id, kind: 'board', name: 'other board', status: 'active', tokenHash: sha256('other-hall-board-token'), pairingCode: null, pairingExpiresAt: null, windowId: null, zoneId: null, printerId: null, address: null, settings: {}, state: {} });
  });
  callers.anonymous = hall.anonymous;
  callers.kiosk = hall.device(DEMO_TOKENS.kiosk);
  callers.board = hall.device(DEMO_TOKENS.board);
  callers.window_screen = hall.device(DEMO_TOKENS.windowScreen('1'));
  callers.pad = hall.device(DEMO_TOKENS.pad('1'));
  callers.clerk_own = await hall.signIn('clerk01'); // signed in to window 1
  callers.clerk_other = await hall.signIn('clerk02'); // signed in to window 2
  callers.manager = await hall.signIn('manager');
  callers.admin = await hall.signIn('admin');
  callers.other_hall_manager = await hall.signIn('manager2', 'other-pass-123');
  callers.other_hall_board = hall.device('other-hall-board-token');
  await callers.kiosk!.post(`/api/halls/${hall.hallId}/tickets`, { serviceId: hall.ids.service('A') });
});
afterAll(() => hall.close());

interface Route {
  name: string;
  method: 'GET' | 'POST' | 'PUT';
  url: () => string;
  body?: unknown;
  allowed: Caller[];
}

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
  { name: 'snapshot', method: 'GET', url: () => `/api/halls/${H()}/snapshot`, allowed: ['kiosk', 'board', 'window_screen', 'pad', ...STAFF] },
  { name: 'events', method: 'GET', url: () => `/api/halls/${H()}/events`, allowed: STAFF },
  { name: 'issue ticket', method: 'POST', url: () => `/api/halls/${H()}/tickets`, body: { serviceId: 1 }, allowed: ['kiosk', ...STAFF] },
  { name: 'set notice', method: 'PUT', url: () => `/api/halls/${H()}/notice`, body: { notice: 'n' }, allowed: MANAGERS },
  { name: 'cancel ticket', method: 'POST', url: () => '/api/tickets/1/cancel', body: { reason: 'r' }, allowed: MANAGERS },
  { name: 'move ticket', method: 'POST', url: () => '/api/tickets/1/transfer', body: { toServiceId: 2, note: '' }, allowed: MANAGERS },
  { name: 'window detail', method: 'GET', url: () => `/api/windows/${W1()}`, allowed: STAFF },
  ...['call-next', 'recall', 'start', 'finish', 'no-show', 'hold'].map(
    (c): Route => ({ name: `window ${c}`, method: 'POST', url: () => `/api/windows/${W1()}/${c}`, body: {}, allowed: ON_WINDOW_1 }),
  ),
  { name: 'window 选呼', method: 'POST', url: () => `/api/windows/${W1()}/call`, body: { number: 'A001', reason: 'r' }, allowed: ON_WINDOW_1 },
  { name: 'window resume', method: 'POST', url: () => `/api/windows/${W1()}/resume`, body: { ticketId: 1 }, allowed: ON_WINDOW_1 },
  { name: 'window requeue', method: 'POST', url: () => `/api/windows/${W1()}/requeue`, body: { ticketId: 1 }, allowed: ON_WINDOW_1 },
  { name: 'window transfer', method: 'POST', url: () => `/api/windows/${W1()}/transfer`, body: { ticketId: 1, toServiceId: 2, note: '' }, allowed: ON_WINDOW_1 },
  { name: 'window status', method: 'POST', url: () => `/api/windows/${W1()}/status`, body: { status: 'open' }, allowed: ON_WINDOW_1 },
  { name: 'window services', method: 'PUT', url: () => `/api/windows/${W1()}/services`, body: { mode: 'zone', services: [] }, allowed: MANAGERS },
  { name: 'device list', method: 'GET', url: () => `/api/halls/${H()}/devices`, allowed: MANAGERS },
  { name: 'approve device', method: 'POST', url: () => `/api/halls/${H()}/devices/approve`, body: { code: '123456', name: 'x' }, allowed: MANAGERS },
  { name: 'device heartbeat', method: 'POST', url: () => '/api/devices/me/heartbeat', body: {}, allowed: ['kiosk', 'board', 'window_screen', 'pad', 'other_hall_board'] },
  { name: 'me', method: 'GET', url: () => '/api/auth/me', allowed: [...STAFF, 'other_hall_manager'] },
];

describe('role matrix', () => {
  for (const route of ROUTES) {
    describe(route.name, () => {
      for (const caller of CALLERS) {
        const allowed = route.allowed.includes(caller);
        it(`${caller}: ${allowed ? 'allowed' : 'refused'}`, async () => {
          const res = await callers[caller]!.request(route.method, route.url(), { body: route.body ?? (route.method === 'GET' ? undefined : {}) });
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
