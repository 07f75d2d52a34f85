/**
 * Printing, on the domain's side: what to print for which event, on which printer, and what the
 * outcome means for the ticket and the printer device.
 *
 * Printing starts from committed events (the printing plugin subscribes to the event bus), so it
 * can never block, fail or undo the ticket transaction: a ticket exists before its first byte is
 * sent. Each print ends with one `recordPrint` command: the ticket's print status (printed /
 * failed), a `ticket:printed` event with the outcome (the kiosk waits for it), and the printer's
 * state (paper, cover, online) with a `device:updated` event for the managers' alerts whenever it
 * changed. A failed print is never retried by itself; a manager reprints on purpose (`reprint`).
 */
import type { DeviceState, PriorityKind } from '../../common/vocabulary.js';
import { slipJob, ticketJob } from '../../printer/layout.js';
import { printOverTcp, queryPrinter, type PrintOutcome, type TransportOptions } from '../../printer/transport.js';
import type { KioskIssueView } from '../../common/phone.js';
import type { PaperWidth, PrinterView, PrintKind, PrintProblem, PrintResult } from '../../common/printing.js';
import { PrintSpooler } from '../../printer/spooler.js';
import { localTime } from '../../common/domain/calendar.js';
import { checkPrinterAddress } from '../../common/domain/config.js';
import { errors } from '../../common/domain/errors.js';
import { SYSTEM, type Actor, type Device } from '../../common/domain/types.js';
import type { StoreTx } from '../store/store.js';
import { deviceView, type DeviceView } from './auth-service.js';
import { configErrors } from './config-service.js';
import type { PublishedEvent } from './event-bus.js';
import { assertHall, assertManager, loadTicket } from './guards.js';
import type { HallService } from './hall-service.js';
import type { CommandContext, UnitOfWork } from './unit-of-work.js';
import type { Idempotency } from './unit-of-work.js';
import type { IssuedTicket } from './issuing.js';
import { isManager } from './guards.js';
import { ticketView } from './views.js';

export interface PrintRequest {
  kind: PrintKind;
  ticketId: number;
  /** The printer to use; null: none was configured (recorded as failed with `no_printer`). */
  printerId: number | null;
  reprint: boolean;
  actor: Actor;
}

export interface PrintServiceOptions {
  /** Base URL for QR codes, e.g. https://hall.example.gov.cn (PUBLIC_URL, else the server's address). */
  publicBase: () => string;
  transport?: Partial<TransportOptions>;
  /** A job that waited longer than this for its printer is dropped (the visitor has the e-ticket). */
  maxWaitMs?: number;
  log?: (message: string, detail: Record<string, unknown>) => void;
}

/** A network printer a manager adds. */
export interface NewPrinter {
  name: string;
  /** host:port (common/domain/config.ts checks it). */
  address: string;
  paperWidth?: PaperWidth;
  /** The window whose rating slips it prints. */
  windowId?: number | null;
}

/** What a manager changes on a printer; what is left out stays. */
export type PrinterChange = Partial<NewPrinter>;

/** Longest a ticket waits for its printer; the kiosk waits a little longer for the outcome. */
export const PRINT_MAX_WAIT_MS = 12_000;

export const PRIORITY_LABELS: Record<PriorityKind, string | null> = {
  normal: null,
  elderly: '老年人',
  disabled: '残疾人',
  military: '军人',
  pregnant: '孕妇',
  appointment: '预约',
};

/** The visitor's status page and the rating page of a ticket. */
export const statusPath = (publicCode: string): string => `/t/${publicCode}`;
export const ratingPath = (publicCode: string): string => `/t/${publicCode}?rate=1`;

export const paperWidthOf = (printer: Pick<Device, 'settings'>): PaperWidth => (printer.settings.paperWidth === 58 ? 58 : 80);

/** A printer that can be sent jobs: an active printer of the hall with an address. */
export const isUsablePrinter = (device: Device | null, hallId: number): device is Device =>
  !!device && device.kind === 'printer' && device.hallId === hallId && device.status === 'active' && !!device.address;

