/**
 * The ESC/POS real-time status query (DLE EOT n) and what its answer means, as pure functions.
 *
 * A printer answers each DLE EOT n with one byte, at once, even while it prints or is offline:
 *   n=1 printer status   bit 3: offline
 *   n=2 offline cause    bit 2: cover open · bit 3: paper fed by the FEED button ·
 *                        bit 5: printing stopped by paper end · bit 6: an error occurred
 *   n=3 error cause      bit 3: auto-cutter error · bit 5: unrecoverable · bit 6: auto-recoverable
 *   n=4 paper sensor     bits 2–3: paper near end · bits 5–6: paper end
 * Every answer has bit 1 and bit 4 set and bits 0 and 7 clear; anything else is not an answer.
 */
import type { PrintProblem } from '../common/printing.js';

export const DLE = 0x10;
export const EOT = 0x04;

/** The four queries, in the order `STATUS_QUERY` sends them. */
export const STATUS_QUERIES = [1, 2, 3, 4] as const;
export const STATUS_QUERY: readonly number[] = STATUS_QUERIES.flatMap((n) => [DLE, EOT, n]);

export type PaperState = 'ok' | 'near_end' | 'out';

export interface PrinterStatus {
  online: boolean;
  paper: PaperState;
  coverOpen: boolean;
  /** A mechanical, cutter or unrecoverable error, in words for the manager; null when fine. */
  error: string | null;
}

/** A byte that is a DLE EOT answer (fixed bits: 0001 0010 under mask 1001 0011). */
export const isStatusByte = (b: number): boolean => (b & 0x93) === 0x12;

/**
 * The printer's state from its answers to STATUS_QUERY (one byte each, in order), or null when
 * they are not DLE EOT answers.
 */
export function parseStatus(bytes: ArrayLike<number>): PrinterStatus | null {
  if (bytes.length !== STATUS_QUERIES.length) return null;
  for (let i = 0; i < bytes.length; i++) if (!isStatusByte(bytes[i]!)) return null;
  const [printer, offline, error, paper] = [bytes[0]!, bytes[1]!, bytes[2]!, bytes[3]!];
  const paperOut = (paper & 0x60) !== 0 || (offline & 0x20) !== 0;
  const errors: string[] = [];
  if (error & 0x08) errors.push('cutter');
  if (error & 0x20) errors.push('unrecoverable');
  if (error & 0x40) errors.push('auto_recoverable');
  if (errors.length === 0 && offline & 0x40 && !paperOut && !(offline & 0x04)) errors.push('error');
  return {
    online: (printer & 0x08) === 0,
    paper: paperOut ? 'out' : (paper & 0x0c) !== 0 ? 'near_end' : 'ok',
    coverOpen: (offline & 0x04) !== 0,
    error: errors.length ? errors.join(',') : null,
  };
}

/** The answers a printer in `status` gives to STATUS_QUERY (for the virtual printer and tests of it). */
export function statusBytes(status: PrinterStatus): number[] {
  const stopped = status.paper === 'out' || status.coverOpen || status.error !== null;
  const printer = 0x12 | (stopped || !status.online ? 0x08 : 0);
  const offline = 0x12 | (status.coverOpen ? 0x04 : 0) | (status.paper === 'out' ? 0x20 : 0) | (status.error ? 0x40 : 0);
  const error = 0x12 | (status.error?.includes('cutter') ? 0x08 : 0) | (status.error?.includes('unrecoverable') ? 0x20 : 0);
  const paper = 0x12 | (status.paper === 'near_end' ? 0x0c : status.paper === 'out' ? 0x6c : 0);
  return [printer, offline, error, paper];
}

/** Why a printer cannot print now, or null when it can (paper near its end still prints). */
export function blockingProblem(status: PrinterStatus): PrintProblem | null {
  if (status.paper === 'out') return 'paper_out';
  if (status.coverOpen) return 'cover_open';
  if (status.error) return 'printer_error';
  if (!status.online) return 'offline';
  return null;
}
