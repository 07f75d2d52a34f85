/**
 * Configuration through the manager API: every change is stored, recorded with who and why,
 * reaches the screens at once, and every refusal is a clear bilingual 4xx that writes nothing.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestHall, DEMO_TOKENS, type Agent, type TestHall } from '../helpers/app.js';
import { fingerprint } from '../helpers/fingerprint.js';
import { openSocket } from '../helpers/sockets.js';

let hall: TestHall;
let manager: Agent;
let H: number;

beforeEach(async () => {
  hall = await createTestHall();
  manager = await hall.signIn('manager');
  H = hall.hallId;
});
afterEach(() => hall.close());

const lastEvent = async (type: string) => (await hall.store.read((tx) => tx.events.query({ hallId: H, types: [type], limit: 1 })))[0];
const config = async () => (await manager.get(`/api/halls/${H}/config`)).json();

/** A refused request: the status and code, both languages, and nothing written. */
async function refused(
  send: () => Promise<{ statusCode: number; json(): { code: string; message: string; messageEn: string } }>,
  status: number,
  code: string,
) {
  const before = fingerprint(hall.store);
  const res = await send();
  expect(res.statusCode, JSON.stringify(res.json())).toBe(status);
  expect(res.json()).toMatchObject({ code, message: expect.stringMatching(/[\u4e00-\u9fa5]/), messageEn: expect.stringMatching(/[a-z]/) });
  expect(fingerprint(hall.store)).toBe(before);
  return res.json();
}

describe('the configuration view', () => {
  it('holds the hall, every settings section, zones, services, windows with their rows, staff and devices', async () => {
    const view = await config();
    expect(view.hall).toMatchObject({ id: H, name: '示范县政务服务中心', openingHours: '00:00-24:00' });
    expect(Object.keys(view.settings).sort()).toEqual(['alerts', 'appointment', 'calendar', 'fairness', 'issuing', 'rating', 'voice']);
    expect(view.zones).toHaveLength(6);
    expect(view.services).toHaveLength(21);
    expect(view.windows.find((w: { number: string }) => w.number === '12').rows.map((r: { serviceId: number }) => r.serviceId)).toEqual([
      hall.ids.service('P'),
      hall.ids.service('Q'),
    ]);
    const clerk = view.users.find((u: { username: string }) => u.username === 'clerk01');
    expect(clerk).toMatchObject({
      role: 'clerk',
      disabled: false,
      windowIds: expect.arrayContaining([hall.ids.window('1'), hall.ids.window('8')]),
    });
    expect(JSON.stringify(view.users)).not.toMatch(/passwordHash|argon/);
    expect(view.devices.some((d: { kind: string }) => d.kind === 'pad')).toBe(true);
  });
});

