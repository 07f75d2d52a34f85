/**
 * The realtime message of one committed event and the rooms it goes to. A command says what
 * changed (`EmitExtra`: the ticket, the window, the queues…); this builds the views screens show
 * from it and gathers the zone, window, ticket and device rooms, so every command reaches the
 * same screens the same way.
 */
import type { CallView, HallView, QueueView, RealtimeEvent, ServiceView, ZoneView } from '../../common/protocol.js';
import type { Ticket, Window } from '../../common/domain/types.js';
import type { StoreTx } from '../store/store.js';
import { audienceOf, type PublishedEvent } from './event-bus.js';
import { queueViews, ticketView, windowView, type HallContext } from './views.js';

/** What changed with an event, beyond the event itself: the state screens must show. */
export interface EmitExtra {
  ticket?: Ticket;
  window?: Window;
  /** Services whose queue views must be refreshed on screens. */
  queueServiceIds?: number[];
  /** Queue views the command already computed (instead of `queueServiceIds`). */
  queues?: QueueView[];
  call?: Omit<CallView, 'seq' | 'at'>;
  notice?: string;
  zoneIds?: (number | null)[];
  windowIds?: (number | null)[];
  deviceIds?: number[];
  /** Public facts for the realtime message, beyond the views. */
  publicData?: Record<string, unknown>;
  /** Configuration views for screens (a manager changed services, zones or the hall). */
  services?: ServiceView[];
  zones?: ZoneView[];
  removedZoneIds?: number[];
  hall?: HallView;
  removedWindowIds?: number[];
}

/** Builds the message inside the command's transaction, so its views show the state the event produced. */
export async function buildMessage(
  tx: StoreTx,
  ctx: HallContext,
  record: PublishedEvent['record'],
  extra: EmitExtra,
): Promise<PublishedEvent> {
  const message: RealtimeEvent = { seq: record.seq, type: record.type, at: record.at, reason: record.reason };
  const zoneIds = new Set<number>();
  const windowIds = new Set<number>();
  if (extra.ticket) {
    message.ticket = ticketView(extra.ticket);
    const zone = ctx.serviceById.get(extra.ticket.serviceId)?.zoneId;
    if (zone) zoneIds.add(zone);
    if (extra.ticket.windowId) windowIds.add(extra.ticket.windowId);
  }
  if (extra.window) {
    message.window = await windowView(tx, ctx, extra.window);
    if (extra.window.zoneId) zoneIds.add(extra.window.zoneId);
    windowIds.add(extra.window.id);
  }
  const queueIds = extra.queues ? extra.queues.map((q) => q.serviceId) : [...new Set(extra.queueServiceIds ?? [])];
  if (queueIds.length) {
    message.queues = extra.queues ?? (await queueViews(tx, ctx, queueIds));
    for (const id of queueIds) {
      const zone = ctx.serviceById.get(id)?.zoneId;
      if (zone) zoneIds.add(zone);
    }
  }
  if (extra.call) message.call = { ...extra.call, seq: record.seq, at: record.at };
  if (extra.notice !== undefined) message.notice = extra.notice;
  if (extra.publicData) message.data = extra.publicData;
  if (extra.services) message.services = extra.services;
  if (extra.zones) message.zones = extra.zones;
  if (extra.removedZoneIds) message.removedZoneIds = extra.removedZoneIds;
  if (extra.hall) message.hall = extra.hall;
  if (extra.removedWindowIds) message.removedWindowIds = extra.removedWindowIds;
  for (const z of extra.zoneIds ?? []) if (z) zoneIds.add(z);
  for (const w of extra.windowIds ?? []) if (w) windowIds.add(w);
  return {
    hallId: ctx.hall.id,
    record,
    message,
    scope: {
      audience: audienceOf(record.type),
      zoneIds: [...zoneIds],
      windowIds: [...windowIds],
      ticketCode: extra.ticket?.publicCode ?? null,
      deviceIds: extra.deviceIds ?? [],
    },
  };
}