export function printerView(device: Device): PrinterView {
  const s = device.state;
  return {
    id: device.id,
    name: device.name,
    paperWidth: paperWidthOf(device),
    online: typeof s.online === 'boolean' ? s.online : null,
    paper: s.paper ?? null,
    coverOpen: s.coverOpen === true,
    problem: (s.problem as PrintProblem | null | undefined) ?? null,
    lastSeenAt: device.lastSeenAt,
  };
}

/** The printer state a print outcome tells, as stored on the device (only what it tells). */
export function stateFromOutcome(outcome: PrintOutcome): Partial<DeviceState> {
  const problem = outcome.problem === 'expired' || outcome.problem === 'no_printer' ? undefined : outcome.problem;
  if (outcome.status) {
    return {
      online: outcome.status.online || outcome.status.paper === 'out' || outcome.status.coverOpen,
      paper: outcome.status.paper,
      coverOpen: outcome.status.coverOpen,
      printerError: outcome.status.error,
      problem: problem ?? null,
    };
  }
  if (outcome.problem === 'offline' || outcome.problem === 'timeout')
    return { online: false, problem: outcome.problem, printerError: outcome.detail };
  return {};
}

/** The fields of a printer's state a manager is alerted about. */
const ALERT_FIELDS = ['online', 'paper', 'coverOpen', 'printerError', 'problem'] as const;

export class PrintService {
  readonly spooler: PrintSpooler;
  private readonly inFlight = new Set<string>();
  private readonly running = new Set<Promise<unknown>>();

  constructor(
    private readonly uow: UnitOfWork,
    /** For the visitor's status and the queue printed on a ticket. */
    private readonly hallService: HallService,
    private readonly options: PrintServiceOptions,
  ) {
    this.spooler = new PrintSpooler({ maxWaitMs: options.maxWaitMs ?? PRINT_MAX_WAIT_MS, now: () => Date.now() });
  }

  /**
   * The event bus subscriber: a ticket issued for a printer is printed there; a service finished
   * at a window that prints rating slips gets its slip from the window's printer.
   */
  onEvents = (events: PublishedEvent[]): void => {
    const failed = (err: unknown) => this.options.log?.('print outcome not recorded', { err });
    for (const event of events) {
      const { record } = event;
      if (record.type === 'ticket:issued' && typeof record.data.printerId === 'number' && record.ticketId) {
        this.print({ kind: 'ticket', ticketId: record.ticketId, printerId: record.data.printerId, reprint: false, actor: SYSTEM }).catch(
          failed,
        );
      } else if (record.type === 'ticket:finished' && event.message.window?.printsRatingSlip && record.ticketId && record.windowId) {
        const { ticketId, windowId, hallId } = record;
        this.track(
          this.windowPrinter(hallId, windowId).then((printer) =>
            this.print({ kind: 'slip', ticketId, printerId: printer?.id ?? null, reprint: false, actor: SYSTEM }),
          ),
        ).catch(failed);
      }
    }
  };

  /** The printer placed at a window (for its rating slips), if any. */
  async windowPrinter(hallId: number, windowId: number): Promise<Device | null> {
    const devices = await this.uow.read((tx) => tx.devices.list(hallId));
    return devices.find((d) => d.windowId === windowId && isUsablePrinter(d, hallId)) ?? null;
  }

  /** A printer the issuing route may name for a ticket, or null when it cannot print. */
  async usablePrinter(hallId: number, printerId: number | null | undefined): Promise<Device | null> {
    if (!printerId) return null;
    const device = await this.uow.read((tx) => tx.devices.get(printerId));
    return isUsablePrinter(device, hallId) ? device : null;
  }

  /**
   * Prints and records the outcome. Never throws for a printer problem; the same automatic job
   * (kind and ticket) is never run twice at once.
   */
  print(request: PrintRequest): Promise<PrintResult | null> {
    return this.track(this.printOnce(request));
  }

  private track<T>(work: Promise<T>): Promise<T> {
    this.running.add(work);
    work.finally(() => this.running.delete(work)).catch(() => undefined);
    return work;
  }

  /** Resolves when every print in progress has recorded its outcome (shutdown, tests). */
  async idle(): Promise<void> {
    while (this.running.size) await Promise.allSettled([...this.running]);
  }

