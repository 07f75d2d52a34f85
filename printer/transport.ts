/**
 * Network transport to an ESC/POS printer on raw TCP (port 9100, "JetDirect"/"RAW"), one job per
 * connection:
 *
 *   1. connect, within `connectTimeoutMs`                      → else `offline`
 *   2. DLE EOT status query before printing, answered within
 *      `statusTimeoutMs`                                        → else `timeout` (nothing printed)
 *   3. refuse to print on paper out, cover open, an error       → that problem (nothing printed)
 *   4. write the job; the socket must take it within
 *      `writeTimeoutMs`                                         → else `timeout`
 *   5. DLE EOT again after the job: paper that ran out while
 *      printing makes the job `paper_out`; paper near its end
 *      is reported but the job counts as printed
 *
 * A printer that does not answer status queries is treated as not working, because a printer
 * that stopped (jammed, asleep) still accepts bytes into its buffer; a job reported as printed
 * must have reached a printer that said it could print. The outcome always carries the last
 * status seen, so the caller can update the device and alert a manager.
 */
import { Socket } from 'node:net';
import type { PrintProblem } from '../common/printing.js';
import { blockingProblem, parseStatus, STATUS_QUERIES, STATUS_QUERY, type PrinterStatus } from './status.js';

export interface TransportOptions {
  connectTimeoutMs: number;
  writeTimeoutMs: number;
  statusTimeoutMs: number;
}

export const DEFAULT_TRANSPORT: TransportOptions = { connectTimeoutMs: 3000, writeTimeoutMs: 5000, statusTimeoutMs: 2000 };

export interface PrintOutcome {
  printed: boolean;
  problem: PrintProblem | null;
  /** The printer's state: after the job when known, else before it; null when it never answered. */
  status: PrinterStatus | null;
  /** Technical detail for the log (socket error code, which step timed out). */
  detail: string | null;
}

/** "host:port" or "host" (port 9100); IPv6 as "[::1]:9100". */
export function parseAddress(address: string): { host: string; port: number } | null {
  const m = /^\s*(?:\[([0-9a-fA-F:.]+)\]|([A-Za-z0-9.-]+))(?::(\d{1,5}))?\s*$/.exec(address);
  if (!m) return null;
  const port = m[3] ? Number(m[3]) : 9100;
  if (port < 1 || port > 65535) return null;
  return { host: (m[1] ?? m[2])!, port };
}

/** Sends one job to the printer at `address`, with the status checks around it. Never throws. */
export function printOverTcp(address: string, job: Uint8Array, options: Partial<TransportOptions> = {}): Promise<PrintOutcome> {
  return withPrinter(address, options, async (conn, opts) => {
    const before = await conn.queryStatus(opts.statusTimeoutMs);
    if (typeof before === 'string')
      return { printed: false, problem: 'timeout', status: null, detail: `status before printing: ${before}` };
    const blocking = blockingProblem(before);
    if (blocking) return { printed: false, problem: blocking, status: before, detail: null };

    const written = await conn.write(job, opts.writeTimeoutMs);
    if (written !== true) return { printed: false, problem: 'timeout', status: before, detail: `writing the job: ${written}` };

    const after = await conn.queryStatus(opts.statusTimeoutMs);
    if (typeof after === 'string') return { printed: true, problem: null, status: before, detail: `status after printing: ${after}` };
    if (after.paper === 'out') return { printed: false, problem: 'paper_out', status: after, detail: 'paper ran out while printing' };
    return { printed: true, problem: null, status: after, detail: null };
  });
}

/** Only the status query: for checking printers between jobs. Never throws. */
export function queryPrinter(address: string, options: Partial<TransportOptions> = {}): Promise<PrintOutcome> {
  return withPrinter(address, options, async (conn, opts) => {
    const status = await conn.queryStatus(opts.statusTimeoutMs);
    if (typeof status === 'string') return { printed: false, problem: 'timeout', status: null, detail: status };
    return { printed: false, problem: blockingProblem(status), status, detail: null };
  });
}