describe('services', () => {
  it('create: stored, on the kiosk list at once, with who and why in the audit log', async () => {
    const base = await hall.app.listen({ port: 0, host: '127.0.0.1' });
    const kioskSocket = await openSocket(base, { token: DEMO_TOKENS.kiosk });
    await kioskSocket.sync(null);
    const zoneId = (await config()).zones[0].id;
    const res = await manager.post(`/api/halls/${H}/services`, {
      name: '灵活就业登记',
      nameEn: 'Flexible employment',
      prefix: 'x',
      zoneId,
      dailyQuota: 80,
      expectedMinutes: 9,
      reason: '新增事项',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ name: '灵活就业登记', prefix: 'X', dailyQuota: 80, enabled: true });
    const live = await kioskSocket.waitFor('hall:updated');
    expect(live.services).toEqual([
      expect.objectContaining({ id: res.json().id, name: '灵活就业登记', prefix: 'X', enabled: true, issuedToday: 0 }),
    ]);
    kioskSocket.close();
    const kioskList = (await hall.device(DEMO_TOKENS.kiosk).get(`/api/halls/${H}/services`)).json();
    expect(kioskList.services.map((s: { prefix: string }) => s.prefix)).toContain('X');
    const event = await lastEvent('hall:updated');
    expect(event).toMatchObject({
      actorKind: 'user',
      actorName: '孙主任',
      reason: '新增事项',
      data: { entity: 'service', action: 'created', changes: { prefix: [null, 'X'] } },
    });
    const audit = (await manager.get(`/api/halls/${H}/audit?q=灵活就业`)).json();
    expect(audit.entries[0]).toMatchObject({ type: 'hall:updated', actorName: '孙主任', reason: '新增事项' });
  });

  it('explicit nulls mean "none": no quota, no zone, the hall’s hours (not coerced to 0)', async () => {
    const res = await manager.post(`/api/halls/${H}/services`, {
      name: '综合咨询',
      prefix: 'ZX',
      zoneId: null,
      dailyQuota: null,
      openingHours: null,
      expectedMinutes: 5,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ zoneId: null, dailyQuota: null, openingHours: null });
    const id = res.json().id;
    await manager.put(`/api/halls/${H}/services/${id}`, { dailyQuota: 50 });
    expect((await manager.put(`/api/halls/${H}/services/${id}`, { dailyQuota: null })).json().dailyQuota).toBeNull();
    const w = hall.ids.window('12');
    expect(
      (
        await manager.put(`/api/halls/${H}/devices/${(await config()).devices.find((d: { kind: string }) => d.kind === 'board').id}`, {
          zoneId: null,
        })
      ).json().zoneId,
    ).toBeNull();
    expect((await manager.post(`/api/windows/${w}/backup`, { backupClerkId: null })).statusCode).toBe(200);
  });

  it('disable: the kiosk stops offering it, its waiting tickets stay', async () => {
    const kiosk = hall.device(DEMO_TOKENS.kiosk);
    const A = hall.ids.service('A');
    await kiosk.post(`/api/halls/${H}/tickets`, { serviceId: A });
    const res = await manager.put(`/api/halls/${H}/services/${A}`, { enabled: false, reason: '系统维护' });
    expect(res.json()).toMatchObject({ enabled: false, name: '社保参保登记' });
    expect((await kiosk.get(`/api/halls/${H}/services`)).json().services.map((s: { id: number }) => s.id)).not.toContain(A);
    expect((await kiosk.post(`/api/halls/${H}/tickets`, { serviceId: A })).json().code).toBe('service_disabled');
    expect((await lastEvent('hall:updated'))!.data).toMatchObject({ changes: { enabled: [true, false] } });
    expect((await hall.store.read((tx) => tx.tickets.waiting(H, '2026-11-23'))).map((t) => t.serviceId)).toContain(A);
  });

  it.each([
    [{ name: '重复前缀', prefix: 'A' }, 409, 'already_exists', 'prefix'],
    [{ name: '社保参保登记', prefix: 'Y' }, 409, 'already_exists', 'name'],
    [{ name: '前缀太长', prefix: 'ABC' }, 400, 'invalid_config'],
    [{ name: '前缀超长', prefix: 'ABCDE' }, 400, 'invalid_input'],
    [{ name: '前缀不对', prefix: '9' }, 400, 'invalid_config'],
    [{ name: '时段', prefix: 'Y', openingHours: '17:00-08:00' }, 400, 'invalid_config'],
    [{ name: '号源', prefix: 'Y', dailyQuota: 0 }, 400, 'invalid_config'],
    [{ name: '服务区', prefix: 'Y', zoneId: 9999 }, 404, 'not_found'],
  ])('refused: %j', async (body, status, code, field?: string) => {
    const answer = (await refused(() => manager.post(`/api/halls/${H}/services`, body), status, code)) as { details?: { field?: string } };
    // A value taken by another service names the field it belongs to, for the form to show it there.
    if (field) expect(answer.details?.field).toBe(field);
  });

  it('an unknown service is a 404, and a clerk may not change services', async () => {
    await refused(() => manager.put(`/api/halls/${H}/services/99999`, { enabled: false }), 404, 'not_found');
    const clerk = await hall.signIn('clerk01');
    await refused(() => clerk.put(`/api/halls/${H}/services/${hall.ids.service('A')}`, { enabled: false }), 403, 'forbidden');
  });
});