  private async printOnce(request: PrintRequest): Promise<PrintResult | null> {
    const key = `${request.kind}:${request.ticketId}`;
    if (!request.reprint) {
      if (this.inFlight.has(key)) return null;
      this.inFlight.add(key);
    }
    try {
      const job = await this.prepare(request);
      if (!job) return null;
      let outcome: PrintOutcome;
      if (!job.printer) outcome = { printed: false, problem: 'no_printer', status: null, detail: 'no usable printer' };
      else {
        const address = job.printer.address!;
        outcome = await this.spooler.submit(address, async () => printOverTcp(address, await job.bytes(), this.options.transport));
      }
      if (!outcome.printed)
        this.options.log?.('print failed', {
          kind: request.kind,
          ticketId: request.ticketId,
          printerId: job.printer?.id ?? null,
          problem: outcome.problem,
          detail: outcome.detail,
        });
      return await this.recordPrint(request, job.hallId, job.printer, outcome);
    } finally {
      if (!request.reprint) this.inFlight.delete(key);
    }
  }

  /** A manager prints a ticket or its rating slip again (marked 补打), on a printer of the hall. */
  async reprint(actor: Actor, ticketId: number, input: { kind: PrintKind; printerId?: number | null }): Promise<PrintResult> {
    assertManager(actor);
    const ticket = await this.uow.read((tx) => loadTicket(tx, ticketId));
    assertHall(actor, ticket.hallId);
    if (input.kind === 'slip' && ticket.status !== 'done') {
      throw errors.invalidInput('只有已办结的号票才能打印评价单。', 'Only a finished ticket has a rating slip.');
    }
    let printerId = input.printerId ?? null;
    if (printerId !== null) {
      const printer = await this.uow.read((tx) => tx.devices.get(printerId!));
      if (!printer || printer.kind !== 'printer' || printer.hallId !== ticket.hallId) throw errors.notFound('打印机', 'Printer');
    } else {
      printerId = await this.originalPrinter(ticket.hallId, ticket.id, ticket.windowId, input.kind);
      if (printerId === null) {
        throw errors.invalidInput('找不到原来的打印机，请选择一台打印机。', 'The original printer is not known; choose a printer.');
      }
    }
    const result = await this.print({ kind: input.kind, ticketId, printerId, reprint: true, actor });
    return result!;
  }

  /** Asks every printer of the hall for its status (a background job), so alerts do not wait for a visitor. */
  async checkPrinters(hallId: number): Promise<number> {
    const printers = (await this.uow.read((tx) => tx.devices.list(hallId))).filter((d) => isUsablePrinter(d, hallId));
    // Between jobs only: a busy printer is being checked by its jobs anyway.
    await Promise.all(printers.filter((p) => this.spooler.pending(p.address!) === 0).map((p) => this.checkPrinter(p)));
    return printers.length;
  }

  /** Asks one printer for its status, in turn with its jobs, and records what it said. */
  checkPrinter(printer: Device): Promise<PrinterView> {
    return this.track(
      (async () => {
        const address = printer.address!;
        const outcome = await this.spooler.submit(address, () => queryPrinter(address, this.options.transport));
        await this.uow.command(SYSTEM, printer.hallId, undefined, (c) => updatePrinterState(c, printer.id, outcome));
        return printerView((await this.uow.read((tx) => tx.devices.get(printer.id)))!);
      })(),
    );
  }

  /** The printer a ticket (or its slip) was first printed on. */
  private async originalPrinter(hallId: number, ticketId: number, windowId: number | null, kind: PrintKind): Promise<number | null> {
    if (kind === 'slip') return windowId ? ((await this.windowPrinter(hallId, windowId))?.id ?? null) : null;
    const events = await this.uow.read((tx) => tx.events.query({ hallId, types: ['ticket:printed', 'ticket:issued'], limit: 10_000 }));
    const mine = events.find(
      (e) => e.ticketId === ticketId && typeof e.data.printerId === 'number' && (e.type === 'ticket:issued' || e.data.kind === 'ticket'),
    );
    return (mine?.data.printerId as number | undefined) ?? null;
  }

