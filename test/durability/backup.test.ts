/**
 * An online backup taken while tickets are being issued is consistent, and a server started on
 * the restored copy works and has every ticket acknowledged before the backup began.
 */
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_TOKENS } from '../../server/demo/seed.js';
import { startServer, type ServerProcess } from '../helpers/server-process.js';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'hall-backup-'));
const running: ServerProcess[] = [];
afterAll(async () => {
  for (const s of running) await s.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

describe('online backup', () => {
  it('copies a consistent database during a burst; the restored copy serves', async () => {
    const live = join(dir, 'live');
    const server = await startServer({ DATA_DIR: live });
    running.push(server);
    const headers = { authorization: `Bearer ${DEMO_TOKENS.kiosk}`, 'content-type': 'application/json' };
    const services = ((await (await fetch(`${server.base}/api/halls/1/services`)).json()) as { services: { id: number; prefix: string }[] })
      .services;
    const serviceId = services.find((s) => s.prefix === 'T')!.id; // 帮办代办: no daily quota
    const issue = async () => {
      const res = await fetch(`${server.base}/api/halls/1/tickets`, { method: 'POST', headers, body: JSON.stringify({ serviceId }) });
      return (await res.json()) as { ticket: { number: string }; publicCode: string };
    };
    const before: { ticket: { number: string }; publicCode: string }[] = [];
    for (let i = 0; i < 20; i++) before.push(await issue());

    // Keep issuing while the backup runs.
    let stop = false;
    const during = (async () => {
      for (let i = 0; i < 300 && !stop; i++) await issue();
    })();
    const file = join(dir, 'backup.db');
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'server/cli/backup.ts', file], {
      env: { ...process.env, DATA_DIR: live },
    });
    stop = true;
    await during;
    expect(stdout).toMatch(/^backup ok: /);

    const restored = join(dir, 'restored');
    mkdirSync(restored);
    copyFileSync(file, join(restored, 'hall.db'));
    const second = await startServer({ DATA_DIR: restored });
    running.push(second);
    for (const t of before) {
      const res = await fetch(`${second.base}/api/tickets/status/${t.publicCode}`);
      expect(res.status).toBe(200);
      expect(((await res.json()) as { ticket: { number: string } }).ticket.number).toBe(t.ticket.number);
    }
    // Numbering continues after the last ticket in the copy.
    const next = await fetch(`${second.base}/api/halls/1/tickets`, { method: 'POST', headers, body: JSON.stringify({ serviceId }) });
    expect(next.status).toBe(201);
  }, 90_000);

  it('refuses to overwrite an existing file', async () => {
    const file = join(dir, 'exists.db');
    copyFileSync(join(dir, 'backup.db'), file);
    await expect(
      run(process.execPath, ['--import', 'tsx', 'server/cli/backup.ts', file], { env: { ...process.env, DATA_DIR: join(dir, 'live') } }),
    ).rejects.toMatchObject({ code: 2 });
  });
});
