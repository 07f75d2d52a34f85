/**
 * Which realtime events concern one clerk's window, and what the window's rating pad is doing.
 * Pure: the console refetches its window only for events that can change what it shows.
 */
import type { RatingRequestView, RealtimeEvent, WindowDetail } from '../../common/protocol.js';

/** True when the event can change the console of `windowId` (its window, queue, held or missed lists). */
export function concernsWindow(event: RealtimeEvent, windowId: number, detail: WindowDetail | null): boolean {
  if (!detail) return true;
  if (event.type === 'config:changed' || event.type === 'hall:updated') return true;
  if (event.window?.id === windowId) return true;
  const served = new Set(detail.window.serviceIds);
  const ticket = event.ticket;
  if (ticket && (ticket.windowId === windowId || ticket.targetWindowId === windowId || served.has(ticket.serviceId))) return true;
  if (event.queues?.some((q) => served.has(q.serviceId))) return true;
  const data = event.data ?? {};
  return data.windowId === windowId || data.fromWindowId === windowId || data.toWindowId === windowId;
}

/** What the clerk sees of the pad: that it asks, and whether an answer came — never the answer. */
export type PadStatus =
  | { state: 'asking'; ticketId: number; number: string; deadline: number }
  | { state: 'rated'; ticketId: number; number: string }
  | { state: 'unrated'; ticketId: number; number: string };

/** The pad status after a rating event at `windowId`, or `current` when the event is about something else. */
export function padStatusAfter(current: PadStatus | null, event: RealtimeEvent, windowId: number): PadStatus | null {
  const data = event.data ?? {};
  if (data.windowId !== windowId) return current;
  if (event.type === 'rating:requested') {
    const request = data as unknown as RatingRequestView;
    return { state: 'asking', ticketId: request.ticketId, number: request.number, deadline: request.deadline };
  }
  // Answers only about the ticket the pad was asking for (a phone rating of an older ticket is not news here).
  if (!current || current.ticketId !== Number(data.ticketId)) return current;
  if (event.type === 'rating:submitted') return { state: 'rated', ticketId: current.ticketId, number: current.number };
  if (event.type === 'rating:expired') return { state: 'unrated', ticketId: current.ticketId, number: current.number };
  return current;
}
