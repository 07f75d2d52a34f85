/**
 * What a window screen (窗口屏) shows above its counter, derived from the hall snapshot. Pure:
 * the window's number and name, what it serves (a specialist window its services; a 分领域综合窗口
 * its zone; a 无差别综合窗口 everything), the ticket called or served here, the clerk on duty, and
 * the status with the pause reason.
 */
import type { HallSnapshot } from '../../common/protocol.js';
import { localName } from '../../common/ui/format.js';
import type { WindowMode, WindowStatus } from '../../common/vocabulary.js';
import { HIGHLIGHT_MS } from '../board/board-model.js';

export interface WindowScreenModel {
  hallName: string;
  timezone: string;
  number: string;
  name: string;
  status: WindowStatus;
  pauseReason: string | null;
  mode: WindowMode;
  /** The zone a 分领域综合窗口 serves (its 领域). */
  domain: string | null;
  /** The zone the window stands in (for a specialist window). */
  zone: string | null;
  /** Names of the services served now, in the window's order. */
  services: string[];
  clerk: { name: string; staffNo: string; photoUrl: string | null } | null;
  current: { ticketId: number; number: string; status: 'called' | 'serving'; recallCount: number } | null;
}

export function windowScreenModel(snapshot: HallSnapshot, windowId: number, locale: string): WindowScreenModel | null {
  const window = snapshot.windows.find((w) => w.id === windowId);
  if (!window) return null;
  const serviceById = new Map(snapshot.services.map((s) => [s.id, s]));
  const zone = window.zoneId === null ? undefined : snapshot.zones.find((z) => z.id === window.zoneId);
  const current = window.current && (window.current.status === 'called' || window.current.status === 'serving') ? window.current : null;
  return {
    hallName: snapshot.hall.name,
    timezone: snapshot.hall.timezone,
    number: window.number,
    name: window.name,
    status: window.status,
    pauseReason: window.status === 'paused' ? window.pauseReason : null,
    mode: window.mode,
    domain: window.mode === 'zone' && zone ? localName(zone, locale) : null,
    zone: zone ? localName(zone, locale) : null,
    services: window.serviceIds.flatMap((id) => {
      const s = serviceById.get(id);
      return s ? [localName(s, locale)] : [];
    }),
    clerk: window.clerk ? { name: window.clerk.name, staffNo: window.clerk.staffNo, photoUrl: window.clerk.photoUrl } : null,
    current: current
      ? { ticketId: current.id, number: current.number, status: current.status as 'called' | 'serving', recallCount: current.recallCount }
      : null,
  };
}

/** The current ticket flashes for HIGHLIGHT_MS after it is called or recalled at this window. */
export function windowHighlighted(snapshot: HallSnapshot, windowId: number, now: number): boolean {
  const window = snapshot.windows.find((w) => w.id === windowId);
  const current = window?.current;
  if (!current || current.status !== 'called') return false;
  const call = snapshot.recentCalls.filter((c) => c.windowId === windowId && c.ticketId === current.id).sort((a, b) => b.at - a.at)[0];
  const at = Math.max(call?.at ?? 0, current.calledAt ?? 0);
  return now - at < HIGHLIGHT_MS;
}