describe('zones', () => {
  it('create, rename, and remove only when empty', async () => {
    const created = await manager.post(`/api/halls/${H}/zones`, { name: '医保服务区', nameEn: 'Medical insurance', kind: 'theme' });
    expect(created.json()).toMatchObject({ name: '医保服务区', kind: 'theme' });
    const id = created.json().id;
    await refused(() => manager.post(`/api/halls/${H}/zones`, { name: '医保服务区', kind: 'theme' }), 409, 'already_exists');
    expect((await manager.put(`/api/halls/${H}/zones/${id}`, { name: '医疗保障服务区' })).json().name).toBe('医疗保障服务区');
    const busy = (await config()).zones[0].id;
    const refusal = await refused(
      () => hall.app.inject({ method: 'DELETE', url: `/api/halls/${H}/zones/${busy}`, headers: manager.headers }),
      409,
      'zone_in_use',
    );
    expect(refusal.message).toContain('4 个事项');
    const removed = await hall.app.inject({ method: 'DELETE', url: `/api/halls/${H}/zones/${id}`, headers: manager.headers });
    expect(removed.json()).toEqual({ removed: id });
    expect((await config()).zones.map((z: { id: number }) => z.id)).not.toContain(id);
    expect((await lastEvent('hall:updated'))!.data).toMatchObject({ entity: 'zone', action: 'removed', zoneId: id });
  });
});

describe('windows', () => {
  it('create a window (closed, serving its zone), rename it, print rating slips', async () => {
    const zoneId = (await config()).zones[1].id;
    const res = await manager.post(`/api/halls/${H}/windows`, { number: '17', name: '不动产综合窗口', zoneId, reason: '扩容' });
    expect(res.statusCode, res.body).toBe(200);
    const w = res.json().window;
    expect(w).toMatchObject({ number: '17', status: 'closed', mode: 'zone', zoneId, clerk: null });
    expect(w.serviceIds).toEqual([hall.ids.service('E'), hall.ids.service('F'), hall.ids.service('G')]);
    const updated = await manager.put(`/api/halls/${H}/windows/${w.id}`, { name: '不动产登记窗口', printsRatingSlip: true });
    expect(updated.json().window).toMatchObject({ name: '不动产登记窗口', printsRatingSlip: true });
    expect(await lastEvent('window:updated')).toMatchObject({
      windowId: w.id,
      data: { changes: { name: ['不动产综合窗口', '不动产登记窗口'], printsRatingSlip: [false, true] } },
    });
    expect((await manager.get(`/api/halls/${H}/snapshot`)).json().windows.map((x: { number: string }) => x.number)).toContain('17');
  });

  it('take out of service only when nobody is on it; it leaves the screens', async () => {
    const w5 = hall.ids.window('5'); // closed, nobody signed in
    const w1 = hall.ids.window('1'); // clerk01, open
    await refused(() => manager.put(`/api/halls/${H}/windows/${w1}`, { enabled: false }), 409, 'window_in_service');
    const base = await hall.app.listen({ port: 0, host: '127.0.0.1' });
    const board = await openSocket(base, { token: DEMO_TOKENS.board });
    await board.sync(null);
    expect((await manager.put(`/api/halls/${H}/windows/${w5}`, { enabled: false, reason: '装修' })).statusCode).toBe(200);
    expect((await board.waitFor('window:updated')).removedWindowIds).toEqual([w5]);
    board.close();
    expect((await manager.get(`/api/halls/${H}/snapshot`)).json().windows.map((x: { id: number }) => x.id)).not.toContain(w5);
  });

  it.each([
    [{ number: '1', name: '重复' }, 409, 'already_exists'],
    [{ number: '一', name: '中文号' }, 400, 'invalid_config'],
    [{ number: '20', name: '' }, 400, 'invalid_config'],
  ])('refused: %j', async (body, status, code) => {
    await refused(() => manager.post(`/api/halls/${H}/windows`, body), status, code);
  });
});

