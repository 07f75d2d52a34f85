/**
 * The realtime connection every screen uses, as a Lit reactive controller.
 *
 * On every (re)connect it sends `hall:sync` with the last sequence number it saw and gets the
 * snapshot plus what it missed; live events that arrive meanwhile are held back and then applied
 * only if newer than the snapshot. Every event is delivered once, in sequence order. A refused
 * connection (revoked device, ended session) stops reconnecting and is reported, so the screen
 * can say why instead of going blank.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { io, type Socket } from 'socket.io-client';
import {
  EVENT_TYPES,
  type ApiError,
  type ClientToServerEvents,
  type HeartbeatInfo,
  type RealtimeEvent,
  type ServerToClientEvents,
  type SyncReply,
} from '../protocol.js';

export type RealtimeAuth = { token: string } | { ticketCode: string } | { hallId?: number };

export interface RealtimeOptions {
  auth: () => RealtimeAuth;
  /** The snapshot after a (re)connect; `missed` are events already reflected in it. */
  onSync(reply: SyncReply): void;
  /** A live event newer than everything seen so far. */
  onEvent(event: RealtimeEvent): void;
  /** The server refused or ended this connection for good (revoked, signed out). */
  onEnded?(error: ApiError): void;
  /** Devices report their state with a heartbeat every `heartbeatMs`. */
  heartbeat?: () => HeartbeatInfo;
  heartbeatMs?: number;
}

/** Refusals that reconnecting cannot fix. */
const FINAL = new Set(['device_revoked', 'device_unknown', 'device_pending', 'unauthenticated', 'session_expired', 'not_found']);

export class RealtimeController implements ReactiveController {
  /** Connected and synced: the screen shows the true state. */
  live = false;
  /** The link is down; the screen keeps its last state and shows an offline mark. */
  offline = false;
  /** When the link went down (Date.now()), or null while connected. */
  offlineSince: number | null = null;
  lastSeq: number | null = null;
  ended: ApiError | null = null;

  private socket: Socket<ServerToClientEvents, ClientToServerEvents> | null = null;
  private pending: RealtimeEvent[] | null = null;
  private heartbeatTimer: ReturnType<typeof setInterval> | null = null;
  private syncRetry: ReturnType<typeof setTimeout> | null = null;
  private reconnectTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: RealtimeOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.start();
  }

  hostDisconnected(): void {
    this.stop();
  }

  /** (Re)starts the connection, e.g. after a device was paired again. */
  start(): void {
    this.stop();
    this.ended = null;
    const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io({
      path: '/socket.io',
      auth: (cb) => cb(this.options.auth()),
      transports: ['websocket', 'polling'],
      tryAllTransports: true,
      reconnectionDelay: 1000,
      reconnectionDelayMax: 10_000,
      randomizationFactor: 0.5,
    });
    this.socket = socket;

    socket.on('connect', () => {
      this.offline = false;
      this.offlineSince = null;
      this.sync();
    });
    socket.on('disconnect', (reason) => {
      this.live = false;
      this.offline = true;
      this.offlineSince ??= Date.now();
      this.pending = null;
      // A server shutting down for a restart disconnects its sockets itself, and socket.io does
      // not retry those: come back by ourselves, spread out so a hall of screens does not storm.
      // (A revoked device or an ended session was told so first and is stopped by then.)
      if (reason === 'io server disconnect') this.reconnectTimer = setTimeout(() => socket.connect(), 1000 + Math.random() * 2000);
      this.host.requestUpdate();
    });
    socket.on('connect_error', (err: Error & { data?: ApiError }) => {
      this.live = false;
      this.offline = true;
      this.offlineSince ??= Date.now();
      if (err.data && FINAL.has(err.data.code)) this.end(err.data);
      this.host.requestUpdate();
    });
    socket.on('session:ended', (info) => this.end({ statusCode: 403, ...info }));
    for (const type of EVENT_TYPES) socket.on(type, (event: RealtimeEvent) => this.receive(event));

    if (this.options.heartbeat) {
      const beat = () => {
        if (socket.connected) socket.emit('device:heartbeat', this.options.heartbeat!());
      };
      this.heartbeatTimer = setInterval(beat, this.options.heartbeatMs ?? 30_000);
      socket.on('connect', beat);
    }
  }

  stop(): void {
    if (this.heartbeatTimer) clearInterval(this.heartbeatTimer);
    if (this.syncRetry) clearTimeout(this.syncRetry);
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    this.heartbeatTimer = null;
    this.syncRetry = null;
    this.reconnectTimer = null;
    this.socket?.removeAllListeners();
    this.socket?.disconnect();
    this.socket = null;
    this.live = false;
  }

  /** Loads a fresh snapshot now (e.g. after the hall's settings changed); events keep flowing. */
  resync(): void {
    if (this.socket?.connected && this.pending === null) this.sync();
  }

  /** Sends a heartbeat now (e.g. right after the device state changed). */
  beat(): void {
    if (this.socket?.connected && this.options.heartbeat) this.socket.emit('device:heartbeat', this.options.heartbeat());
  }

  private sync(): void {
    const socket = this.socket;
    if (!socket) return;
    this.pending = [];
    socket.timeout(10_000).emit('hall:sync', { lastSeq: this.lastSeq }, (err, reply) => {
      if (socket !== this.socket) return;
      if (err || !reply.ok) {
        if (reply && !reply.ok && FINAL.has(reply.error.code)) return this.end(reply.error);
        this.syncRetry = setTimeout(() => this.sync(), 2000);
        return;
      }
      this.lastSeq = reply.data.snapshot.seq;
      this.options.onSync(reply.data);
      const held = this.pending ?? [];
      this.pending = null;
      this.live = true;
      for (const event of held.sort((a, b) => a.seq - b.seq)) this.receive(event);
      this.host.requestUpdate();
    });
  }

  private receive(event: RealtimeEvent): void {
    if (this.pending) {
      this.pending.push(event);
      return;
    }
    if (this.lastSeq !== null && event.seq <= this.lastSeq) return; // seen: never twice
    this.lastSeq = event.seq;
    this.options.onEvent(event);
  }

  private end(error: ApiError): void {
    this.ended = error;
    this.live = false;
    this.stop();
    this.options.onEnded?.(error);
    this.host.requestUpdate();
  }
}
