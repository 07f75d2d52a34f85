/**
 * Reconnect storm: 1,000 boards connected to the real server; the server is killed and started
 * again; every board reconnects on its own, syncs by sequence number and shows the true state,
 * including a call made right after the restart; the server keeps answering HTTP meanwhile.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io, type Socket } from 'socket.io-client';
import { afterAll, describe, expect, it } from 'vitest';
import type { RealtimeEvent, SyncReply } from '../../common/protocol.js';
import { applyEvent } from '../../common/hall-state.js';
import { DEMO_TOKENS } from '../../server/demo/seed.js';
import { freePort, signInOverHttp, startServer, type ServerProcess } from '../helpers/server-process.js';

const SCREENS = 1000;
const dataDir = mkdtempSync(join(tmpdir(), 'hall-storm-'));
const running: ServerProcess[] = [];
const sockets: Socket[] = [];
afterAll(async () => {
  for (const s of sockets) s.close();
  for (const s of running) await s.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

/** A board as the screens run it: sync on every connect, then apply live events by sequence. */
function board(url: string) {
  const state: { snapshot: SyncReply['snapshot'] | null; syncs: number } = { snapshot: null, syncs: 0 };
  const socket = io(url, {
    auth: { token: DEMO_TOKENS.board },
    transports: ['websocket'],
    reconnectionDelay: 300,
    reconnectionDelayMax: 3000,
    randomizationFactor: 0.5,
  });
  sockets.push(socket);
  let pending: RealtimeEvent[] | null = null;
  socket.on('connect', () => {
    pending = [];
    socket
      .timeout(20_000)
      .emit('hall:sync', { lastSeq: state.snapshot?.seq ?? null }, (err: unknown, reply: { ok: boolean; data: SyncReply }) => {
        if (err || !reply.ok) return socket.disconnect().connect();
        let snapshot = reply.data.snapshot;
        for (const e of pending ?? []) snapshot = applyEvent(snapshot, e);
        pending = null;
        state.snapshot = snapshot;
        state.syncs++;
      });
  });
  socket.onAny((_name: string, event: RealtimeEvent) => {
    if (pending) pending.push(event);
    else if (state.snapshot) state.snapshot = applyEvent(state.snapshot, event);
  });
  return state;
}

async function until(check: () => boolean, timeoutMs: number, what: string) {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('reconnect storm', () => {
  it(`${SCREENS} boards come back by themselves after a restart and show the true state`, async () => {
    const port = await freePort();
    const env = { DATA_DIR: dataDir, PORT: String(port) };
    const first = await startServer(env);
    running.push(first);
    const boards = Array.from({ length: SCREENS }, () => board(first.base));
    await until(() => boards.every((b) => b.syncs === 1), 60_000, 'first sync of every board');

    await first.kill('SIGKILL');
    const second = await startServer(env);
    running.push(second);

    // Right after the restart, while the boards storm back: a ticket is issued and called.
    const kiosk = { authorization: `Bearer ${DEMO_TOKENS.kiosk}`, 'content-type': 'application/json' };
    const issued = await (
      await fetch(`${second.base}/api/halls/1/tickets`, { method: 'POST', headers: kiosk, body: JSON.stringify({ serviceId: 1 }) })
    ).json();
    const clerk = await signInOverHttp(second.base, 'clerk01');
    const call = await fetch(`${second.base}/api/windows/1/call-next`, { method: 'POST', headers: clerk, body: '{}' });
    expect(call.status).toBe(200);

    // The server stays responsive during the storm.
    let healthy = 0;
    const health = (async () => {
      for (let i = 0; i < 20; i++) {
        const res = await fetch(`${second.base}/api/health`, { signal: AbortSignal.timeout(15_000) });
        if (res.status === 200) healthy++;
        await new Promise((r) => setTimeout(r, 200));
      }
    })();

    const finalSeq = (await (await fetch(`${second.base}/api/halls/1/events?after=0&limit=1000`, { headers: clerk })).json()).at(-1)
      .seq as number;
    await until(() => boards.every((b) => b.syncs >= 2 && b.snapshot!.seq >= finalSeq), 120_000, 'every board back in sync');
    await health;
    expect(healthy).toBe(20);
    for (const b of boards) {
      expect(b.snapshot!.windows.find((w) => w.id === 1)!.current?.number).toBe(issued.ticket.number);
      expect(b.snapshot!.recentCalls[0]!.number).toBe(issued.ticket.number);
    }
  }, 240_000);
});
