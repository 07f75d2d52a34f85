/** Real socket.io-client connections to a listening test app, and a way to wait for events. */
import { io as connect, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, RealtimeEvent, ServerToClientEvents, SyncReply } from '../../common/protocol.js';

export type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export interface Recorder {
  socket: ClientSocket;
  events: { name: string; event: RealtimeEvent }[];
  names(): string[];
  waitFor(name: string, predicate?: (e: RealtimeEvent) => boolean, timeoutMs?: number): Promise<RealtimeEvent>;
  sync(lastSeq: number | null): Promise<SyncReply>;
  close(): void;
}

export function openSocket(base: string, auth: Record<string, unknown>, headers: Record<string, string> = {}): Promise<Recorder> {
  const socket: ClientSocket = connect(base, {
    auth,
    transports: ['websocket'],
    extraHeaders: headers,
    reconnection: false,
    forceNew: true,
  });
  const events: Recorder['events'] = [];
  const waiters: { name: string; predicate: (e: RealtimeEvent) => boolean; resolve: (e: RealtimeEvent) => void }[] = [];
  socket.onAny((name: string, event: RealtimeEvent) => {
    events.push({ name, event });
    for (const w of [...waiters]) {
      if (w.name === name && w.predicate(event)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(event);
      }
    }
  });
  const recorder: Recorder = {
    socket,
    events,
    names: () => events.map((e) => e.name),
    waitFor(name, predicate = () => true, timeoutMs = 3000) {
      const seen = events.find((e) => e.name === name && predicate(e.event));
      if (seen) return Promise.resolve(seen.event);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`no ${name} within ${timeoutMs} ms; got ${recorder.names().join(', ')}`)),
          timeoutMs,
        );
        waiters.push({ name, predicate, resolve: (e) => (clearTimeout(timer), resolve(e)) });
      });
    },
    sync(lastSeq) {
      return new Promise((resolve, reject) => {
        socket.emit('hall:sync', { lastSeq }, (reply) =>
          reply.ok ? resolve(reply.data) : reject(Object.assign(new Error(reply.error.code), reply.error)),
        );
      });
    },
    close: () => socket.close(),
  };
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(recorder));
    socket.once('connect_error', (err) => reject(err));
  });
}

/** Resolves when nothing more arrives for `quietMs`: to prove an event did not come. */
export const settle = (quietMs = 150) => new Promise((r) => setTimeout(r, quietMs));
