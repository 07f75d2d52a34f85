/**
 * A test hall whose kiosk prints on a virtual printer (printer/virtual-printer.ts) listening on a
 * free local port, with short printer timeouts so fault cases finish quickly.
 */
import { VirtualPrinter, type VirtualPrinterOptions } from '../../printer/virtual-printer.js';
import type { AppOptions } from '../../server/app.js';
import { sha256 } from '../../server/services/auth-service.js';
import { createTestHall, DEMO_TOKENS, type Agent, type TestHall } from '../helpers/app.js';
import type { TestClock } from '../helpers/clock.js';

export interface PrinterHall {
  hall: TestHall;
  printer: VirtualPrinter;
  printerId: number;
  kiosk: Agent;
  issueUrl: string;
  /** Adds a printer device at `address` (the virtual printer's when omitted). */
  addPrinter(options?: { address?: string; windowId?: number | null; paperWidth?: 58 | 80; name?: string }): Promise<number>;
  /** Waits until every print in progress has recorded its outcome. */
  settle(): Promise<void>;
  close(): Promise<void>;
}

export const FAST_TRANSPORT = { connectTimeoutMs: 500, writeTimeoutMs: 500, statusTimeoutMs: 300 };

/** Adds a network printer device to the hall. */
function insertPrinter(
  hall: TestHall,
  o: { address: string; windowId?: number | null; paperWidth?: 58 | 80; name?: string },
): Promise<number> {
  return hall.store.transact(async (tx) => {
    const device = await tx.devices.insert({
      hallId: hall.hallId,
      kind: 'printer',
      name: o.name ?? '测试打印机',
      status: 'active',
      tokenHash: null,
      pairingCode: null,
      pairingExpiresAt: null,
      windowId: o.windowId ?? null,
      zoneId: null,
      printerId: null,
      address: o.address,
      settings: { paperWidth: o.paperWidth ?? 80 },
      state: {},
    });
    return device.id;
  });
}

/** Adds a printer at `address` (80 mm) and makes it the demo kiosk's printer; returns its id. */
export async function addKioskPrinter(hall: TestHall, address: string): Promise<number> {
  const printerId = await insertPrinter(hall, { address, name: '取号机打印机' });
  await hall.store.transact(async (tx) => {
    const kiosk = (await tx.devices.byTokenHash(sha256(DEMO_TOKENS.kiosk)))!;
    await tx.devices.update(kiosk.id, { printerId });
  });
  return printerId;
}

export async function startPrinterHall(
  options: { app?: Partial<AppOptions> & { clock?: TestClock }; printer?: VirtualPrinterOptions } = {},
): Promise<PrinterHall> {
  const printer = new VirtualPrinter({ port: 0, outDir: null, ...options.printer });
  await printer.start();
  const hall = await createTestHall({ printing: { transport: FAST_TRANSPORT }, ...options.app });
  const addPrinter: PrinterHall['addPrinter'] = (o = {}) => insertPrinter(hall, { ...o, address: o.address ?? printer.address });
  const printerId = await addKioskPrinter(hall, printer.address);
  return {
    hall,
    printer,
    printerId,
    kiosk: hall.device(DEMO_TOKENS.kiosk),
    issueUrl: `/api/halls/${hall.hallId}/tickets`,
    addPrinter,
    settle: () => hall.app.printService.idle(),
    async close() {
      await hall.close();
      await printer.stop();
    },
  };
}
