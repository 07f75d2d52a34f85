/**
 * The kiosk's rules, as pure functions (tested in node): what a service tile says, which
 * services a search finds, what a refusal from the server means for the visitor, what the
 * printing outcome means for the ticket on screen, and how long each screen stays.
 */
import type { QueueView, ServiceView, ZoneView } from '../../common/protocol.js';
import type { PriorityKind } from '../../common/vocabulary.js';
import { localTime, withinHours } from '../../common/domain/calendar.js';

/** Seconds without a touch before the start screen resets (zone, search, large text). */
export const IDLE_RESET_S = 60;
/** Seconds a printed ticket stays on screen. */
export const TICKET_PRINTED_S = 20;
/** Seconds an e-ticket (not printed) stays: time to scan the code. */
export const TICKET_ETICKET_S = 60;
/** Seconds a refusal stays before the start screen comes back. */
export const NOTICE_S = 20;
/** How long the kiosk waits for the printer's outcome before it offers the e-ticket anyway. */
export const PRINT_WAIT_MS = 15_000;
/** A staff session at the guide desk signs out after this long without a touch. */
export const STAFF_IDLE_S = 600;
/** How long one issue request may take before the kiosk says the server did not answer. */
export const ISSUE_TIMEOUT_MS = 8000;

export type TileState = 'open' | 'no_window' | 'no_window_closed' | 'quota_full' | 'outside_hours';

export interface Tile {
  service: ServiceView;
  waiting: number;
  estimateMinutes: number;
  state: TileState;
  /** Numbers left today when the quota is nearly used up (≤ 20), else null. */
  left: number | null;
}

/** What the tile of a service shows now. The server still decides when it is tapped. */
export function tileOf(
  service: ServiceView,
  queue: QueueView | undefined,
  now: number,
  timezone: string,
  allowWhenNoWindowOpen: boolean,
): Tile {
  const waiting = queue?.waiting ?? 0;
  const left = service.dailyQuota === null ? null : Math.max(0, service.dailyQuota - service.issuedToday);
  let state: TileState = 'open';
  if (left === 0) state = 'quota_full';
  else if (!withinHours(service.openingHours, localTime(now, timezone).minutes)) state = 'outside_hours';
  else if ((queue?.openWindows ?? 0) === 0) state = allowWhenNoWindowOpen ? 'no_window' : 'no_window_closed';
  return { service, waiting, estimateMinutes: queue?.estimateMinutes ?? 0, state, left: left !== null && left <= 20 ? left : null };
}

/** Tiles can be taken (the server may still refuse) unless they are known to be refused. */
export const tileTakesNumbers = (state: TileState): boolean => state === 'open' || state === 'no_window';

/** The services of a zone, in the hall's order. */
export const servicesOfZone = (services: ServiceView[], zoneId: number | null): ServiceView[] =>
  services.filter((s) => s.enabled && s.zoneId === zoneId);

const fold = (text: string): string => text.toLowerCase().replace(/\s+/g, '');

/**
 * Services whose name (Chinese or English), zone or ticket prefix contains the query, ignoring
 * case and spaces; every word of a query with spaces must match. Names that start with the query
 * come first.
 */
export function searchServices(services: ServiceView[], zones: ZoneView[], query: string): ServiceView[] {
  const words = query.trim().toLowerCase().split(/\s+/).filter(Boolean).map(fold);
  if (words.length === 0) return [];
  const zoneName = new Map(zones.map((z) => [z.id, `${z.name} ${z.nameEn}`]));
  const hits = services.filter((s) => {
    if (!s.enabled) return false;
    const haystack = fold(`${s.name} ${s.nameEn} ${zoneName.get(s.zoneId ?? -1) ?? ''} ${s.prefix}`);
    return words.every((w) => haystack.includes(w));
  });
  const first = words[0]!;
  const starts = (s: ServiceView) => fold(s.name).startsWith(first) || fold(s.nameEn).startsWith(first);
  return [...hits.filter(starts), ...hits.filter((s) => !starts(s))];
}