  /** What to print, read from committed data; null when the ticket no longer wants it. */
  private async prepare(
    request: PrintRequest,
  ): Promise<{ hallId: number; printer: Device | null; bytes: () => Promise<Uint8Array> } | null> {
    const base = this.options.publicBase();
    const found = await this.uow.read(async (tx) => {
      const ticket = await tx.tickets.get(request.ticketId);
      if (!ticket) return null;
      // An automatic ticket print runs once: a retried issue or a replayed event finds it done.
      if (request.kind === 'ticket' && !request.reprint && ticket.printStatus !== 'pending') return null;
      const hall = (await tx.halls.get(ticket.hallId))!;
      const service = await tx.services.get(ticket.serviceId);
      const printerDevice = request.printerId ? await tx.devices.get(request.printerId) : null;
      const printer = isUsablePrinter(printerDevice, hall.id) ? printerDevice : null;
      const window = ticket.windowId ? await tx.windows.get(ticket.windowId) : null;
      const clerk = ticket.clerkId ? await tx.users.get(ticket.clerkId) : null;
      const booking = ticket.bookingId ? await tx.phone.booking(ticket.bookingId) : null;
      return { ticket, hall, service, printer, window, clerk, booking };
    });
    if (!found) return null;
    const { ticket, hall, service, printer, window, clerk, booking } = found;
    const paper = printer ? paperWidthOf(printer) : 80;
    const at = (ms: number) => {
      const local = localTime(ms, hall.timezone);
      return `${local.date} ${local.hhmm}`;
    };
    if (request.kind === 'ticket') {
      const status = await this.hallService.ticketStatus(ticket.publicCode);
      const queue = (await this.hallService.queues(hall.id)).find((q) => q.serviceId === ticket.serviceId);
      return {
        hallId: hall.id,
        printer,
        bytes: () =>
          ticketJob(
            {
              hallName: hall.name,
              number: ticket.number,
              serviceName: service?.name ?? '',
              ahead: status.ahead,
              estimateMinutes: status.estimate?.minutes ?? 0,
              noOpenWindow: ticket.status === 'waiting' && queue?.openWindows === 0,
              priorityLabel: PRIORITY_LABELS[ticket.priority],
              appointment: ticket.priority === 'appointment' && booking ? { start: booking.start, end: booking.end } : null,
              issuedAt: at(ticket.issuedAt),
              statusUrl: base + statusPath(ticket.publicCode),
              notice: hall.settings.issuing.ticketNotice,
              reprint: request.reprint,
            },
            paper,
          ),
      };
    }
    return {
      hallId: hall.id,
      printer,
      bytes: () =>
        slipJob(
          {
            hallName: hall.name,
            windowNumber: window?.number ?? '',
            windowName: window?.name ?? '',
            staffNo: clerk?.staffNo ?? '',
            number: ticket.number,
            serviceName: service?.name ?? '',
            finishedAt: at(ticket.finishedAt ?? ticket.issuedAt),
            ratingUrl: base + ratingPath(ticket.publicCode),
            reprint: request.reprint,
          },
          paper,
        ),
    };
  }

  /**
   * One command per print: the ticket's print status, the `ticket:printed` event (public: the
   * kiosk learns the outcome), and the printer's state with `device:updated` when it changed.
   */
  private recordPrint(request: PrintRequest, hallId: number, printer: Device | null, outcome: PrintOutcome): Promise<PrintResult> {
    return this.uow.command(request.actor, hallId, undefined, async (c) => {
      let ticket = (await c.tx.tickets.get(request.ticketId))!;
      const status = outcome.printed ? 'printed' : 'failed';
      // A ticket that printed once stays printed when a later reprint fails.
      if (request.kind === 'ticket' && ticket.printStatus !== status && !(status === 'failed' && ticket.printStatus === 'printed')) {
        ticket = (await c.tx.tickets.update(ticket.id, ticket.version, { printStatus: status })) ?? ticket;
      }
      const data = {
        ticketId: ticket.id,
        kind: request.kind,
        status,
        printed: outcome.printed,
        problem: outcome.problem,
        printerId: printer?.id ?? request.printerId,
        reprint: request.reprint,
      };
      // The technical detail (socket error, which step timed out) goes to the log, not to screens.
      await c.emit(
        { type: 'ticket:printed', ticketId: ticket.id, windowId: ticket.windowId, reason: outcome.problem, data },
        { ticket, publicData: data },
      );
      if (printer) await updatePrinterState(c, printer.id, outcome);
      return {
        kind: request.kind,
        printed: outcome.printed,
        problem: outcome.problem,
        printerId: data.printerId,
        ticket: ticketView(ticket),
      };
    });
  }

