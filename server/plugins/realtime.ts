/**
 * Socket.IO attached to Fastify's HTTP server (fastify-socket.io does not support Fastify 5).
 *
 * Identity at connection: a device token, a staff session cookie, or a visitor's ticket code.
 * Rooms: `hall:<id>` (public events of a hall), `zone:<id>`, `window:<id>`, `ticket:<code>`
 * (one visitor's phone), `service:<id>` (phones waiting in that service's queue: they get only the
 * queue views, never other visitors' tickets), `staff:<hall>` (staff-only events), `device:<id>`
 * and `session:<hash>` (to end a revoked device's or signed-out user's connections).
 *
 * Every domain event published on the bus is emitted once to the union of its rooms, named by its
 * type (`ticket:called`), carrying the hall sequence number. A client that (re)connects sends
 * `hall:sync` with the last sequence number it saw and gets the snapshot plus what it missed.
 */
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { Server, type Socket } from 'socket.io';
import type {
  ApiError,
  ClientToServerEvents,
  RealtimeEvent,
  ServerToClientEvents,
  SocketIdentity,
  SyncReply,
} from '../../common/protocol.js';
import { RECENT_CALLS } from '../../common/hall-state.js';
import { DomainError, errors } from '../../common/domain/errors.js';
import { sha256 } from '../services/auth-service.js';
import { audienceOf, type PublishedEvent } from '../services/event-bus.js';
import type { EventRecord } from '../store/repositories/events.js';
import { SESSION_COOKIE } from './auth.js';
import { toApiError } from './errors.js';

declare module 'fastify' {
  interface FastifyInstance {
    io: Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
  }
}

export interface SocketData {
  identity: SocketIdentity;
  /** The staff member behind a session socket. */
  userId?: number | null;
  deviceId: number | null;
  ticketCode: string | null;
  ticketId: number | null;
  /** A visitor's ticket's service (its queue's room). */
  serviceId: number | null;
  sessionHash: string | null;
}

type HallSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

/** How many missed events a reconnecting client gets replayed; beyond that the snapshot rules. */
export const REPLAY_LIMIT = 500;

/** Recent calls in a board's snapshot (the reducer keeps as many, common/hall-state.ts). */
export const BOARD_RECENT_CALLS = RECENT_CALLS;

export const rooms = {
  hall: (id: number) => `hall:${id}`,
  zone: (id: number) => `zone:${id}`,
  window: (id: number) => `window:${id}`,
  ticket: (code: string) => `ticket:${code}`,
  service: (id: number) => `service:${id}`,
  staff: (hallId: number) => `staff:${hallId}`,
  device: (id: number) => `device:${id}`,
  session: (hash: string) => `session:${hash.slice(0, 24)}`,
};

/**
 * The `lastSeq` of a `hall:sync` request: a whole number ≥ 0, or null (or left out) for none.
 * Socket payloads are JSON like request bodies and are held to their types the same way: a string
 * "5" is refused, not read as 5 nor as "none".
 */
export function syncRequest(request: unknown): number | null {
  if (typeof request !== 'object' || request === null || Array.isArray(request))
    throw payloadRefused('hall:sync', 'request', '对象', 'an object');
  const lastSeq = 'lastSeq' in request ? request.lastSeq : undefined;
  if (lastSeq === undefined || lastSeq === null) return null;
  if (typeof lastSeq !== 'number' || !Number.isInteger(lastSeq) || lastSeq < 0) {
    throw payloadRefused('hall:sync', 'lastSeq', '不小于 0 的整数或空值', 'an integer ≥ 0 or null');
  }
  return lastSeq;
}

/**
 * The state a `device:heartbeat` reports: the payload is `{ state? }` (or nothing, a bare
 * heartbeat); anything else is refused. The state's own fields are checked by the auth service.
 */
export function heartbeatRequest(info: unknown): unknown {
  if (info === undefined) return undefined;
  if (typeof info !== 'object' || info === null || Array.isArray(info))
    throw payloadRefused('device:heartbeat', 'info', '对象', 'an object');
  return 'state' in info ? info.state : undefined;
}

/** A socket payload of the wrong type: names the field and the type it must have, as an HTTP body refusal does. */
const payloadRefused = (event: string, field: string, typeZh: string, typeEn: string) =>
  errors.invalidInput(`${event} 的 ${field} 应为${typeZh}。`, `${event}: ${field} must be ${typeEn}.`, { fields: [field] });

function refusal(error: DomainError): Error & { data: ApiError } {
  const err = new Error(error.messageEn) as Error & { data: ApiError };
  err.data = { statusCode: error.statusCode, code: error.code, message: error.messageZh, messageEn: error.messageEn };
  return err;
}

function cookieValue(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return null;
}