describe('staff accounts', () => {
  it('a manager creates a clerk who may staff chosen windows, and can then sign in', async () => {
    const w3 = hall.ids.window('3');
    const res = await manager.post(`/api/halls/${H}/users`, {
      username: 'clerk11',
      displayName: '钱进',
      staffNo: 'ZW0111',
      role: 'clerk',
      password: 'window2026',
      windowIds: [w3],
      reason: '新入职',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ username: 'clerk11', role: 'clerk', hallId: H, disabled: false, windowIds: [w3] });
    const me = (await (await hall.signIn('clerk11', 'window2026')).get('/api/auth/me')).json();
    expect(me.windows.map((w: { id: number }) => w.id)).toEqual([w3]);
    const event = await lastEvent('config:changed');
    expect(event).toMatchObject({ reason: '新入职', data: { entity: 'user', action: 'created', username: 'clerk11' } });
    expect(JSON.stringify(event)).not.toContain('window2026');
  });

  it.each([
    [{ username: 'clerk01', displayName: '重名', role: 'clerk', password: 'window2026' }, 409, 'already_exists'],
    [{ username: 'newbie', displayName: '弱密码', role: 'clerk', password: 'password' }, 400, 'invalid_config'],
    [{ username: 'x', displayName: '短名', role: 'clerk', password: 'window2026' }, 400, 'invalid_config'],
    [{ username: 'boss2', displayName: '新主任', role: 'manager', password: 'window2026' }, 403, 'role_not_allowed'],
  ])('refused: %j', async (body, status, code) => {
    await refused(() => manager.post(`/api/halls/${H}/users`, body), status, code);
  });

  it('an administrator may create a manager', async () => {
    const admin = await hall.signIn('admin');
    const res = await admin.post(`/api/halls/${H}/users`, {
      username: 'manager2',
      displayName: '周主任',
      role: 'manager',
      password: 'window2026',
    });
    expect(res.json()).toMatchObject({ role: 'manager', hallId: H });
  });

  it('disabling ends the person’s sessions at once; nobody disables themselves', async () => {
    const clerk05 = await hall.signIn('clerk05'); // on window 6, open, nobody being served
    const id = hall.ids.user('clerk05');
    const res = await manager.put(`/api/halls/${H}/users/${id}`, { disabled: true, reason: '离职' });
    expect(res.json()).toMatchObject({ disabled: true });
    expect((await clerk05.get('/api/auth/me')).statusCode).toBe(401);
    const w6 = await hall.store.read((tx) => tx.windows.get(hall.ids.window('6')));
    expect(w6).toMatchObject({ clerkId: null, status: 'closed' });
    await expect(hall.signIn('clerk05')).rejects.toThrow(/bad_credentials/);
    await refused(() => manager.put(`/api/halls/${H}/users/${hall.ids.user('manager')}`, { disabled: true }), 403, 'role_not_allowed');
    const admin = await hall.signIn('admin');
    await refused(() => admin.put(`/api/halls/${H}/users/${hall.ids.user('admin')}`, { disabled: true }), 409, 'not_on_yourself');
  });

  it('a clerk serving a visitor is not disabled until the ticket is done', async () => {
    const clerk01 = await hall.signIn('clerk01');
    await hall.device(DEMO_TOKENS.kiosk).post(`/api/halls/${H}/tickets`, { serviceId: hall.ids.service('A') });
    await clerk01.post(`/api/windows/${hall.ids.window('1')}/call-next`);
    await refused(() => manager.put(`/api/halls/${H}/users/${hall.ids.user('clerk01')}`, { disabled: true }), 409, 'user_busy');
  });

  it('reset password: the old one stops working, the new one works, a lock is lifted', async () => {
    const id = hall.ids.user('clerk02');
    hall.store.sqlite.prepare('UPDATE users SET locked_until = ? WHERE id = ?').run(hall.clock() + 3600_000, id);
    await refused(() => manager.post(`/api/halls/${H}/users/${id}/password`, { password: '1234' }), 400, 'invalid_config');
    expect((await manager.post(`/api/halls/${H}/users/${id}/password`, { password: 'fresh2026', reason: '忘记密码' })).json()).toEqual({
      ok: true,
    });
    await expect(hall.signIn('clerk02')).rejects.toThrow();
    expect((await (await hall.signIn('clerk02', 'fresh2026')).get('/api/auth/me')).statusCode).toBe(200);
    expect((await lastEvent('config:changed'))!.data).toMatchObject({ action: 'password_reset', userId: id, endSessions: true });
  });

  it('changes the windows a clerk may staff and their role (by an administrator)', async () => {
    const id = hall.ids.user('clerk09');
    const w12 = hall.ids.window('12');
    expect((await manager.put(`/api/halls/${H}/users/${id}`, { windowIds: [w12, w12], displayName: '周杰伦' })).json()).toMatchObject({
      windowIds: [w12],
      displayName: '周杰伦',
    });
    await refused(() => manager.put(`/api/halls/${H}/users/${id}`, { windowIds: [99999] }), 404, 'not_found');
    await refused(() => manager.put(`/api/halls/${H}/users/${id}`, { role: 'manager' }), 403, 'role_not_allowed');
    const admin = await hall.signIn('admin');
    expect((await admin.put(`/api/halls/${H}/users/${id}`, { role: 'manager' })).json().role).toBe('manager');
  });
});