  // ---------------------------------------------------------------------------------------------
  // Issuing at a kiosk or the guide desk: taking a number (POST /halls/:hallId/tickets) and an
  // appointment check-in (POST /halls/:hallId/bookings/check-in) print on the same printer and
  // answer the same way, so the kiosk shows and follows both alike.

  /**
   * The printer a ticket issued by this caller prints on: a kiosk prints on its own printer (none
   * when it has no usable one, and the visitor gets an e-ticket) and ignores `askedPrinterId`;
   * staff at the guide desk name theirs, and an unknown or unusable one is a 404 before anything
   * is issued.
   */
  async issuingPrinter(device: Device | null, hallId: number, askedPrinterId: number | undefined): Promise<number | null> {
    if (device) return (await this.usablePrinter(hallId, device.printerId))?.id ?? null;
    if (askedPrinterId === undefined) return null;
    const printer = await this.usablePrinter(hallId, askedPrinterId);
    if (!printer) throw errors.notFound('打印机', 'Printer');
    return printer.id;
  }

  /** The issue answer: the ticket, its status page URL (the QR code), and what happened to the paper so far. */
  async issueView(issued: IssuedTicket, printerId: number | null): Promise<KioskIssueView> {
    // A retried request may find its print done already.
    const status = printerId ? ((await this.uow.read((tx) => tx.tickets.get(issued.ticket.id)))?.printStatus ?? 'pending') : 'none';
    return { ...issued, statusUrl: this.options.publicBase() + statusPath(issued.publicCode), print: { status, printerId } };
  }

  /** What a kiosk needs to know about itself: its hall, the issuing rules it must show, whether it offers 预约签到, its printer. */
  async kioskView(kiosk: Device) {
    const [hall, printer] = await this.uow.read(
      async (tx) => [await tx.halls.get(kiosk.hallId), kiosk.printerId ? await tx.devices.get(kiosk.printerId) : null] as const,
    );
    if (!hall) throw errors.notFound('大厅', 'Hall');
    return {
      now: this.uow.clock(),
      hall: { id: hall.id, name: hall.name, timezone: hall.timezone },
      device: { id: kiosk.id, name: kiosk.name },
      issuing: {
        selfDeclaredPriority: hall.settings.issuing.selfDeclaredPriority,
        allowWhenNoWindowOpen: hall.settings.issuing.allowWhenNoWindowOpen,
      },
      // The hall takes appointments: the kiosk offers 预约签到.
      appointments: hall.settings.appointment.enabled,
      printer: isUsablePrinter(printer, hall.id) ? printerView(printer) : null,
      publicBase: this.options.publicBase(),
    };
  }

  // ---------------------------------------------------------------------------------------------
  // Network printers (manager): add, change, ask for the status now

  /** Adds a network printer to the hall; a window's printer prints that window's rating slips. */
  async addPrinter(actor: Actor, hallId: number, input: NewPrinter, idempotency?: Idempotency): Promise<DeviceView> {
    const address = checkPrinterAddress(input.address);
    const name = input.name.trim();
    if (!name) throw printerNameMissing();
    return this.uow.command(actor, hallId, idempotency, async ({ tx, ctx, emit }) => {
      if (!isManager(actor)) throw errors.forbidden();
      const windowId = input.windowId ?? null;
      if (windowId !== null && !ctx.windowById.has(windowId)) throw errors.notFound('窗口', 'Window');
      await assertAddressFree(tx, hallId, address, null);
      const device = await tx.devices.insert({
        hallId,
        kind: 'printer',
        name,
        status: 'active',
        tokenHash: null,
        pairingCode: null,
        pairingExpiresAt: null,
        windowId,
        zoneId: null,
        printerId: null,
        address,
        settings: { paperWidth: input.paperWidth ?? 80 },
        state: {},
      });
      await emit({ type: 'device:updated', data: { deviceId: device.id, kind: 'printer', action: 'added' } }, { deviceIds: [device.id] });
      return deviceView(device);
    });
  }