/** The refusals a visitor can be told about, grouped by what the kiosk shows (the last six: 预约签到). */
export type NoticeKind =
  | 'quota'
  | 'hours'
  | 'closed_day'
  | 'no_window'
  | 'disabled'
  | 'priority_staff'
  | 'busy'
  | 'offline'
  | 'other'
  | 'check_in_early'
  | 'check_in_late'
  | 'check_in_other_day'
  | 'booking_missed'
  | 'booking_cancelled'
  | 'booking_checked_in';

export function noticeKind(code: string | null): NoticeKind {
  switch (code) {
    case 'quota_reached':
      return 'quota';
    case 'outside_hours':
      return 'hours';
    case 'not_working_day':
      return 'closed_day';
    case 'no_open_window':
      return 'no_window';
    case 'service_disabled':
      return 'disabled';
    case 'priority_needs_staff':
      return 'priority_staff';
    case 'check_in_too_early':
      return 'check_in_early';
    case 'check_in_too_late':
      return 'check_in_late';
    case 'check_in_not_today':
      return 'check_in_other_day';
    case 'booking_no_show':
      return 'booking_missed';
    case 'booking_cancelled':
      return 'booking_cancelled';
    case 'booking_checked_in':
      return 'booking_checked_in';
    case 'rate_limited':
    case 'unavailable':
      return 'busy';
    case null:
      return 'offline';
    default:
      return 'other';
  }
}

/**
 * Whether the same tap may be sent again with the same idempotency key: the request may not have
 * arrived, or the server could not store it; a retry then issues at most one ticket.
 */
export const canRetry = (kind: NoticeKind): boolean => kind === 'offline' || kind === 'busy';

/** What the ticket on screen says about paper. */
export type PrintState = 'printing' | 'printed' | 'failed' | 'none' | 'unknown';

/** The state after the issue answer: a print pending, or no printer (an e-ticket). */
export const printStateOf = (status: string): PrintState =>
  status === 'pending' ? 'printing' : status === 'printed' ? 'printed' : status === 'failed' ? 'failed' : 'none';

/** An e-ticket is what the visitor keeps when no paper came out (or none is known to have). */
export const isETicket = (state: PrintState): boolean => state === 'failed' || state === 'none' || state === 'unknown';

/** Seconds the ticket screen stays, by what happened to the paper. */
export const ticketSeconds = (state: PrintState): number => (isETicket(state) ? TICKET_ETICKET_S : TICKET_PRINTED_S);

/** The printer problems a kiosk shows on its start screen (from GET /api/kiosk or a print outcome). */
export type PrinterNotice = 'paper_out' | 'offline' | 'fault' | null;

export function printerNotice(
  printer: { online: boolean | null; paper: string | null; coverOpen: boolean; problem: string | null } | null,
): PrinterNotice {
  if (!printer) return null;
  if (printer.paper === 'out' || printer.problem === 'paper_out') return 'paper_out';
  if (printer.online === false || printer.problem === 'offline' || printer.problem === 'timeout') return 'offline';
  if (printer.coverOpen || printer.problem === 'cover_open' || printer.problem === 'printer_error') return 'fault';
  return null;
}

/** The printer notice after a print outcome for this kiosk's printer. */
export function noticeAfterPrint(problem: string | null): PrinterNotice {
  if (problem === null) return null;
  if (problem === 'paper_out') return 'paper_out';
  if (problem === 'offline' || problem === 'timeout') return 'offline';
  if (problem === 'cover_open' || problem === 'printer_error') return 'fault';
  return null;
}

/** 绿色通道 kinds a visitor may declare, in the order the kiosk offers them. */
export const DECLARABLE: PriorityKind[] = ['elderly', 'disabled', 'military', 'pregnant'];

/** "09:05" → minutes; the hall-local clock of the kiosk, for the header. */
export const hallClock = (now: number, timezone: string): string => localTime(now, timezone).hhmm;
