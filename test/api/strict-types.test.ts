/**
 * A JSON value of the wrong type is refused, never converted (issue 17): request bodies are
 * validated without type coercion (server/schemas/validator.ts), so `{"serviceId":true}` is not
 * service 1, `{"serviceId":[20]}` not service 20, `{"serviceId":"5"}` not service 5, and
 * `{"notice":12345}` not the text "12345". Per route family: each wrong type is a 400
 * invalid_input whose message names the field and the type it must have, in Chinese and English,
 * and nothing is written; the same request with the right types is then accepted, so the refusal
 * was about the type alone. Query strings and path parameters, which are text on the wire, still
 * convert ("?limit=5"). Socket payloads are held to their types the same way.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestHall, DEMO_TOKENS, type Agent, type TestHall } from '../helpers/app.js';
import { fingerprint } from '../helpers/fingerprint.js';
import { openSocket, type Recorder } from '../helpers/sockets.js';

let hall: TestHall;
let H: number;
let manager: Agent;
let clerk01: Agent;
let kiosk: Agent;

/** The type a refusal must name, and how each language says it. */
const TYPES = {
  integer: { zh: '整数', en: 'must be integer' },
  number: { zh: '数字', en: 'must be number' },
  string: { zh: '文本', en: 'must be string' },
  boolean: { zh: '布尔值', en: 'must be boolean' },
  'integer or null': { zh: '整数或空值', en: 'must be integer or null' },
} as const;

interface Route {
  who: () => Agent;
  method: 'POST' | 'PUT';
  url: () => string;
  /** A body the route accepts; each case replaces one field. */
  valid: () => Record<string, unknown>;
}

/**
 * One field of a route given a value of the wrong type (`wrong`, or `later` for a value made from
 * ids known only once the hall exists, described by `label`), and the type the refusal must name.
 */
type Case = { field: string; expects: keyof typeof TYPES } & ({ wrong: unknown } | { label: string; later: () => unknown });

const valueOf = (c: Case) => ('later' in c ? c.later() : c.wrong);
const labelOf = (c: Case) => ('later' in c ? c.label : JSON.stringify(c.wrong));

/** An id field: a boolean, an array and a string instead of an integer (`type` for a nullable id). */
const idCases = (field: string, id: () => number, expects: Case['expects'] = 'integer'): Case[] => [
  { field, wrong: true, expects },
  { field, label: '[id]', later: () => [id()], expects },
  { field, label: '"id"', later: () => String(id()), expects },
];
/** A text field: a number and an object instead of a string. */
const textCases = (field: string): Case[] => [
  { field, wrong: 12345, expects: 'string' },
  { field, wrong: { text: '12345' }, expects: 'string' },
];

/** Every case of a route is refused naming its field and type, and writes nothing. */
function refuses(route: Route, cases: Case[]) {
  for (const c of cases) {
    it(`${c.field} = ${labelOf(c)} → 400 naming ${c.field} (${c.expects})`, async () => {
      const before = fingerprint(hall.store);
      const res = await route.who().request(route.method, route.url(), { body: { ...route.valid(), [c.field]: valueOf(c) } });
      expect(res.statusCode, res.body).toBe(400);
      const body = res.json();
      expect(body.code).toBe('invalid_input');
      expect(body.message).toContain(`body.${c.field}：类型应为 ${TYPES[c.expects].zh}`);
      expect(body.messageEn).toContain(`body.${c.field} ${TYPES[c.expects].en}`);
      expect(body.details.fields).toContain(`body.${c.field}`);
      expect(fingerprint(hall.store), 'refused but wrote').toBe(before);
    });
  }
}

/** The route's valid body is accepted (the cases above failed on the type alone). */
function accepts(route: Route, status: number) {
  it(`the same request with the right types → ${status}`, async () => {
    const res = await route.who().request(route.method, route.url(), { body: route.valid() });
    expect(res.statusCode, res.body).toBe(status);
  });
}

const S = (prefix: string) => hall.ids.service(prefix);
const W = (number: string) => hall.ids.window(number);

/** Ids made in beforeAll. */
const made = { waitingTicket: 0, calledTicket: 0, caseId: 0, zoneId: 0, boardId: 0 };

