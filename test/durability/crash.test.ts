/**
 * docs/design.md, invariant 4: a ticket a kiosk was told about survives a crash, and numbering
 * continues. The real server runs as a child process, takes a burst of ticket issues and calls,
 * and is killed with SIGKILL mid-burst; after a restart every acknowledged ticket and call is there,
 * and the numbers have no gap and no duplicate.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_TOKENS } from '../../server/demo/seed.js';
import { signInOverHttp, startServer, type ServerProcess } from '../helpers/server-process.js';

const dataDir = mkdtempSync(join(tmpdir(), 'hall-crash-'));
const running: ServerProcess[] = [];
afterAll(async () => {
  for (const s of running) await s.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

const kioskHeaders = { authorization: `Bearer ${DEMO_TOKENS.kiosk}`, 'content-type': 'application/json' };

describe('crash during a burst', () => {
  it('every acknowledged ticket and call survives SIGKILL; numbering continues without gap or duplicate', async () => {
    const first = await startServer({ DATA_DIR: dataDir });
    running.push(first);
    const hallId = (await (await fetch(`${first.base}/api/halls`)).json())[0].id as number;
    const services = (await (await fetch(`${first.base}/api/halls/${hallId}/services`)).json()).services as {
      id: number;
      prefix: string;
    }[];
    const serviceA = services.find((s) => s.prefix === 'A')!.id;
    const clerk = await signInOverHttp(first.base, 'clerk01');
    const windowId = (await (await fetch(`${first.base}/api/auth/me`, { headers: clerk })).json()).signedInWindowId as number;

    const acked = new Map<string, string>(); // number → public code
    const calledAck: string[] = [];
    let stop = false;
    const deadline = Date.now() + 8_000;
    const issuer = async () => {
      for (let i = 0; i < 400 && !stop && Date.now() < deadline; i++) {
        try {
          const res = await fetch(`${first.base}/api/halls/${hallId}/tickets`, {
            method: 'POST',
            headers: kioskHeaders,
            body: JSON.stringify({ serviceId: serviceA }),
          });
          if (res.status === 201) {
            const body = await res.json();
            acked.set(body.ticket.number, body.publicCode);
          }
        } catch {
          return; // the server died mid-request: that ticket was never acknowledged
        }
      }
    };
    const caller = async () => {
      for (let i = 0; i < 400 && !stop && Date.now() < deadline; i++) {
        try {
          const res = await fetch(`${first.base}/api/windows/${windowId}/call-next`, { method: 'POST', headers: clerk, body: '{}' });
          if (res.status === 200) {
            calledAck.push((await res.json()).ticket.number);
            await fetch(`${first.base}/api/windows/${windowId}/no-show`, { method: 'POST', headers: clerk, body: '{}' });
          }
        } catch {
          return;
        }
      }
    };
    const load = Promise.all([...Array.from({ length: 8 }, issuer), caller()]);
    // Kill once the burst is well under way.
    while (acked.size < 150 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    await first.kill('SIGKILL');
    stop = true;
    await load;
    expect(acked.size).toBeGreaterThanOrEqual(150);
    expect(calledAck.length).toBeGreaterThan(0);

    const second = await startServer({ DATA_DIR: dataDir });
    running.push(second);
    // A few through the API (the status endpoint is rate-limited), all of them in the database below.
    for (const [number, code] of [...acked].slice(-5)) {
      const res = await fetch(`${second.base}/api/tickets/status/${code}`);
      expect(res.status, number).toBe(200);
      expect((await res.json()).ticket.number).toBe(number);
    }
    const next = await fetch(`${second.base}/api/halls/${hallId}/tickets`, {
      method: 'POST',
      headers: kioskHeaders,
      body: JSON.stringify({ serviceId: serviceA }),
    });
    const nextNumber = (await next.json()).ticket.number as string;
    await second.kill('SIGTERM');

    const db = new Database(join(dataDir, 'hall.db'), { readonly: true });
    const rows = db.prepare("SELECT seq, number, public_code AS code, status FROM tickets WHERE prefix = 'A' ORDER BY seq").all() as {
      seq: number;
      number: string;
      code: string;
      status: string;
    }[];
    db.close();
    const byNumber = new Map(rows.map((r) => [r.number, r]));
    for (const [number, code] of acked) expect(byNumber.get(number)?.code, number).toBe(code);
    for (const number of calledAck) expect(byNumber.get(number)?.status, number).not.toBe('waiting');
    const seqs = rows.map((r) => r.seq);
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
    expect(nextNumber).toBe(`A${String(seqs.length).padStart(3, '0')}`);
    expect(seqs.length).toBeGreaterThanOrEqual(acked.size + 1);
  }, 90_000);
});
