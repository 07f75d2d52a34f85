/**
 * 取号: issuing a ticket inside an open command (the unit of work's transaction), whoever issues
 * it: the kiosk and the guide desk (HallService.issueTicket), the phone (扫码取号) and the
 * appointment check-in, which add their own checks in the same transaction first. Numbers are
 * unique per hall, prefix and service day and never reused (docs/design.md, invariant 2).
 */
import { randomBytes } from 'node:crypto';
import type { IssuedTicketView } from '../../common/phone.js';
import type { PriorityKind, TicketSource } from '../../common/vocabulary.js';
import { isWorkingDay, localTime, withinHours } from '../../common/domain/calendar.js';
import { estimateWaitMinutes } from '../../common/domain/estimate.js';
import { DomainError, errors } from '../../common/domain/errors.js';
import { formatTicketNumber, quotaAllows } from '../../common/domain/numbering.js';
import type { Hall } from '../../common/domain/types.js';
import { requireService } from './guards.js';
import type { CommandContext } from './unit-of-work.js';
import { queueStats, ticketView } from './views.js';

export interface IssueInput {
  hallId: number;
  serviceId: number;
  priority?: PriorityKind;
  source: TicketSource;
  phone?: string | null;
  bookingId?: number | null;
  /** Set by the kiosk route when a printer will print this ticket. */
  printing?: boolean;
  /**
   * The printer that prints this ticket (the kiosk's, or the guide desk's): recorded in the
   * ticket:issued event, which the printing plugin (server/plugins/printing.ts) acts on after
   * commit. Implies `printing`.
   */
  printerId?: number | null;
  /** Opening hours are not checked (phone taking all day). */
  skipHours?: boolean;
  /**
   * An appointment check-in: the place was reserved at booking and the visitor came at the time
   * given, so neither the quota, the opening hours nor a closed window refuses it.
   */
  reserved?: boolean;
}

/** What issuing a ticket answers; publicCode is the visitor's secret for the status page, only returned to whoever issued it. */
export type IssuedTicket = IssuedTicketView;

/** 80 random bits, base32: unguessable, and short enough for a QR code on a ticket. */
export const newPublicCode = (): string => toBase32(randomBytes(10));
function toBase32(bytes: Buffer): string {
  const alphabet = 'abcdefghijkmnpqrstuvwxyz23456789'; // no l, o, 0, 1: easy to read aloud
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += alphabet[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += alphabet[(value << (5 - bits)) & 31];
  return out;
}

/** Tickets queued before this moment count as boosted (the fairness boost after T minutes). */
export const boostBefore = (settings: Hall['settings'], now: number): number => now - settings.fairness.boostAfterMinutes * 60_000;

/**
 * Issues a ticket inside an open command: the checks (service enabled, priority rules, opening
 * hours, quota, open windows), the number, the event. Exported so other commands (phone taking,
 * appointment check-in) can add their own checks in the same transaction and then issue.
 */
export async function issueWithin(c: CommandContext, input: IssueInput): Promise<IssuedTicket> {
  const { tx, ctx, hall, now, emit, actor } = c;
  const service = requireService(ctx, input.serviceId);
  if (!service.enabled) throw errors.serviceDisabled();
  const settings = hall.settings;
  const priority = input.priority ?? 'normal';
  const isStaff = actor.kind === 'user';

  if (priority === 'appointment' && input.source !== 'appointment') {
    throw errors.invalidInput('预约优先号只能通过预约签到取得。', 'Appointment priority comes only from an appointment check-in.');
  }
  if (priority !== 'normal' && priority !== 'appointment' && !isStaff && !settings.issuing.selfDeclaredPriority) {
    throw new DomainError(
      403,
      'priority_needs_staff',
      '绿色通道号请到导办台由工作人员为您取号。',
      'Priority tickets are issued by staff at the guide desk.',
    );
  }

  const local = localTime(now, hall.timezone);
  if (!(isStaff && settings.issuing.staffIgnoresHours)) {
    if (!isWorkingDay(local.date, settings.calendar)) throw errors.notWorkingDay();
    const hours = service.openingHours ?? hall.openingHours;
    if (!input.skipHours && !input.reserved && !withinHours(hours, local.minutes)) throw errors.outsideHours(hours);
  }

  const warnings: string[] = [];
  const openWindows = ctx.openWindowsServing(service.id);
  if (openWindows === 0) {
    if (!settings.issuing.allowWhenNoWindowOpen && !isStaff && !input.reserved) throw errors.noOpenWindow();
    warnings.push('no_open_window');
  }

  // An unlimited service needs no count (it is the longest scan of the issue path).
  if (!input.reserved && service.dailyQuota !== null) {
    const issued = await tx.tickets.countIssued(service.id, ctx.day);
    if (!quotaAllows(service.dailyQuota, issued)) throw errors.quotaReached(service.dailyQuota ?? 0);
  }

  const seq = await tx.tickets.nextSeq(hall.id, ctx.day, service.prefix);
  const ticket = await tx.tickets.insert({
    hallId: hall.id,
    serviceDay: ctx.day,
    prefix: service.prefix,
    seq,
    number: formatTicketNumber(service.prefix, seq),
    publicCode: newPublicCode(),
    serviceId: service.id,
    originalServiceId: service.id,
    priority,
    source: input.source,
    status: 'waiting',
    issuedAt: now,
    queuedAt: now,
    targetWindowId: null,
    windowId: null,
    clerkId: null,
    calledAt: null,
    firstCalledAt: null,
    servingAt: null,
    finishedAt: null,
    noShowAt: null,
    heldAt: null,
    cancelledAt: null,
    cancelReason: null,
    recallCount: 0,
    callReason: null,
    transfers: [],
    phone: input.phone ?? null,
    bookingId: input.bookingId ?? null,
    printStatus: input.printing || input.printerId ? 'pending' : null,
    ratingStatus: null,
    ratingDeadline: null,
  });

  const ahead = await tx.tickets.countAhead(ticket, boostBefore(settings, now));
  const [queue] = await queueStats(tx, ctx, [service.id]);
  const estimateMinutes = estimateWaitMinutes(ahead, queue!.averageMinutes, openWindows);

  await emit(
    {
      type: 'ticket:issued',
      ticketId: ticket.id,
      data: {
        number: ticket.number,
        serviceId: service.id,
        priority,
        source: input.source,
        ...(input.printerId ? { printerId: input.printerId } : {}),
      },
    },
    { ticket, queues: [queue!.view] },
  );
  return {
    ticket: ticketView(ticket),
    publicCode: ticket.publicCode,
    hallName: hall.name,
    serviceName: service.name,
    serviceNameEn: service.nameEn,
    ahead,
    estimateMinutes,
    warnings,
  };
}