/** The rooms an event goes to. Staff-only events never reach boards, pads or phones. */
export function roomsFor(event: PublishedEvent): string[] {
  const { hallId, scope } = event;
  const list = [rooms.staff(hallId), ...scope.deviceIds.map(rooms.device)];
  if (scope.audience === 'public') {
    list.push(rooms.hall(hallId));
    for (const z of scope.zoneIds) list.push(rooms.zone(z));
    for (const w of scope.windowIds) list.push(rooms.window(w));
    if (scope.ticketCode) list.push(rooms.ticket(scope.ticketCode));
  }
  return list;
}

/**
 * What a phone in a service's queue hears of an event about someone else: the queue views only
 * (to refresh its place), no ticket, window or call of another visitor.
 */
export function queueOnly(message: RealtimeEvent): RealtimeEvent {
  return { seq: message.seq, type: message.type, at: message.at, reason: null, ...(message.queues ? { queues: message.queues } : {}) };
}

/** The replayable form of a stored event: its public facts, without the views of the moment. */
function replayMessage(record: EventRecord): RealtimeEvent {
  const call = record.data.call as RealtimeEvent['call'] | undefined;
  return {
    seq: record.seq,
    type: record.type,
    at: record.at,
    reason: record.reason,
    ...(call ? { call: { ...call, seq: record.seq, at: record.at } } : {}),
    data: { ...record.data, call: undefined },
  };
}

export default fp(
  async function realtimePlugin(app: FastifyInstance) {
    const io = new Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>(app.server, {
      path: '/socket.io',
      serveClient: false,
      // Screens on flaky Wi-Fi: notice a dead link within ~45 s, but do not drop a slow one.
      pingInterval: 20_000,
      pingTimeout: 25_000,
      maxHttpBufferSize: 16 * 1024,
      connectionStateRecovery: undefined,
    });
    app.decorate('io', io);

    io.use((socket, next) => {
      identify(app, socket).then(
        (identity) => {
          socket.data = identity;
          next();
        },
        (err) => next(refusal(err instanceof DomainError ? err : errors.unauthenticated())),
      );
    });

    io.on('connection', (socket) => {
      const { identity, deviceId, ticketCode, serviceId, sessionHash } = socket.data;
      const joined: string[] = [];
      if (deviceId !== null) joined.push(rooms.device(deviceId));
      if (sessionHash) joined.push(rooms.session(sessionHash));
      if (identity.kind === 'staff') joined.push(rooms.hall(identity.hallId), rooms.staff(identity.hallId));
      else if (identity.kind === 'visitor')
        joined.push(rooms.ticket(ticketCode!), ...(serviceId !== null ? [rooms.service(serviceId)] : []));
      else if (identity.deviceKind === 'window_screen' || identity.deviceKind === 'pad') joined.push(rooms.window(identity.windowId!));
      else if (identity.deviceKind === 'board' && identity.zoneId) joined.push(rooms.zone(identity.zoneId));
      else joined.push(rooms.hall(identity.hallId));
      void socket.join(joined);

      socket.on('hall:sync', async (request, ack) => {
        if (typeof ack !== 'function') return;
        try {
          ack({ ok: true, data: await sync(app, socket, syncRequest(request)) });
        } catch (err) {
          ack({
            ok: false,
            error: toApiError(err) ?? { statusCode: 500, code: 'internal', message: '同步失败。', messageEn: 'Sync failed.' },
          });
        }
      });

      socket.on('device:heartbeat', async (info, ack) => {
        try {
          if (deviceId === null) throw errors.wrongDeviceKind();
          const device = await app.store.read((tx) => tx.devices.get(deviceId));
          if (!device || device.status !== 'active') throw errors.deviceRevoked();
          const result = await app.authService.heartbeat(device, heartbeatRequest(info));
          if (typeof ack === 'function') ack({ ok: true, data: result });
        } catch (err) {
          if (typeof ack === 'function') ack({ ok: false, error: toApiError(err)! });
        }
      });
    });

    const unsubscribe = app.bus.subscribe((events) => {
      for (const event of events) {
        const full = roomsFor(event);
        io.to(full).emit(event.message.type, event.message);
        if (event.scope.audience === 'public' && event.message.queues?.length) {
          io.to(event.message.queues.map((q) => rooms.service(q.serviceId)))
            .except(full)
            .emit(event.message.type, queueOnly(event.message));
        }
        const data = event.record.data;
        if (event.message.type === 'config:changed' && data.entity === 'user' && data.endSessions === true) {
          // A disabled account, a changed role or a reset password: its screens sign out now.
          void endUserSockets(io, Number(data.userId));
        }
        if (event.message.type === 'device:updated' && data.action === 'revoked') {
          const room = rooms.device(Number(data.deviceId));
          const e = errors.deviceRevoked();
          io.in(room).emit('session:ended', { code: e.code, message: e.messageZh, messageEn: e.messageEn });
          io.in(room).disconnectSockets(true);
        }
      }
    });

    app.addHook('preClose', async () => {
      unsubscribe();
      io.disconnectSockets(true);
    });
    app.addHook('onClose', async () => {
      await io.close();
    });
  },
  { name: 'realtime', dependencies: ['services'] },
);

