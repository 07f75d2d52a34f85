/**
 * What the hall screens need from the server beyond the core: per-device settings a manager sets
 * (language, silent mode, the zone a board shows) that reach the device at once; the staff
 * snapshot's list of screens with last-seen time, online flag and reported state (voice missing);
 * and a board snapshot with enough recent calls to list each ticket once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyEvent } from '../../common/hall-state.js';
import type { HallSnapshot } from '../../common/protocol.js';
import { deviceOnline } from '../../common/domain/devices.js';
import { createTestHall, DEMO_TOKENS, type Agent, type TestHall } from '../helpers/app.js';
import { openSocket, receivedBeforeOwnSettings, type Recorder } from '../helpers/sockets.js';

let hall: TestHall;
let base: string;
let manager: Agent;
let board: Agent;
let boardId: number;
const open: Recorder[] = [];

beforeAll(async () => {
  hall = await createTestHall();
  base = await hall.app.listen({ port: 0, host: '127.0.0.1' });
  manager = await hall.signIn('manager');
  board = hall.device(DEMO_TOKENS.board);
  boardId = (await board.get('/api/devices/me')).json().id;
});
afterAll(async () => {
  for (const s of open) s.close();
  await hall.close();
});

async function socket(auth: Record<string, unknown>, headers?: Record<string, string>): Promise<Recorder> {
  const s = await openSocket(base, auth, headers);
  open.push(s);
  return s;
}
const zoneId = (name: string) => hall.store.read(async (tx) => (await tx.zones.list(hall.hallId)).find((z) => z.name === name)!.id);

describe('device settings', () => {
  it('a manager sets language and silent mode; the board hears it in its own room and reads them back', async () => {
    const boardSocket = await socket({ token: DEMO_TOKENS.board });
    const otherBoard = await socket({ token: DEMO_TOKENS.zoneBoard });
    const res = await manager.put(`/api/devices/${boardId}/settings`, { language: 'en', silent: true });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ id: boardId, zoneId: null, settings: { language: 'en', silent: true } });

    const heard = await boardSocket.waitFor('device:updated');
    expect(heard.data).toMatchObject({ deviceId: boardId, action: 'settings', settings: { language: 'en', silent: true } });
    expect((await receivedBeforeOwnSettings(hall, manager, otherBoard, DEMO_TOKENS.zoneBoard)).names()).not.toContain('device:updated');
    expect((await board.get('/api/devices/me')).json()).toMatchObject({ zoneId: null, settings: { language: 'en', silent: true } });

    // null returns the language to the default; silent stays.
    const cleared = await manager.put(`/api/devices/${boardId}/settings`, { language: null });
    expect(cleared.json()).toMatchObject({ settings: { silent: true } });
    expect(cleared.json().settings).not.toHaveProperty('language');
    await manager.put(`/api/devices/${boardId}/settings`, { silent: false });
  });

  it('refuses what makes no sense, with a message naming the field, and changes nothing', async () => {
    const screenId = (await hall.device(DEMO_TOKENS.windowScreen('1')).get('/api/devices/me')).json().id;
    const before = await hall.store.read((tx) => tx.devices.get(screenId));
    const silentScreen = await manager.put(`/api/devices/${screenId}/settings`, { silent: true });
    expect(silentScreen.statusCode).toBe(400);
    expect(silentScreen.json()).toMatchObject({
      code: 'invalid_input',
      message: expect.stringContaining('综合屏'),
      messageEn: expect.stringContaining('board'),
      details: { field: 'silent' },
    });
    // The zone is a board's binding, not a screen setting: one path sets it (below).
    const zoneHere = await manager.put(`/api/devices/${boardId}/settings`, { zoneId: await zoneId('社会保障服务区') });
    expect(zoneHere.statusCode).toBe(400);
    expect(zoneHere.json()).toMatchObject({
      details: { field: 'zoneId' },
      message: expect.stringContaining('设备绑定'),
      messageEn: expect.stringContaining('PUT /api/halls/:hallId/devices/:deviceId'),
    });
    expect((await manager.put(`/api/devices/${boardId}/settings`, { language: 'fr' })).statusCode).toBe(400);
    expect((await manager.put(`/api/devices/${boardId}/settings`, { silent: 'yes' })).statusCode).toBe(400);
    expect((await manager.put('/api/devices/9999/settings', { silent: true })).statusCode).toBe(404);
    const clerk = await hall.signIn('clerk01');
    expect((await clerk.put(`/api/devices/${boardId}/settings`, { silent: true })).statusCode).toBe(403);
    expect((await board.put(`/api/devices/${boardId}/settings`, { silent: true })).statusCode).toBe(403);
    expect(await hall.store.read((tx) => tx.devices.get(screenId))).toEqual(before);
  });
});

describe('a board’s zone: one path, the device binding', () => {
  const binding = (deviceId: number) => `/api/halls/${hall.hallId}/devices/${deviceId}`;

  it('the board hears the change in its own room, reconnects to the zone and gets the zone’s snapshot; staff see the new zone', async () => {
    const boardSocket = await socket({ token: DEMO_TOKENS.board });
    const otherBoard = await socket({ token: DEMO_TOKENS.zoneBoard });
    const staff = await socket({}, { cookie: manager.headers.cookie! });
    const { snapshot: staffSnapshot } = await staff.sync(null);
    const zone = await zoneId('不动产服务区');
    const res = await manager.put(binding(boardId), { zoneId: zone, reason: '二楼改为不动产专区' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ id: boardId, zoneId: zone });

    const heard = await boardSocket.waitFor('device:updated');
    expect(heard.data).toMatchObject({ deviceId: boardId, action: 'updated', zoneId: zone });
    // What the board does on that event (common/ui/hall-feed.ts): reload itself, reconnect, sync.
    expect((await board.get('/api/devices/me')).json()).toMatchObject({ zoneId: zone });
    const again = await socket({ token: DEMO_TOKENS.board });
    const { snapshot } = await again.sync(null);
    expect(snapshot.zoneScope).toBe(zone);
    expect(snapshot.services.every((s) => s.zoneId === zone)).toBe(true);

    const staffEvent = await staff.waitFor('device:updated', (e) => e.data?.deviceId === boardId);
    expect(applyEvent(staffSnapshot, staffEvent).devices!.find((d) => d.id === boardId)!.zoneId).toBe(zone);
    const audit = await hall.store.read((tx) => tx.events.query({ hallId: hall.hallId, types: ['device:updated'], limit: 1 }));
    expect(audit[0]).toMatchObject({ reason: '二楼改为不动产专区', data: { changes: { zoneId: [null, zone] } } });
    expect((await receivedBeforeOwnSettings(hall, manager, otherBoard, DEMO_TOKENS.zoneBoard)).names()).not.toContain('device:updated');

    expect((await manager.put(binding(boardId), { zoneId: null })).json().zoneId).toBeNull();
  });

  it('only a board shows a zone; an unknown zone is refused', async () => {
    const screenId = (await hall.device(DEMO_TOKENS.windowScreen('1')).get('/api/devices/me')).json().id;
    const onScreen = await manager.put(binding(screenId), { zoneId: await zoneId('社会保障服务区') });
    expect(onScreen.statusCode).toBe(400);
    expect(onScreen.json()).toMatchObject({ message: '只有综合屏可以指定显示的服务区。', details: { field: 'zoneId' } });
    expect((await manager.put(binding(boardId), { zoneId: 9999 })).json().code).toBe('not_found');
  });
});

describe('screens in the staff snapshot', () => {
  it('lists active screens with last-seen time, online flag and reported state; screens do not get the list', async () => {
    hall.clock.advanceMinutes(1);
    await board.post('/api/devices/me/heartbeat', { state: { voiceMissing: true } });
    const snapshot: HallSnapshot = (await manager.get(`/api/halls/${hall.hallId}/snapshot`)).json();
    const row = snapshot.devices!.find((d) => d.id === boardId)!;
    expect(row).toMatchObject({ kind: 'board', name: '大厅综合屏', lastSeenAt: hall.clock(), online: true, state: { voiceMissing: true } });
    // Demo devices never called in: not online.
    expect(snapshot.devices!.find((d) => d.kind === 'kiosk')).toMatchObject({ lastSeenAt: null, online: false });
    expect((await board.get(`/api/halls/${hall.hallId}/snapshot`)).json()).not.toHaveProperty('devices');

    hall.clock.advance(91_000);
    const later: HallSnapshot = (await manager.get(`/api/halls/${hall.hallId}/snapshot`)).json();
    expect(later.devices!.find((d) => d.id === boardId)!.online).toBe(false);
  });

  it('a staff socket gets the list on sync and keeps it current from device events', async () => {
    const staff = await socket({}, { cookie: manager.headers.cookie! });
    const { snapshot } = await staff.sync(null);
    expect(snapshot.devices!.length).toBeGreaterThan(10);
    const pad = hall.device(DEMO_TOKENS.pad('2'));
    const padId = (await pad.get('/api/devices/me')).json().id;
    await pad.post('/api/devices/me/heartbeat', { state: { soundBlocked: true } });
    const event = await staff.waitFor('device:updated', (e) => e.data?.deviceId === padId);
    const next = applyEvent(snapshot, event);
    expect(next.devices!.find((d) => d.id === padId)).toMatchObject({ lastSeenAt: event.at, online: true, state: { soundBlocked: true } });
  });

  it('online means heard from within the offline time', () => {
    const cases: [lastSeenAt: number | null, now: number, seconds: number, online: boolean][] = [
      [null, 1000, 90, false],
      [1000, 1000, 90, true],
      [1000, 91_000, 90, true],
      [1000, 91_001, 90, false],
    ];
    for (const [seen, now, seconds, online] of cases) expect(deviceOnline(seen, now, seconds), `${seen} ${now}`).toBe(online);
  });
});

describe('board snapshot', () => {
  it('carries up to 20 recent calls, enough to list each ticket once after recalls', async () => {
    const kiosk = hall.device(DEMO_TOKENS.kiosk);
    const clerk = await hall.signIn('clerk01');
    const w1 = hall.ids.window('1');
    for (let i = 0; i < 12; i++) {
      await kiosk.post(`/api/halls/${hall.hallId}/tickets`, { serviceId: hall.ids.service('A') });
      expect((await clerk.post(`/api/windows/${w1}/call-next`)).statusCode).toBe(200);
      expect((await clerk.post(`/api/windows/${w1}/recall`)).statusCode).toBe(200);
      await clerk.post(`/api/windows/${w1}/start`);
      expect((await clerk.post(`/api/windows/${w1}/finish`)).statusCode).toBe(200);
    }
    const boardSocket = await socket({ token: DEMO_TOKENS.board });
    expect((await boardSocket.sync(null)).snapshot.recentCalls).toHaveLength(20);
    expect((await board.get(`/api/halls/${hall.hallId}/snapshot`)).json().recentCalls).toHaveLength(20);
    // Other screens keep the short list.
    expect((await hall.device(DEMO_TOKENS.kiosk).get(`/api/halls/${hall.hallId}/snapshot`)).json().recentCalls).toHaveLength(10);
  });
});
