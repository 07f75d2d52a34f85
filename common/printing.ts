/**
 * What the server answers about printers and print jobs: shared by the print service and the
 * manager console, so both sides are checked by the compiler.
 */
import type { TicketView } from './protocol.js';
import type { DeviceState } from './vocabulary.js';

/** Paper width in millimetres. */
export type PaperWidth = 58 | 80;

/** A visitor's ticket, or the rating slip of a finished service. */
export type PrintKind = 'ticket' | 'slip';

/** Why a job did not print, or what stops the printer from printing. */
export type PrintProblem = 'offline' | 'timeout' | 'paper_out' | 'cover_open' | 'printer_error' | 'expired' | 'no_printer';

export interface PrintResult {
  kind: PrintKind;
  printed: boolean;
  problem: PrintProblem | null;
  printerId: number | null;
  ticket: TicketView;
}

/** What a kiosk or a manager sees of a printer. */
export interface PrinterView {
  id: number;
  name: string;
  paperWidth: PaperWidth;
  online: boolean | null;
  paper: DeviceState['paper'] | null;
  coverOpen: boolean;
  problem: PrintProblem | null;
  lastSeenAt: number | null;
}
