/**
 * Applies realtime events to a hall snapshot: the one reducer every screen uses, so boards,
 * window screens, clerk consoles and the manager console agree on what an event means.
 * Pure and isomorphic (tested in node): it returns a new snapshot and never mutates its input.
 */
import type { CallView, HallSnapshot, RealtimeEvent, TicketView } from './protocol.js';
import type { DeviceState } from './vocabulary.js';

/** How many recent calls a snapshot keeps. */
export const RECENT_CALLS = 20;

const upsert = <T extends { id: number }>(list: T[], item: T): T[] => {
  const i = list.findIndex((x) => x.id === item.id);
  if (i < 0) return [...list, item];
  const next = list.slice();
  next[i] = item;
  return next;
};

const without = <T extends { id: number }>(list: T[], id: number): T[] => list.filter((x) => x.id !== id);

export function applyEvent(state: HallSnapshot, event: RealtimeEvent): HallSnapshot {
  if (event.seq <= state.seq) return state; // already reflected: never apply twice
  let next: HallSnapshot = { ...state, seq: event.seq };

  if (event.window) next = { ...next, windows: upsert(next.windows, event.window) };

  if (event.queues?.length) {
    let queues = next.queues;
    for (const q of event.queues) {
      const i = queues.findIndex((x) => x.serviceId === q.serviceId);
      queues = i < 0 ? [...queues, q] : queues.map((x, j) => (j === i ? q : x));
    }
    next = { ...next, queues };
  }

  if (event.ticket) next = applyTicket(next, event.ticket);

  if (event.call) next = { ...next, recentCalls: addCall(next.recentCalls, event.call) };

  if (event.notice !== undefined) next = { ...next, hall: { ...next.hall, notice: event.notice } };

  if (event.type === 'device:updated' && next.devices) next = applyDevice(next, event);
  next = applyConfig(next, event);

  if (event.type === 'ticket:issued' && event.ticket) {
    next = {
      ...next,
      services: next.services.map((s) => (s.id === event.ticket!.serviceId ? { ...s, issuedToday: s.issuedToday + 1 } : s)),
    };
  }
  return next;
}

/**
 * A manager's configuration change: the hall's name, hours and voice; services and zones created
 * or changed; windows taken out of service. A zone board's snapshot (`zoneScope`) keeps to its
 * zone: a service moved out of it leaves, one moved into it arrives.
 */
function applyConfig(state: HallSnapshot, event: RealtimeEvent): HallSnapshot {
  let next = state;
  const scope = next.zoneScope ?? null;
  const inScope = (zoneId: number | null) => scope === null || zoneId === scope;
  if (event.hall) next = { ...next, hall: { ...event.hall, serviceDay: next.hall.serviceDay } };
  if (event.removedZoneIds?.length) next = { ...next, zones: next.zones.filter((z) => !event.removedZoneIds!.includes(z.id)) };
  if (event.zones?.length) {
    let zones = next.zones;
    for (const z of event.zones) if (inScope(z.id)) zones = upsert(zones, z);
    next = { ...next, zones };
  }
  if (event.services?.length) {
    let services = next.services;
    for (const s of event.services) services = inScope(s.zoneId) ? upsert(services, s) : without(services, s.id);
    next = { ...next, services };
  }
  if (event.removedWindowIds?.length) next = { ...next, windows: next.windows.filter((w) => !event.removedWindowIds!.includes(w.id)) };
  return next;
}

function applyTicket(state: HallSnapshot, ticket: TicketView): HallSnapshot {
  let next = state;
  // 过号 list: in while missed, out when it comes back or is cancelled.
  next = { ...next, missed: ticket.status === 'no_show' ? [ticket, ...without(next.missed, ticket.id)] : without(next.missed, ticket.id) };
  // The staff waiting list, when the snapshot has one.
  if (next.waiting) {
    next = { ...next, waiting: ticket.status === 'waiting' ? upsert(next.waiting, ticket) : without(next.waiting, ticket.id) };
  }
  // The window the ticket is active at shows it; any other window that showed it lets go.
  const active = ticket.status === 'called' || ticket.status === 'serving';
  next = {
    ...next,
    windows: next.windows.map((w) => {
      if (active && ticket.windowId === w.id) return { ...w, current: ticket };
      return w.current?.id === ticket.id ? { ...w, current: null } : w;
    }),
  };
  return next;
}

/** Staff snapshots: a screen reported a new state (it was seen just now) or got new settings. */
function applyDevice(state: HallSnapshot, event: RealtimeEvent): HallSnapshot {
  const data = event.data ?? {};
  const id = Number(data.deviceId);
  const devices = state.devices!.map((d) => {
    if (d.id !== id) return d;
    if (data.action === 'state') {
      const state = (data.state ?? d.state) as DeviceState;
      // A screen's heartbeat, or a printer's answer (which may be "unreachable").
      const reachable = data.kind === 'printer' ? data.reachable === true && state.online !== false : true;
      return { ...d, state, lastSeenAt: reachable ? event.at : d.lastSeenAt, online: reachable };
    }
    if (data.action === 'settings') return { ...d, settings: data.settings ?? d.settings };
    if (data.action === 'updated') {
      return {
        ...d,
        name: typeof data.name === 'string' ? data.name : d.name,
        windowId: (data.windowId ?? null) as number | null,
        zoneId: (data.zoneId ?? null) as number | null,
      };
    }
    return d;
  });
  return { ...state, devices: data.action === 'revoked' ? devices.filter((d) => d.id !== id) : devices };
}

function addCall(calls: CallView[], call: CallView): CallView[] {
  if (calls.some((c) => c.seq === call.seq)) return calls;
  return [call, ...calls].slice(0, RECENT_CALLS);
}

/** Applies events in sequence order, skipping any already reflected. */
export function applyEvents(state: HallSnapshot, events: RealtimeEvent[]): HallSnapshot {
  return [...events].sort((a, b) => a.seq - b.seq).reduce(applyEvent, state);
}