beforeAll(async () => {
  hall = await createTestHall({ limits: { status: 100_000, pairing: 100_000, login: 100_000, phoneIssue: 100_000 } });
  H = hall.hallId;
  manager = await hall.signIn('manager');
  clerk01 = await hall.signIn('clerk01');
  kiosk = hall.device(DEMO_TOKENS.kiosk);
  const issue = async () => {
    const res = await kiosk.post(`/api/halls/${H}/tickets`, { serviceId: S('A') });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().ticket.id as number;
  };
  // A 差评 case: a ticket served at window 1 and rated 1 on its pad.
  const rated = await issue();
  for (const c of ['call-next', 'start', 'finish']) expect((await clerk01.post(`/api/windows/${W('1')}/${c}`)).statusCode).toBe(200);
  const rating = await hall
    .device(DEMO_TOKENS.pad('1'))
    .post('/api/pad/ratings', { ticketId: rated, level: 1, reasons: ['办理效率低'], comment: '等了很久' });
  expect(rating.statusCode, rating.body).toBe(200);
  made.caseId = rating.json().case.id;
  // A ticket called at window 1, and one waiting.
  made.calledTicket = await issue();
  const called = await clerk01.post(`/api/windows/${W('1')}/call`, { ticketId: made.calledTicket, reason: '测试' });
  expect(called.statusCode, called.body).toBe(200);
  made.waitingTicket = await issue();
  const devices = await hall.store.read((tx) => tx.devices.list(H));
  made.boardId = devices.find((d) => d.kind === 'board')!.id;
  made.zoneId = (await hall.store.read((tx) => tx.services.get(S('A'))))!.zoneId!;
});
afterAll(() => hall.close());

describe('tickets and issuing', () => {
  const issue: Route = {
    who: () => kiosk,
    method: 'POST',
    url: () => `/api/halls/${H}/tickets`,
    valid: () => ({ serviceId: S('A'), priority: 'normal' }),
  };
  refuses(issue, [...idCases('serviceId', () => S('A')), ...textCases('priority')]);
  accepts(issue, 201);

  const transfer: Route = {
    who: () => manager,
    method: 'POST',
    url: () => `/api/tickets/${made.waitingTicket}/transfer`,
    valid: () => ({ toServiceId: S('B'), note: '窗口调整' }),
  };
  refuses(transfer, [...idCases('toServiceId', () => S('B')), ...textCases('note')]);
  accepts(transfer, 200);
});

describe('windows: clerk commands', () => {
  const recall: Route = {
    who: () => clerk01,
    method: 'POST',
    url: () => `/api/windows/${W('1')}/recall`,
    valid: () => ({ ticketId: made.calledTicket }),
  };
  refuses(
    recall,
    idCases('ticketId', () => made.calledTicket),
  );
  refuses(
    { who: () => clerk01, method: 'POST', url: () => `/api/windows/${W('1')}/status`, valid: () => ({ status: 'paused', reason: '休息' }) },
    [...textCases('reason'), ...textCases('status')],
  );
  accepts(recall, 200);
});

describe('halls: the board notice', () => {
  const notice: Route = {
    who: () => manager,
    method: 'PUT',
    url: () => `/api/halls/${H}/notice`,
    valid: () => ({ notice: '今日下午三点系统维护' }),
  };
  refuses(notice, [
    ...textCases('notice'),
    { field: 'notice', wrong: true, expects: 'string' },
    { field: 'notice', wrong: ['今日'], expects: 'string' },
  ]);
  it('the right type is stored as sent', async () => {
    const res = await manager.put(`/api/halls/${H}/notice`, { notice: '12345' });
    expect(res.json()).toEqual({ notice: '12345' });
  });
});

describe('devices and pairing', () => {
  const pairing: Route = {
    who: () => hall.anonymous,
    method: 'POST',
    url: () => '/api/devices/pairing',
    valid: () => ({ hallId: H, kind: 'board' }),
  };
  refuses(pairing, [...idCases('hallId', () => H), ...textCases('kind')]);
  refuses(
    { who: () => manager, method: 'POST', url: () => `/api/halls/${H}/devices/approve`, valid: () => ({ code: '123456', name: '大屏' }) },
    [{ field: 'code', wrong: 123456, expects: 'string' }],
  );
  refuses({ who: () => manager, method: 'PUT', url: () => `/api/devices/${made.boardId}/settings`, valid: () => ({ silent: true }) }, [
    { field: 'silent', wrong: 'true', expects: 'boolean' },
    { field: 'silent', wrong: 1, expects: 'boolean' },
  ]);
  accepts(pairing, 201);
});