describe('devices', () => {
  it('rename, move a pad to another window, set a board’s zone, give a kiosk its printer', async () => {
    const devices = (await config()).devices as { id: number; kind: string; name: string; windowId: number | null }[];
    const pad = devices.find((d) => d.kind === 'pad' && d.name === '5号窗口评价器')!;
    const w7 = hall.ids.window('7');
    const moved = await manager.put(`/api/halls/${H}/devices/${pad.id}`, { name: '7号窗口评价器', windowId: w7, reason: '设备调换' });
    expect(moved.json()).toMatchObject({ name: '7号窗口评价器', windowId: w7 });
    expect(await lastEvent('device:updated')).toMatchObject({
      reason: '设备调换',
      data: { deviceId: pad.id, action: 'updated', changes: { windowId: [hall.ids.window('5'), w7] } },
    });
    await refused(() => manager.put(`/api/halls/${H}/devices/${pad.id}`, { windowId: null }), 400, 'invalid_input');

    const board = devices.find((d) => d.kind === 'board' && d.name === '大厅综合屏')!;
    const zoneId = (await config()).zones[3].id;
    expect((await manager.put(`/api/halls/${H}/devices/${board.id}`, { zoneId })).json().zoneId).toBe(zoneId);

    const printer = await manager.post(`/api/halls/${H}/printers`, { name: '入口打印机', address: '192.168.1.50' });
    expect(printer.statusCode).toBe(201);
    expect(printer.json()).toMatchObject({ kind: 'printer', address: '192.168.1.50:9100', status: 'active' });
    await refused(() => manager.post(`/api/halls/${H}/printers`, { name: '重复', address: '192.168.1.50:9100' }), 409, 'already_exists');
    await refused(() => manager.post(`/api/halls/${H}/printers`, { name: '坏地址', address: '192.168.1.500' }), 400, 'invalid_config');
    const kiosk = devices.find((d) => d.kind === 'kiosk')!;
    expect((await manager.put(`/api/halls/${H}/devices/${kiosk.id}`, { printerId: printer.json().id })).json().printerId).toBe(
      printer.json().id,
    );
    await refused(() => manager.put(`/api/halls/${H}/devices/${kiosk.id}`, { printerId: pad.id }), 400, 'invalid_input');
    await refused(() => manager.put(`/api/halls/${H}/devices/${board.id}`, { printerId: printer.json().id }), 400, 'invalid_input');
  });

  it('a revoked device cannot be edited', async () => {
    const board = ((await config()).devices as { id: number; kind: string }[]).find((d) => d.kind === 'board')!;
    await manager.post(`/api/devices/${board.id}/revoke`);
    await refused(() => manager.put(`/api/halls/${H}/devices/${board.id}`, { name: 'x' }), 409, 'device_revoked');
  });
});

