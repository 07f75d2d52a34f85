/**
 * Pairing: a screen asks for a code, a manager approves it, the device works with its own token;
 * a revoked device is refused and told why.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestHall, DEMO_TOKENS, type TestHall } from '../helpers/app.js';

let hall: TestHall;
beforeEach(async () => {
  hall = await createTestHall();
});
afterEach(() => hall.close());

describe('pairing', () => {
  it('pending until approved, then active with its window; the token is never stored in clear', async () => {
    const pairing = await hall.anonymous.post('/api/devices/pairing', { hallId: hall.hallId, kind: 'window_screen' });
    expect(pairing.statusCode).toBe(201);
    const { device, token } = pairing.json();
    expect(device).toMatchObject({ status: 'pending', pairingCode: expect.stringMatching(/^\d{6}$/) });
    const screen = hall.device(token);

    const pending = await screen.get(`/api/halls/${hall.hallId}/snapshot`);
    expect(pending.statusCode).toBe(403);
    expect(pending.json().code).toBe('device_pending');
    expect((await screen.get('/api/devices/me')).json().status).toBe('pending');

    const manager = await hall.signIn('manager');
    const missingWindow = await manager.post(`/api/halls/${hall.hallId}/devices/approve`, { code: device.pairingCode, name: '3号窗口屏' });
    expect(missingWindow.json().code).toBe('invalid_input');
    const approved = await manager.post(`/api/halls/${hall.hallId}/devices/approve`, {
      code: device.pairingCode,
      name: '3号窗口屏',
      windowId: hall.ids.window('3'),
    });
    expect(approved.statusCode).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'active', name: '3号窗口屏', windowId: hall.ids.window('3'), pairingCode: null });

    expect((await screen.get(`/api/halls/${hall.hallId}/snapshot`)).statusCode).toBe(200);
    const stored = (await hall.store.sqlite.prepare('SELECT token_hash FROM devices WHERE id = ?').get(device.id)) as {
      token_hash: string;
    };
    expect(stored.token_hash).not.toContain(token);
    expect(stored.token_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('an unknown or expired code is refused clearly', async () => {
    const manager = await hall.signIn('manager');
    expect((await manager.post(`/api/halls/${hall.hallId}/devices/approve`, { code: '000000', name: 'x' })).json().code).toBe(
      'pairing_code_unknown',
    );
    const { device } = (await hall.anonymous.post('/api/devices/pairing', { hallId: hall.hallId, kind: 'board' })).json();
    hall.clock.advanceMinutes(31);
    expect((await manager.post(`/api/halls/${hall.hallId}/devices/approve`, { code: device.pairingCode, name: 'x' })).json().code).toBe(
      'pairing_code_unknown',
    );
  });

  it('a clerk cannot approve a device', async () => {
    const { device } = (await hall.anonymous.post('/api/devices/pairing', { hallId: hall.hallId, kind: 'board' })).json();
    const clerk = await hall.signIn('clerk01');
    expect((await clerk.post(`/api/halls/${hall.hallId}/devices/approve`, { code: device.pairingCode, name: 'x' })).statusCode).toBe(403);
  });

  it('printers are added by managers, not paired', async () => {
    expect((await hall.anonymous.post('/api/devices/pairing', { hallId: hall.hallId, kind: 'printer' })).statusCode).toBe(400);
  });

  it('pairing requests are rate-limited', async () => {
    const limited = await createTestHall({ limits: { pairing: 2 } });
    try {
      const codes = [];
      for (let i = 0; i < 3; i++)
        codes.push((await limited.anonymous.post('/api/devices/pairing', { hallId: limited.hallId, kind: 'board' })).statusCode);
      expect(codes).toEqual([201, 201, 429]);
    } finally {
      await limited.close();
    }
  });
});

describe('revocation and heartbeat', () => {
  it('a revoked device is refused with a reason', async () => {
    const board = hall.device(DEMO_TOKENS.board);
    const me = (await board.get('/api/devices/me')).json();
    const manager = await hall.signIn('manager');
    expect((await manager.post(`/api/devices/${me.id}/revoke`)).json().status).toBe('revoked');
    const res = await board.get(`/api/halls/${hall.hallId}/snapshot`);
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'device_revoked', message: expect.stringContaining('停用') });
  });

  it('heartbeats update last seen; a state change is recorded as an event for managers', async () => {
    const board = hall.device(DEMO_TOKENS.board);
    hall.clock.advanceMinutes(1);
    expect((await board.post('/api/devices/me/heartbeat', {})).json().at).toBe(hall.clock());
    await board.post('/api/devices/me/heartbeat', { state: { voiceMissing: true } });
    const manager = await hall.signIn('manager');
    const list = (await manager.get(`/api/halls/${hall.hallId}/devices`)).json();
    const row = list.find((d: { name: string }) => d.name === '大厅综合屏');
    expect(row).toMatchObject({ lastSeenAt: hall.clock(), state: { voiceMissing: true } });
    const events = await hall.store.read((tx) => tx.events.query({ hallId: hall.hallId, types: ['device:updated'], limit: 5 }));
    expect(events).toHaveLength(1);
  });
});