describe('printing', () => {
  const printer: Route = {
    who: () => manager,
    method: 'POST',
    url: () => `/api/halls/${H}/printers`,
    valid: () => ({ name: '导服台打印机', address: '10.9.9.9:9100', paperWidth: 80, windowId: W('2') }),
  };
  refuses(printer, [
    ...idCases('windowId', () => W('2'), 'integer or null'),
    { field: 'paperWidth', wrong: '80', expects: 'number' },
    ...textCases('name'),
  ]);
  accepts(printer, 201);
});

describe('the visitor’s phone', () => {
  const take: Route = {
    who: () => hall.anonymous,
    method: 'POST',
    url: () => '/api/phone/halls/demo/tickets',
    valid: () => ({ serviceId: S('A'), phone: '13812345678' }),
  };
  refuses(take, [...idCases('serviceId', () => S('A')), { field: 'phone', wrong: 13812345678, expects: 'string' }, ...textCases('phone')]);
  accepts(take, 201);
});

describe('bookings: appointment slots and check-in', () => {
  const slot: Route = {
    who: () => manager,
    method: 'POST',
    url: () => `/api/halls/${H}/appointment-slots`,
    valid: () => ({ serviceId: S('B'), weekday: 3, start: '15:00', end: '15:30', capacity: 4 }),
  };
  refuses(slot, [
    ...idCases('serviceId', () => S('B')),
    { field: 'capacity', wrong: '4', expects: 'integer' },
    { field: 'weekday', wrong: 3.5, expects: 'integer' },
    ...textCases('start'),
  ]);
  refuses({ who: () => kiosk, method: 'POST', url: () => `/api/halls/${H}/bookings/check-in`, valid: () => ({ code: '12345678' }) }, [
    { field: 'code', wrong: 12345678, expects: 'string' },
  ]);
  accepts(slot, 201);
});

describe('manager configuration', () => {
  const service: Route = {
    who: () => manager,
    method: 'PUT',
    url: () => `/api/halls/${H}/services/${S('K')}`,
    valid: () => ({ name: '不动产登记（测试）', zoneId: made.zoneId, dailyQuota: 120, expectedMinutes: 12, enabled: true }),
  };
  refuses(service, [
    ...idCases('zoneId', () => made.zoneId, 'integer or null'),
    { field: 'dailyQuota', wrong: '120', expects: 'integer or null' },
    { field: 'expectedMinutes', wrong: '12', expects: 'integer' },
    { field: 'enabled', wrong: 'false', expects: 'boolean' },
    ...textCases('name'),
  ]);
  accepts(service, 200);
});

describe('manager live: who staffs a window', () => {
  const backup: Route = {
    who: () => manager,
    method: 'POST',
    url: () => `/api/windows/${W('2')}/backup`,
    valid: () => ({ backupClerkId: hall.ids.user('clerk01'), reason: '午休顶岗' }),
  };
  refuses(backup, [
    ...idCases('backupClerkId', () => hall.ids.user('clerk01'), 'integer or null'),
    { field: 'backupClerkId', wrong: 'clerk01', expects: 'integer or null' },
    ...textCases('reason'),
  ]);
  accepts(backup, 200);
});

describe('差评 cases', () => {
  const step: Route = {
    who: () => manager,
    method: 'POST',
    url: () => `/api/halls/${H}/cases/${made.caseId}/steps`,
    valid: () => ({ action: 'rectify', note: '已约谈窗口人员' }),
  };
  refuses(step, [
    ...textCases('note'),
    { field: 'action', wrong: 1, expects: 'string' },
    { field: 'note', wrong: ['x'], expects: 'string' },
  ]);
  refuses(
    {
      who: () => manager,
      method: 'POST',
      url: () => `/api/halls/${H}/cases/${made.caseId}/appeal/decision`,
      valid: () => ({ approve: true, note: '同意' }),
    },
    [{ field: 'approve', wrong: 'true', expects: 'boolean' }],
  );
  accepts(step, 200);
});