describe('settings sections and the hall profile', () => {
  it.each([
    ['voice', { templateZh: '请{number}号到{window}号窗口', rate: 1.1, repeat: 3 }, 'templateZh'],
    ['fairness', { priorityStreakLimit: 2, boostAfterMinutes: 40, noShowGraceMinutes: 20 }, 'priorityStreakLimit'],
    ['rating', { badReasons: ['态度差', '效率低'], padTimeoutSeconds: 45, caseDeadlineWorkingDays: 3 }, 'badReasons'],
    ['calendar', { nonWorkingDays: ['2026-12-25'], extraWorkingDays: ['2026-12-27'] }, 'nonWorkingDays'],
    ['alerts', { waitTargetMinutes: 20, pauseAlertMinutes: 15, deviceOfflineSeconds: 120 }, 'waitTargetMinutes'],
    ['issuing', { selfDeclaredPriority: true, ticketNotice: '请保管好号票', notifyAhead: 5, phoneOnlyInHours: false }, 'ticketNotice'],
    ['appointment', { maxDaysAhead: 10, noShowLimit: 2, blockDays: 14, checkInEarlyMinutes: 20, reminderMinutes: 60 }, 'noShowLimit'],
  ])('%s: stored, effective and recorded', async (section, values, field) => {
    const res = await manager.put(`/api/halls/${H}/settings/${section}`, { values, reason: '按新规定调整' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().values).toMatchObject(values);
    const hallRow = await hall.store.read((tx) => tx.halls.get(H));
    expect((hallRow!.settings as unknown as Record<string, Record<string, unknown>>)[section]).toMatchObject(values);
    expect(await lastEvent('hall:updated')).toMatchObject({
      reason: '按新规定调整',
      data: { entity: 'settings', section, changes: expect.objectContaining({ [field]: expect.any(Array) }) },
    });
  });

  it('the voice reaches the boards’ hall view; the other sections are kept', async () => {
    await manager.put(`/api/halls/${H}/settings/calendar`, { values: { nonWorkingDays: ['2026-12-25'] } });
    await manager.put(`/api/halls/${H}/settings/voice`, { values: { rate: 1.3, repeat: 1 } });
    const snapshot = (await hall.device(DEMO_TOKENS.board).get(`/api/halls/${H}/snapshot`)).json();
    expect(snapshot.hall.voice).toMatchObject({ rate: 1.3, repeat: 1 });
    expect((await config()).settings.calendar.nonWorkingDays).toEqual(['2026-12-25']);
    // The demo opens every weekday: kept, because only the section's named values changed.
    expect((await config()).settings.calendar.openWeekdays).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('the fairness limit takes effect on the next call', async () => {
    // One normal ticket, then two 绿色通道 tickets: with the limit at 1 the window alternates.
    const A = hall.ids.service('A');
    const normal = (await hall.device(DEMO_TOKENS.kiosk).post(`/api/halls/${H}/tickets`, { serviceId: A })).json().ticket.number;
    const p1 = (await manager.post(`/api/halls/${H}/tickets`, { serviceId: A, priority: 'elderly' })).json().ticket.number;
    const p2 = (await manager.post(`/api/halls/${H}/tickets`, { serviceId: A, priority: 'elderly' })).json().ticket.number;
    await manager.put(`/api/halls/${H}/settings/fairness`, { values: { priorityStreakLimit: 1 } });
    const clerk = await hall.signIn('clerk01');
    const w1 = hall.ids.window('1');
    const called: string[] = [];
    for (let i = 0; i < 3; i++) {
      called.push((await clerk.post(`/api/windows/${w1}/call-next`)).json().ticket.number);
      await clerk.post(`/api/windows/${w1}/no-show`);
    }
    expect(called).toEqual([p1, normal, p2]);
  });

  it.each([
    ['voice', { templateZh: '请到窗口' }],
    ['rating', { badReasons: [] }],
    ['calendar', { nonWorkingDays: ['2026-13-01'] }],
    ['alerts', { waitTargetMinutes: 0 }],
    ['issuing', { notifyAhead: -1 }],
    ['issuing', { notifyAhead: 'three' }],
    ['appointment', { maxDaysAhead: 0 }],
    ['appointment', { blockDays: 1.5 }],
    ['appointment', { checkInLateMinutes: 999 }],
    ['alerts', { waitTargetMinutes: 20, waitTargetMinuts: 25 }], // a typo beside a valid change: neither is saved
  ])('%s %j is refused and nothing changes', async (section, values) => {
    await refused(() => manager.put(`/api/halls/${H}/settings/${section}`, { values }), 400, 'invalid_config');
  });

  it('an unknown section is a 400', async () => {
    await refused(() => manager.put(`/api/halls/${H}/settings/weather`, { values: { enabled: false } }), 400, 'invalid_input');
  });

  it('closing appointments takes effect on the phone at once', async () => {
    const A = hall.ids.service('A');
    expect((await hall.anonymous.get(`/api/phone/halls/demo`)).json().appointments).toBe(true);
    await manager.put(`/api/halls/${H}/settings/appointment`, { values: { enabled: false }, reason: '系统维护' });
    expect((await hall.anonymous.get(`/api/phone/halls/demo`)).json().appointments).toBe(false);
    const slots = await hall.anonymous.get(`/api/phone/halls/demo/services/${A}/slots`);
    expect(slots.statusCode).toBe(409);
    expect(slots.json().code).toBe('appointments_off');
  });

  it('the hall’s name and hours', async () => {
    const res = await manager.put(`/api/halls/${H}/profile`, { name: '示范县便民服务中心', openingHours: '08:30-12:00,13:30-17:30' });
    expect(res.json()).toEqual({ hall: { name: '示范县便民服务中心', openingHours: '08:30-12:00,13:30-17:30' } });
    expect((await hall.device(DEMO_TOKENS.board).get(`/api/halls/${H}/snapshot`)).json().hall.name).toBe('示范县便民服务中心');
    await refused(() => manager.put(`/api/halls/${H}/profile`, { openingHours: '8-12' }), 400, 'invalid_config');
  });
});

describe('retries and other halls', () => {
  it('a retried change with the same idempotency key happens once', async () => {
    const body = { name: '补换证', prefix: 'Z' };
    const a = await manager.post(`/api/halls/${H}/services`, body, { idempotencyKey: 'create-service-1' });
    const b = await manager.post(`/api/halls/${H}/services`, body, { idempotencyKey: 'create-service-1' });
    expect(b.json()).toEqual(a.json());
    expect((await config()).services.filter((s: { prefix: string }) => s.prefix === 'Z')).toHaveLength(1);
  });

  it('a manager of another hall cannot read or change this one', async () => {
    const other = await hall.store.transact((tx) =>
      tx.halls.insert({ code: 'x', name: '另一大厅', timezone: 'Asia/Shanghai', openingHours: '', notice: '' }),
    );
    await refused(() => manager.get(`/api/halls/${other.id}/config`), 403, 'wrong_hall');
    await refused(() => manager.post(`/api/halls/${other.id}/zones`, { name: 'z', kind: 'theme' }), 403, 'wrong_hall');
  });
});
