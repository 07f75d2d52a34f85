/**
 * Entry point: reads the configuration, opens (and migrates) the database, seeds the demo hall
 * on an empty database, starts the server and prints the screen URLs. Shuts down gracefully on
 * SIGINT/SIGTERM: stops accepting, lets running requests finish, closes sockets and the database.
 */
import { join, relative } from 'node:path';
import { VirtualPrinter } from '../printer/virtual-printer.js';
import { buildApp, LOG_REDACT, LOG_SERIALIZERS } from './app.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import { DEMO_PASSWORD, DEMO_TOKENS, DEMO_WINDOWS, seedDemoHall } from './demo/seed.js';
import { projectRoot } from './root.js';
import { hashPassword } from './services/auth-service.js';
import { databaseFile } from './store/sqlite/database.js';
import { SqliteStore } from './store/sqlite/store.js';
import type { Store } from './store/store.js';

async function prepareDatabase(store: Store, config: Config): Promise<{ demo: boolean }> {
  const halls = await store.read((tx) => tx.halls.list());
  if (halls.length > 0) return { demo: halls.some((h) => h.code === 'demo') };
  if (config.seedDemo) {
    await seedDemoHall(store, {
      timezone: config.timezone,
      virtualPrinterAddress: config.virtualPrinterPort ? `127.0.0.1:${config.virtualPrinterPort}` : null,
    });
    return { demo: true };
  }
  if (!config.adminUsername || !config.adminPassword || config.adminPassword.length < 10) {
    throw new ConfigError(
      'SEED=none on an empty database needs ADMIN_USERNAME and ADMIN_PASSWORD (at least 10 characters) for the first administrator',
    );
  }
  const passwordHash = await hashPassword(config.adminPassword);
  await store.transact(async (tx) => {
    await tx.halls.insert({
      code: 'hall',
      name: process.env.HALL_NAME || '政务服务中心',
      timezone: config.timezone,
      openingHours: '08:30-12:00,13:30-17:30',
      notice: '',
    });
    await tx.users.insert({
      hallId: null,
      username: config.adminUsername!,
      displayName: '系统管理员',
      staffNo: 'ADMIN',
      role: 'admin',
      passwordHash,
      photoUrl: null,
      disabled: false,
    });
  });
  return { demo: false };
}

/** The demo hall prints to a virtual printer, so a newcomer sees what would be printed. */
async function startVirtualPrinter(config: Config): Promise<VirtualPrinter | null> {
  const printer = new VirtualPrinter({
    host: '127.0.0.1',
    port: config.virtualPrinterPort,
    outDir: join(config.dataDir, 'printer-previews'),
  });
  try {
    await printer.start();
    return printer;
  } catch (err) {
    console.warn(
      `Virtual printer: cannot listen on 127.0.0.1:${config.virtualPrinterPort} (${(err as NodeJS.ErrnoException).code ?? String(err)}); the demo kiosk will show e-tickets.`,
    );
    return null;
  }
}

/** A path relative to the working directory when it lies inside it. */
const shortPath = (path: string): string => {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') ? rel : path;
};

function banner(config: Config, address: string, demo: boolean, printer: VirtualPrinter | null): string {
  const base = config.publicUrl ?? address;
  const lines = [
    '',
    '  政务服务大厅排队叫号系统 / Hall queuing system',
    `  API and screens:  ${base}`,
    `  API reference:    ${base}/docs   (OpenAPI: ${base}/openapi.json)`,
  ];
  if (demo) {
    lines.push(
      '',
      '  Demo hall screens (each URL pairs the browser as a demo device):',
      `    Hall board (综合屏):          ${base}/board#token=${DEMO_TOKENS.board}`,
      `    Zone board (社会保障服务区):  ${base}/board#token=${DEMO_TOKENS.zoneBoard}`,
      `    Window screen (窗口屏) 1:     ${base}/window-screen#token=${DEMO_TOKENS.windowScreen('1')}`,
      `    Kiosk (取号机):               ${base}/kiosk#token=${DEMO_TOKENS.kiosk}`,
      `    Rating pad (评价器) 1:        ${base}/pad#token=${DEMO_TOKENS.pad('1')}`,
      `    扫码取号 (visitor's phone):   ${base}/h/demo`,
      `    预约 (appointments):          ${base}/h/demo/book`,
      `    Clerk console (窗口工作台):   ${base}/clerk`,
      `    Manager console (管理后台):   ${base}/manager`,
      `    (windows 1–${DEMO_WINDOWS.length}: replace the number in the window-screen and pad tokens)`,
      '',
      ...(printer
        ? [
            `  Virtual printer (虚拟打印机):  ${printer.address}, the demo kiosk's ticket printer`,
            `    previews of every job:     ${shortPath(printer.outDir!)}/  (touch paper-out there to simulate 缺纸)`,
            '',
          ]
        : []),
      `  Demo sign-in (password "${DEMO_PASSWORD}"): admin, manager, clerk01 … clerk10`,
      '  This is demo data. For a real hall start with SEED=none ADMIN_USERNAME=… ADMIN_PASSWORD=… on an empty DATA_DIR.',
    );
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  const config = loadConfig();
  const store = SqliteStore.open(databaseFile(config.dataDir));
  const { demo } = await prepareDatabase(store, config);
  const printer = demo && config.virtualPrinterPort ? await startVirtualPrinter(config) : null;
  const app = await buildApp({
    store,
    logger: { level: config.logLevel, redact: LOG_REDACT, serializers: LOG_SERIALIZERS },
    cookieSecure: config.cookieSecure,
    trustProxy: config.trustProxy,
    publicDir: join(projectRoot(), 'dist/public'),
    runJobs: true,
    publicUrl: config.publicUrl,
    notifyWebhookUrl: config.notifyWebhookUrl,
  });

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    app.close().then(
      async () => {
        await printer?.stop();
        process.exit(0);
      },
      (err) => {
        app.log.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));

  const address = await app.listen({ port: config.port, host: config.host });
  console.log(banner(config, address.replace('[::1]', 'localhost'), demo, printer));
}

main().catch((err) => {
  if (err instanceof ConfigError) {
    console.error(`Configuration error: ${err.message}`);
  } else {
    console.error(err);
  }
  process.exit(1);
});