describe('ratings on the pad', () => {
  const pad = () => hall.device(DEMO_TOKENS.pad('1'));
  const rate: Route = {
    who: pad,
    method: 'POST',
    url: () => '/api/pad/ratings',
    valid: () => ({ ticketId: made.calledTicket, level: 5, reasons: [], comment: '' }),
  };
  beforeAll(async () => {
    // The ticket called at window 1 is served: the pad asks for its rating.
    for (const c of ['start', 'finish']) expect((await clerk01.post(`/api/windows/${W('1')}/${c}`)).statusCode).toBe(200);
  });
  refuses(rate, [
    ...idCases('ticketId', () => made.calledTicket),
    { field: 'level', wrong: '5', expects: 'integer' },
    ...textCases('comment'),
  ]);
  accepts(rate, 200);
});

describe('staff sign-in', () => {
  const login: Route = {
    who: () => hall.anonymous,
    method: 'POST',
    url: () => '/api/auth/login',
    valid: () => ({ username: 'manager', password: 'demo1234' }),
  };
  const failures = async () => (await hall.store.read((tx) => tx.users.byUsername('manager')))!.failedLogins;
  let before = 0;
  beforeAll(async () => {
    before = await failures();
  });
  refuses(login, [
    ...textCases('username'),
    { field: 'username', wrong: true, expects: 'string' },
    { field: 'password', wrong: 12345678, expects: 'string' },
  ]);
  it('no refused attempt counted against the account', async () => {
    expect(await failures()).toBe(before);
  });
  accepts(login, 200);
});

describe('query strings and paths are text on the wire: they still convert', () => {
  it('?after=0&limit=5 reads five events', async () => {
    const res = await manager.get(`/api/halls/${H}/events?after=0&limit=5`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toHaveLength(5);
    expect(res.json()[0].seq).toBe(1);
  });

  it('?limit=2 pages the audit log; ?zoneId= narrows the snapshot', async () => {
    const audit = await manager.get(`/api/halls/${H}/audit?limit=2`);
    expect(audit.statusCode, audit.body).toBe(200);
    expect(audit.json().entries).toHaveLength(2);
    const snapshot = await manager.get(`/api/halls/${H}/snapshot?zoneId=${made.zoneId}`);
    expect(snapshot.statusCode, snapshot.body).toBe(200);
  });

  it('a query value that is not a number is still refused, naming it', async () => {
    const res = await manager.get(`/api/halls/${H}/events?limit=five`);
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain('querystring.limit：类型应为 整数');
  });
});

describe('socket payloads', () => {
  let board: Recorder;
  type Ack = { ok: boolean; data?: { snapshot: { seq: number } }; error?: { code: string; message: string; messageEn: string } };
  const ask = (event: string, payload: unknown) =>
    new Promise<Ack>((resolve) => (board.socket as unknown as { emit: (...a: unknown[]) => void }).emit(event, payload, resolve));

  beforeAll(async () => {
    const base = await hall.app.listen({ port: 0, host: '127.0.0.1' });
    board = await openSocket(base, { token: DEMO_TOKENS.board });
  });
  afterAll(() => board?.close());

  it('hall:sync with lastSeq "5" is refused naming lastSeq; 5 and null are answered', async () => {
    const refused = await ask('hall:sync', { lastSeq: '5' });
    expect(refused.ok).toBe(false);
    expect(refused.error).toMatchObject({ code: 'invalid_input' });
    expect(refused.error!.message).toContain('lastSeq');
    expect(refused.error!.messageEn).toContain('lastSeq');
    for (const lastSeq of [true, [5], -1, 1.5, { seq: 5 }])
      expect((await ask('hall:sync', { lastSeq })).ok, JSON.stringify(lastSeq)).toBe(false);
    expect((await ask('hall:sync', 5)).ok).toBe(false);
    const answered = await ask('hall:sync', { lastSeq: 5 });
    expect(answered.ok).toBe(true);
    expect(answered.data!.snapshot.seq).toBeGreaterThan(5);
    expect((await ask('hall:sync', { lastSeq: null })).ok).toBe(true);
  });

  it('device:heartbeat that is not an object is refused; a wrong state value too; a right one is taken', async () => {
    const before = fingerprint(hall.store);
    for (const info of ['online', 5, [true], { state: { online: 'true' } }]) {
      const reply = await ask('device:heartbeat', info);
      expect(reply.ok, JSON.stringify(info)).toBe(false);
      expect(reply.error).toMatchObject({ code: 'invalid_input' });
    }
    expect(fingerprint(hall.store)).toBe(before);
    expect((await ask('device:heartbeat', { state: { online: true } })).ok).toBe(true);
  });
});
