/**
 * What the hall board shows, derived from the hall snapshot. Pure (tested as tables in node):
 * which calls belong on this board (the whole hall, or one zone), the newest call and how long it
 * stays highlighted, the recent calls once per ticket, waiting counts per service or per zone,
 * the 过号 list while the grace lasts, and the notice.
 *
 * Nothing here carries a visitor's name or any personal detail: tickets are numbers.
 */
import { msg } from '@lit/localize';
import type { CallView, HallSnapshot, ServiceView, VoiceView } from '../../common/protocol.js';
import type { Announcement } from '../../common/ui/announcement-queue.js';
import { localDay, localName } from '../../common/ui/format.js';

/** The newest call stays highlighted this long (and while it is being spoken). */
export const HIGHLIGHT_MS = 12_000;
/** Recent calls below the newest (landscape shows 8, portrait 10). */
export const RECENT_ROWS = 10;
/** Waiting rows; a hall with more services than this is shown per zone. */
export const WAITING_ROWS = 8;
/** Places for 过号 numbers; when more are missed, the last place counts the rest. */
export const MISSED_SHOWN = 6;

export interface CallRow {
  seq: number;
  ticketId: number;
  number: string;
  windowNumber: string;
  windowName: string;
  /** The call as the hall's template says it, in the screen's language. */
  caption: string;
  recall: boolean;
  at: number;
}

export interface WaitingRow {
  key: string;
  name: string;
  waiting: number;
  /** Minutes a ticket taken now would wait (for a zone: its longest service wait). */
  estimateMinutes: number;
  /** People wait but no open window serves them. */
  noWindow: boolean;
}

export interface MissedRow {
  ticketId: number;
  number: string;
  /** Where it was called, to go back to. */
  windowNumber: string | null;
}

export interface BoardModel {
  hallName: string;
  /** The zone this board shows, or null for the whole hall. */
  zoneName: string | null;
  timezone: string;
  hero: CallRow | null;
  recent: CallRow[];
  waitingBy: 'service' | 'zone';
  waiting: WaitingRow[];
  /** Rows that did not fit. */
  waitingMore: number;
  missed: MissedRow[];
  missedMore: number;
  noticeText: string;
  openingHours: string;
  graceMinutes: number;
}

export interface BoardOptions {
  now: number;
  locale: string;
  /** The board's zone (device setting), or null for the whole hall. */
  zoneId: number | null;
}

/**
 * Whether a call belongs on this board: every call on a whole-hall board; on a zone board the
 * calls of the zone's services, wherever they are called (the same rule as the server's zone
 * snapshot, so a reconnect never makes a call appear or vanish).
 */
export function callOnBoard(call: CallView, snapshot: HallSnapshot, zoneId: number | null): boolean {
  if (zoneId === null) return true;
  return call.zoneId === zoneId || snapshot.services.some((s) => s.id === call.serviceId);
}

/** Today's calls for this board, newest first. */
export function boardCalls(snapshot: HallSnapshot, options: Pick<BoardOptions, 'now' | 'zoneId'>): CallView[] {
  const tz = snapshot.hall.timezone;
  const today = localDay(options.now, tz);
  return snapshot.recentCalls
    .filter((c) => callOnBoard(c, snapshot, options.zoneId) && localDay(c.at, tz) === today)
    .sort((a, b) => b.seq - a.seq);
}

/** The newest call is highlighted for HIGHLIGHT_MS after it was made, and while it is spoken. */
export function highlighted(call: Pick<CallView, 'seq' | 'at'> | null, now: number, speaking: Pick<Announcement, 'id'> | null): boolean {
  if (!call) return false;
  return now - call.at < HIGHLIGHT_MS || speaking?.id === callKey(call);
}

/** The announcement id of a call. */
export const callKey = (call: Pick<CallView, 'seq'>): string => String(call.seq);

/** What the board speaks for a call, with the hall's voice settings. */
export function toAnnouncement(call: CallView, voice: VoiceView): Announcement {
  return {
    id: callKey(call),
    ticketId: call.ticketId,
    windowId: call.windowId,
    recall: call.recall,
    at: call.at,
    speech: call.speech[voice.language],
    lang: voice.language === 'en' ? 'en-US' : 'zh-CN',
    rate: Math.min(2, Math.max(0.5, voice.rate)),
    repeat: Math.min(5, Math.max(1, Math.round(voice.repeat))),
    chime: voice.chime,
  };
}

const callRow = (c: CallView, locale: string): CallRow => ({
  seq: c.seq,
  ticketId: c.ticketId,
  number: c.number,
  windowNumber: c.windowNumber,
  windowName: c.windowName,
  caption: locale === 'en' ? c.text.en : c.text['zh-CN'],
  recall: c.recall,
  at: c.at,
});

