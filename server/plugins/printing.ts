/**
 * Printing wiring: the print service as `app.printService`, subscribed to the event bus (tickets
 * issued for a printer, services finished at windows that print rating slips), the background job
 * that asks every printer for its status, and the base URL printed in QR codes (PUBLIC_URL, else
 * the address this server listens on).
 */
import { networkInterfaces } from 'node:os';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { TransportOptions } from '../../printer/transport.js';
import { PrintService } from '../services/print-service.js';

declare module 'fastify' {
  interface FastifyInstance {
    printService: PrintService;
    /** Base URL of visitor links (QR codes on tickets and on the kiosk), without a trailing slash. */
    publicBase(): string;
  }
}

export interface PrintingOptions {
  /** PUBLIC_URL; null derives the base from the listening address. */
  publicUrl?: string | null;
  transport?: Partial<TransportOptions>;
  maxWaitMs?: number;
}

/** How often every printer is asked for its status between jobs. */
export const CHECK_PRINTERS_MS = 60_000;
/** How long shutdown waits for prints in progress to be recorded. */
const DRAIN_MS = 15_000;

/** The first non-internal IPv4 address: what phones on the hall's network can reach. */
function lanAddress(): string | null {
  for (const list of Object.values(networkInterfaces())) {
    for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) return a.address;
  }
  return null;
}

export default fp<PrintingOptions>(
  async function printingPlugin(app: FastifyInstance, opts) {
    const publicBase = (): string => {
      if (opts.publicUrl) return opts.publicUrl.replace(/\/+$/, '');
      const a = app.server.address();
      if (a && typeof a === 'object') {
        let host = a.address;
        if (host === '0.0.0.0' || host === '::') host = lanAddress() ?? '127.0.0.1';
        return `http://${host.includes(':') ? `[${host}]` : host}:${a.port}`;
      }
      return 'http://127.0.0.1';
    };
    app.decorate('publicBase', publicBase);

    const service = new PrintService(app.unitOfWork, app.hallService, {
      publicBase,
      ...(opts.transport ? { transport: opts.transport } : {}),
      ...(opts.maxWaitMs ? { maxWaitMs: opts.maxWaitMs } : {}),
      log: (message, detail) => app.log.warn(detail, message),
    });
    app.decorate('printService', service);
    const unsubscribe = app.bus.subscribe(service.onEvents);

    app.jobs.every('check-printers', CHECK_PRINTERS_MS, async () => {
      let checked = 0;
      for (const hall of await app.store.read((tx) => tx.halls.list())) checked += await service.checkPrinters(hall.id);
      return checked;
    });

    // Prints in progress record their outcome before the database closes.
    app.addHook('preClose', async () => {
      unsubscribe();
      await Promise.race([service.idle(), new Promise((r) => setTimeout(r, DRAIN_MS).unref())]);
    });
  },
  { name: 'printing', dependencies: ['services', 'jobs'] },
);