async function endUserSockets(io: FastifyInstance['io'], userId: number): Promise<void> {
  const e = errors.sessionExpired();
  for (const socket of await io.fetchSockets()) {
    if (socket.data.userId !== userId) continue;
    socket.emit('session:ended', { code: e.code, message: e.messageZh, messageEn: e.messageEn });
    socket.disconnect(true);
  }
}

async function identify(app: FastifyInstance, socket: HallSocket): Promise<SocketData> {
  const auth = (socket.handshake.auth ?? {}) as { token?: unknown; ticketCode?: unknown; hallId?: unknown };
  if (typeof auth.token === 'string') {
    const device = await app.authService.deviceByToken(auth.token);
    if (!device) throw errors.deviceUnknown();
    if (device.status === 'pending') throw errors.devicePending();
    if (device.status === 'revoked') throw errors.deviceRevoked();
    return {
      identity: { kind: 'device', hallId: device.hallId, deviceKind: device.kind, windowId: device.windowId, zoneId: device.zoneId },
      deviceId: device.id,
      ticketCode: null,
      ticketId: null,
      serviceId: null,
      sessionHash: null,
    };
  }
  if (typeof auth.ticketCode === 'string' && /^[a-z2-9]{8,40}$/.test(auth.ticketCode)) {
    const found = await app.store.read(async (tx) => {
      const ticket = await tx.tickets.byCode(auth.ticketCode as string);
      return ticket ? { ticket, service: await tx.services.get(ticket.serviceId) } : null;
    });
    if (!found) throw errors.notFound('号票', 'Ticket');
    const { ticket, service } = found;
    return {
      identity: { kind: 'visitor', hallId: ticket.hallId, zoneId: service?.zoneId ?? null },
      deviceId: null,
      ticketCode: ticket.publicCode,
      ticketId: ticket.id,
      serviceId: ticket.serviceId,
      sessionHash: null,
    };
  }
  const cookie = cookieValue(socket.handshake.headers.cookie, SESSION_COOKIE);
  if (cookie) {
    const found = await app.authService.sessionUser(cookie);
    if (!found) throw errors.sessionExpired();
    const { user } = found;
    let hallId = user.hallId;
    if (hallId === null) {
      // Admins work across halls and say which one they watch.
      const asked = Number(auth.hallId);
      if (!Number.isInteger(asked) || asked < 1) throw errors.invalidInput('请指定大厅。', 'Say which hall (auth.hallId).');
      hallId = asked;
    }
    return {
      identity: { kind: 'staff', hallId, role: user.role },
      userId: user.id,
      deviceId: null,
      ticketCode: null,
      ticketId: null,
      serviceId: null,
      sessionHash: sha256(cookie),
    };
  }
  throw errors.unauthenticated();
}

async function sync(app: FastifyInstance, socket: HallSocket, lastSeq: number | null): Promise<SyncReply> {
  const { identity, ticketId } = socket.data;
  const staff = identity.kind === 'staff';
  const board = identity.deviceKind === 'board';
  const snapshot = await app.hallService.snapshot(identity.hallId, {
    // A zone board sees its zone; a phone the zone of its ticket's service (less to load).
    zoneId: board || identity.kind === 'visitor' ? (identity.zoneId ?? null) : null,
    includeWaiting: staff,
    includeDevices: staff,
    // A board lists the recent calls once per ticket, so it needs more than it shows.
    ...(board ? { recentCalls: BOARD_RECENT_CALLS } : {}),
  });
  let missed: RealtimeEvent[] = [];
  let truncated = false;
  if (lastSeq !== null && lastSeq < snapshot.seq) {
    const records = await app.store.read((tx) => tx.events.since(identity.hallId, lastSeq, REPLAY_LIMIT + 1));
    truncated = records.length > REPLAY_LIMIT;
    missed = records
      .slice(0, REPLAY_LIMIT)
      .filter((r) => r.seq <= snapshot.seq)
      .filter((r) => staff || audienceOf(r.type) === 'public')
      .filter((r) => identity.kind !== 'visitor' || r.ticketId === ticketId)
      .filter((r) => !identity.windowId || r.windowId === identity.windowId)
      .map(replayMessage);
  }
  return { snapshot, missed, truncated };
}
