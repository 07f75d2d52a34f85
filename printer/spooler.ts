/**
 * The print queue: one job at a time per printer (a network printer takes one connection at a
 * time), in the order jobs were submitted, and never a stale job. A ticket that waited longer
 * than `maxWaitMs` for its turn is not printed at all: its visitor has been shown the e-ticket
 * and left the kiosk, and a slip that comes out minutes later would be taken by the next visitor.
 * A failed job is never retried here for the same reason; a manager reprints on purpose.
 */
import type { PrintOutcome } from './transport.js';

export interface SpoolerOptions {
  /** Longest a job may wait for its printer before it is dropped as `expired`. */
  maxWaitMs: number;
  now?: () => number;
}

export class PrintSpooler {
  private readonly tails = new Map<string, Promise<unknown>>();
  private readonly depth = new Map<string, number>();
  private readonly now: () => number;

  constructor(private readonly options: SpoolerOptions) {
    this.now = options.now ?? Date.now;
  }

  /** Jobs waiting or printing at `address`. */
  pending(address: string): number {
    return this.depth.get(address) ?? 0;
  }

  /**
   * Queues `task` (usually `printOverTcp` of one job) for the printer at `address`; it runs when
   * the printer's earlier tasks are done, unless it waited too long. Resolves with what
   * happened; never rejects.
   */
  submit(address: string, task: () => Promise<PrintOutcome>): Promise<PrintOutcome> {
    const submitted = this.now();
    this.depth.set(address, this.pending(address) + 1);
    const run = async (): Promise<PrintOutcome> => {
      try {
        if (this.now() - submitted > this.options.maxWaitMs) {
          return { printed: false, problem: 'expired', status: null, detail: `waited ${this.now() - submitted} ms for the printer` };
        }
        return await task();
      } catch (err) {
        return { printed: false, problem: 'printer_error', status: null, detail: err instanceof Error ? err.message : String(err) };
      } finally {
        const left = this.pending(address) - 1;
        if (left > 0) this.depth.set(address, left);
        else this.depth.delete(address);
      }
    };
    const previous = this.tails.get(address) ?? Promise.resolve();
    const result = previous.then(run, run);
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(address, tail);
    void tail.then(() => {
      if (this.tails.get(address) === tail) this.tails.delete(address);
    });
    return result;
  }

  /** Resolves when every queued job has finished (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.tails.size) await Promise.all([...this.tails.values()]);
  }
}