/** Connects to the printer (or says why not), runs `work`, and always closes the connection. */
async function withPrinter(
  address: string,
  options: Partial<TransportOptions>,
  work: (conn: Connection, opts: TransportOptions) => Promise<PrintOutcome>,
): Promise<PrintOutcome> {
  const opts = { ...DEFAULT_TRANSPORT, ...options };
  const target = parseAddress(address);
  if (!target) return { printed: false, problem: 'no_printer', status: null, detail: `bad address "${address}"` };
  const conn = new Connection();
  try {
    const connected = await conn.connect(target.host, target.port, opts.connectTimeoutMs);
    if (connected !== true) return { printed: false, problem: 'offline', status: null, detail: connected };
    return await work(conn, opts);
  } finally {
    conn.close();
  }
}

/** One TCP connection with promise-returning steps; each step answers `true`/a value or a reason. */
class Connection {
  private socket: Socket | null = null;
  private received: number[] = [];
  private waiter: (() => void) | null = null;
  private failure: string | null = null;

  connect(host: string, port: number, timeoutMs: number): Promise<true | string> {
    return new Promise((resolve) => {
      const socket = new Socket();
      this.socket = socket;
      socket.setNoDelay(true);
      const timer = setTimeout(() => {
        resolve(`connect timeout after ${timeoutMs} ms`);
        socket.destroy();
      }, timeoutMs);
      socket.once('connect', () => {
        clearTimeout(timer);
        resolve(true);
      });
      socket.on('error', (err: NodeJS.ErrnoException) => {
        clearTimeout(timer);
        this.failure = err.code ?? err.message;
        resolve(this.failure);
        this.waiter?.();
      });
      socket.on('close', () => {
        this.failure ??= 'connection closed by the printer';
        this.waiter?.();
      });
      socket.on('data', (chunk: Buffer) => {
        for (const b of chunk) this.received.push(b);
        this.waiter?.();
      });
      socket.connect(port, host);
    });
  }

  /** Sends DLE EOT 1–4 and waits for the four answers. */
  async queryStatus(timeoutMs: number): Promise<PrinterStatus | string> {
    this.received = [];
    const sent = await this.write(Uint8Array.from(STATUS_QUERY), timeoutMs);
    if (sent !== true) return sent;
    const answered = await this.waitFor(STATUS_QUERIES.length, timeoutMs);
    if (answered !== true) return answered;
    const bytes = this.received.splice(0, STATUS_QUERIES.length);
    return parseStatus(bytes) ?? `not a status answer: ${bytes.map((b) => b.toString(16).padStart(2, '0')).join(' ')}`;
  }

  /** Resolves when the socket has handed `bytes` to the operating system. */
  write(bytes: Uint8Array, timeoutMs: number): Promise<true | string> {
    const socket = this.socket;
    if (!socket || this.failure) return Promise.resolve(this.failure ?? 'not connected');
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(`no progress for ${timeoutMs} ms`), timeoutMs);
      socket.write(bytes, (err) => {
        clearTimeout(timer);
        resolve(err ? (this.failure ?? err.message) : true);
      });
    });
  }

  private waitFor(count: number, timeoutMs: number): Promise<true | string> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiter = null;
        resolve(`no answer within ${timeoutMs} ms`);
      }, timeoutMs);
      const check = () => {
        if (this.received.length >= count) {
          clearTimeout(timer);
          this.waiter = null;
          resolve(true);
        } else if (this.failure) {
          clearTimeout(timer);
          this.waiter = null;
          resolve(this.failure);
        }
      };
      this.waiter = check;
      check();
    });
  }

  close(): void {
    const socket = this.socket;
    this.socket = null;
    if (!socket) return;
    socket.removeAllListeners('data');
    socket.on('error', () => {});
    // Let the printer read the rest, then go; never hang on a printer that stopped reading.
    socket.end();
    setTimeout(() => socket.destroy(), 1000).unref();
  }
}
