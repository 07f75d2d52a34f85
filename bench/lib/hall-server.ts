/** The real hall server (the built bundle, started as `npm start` runs it) on a fresh demo database. */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedDemoHall } from '../../server/demo/seed.js';
import { databaseFile } from '../../server/store/sqlite/database.js';
import { SqliteStore } from '../../server/store/sqlite/store.js';
import { startChild, stop } from './measure.js';

export interface RunningHall {
  url: string;
  child: ChildProcess;
  serviceIds: number[];
  close(): Promise<void>;
}

/** Seeds the demo hall with quotas lifted (the runs measure speed, not the 号源 limit), then starts the server. */
export async function startHallServer(): Promise<RunningHall> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-hall-'));
  const store = SqliteStore.open(databaseFile(dataDir));
  await seedDemoHall(store, { timezone: 'Asia/Shanghai', virtualPrinterAddress: null });
  const serviceIds = await store.transact(async (tx) => {
    const list = await tx.services.list(1);
    for (const s of list) await tx.services.update(s.id, { dailyQuota: null });
    return list.map((s) => s.id);
  });
  await store.close();
  const { child, url } = await startChild(
    'dist/server/main.js',
    [],
    { DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', VIRTUAL_PRINTER_PORT: '0' },
    /API and screens:\s+(\S+)/,
  );
  return {
    url,
    child,
    serviceIds,
    async close() {
      await stop(child);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Signs in through the API and returns the headers a staff request needs. */
export async function staffHeaders(url: string, username: string): Promise<Record<string, string>> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'demo1234' }),
  });
  if (!res.ok) throw new Error(`sign-in failed: ${await res.text()}`);
  const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
  return { cookie, 'x-csrf-token': ((await res.json()) as { csrfToken: string }).csrfToken, 'content-type': 'application/json' };
}