  /** Changes a printer's name, address, paper width or window; what is not given stays. */
  async updatePrinter(actor: Actor, printerId: number, input: PrinterChange, idempotency?: Idempotency): Promise<DeviceView> {
    const printer = await this.printerById(printerId);
    const address = input.address !== undefined ? checkPrinterAddress(input.address) : undefined;
    const name = input.name?.trim();
    if (name === '') throw printerNameMissing();
    return this.uow.command(actor, printer.hallId, idempotency, async ({ tx, ctx, emit }) => {
      if (!isManager(actor)) throw errors.forbidden();
      if (input.windowId != null && !ctx.windowById.has(input.windowId)) throw errors.notFound('窗口', 'Window');
      if (address) await assertAddressFree(tx, printer.hallId, address, printerId);
      const current = (await tx.devices.get(printerId))!;
      await tx.devices.update(printerId, {
        ...(name ? { name } : {}),
        ...(address ? { address } : {}),
        ...(input.windowId !== undefined ? { windowId: input.windowId } : {}),
        ...(input.paperWidth ? { settings: { ...current.settings, paperWidth: input.paperWidth } } : {}),
      });
      const updated = (await tx.devices.get(printerId))!;
      await emit({ type: 'device:updated', data: { deviceId: printerId, kind: 'printer', action: 'changed' } }, { deviceIds: [printerId] });
      return deviceView(updated);
    });
  }

  /** A manager asks a printer of their hall for its status now (DLE EOT), without printing. */
  async checkPrinterNow(actor: Actor, printerId: number): Promise<PrinterView> {
    const printer = await this.printerById(printerId);
    assertHall(actor, printer.hallId);
    if (!isUsablePrinter(printer, printer.hallId))
      throw errors.invalidInput('此打印机已停用或没有地址。', 'This printer is revoked or has no address.');
    return this.checkPrinter(printer);
  }

  /** A printer by its id; any other device, or none, is not found. */
  private async printerById(printerId: number): Promise<Device> {
    const printer = await this.uow.read((tx) => tx.devices.get(printerId));
    if (!printer || printer.kind !== 'printer') throw errors.notFound('打印机', 'Printer');
    return printer;
  }
}

/** Stores what the outcome told about the printer; an alert-worthy change is a `device:updated` event. */
async function updatePrinterState(
  { tx, emit, now }: Pick<CommandContext, 'tx' | 'emit' | 'now'>,
  printerId: number,
  outcome: PrintOutcome,
): Promise<void> {
  const printer = await tx.devices.get(printerId);
  if (!printer) return;
  const told = stateFromOutcome(outcome);
  const merged: DeviceState = { ...printer.state, ...told };
  const reachable = outcome.status !== null;
  const changed = ALERT_FIELDS.some((k) => JSON.stringify(merged[k] ?? null) !== JSON.stringify(printer.state[k] ?? null));
  if (!changed) {
    if (reachable) await tx.devices.update(printerId, { lastSeenAt: now });
    return;
  }
  await tx.devices.update(printerId, { state: merged, ...(reachable ? { lastSeenAt: now } : {}) });
  const data = { deviceId: printerId, kind: 'printer', action: 'state', state: merged, alert: alertOf(merged), reachable };
  // Staff consoles update their list of devices from the message (device:updated is staff-only).
  await emit({ type: 'device:updated', data }, { deviceIds: [printerId], publicData: data });
}

/** The alert a manager should see for a printer's state, or null when it is fine. */
export function alertOf(state: DeviceState): string | null {
  if (state.online === false) return state.problem === 'timeout' ? 'printer_no_answer' : 'printer_offline';
  if (state.paper === 'out') return 'paper_out';
  if (state.coverOpen) return 'cover_open';
  if (state.printerError) return 'printer_error';
  if (state.paper === 'near_end') return 'paper_near_end';
  return null;
}

const printerNameMissing = () => errors.invalidInput('请填写打印机名称。', 'Give the printer a name.', { field: 'name' });

/** Two active printers at one address would print each other's jobs: refused. */
async function assertAddressFree(tx: StoreTx, hallId: number, address: string, exceptId: number | null): Promise<void> {
  const taken = (await tx.devices.list(hallId)).some(
    (d) => d.kind === 'printer' && d.status === 'active' && d.address === address && d.id !== exceptId,
  );
  if (taken) throw configErrors.taken('打印机地址', 'printer address', address, 'address');
}
