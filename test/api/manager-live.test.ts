/**
 * The live hall through the manager API: placing clerks (put on a window, move, backup AB角
 * taking over), window status reaching the window's screen, and the alerts with what to do.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Alert, LiveView } from '../../common/manager-protocol.js';
import { createTestHall, DEMO_TOKENS, type Agent, type TestHall } from '../helpers/app.js';
import { fingerprint } from '../helpers/fingerprint.js';
import { openSocket } from '../helpers/sockets.js';

let hall: TestHall;
let manager: Agent;
let H: number;

beforeEach(async () => {
  hall = await createTestHall();
  H = hall.hallId;
  manager = await hall.signIn('manager');
});
afterEach(() => hall.close());

const W = (n: string) => hall.ids.window(n);
const U = (u: string) => hall.ids.user(u);
const windowRow = (n: string) => hall.store.read((tx) => tx.windows.get(W(n)));
const place = (n: string, clerkId: number | null, reason?: string) =>
  manager.post(`/api/windows/${W(n)}/clerk`, { clerkId, ...(reason ? { reason } : {}) });
const issue = (prefix: string) => hall.device(DEMO_TOKENS.kiosk).post(`/api/halls/${H}/tickets`, { serviceId: hall.ids.service(prefix) });
const live = async (): Promise<LiveView> => (await manager.get(`/api/halls/${H}/live`)).json();
const alertsOf = async (kind: Alert['kind']) => (await live()).alerts.filter((a) => a.kind === kind);

describe('placing clerks', () => {
  it('puts a clerk on a window, then moves them: the first window closes behind them', async () => {
    const res = await place('5', U('clerk09'), '上午客流大');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().window).toMatchObject({ clerk: { name: '周杰', staffNo: 'ZW0109' }, status: 'closed' });
    expect((await (await hall.signIn('clerk09')).get('/api/auth/me')).json().signedInWindowId).toBe(W('5'));
    const [event] = await hall.store.read((tx) => tx.events.query({ hallId: H, types: ['window:clerk'], limit: 1 }));
    expect(event).toMatchObject({
      windowId: W('5'),
      actorName: '孙主任',
      reason: '上午客流大',
      data: { action: 'assigned', clerkId: U('clerk09') },
    });

    await manager.post(`/api/windows/${W('5')}/status`, { status: 'open' });
    await place('7', U('clerk09'));
    expect(await windowRow('5')).toMatchObject({ clerkId: null, status: 'closed' });
    expect(await windowRow('7')).toMatchObject({ clerkId: U('clerk09') });
  });

  it('a backup (AB角) takes over an open window without closing it', async () => {
    // clerk03 may not staff window 12 (户籍), until made its backup.
    const refusal = await place('12', U('clerk03'));
    expect(refusal.statusCode).toBe(409);
    expect(refusal.json()).toMatchObject({ code: 'clerk_not_permitted', message: expect.stringContaining('AB角') });
    const backup = await manager.post(`/api/windows/${W('12')}/backup`, { backupClerkId: U('clerk03'), reason: '黄丽下午请假' });
    expect(backup.json().window.backupClerk).toMatchObject({ name: '王芳' });
    // clerk03 is on window 3 now: moving them closes window 3 and keeps 12 open.
    const takeover = await place('12', U('clerk03'), '黄丽请假，AB角顶岗');
    expect(takeover.json().window).toMatchObject({ status: 'open', clerk: { name: '王芳' }, backupClerk: { name: '王芳' } });
    expect(await windowRow('3')).toMatchObject({ clerkId: null, status: 'closed' });
    const clerk08 = await hall.signIn('clerk08');
    expect((await clerk08.get('/api/auth/me')).json().signedInWindowId).toBeNull();
    const clerk03 = await hall.signIn('clerk03');
    await issue('P');
    expect((await clerk03.post(`/api/windows/${W('12')}/call-next`)).json().ticket.number).toBe('P001');
  });

  it('a window’s backup is someone other than its clerk; a closed window cannot be paused', async () => {
    const clerk = (await windowRow('12'))!.clerkId!;
    const same = await manager.post(`/api/windows/${W('12')}/backup`, { backupClerkId: clerk });
    expect(same.statusCode).toBe(409);
    expect(same.json()).toMatchObject({ code: 'backup_is_clerk', messageEn: expect.stringContaining('someone else') });
    expect((await windowRow('12'))!.backupClerkId).toBeNull();
    expect(await windowRow('5')).toMatchObject({ status: 'closed' });
    const paused = await manager.post(`/api/windows/${W('5')}/status`, { status: 'paused', reason: '午休' });
    expect(paused.statusCode).toBe(409);
    expect(paused.json()).toMatchObject({ code: 'window_closed', message: expect.stringContaining('先开放窗口') });
    expect(await windowRow('5')).toMatchObject({ status: 'closed', pauseReason: null });
  });

  it('refused while a visitor is being served (at the window, or by the clerk elsewhere); nothing changes', async () => {
    await issue('A');
    const clerk01 = await hall.signIn('clerk01');
    await clerk01.post(`/api/windows/${W('1')}/call-next`);
    const before = fingerprint(hall.store);
    expect((await place('1', U('clerk10'))).json()).toMatchObject({ code: 'window_busy', message: expect.stringContaining('A001') });
    expect((await place('9', U('clerk01'))).json()).toMatchObject({ code: 'clerk_busy_elsewhere', details: { number: '1' } });
    expect(fingerprint(hall.store)).toBe(before);
  });

  it('taking the clerk off closes the window; disabled staff and unknown people cannot be placed', async () => {
    expect((await place('2', null, '人员调离')).json().window).toMatchObject({ clerk: null, status: 'closed' });
    await manager.put(`/api/halls/${H}/users/${U('clerk10')}`, { disabled: true });
    expect((await place('2', U('clerk10'))).json().code).toBe('invalid_input');
    expect((await place('2', 99999)).json().code).toBe('invalid_input');
    expect((await manager.post(`/api/windows/${W('2')}/backup`, { backupClerkId: U('clerk10') })).json().code).toBe('invalid_input');
  });

  it('clerks cannot place anyone', async () => {
    const clerk01 = await hall.signIn('clerk01');
    expect((await clerk01.post(`/api/windows/${W('1')}/clerk`, { clerkId: U('clerk10') })).statusCode).toBe(403);
    expect((await clerk01.post(`/api/windows/${W('1')}/backup`, { backupClerkId: U('clerk10') })).statusCode).toBe(403);
  });
});

describe('window status reaches the window’s own screen', () => {
  it('a manager pauses window 3 with a reason: its window screen hears it at once', async () => {
    const base = await hall.app.listen({ port: 0, host: '127.0.0.1' });
    const screen = await openSocket(base, { token: DEMO_TOKENS.windowScreen('3') });
    await screen.sync(null);
    const res = await manager.post(`/api/windows/${W('3')}/status`, { status: 'paused', reason: '系统故障' });
    expect(res.statusCode).toBe(200);
    const event = await screen.waitFor('window:status');
    expect(event.window).toMatchObject({ id: W('3'), status: 'paused', pauseReason: '系统故障' });
    expect((await screen.sync(null)).snapshot.windows.find((w) => w.id === W('3'))).toMatchObject({ status: 'paused' });
    screen.close();
  });
});

describe('alerts, each with what to do', () => {
  it('a wait over the hall’s target', async () => {
    await issue('A');
    hall.clock.advanceMinutes(30);
    expect(await alertsOf('wait_over_target')).toEqual([]);
    hall.clock.advanceMinutes(1);
    const [alert] = await alertsOf('wait_over_target');
    expect(alert).toMatchObject({
      severity: 'warning',
      subject: { type: 'service', id: hall.ids.service('A') },
      message: { zh: expect.stringContaining('31 分钟') },
      action: { zh: expect.any(String), en: expect.any(String) },
    });
  });

  it('a window paused too long', async () => {
    await manager.post(`/api/windows/${W('3')}/status`, { status: 'paused', reason: '会议' });
    hall.clock.advanceMinutes(19);
    expect(await alertsOf('window_paused_long')).toEqual([]);
    hall.clock.advanceMinutes(1);
    expect(await alertsOf('window_paused_long')).toEqual([
      expect.objectContaining({
        subject: { type: 'window', id: W('3') },
        message: expect.objectContaining({ zh: '3号窗口已暂停 20 分钟（会议）。' }),
      }),
    ]);
  });

  it('a ticket moved to a closed window: an alert until the window opens or the ticket moves on', async () => {
    const kiosk = hall.device(DEMO_TOKENS.kiosk);
    const b = (await kiosk.post(`/api/halls/${hall.hallId}/tickets`, { serviceId: hall.ids.service('B') })).json();
    expect((await manager.post(`/api/tickets/${b.ticket.id}/transfer`, { toWindowId: W('5'), note: '需不动产窗口协办' })).statusCode).toBe(
      200,
    );
    expect(await alertsOf('window_tickets_stranded')).toEqual([
      expect.objectContaining({ severity: 'critical', subject: { type: 'window', id: W('5') } }),
    ]);
    expect(
      (await manager.post(`/api/tickets/${b.ticket.id}/transfer`, { toServiceId: hall.ids.service('A'), note: '改办社保登记' })).statusCode,
    ).toBe(200);
    expect(await alertsOf('window_tickets_stranded')).toEqual([]);
  });

  it('a service no open window serves: a warning, critical once someone waits', async () => {
    // 不动产 is served by window 4 (its zone) and window 8 (无差别); 5 and 9 are closed.
    await manager.post(`/api/windows/${W('4')}/status`, { status: 'closed' });
    expect(await alertsOf('service_unserved')).toEqual([]);
    await manager.post(`/api/windows/${W('8')}/status`, { status: 'closed' });
    const unserved = await alertsOf('service_unserved');
    const E = hall.ids.service('E');
    expect(unserved.filter((a) => a.subject.id === E)).toEqual([expect.objectContaining({ severity: 'warning' })]);
    await issue('E');
    expect((await alertsOf('service_unserved')).find((a) => a.subject.id === E)).toMatchObject({
      severity: 'critical',
      message: { zh: '“不动产登记”没有开放的窗口办理，1 人在等。' },
    });
  });

  it('devices offline, out of paper, without a Chinese voice', async () => {
    const devices = (await manager.get(`/api/halls/${H}/devices`)).json<{ id: number; kind: string; name: string }[]>();
    const board = devices.find((d) => d.name === '大厅综合屏')!;
    const kiosk = devices.find((d) => d.kind === 'kiosk')!;
    // Nothing has called in yet: every demo device is offline, in one alert that names the first few.
    const offlineText = async () => (await alertsOf('device_offline')).map((a) => a.message.zh).join(' ');
    expect(await alertsOf('device_offline')).toHaveLength(1);
    expect(await offlineText()).toMatch(/^\d+ 台设备离线或从未联网：大厅综合屏、/);
    await hall.device(DEMO_TOKENS.board).post('/api/devices/me/heartbeat', { state: { voiceMissing: true } });
    await hall.device(DEMO_TOKENS.kiosk).post('/api/devices/me/heartbeat', { state: { paper: 'out' } });
    const view = await live();
    expect(await offlineText()).not.toContain('大厅综合屏');
    expect(view.alerts.find((a) => a.kind === 'voice_missing')).toMatchObject({
      subject: { id: board.id },
      action: { zh: expect.stringContaining('语音包') },
    });
    expect(view.alerts.find((a) => a.kind === 'printer_paper')).toMatchObject({
      subject: { id: kiosk.id },
      severity: 'critical',
      action: { zh: expect.stringContaining('热敏纸') },
    });
    hall.clock.advance(91_000);
    expect(await offlineText()).toContain('大厅综合屏');
  });

  it('a new 差评, and today’s counts per window', async () => {
    const clerk01 = await hall.signIn('clerk01');
    const t = (await issue('A')).json().ticket;
    for (const c of ['call-next', 'start', 'finish']) await clerk01.post(`/api/windows/${W('1')}/${c}`);
    await hall.device(DEMO_TOKENS.pad('1')).post('/api/pad/ratings', { ticketId: t.id, level: 2, reasons: ['服务态度差'] });
    const view = await live();
    expect(view.alerts.find((a) => a.kind === 'bad_rating')).toMatchObject({ message: { zh: expect.stringContaining('1号窗口A001') } });
    expect(view.windowsToday[String(W('1'))]).toEqual({ called: 1, served: 1, noShows: 0 });
    expect(view.cases).toEqual({ open: 1, overdue: 0, appeals: 0 });
  });

  it('only managers see the live view', async () => {
    expect((await (await hall.signIn('clerk01')).get(`/api/halls/${H}/live`)).statusCode).toBe(403);
    expect((await hall.device(DEMO_TOKENS.board).get(`/api/halls/${H}/live`)).statusCode).toBe(403);
  });
});