export function boardModel(snapshot: HallSnapshot, options: BoardOptions): BoardModel {
  const { now, locale, zoneId } = options;
  const calls = boardCalls(snapshot, options);
  const [newest, ...older] = calls;
  const seen = new Set(newest ? [newest.ticketId] : []);
  const recent: CallRow[] = [];
  for (const c of older) {
    if (seen.has(c.ticketId)) continue; // a recall or an older call of a ticket already listed
    seen.add(c.ticketId);
    recent.push(callRow(c, locale));
    if (recent.length === RECENT_ROWS) break;
  }

  const { waitingBy, rows } = waitingRows(snapshot, zoneId, locale);
  const shownServices = new Set(snapshot.services.map((s) => s.id));
  const graceMs = snapshot.hall.noShowGraceMinutes * 60_000;
  const windowNumber = new Map(snapshot.windows.map((w) => [w.id, w.number]));
  const missed = snapshot.missed
    .filter((t) => shownServices.has(t.serviceId) && t.noShowAt !== null && t.noShowAt + graceMs >= now)
    .sort((a, b) => (b.noShowAt ?? 0) - (a.noShowAt ?? 0))
    .map((t): MissedRow => ({
      ticketId: t.id,
      number: t.number,
      windowNumber: t.windowId ? (windowNumber.get(t.windowId) ?? null) : null,
    }));

  const zone = zoneId === null ? null : snapshot.zones.find((z) => z.id === zoneId);
  return {
    hallName: snapshot.hall.name,
    zoneName: zone ? localName(zone, locale) : null,
    timezone: snapshot.hall.timezone,
    hero: newest ? callRow(newest, locale) : null,
    recent,
    waitingBy,
    waiting: rows.slice(0, WAITING_ROWS),
    waitingMore: Math.max(0, rows.length - WAITING_ROWS),
    missed: missed.length > MISSED_SHOWN ? missed.slice(0, MISSED_SHOWN - 1) : missed,
    missedMore: missed.length > MISSED_SHOWN ? missed.length - (MISSED_SHOWN - 1) : 0,
    noticeText: snapshot.hall.notice.trim(),
    openingHours: snapshot.hall.openingHours,
    graceMinutes: snapshot.hall.noShowGraceMinutes,
  };
}

/**
 * Waiting per service on a zone board or a small hall; per zone on a whole-hall board with more
 * services than fit (a visitor finds their zone, then its windows). Order follows the hall's own
 * order of zones and services, never the counts, so rows do not jump around.
 */
export function waitingRows(
  snapshot: HallSnapshot,
  zoneId: number | null,
  locale: string,
): { waitingBy: 'service' | 'zone'; rows: WaitingRow[] } {
  const services = snapshot.services.filter((s) => s.enabled);
  const queue = new Map(snapshot.queues.map((q) => [q.serviceId, q]));
  const stats = (s: ServiceView) => {
    const q = queue.get(s.id);
    return { waiting: q?.waiting ?? 0, estimate: q?.estimateMinutes ?? 0, open: q?.openWindows ?? 0 };
  };
  if (zoneId !== null || services.length <= WAITING_ROWS) {
    return {
      waitingBy: 'service',
      rows: services.map((s) => {
        const { waiting, estimate, open } = stats(s);
        return {
          key: `s${s.id}`,
          name: localName(s, locale),
          waiting,
          estimateMinutes: waiting ? estimate : 0,
          noWindow: waiting > 0 && open === 0,
        };
      }),
    };
  }
  const groups = new Map<number | null, ServiceView[]>();
  for (const s of services) groups.set(s.zoneId, [...(groups.get(s.zoneId) ?? []), s]);
  const order = [...snapshot.zones.map((z) => z.id), null];
  const rows: WaitingRow[] = [];
  for (const id of order) {
    const list = groups.get(id);
    if (!list?.length) continue;
    const zone = snapshot.zones.find((z) => z.id === id);
    const all = list.map(stats);
    const waiting = all.reduce((n, s) => n + s.waiting, 0);
    const busy = all.filter((s) => s.waiting > 0);
    rows.push({
      key: `z${id ?? 0}`,
      name: zone ? localName(zone, locale) : msg('其他事项'),
      waiting,
      estimateMinutes: busy.reduce((m, s) => Math.max(m, s.estimate), 0),
      noWindow: busy.length > 0 && busy.every((s) => s.open === 0),
    });
  }
  return { waitingBy: 'zone', rows };
}
