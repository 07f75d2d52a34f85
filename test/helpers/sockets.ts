/**
 * Real socket.io-client connections to a listening test app, a way to wait for events, and the
 * way to prove an event did not come (a marker, never a fixed wait).
 */
import { io as connect, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, RealtimeEvent, ServerToClientEvents, SyncReply } from '../../common/protocol.js';
import type { Agent, TestHall } from './app.js';

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

/** What a socket had received when a marker event arrived. */
export interface Received {
  events: Recorder['events'];
  names(): string[];
}

/**
 * The deterministic way to prove a socket did NOT receive something (never a fixed wait: on a
 * slow machine a late event arrives after it and the test passes falsely). After the action
 * whose event must not arrive, the test causes a later event that this socket does receive, the
 * marker; this waits for it and returns what the socket received before it, for the test to
 * assert the absence there. The server publishes one hall's events in sequence order, each
 * command's before it answers, and a socket delivers its messages in the order they were sent:
 * so once the marker is here, anything the earlier action sent this socket is here too.
 *
 * The marker's cause must start after the action has answered, and `match` must pick the marker
 * alone (not an earlier event of the same name).
 */
export async function receivedBefore(
  socket: Recorder,
  marker: string,
  match: (e: RealtimeEvent) => boolean = () => true,
): Promise<Received> {
  const found = await socket.waitFor(marker, match);
  const events = socket.events.slice(
    0,
    socket.events.findIndex((e) => e.event === found),
  );
  return { events, names: () => events.map((e) => e.name) };
}

/**
 * `receivedBefore` with the marker a device's socket always hears: a manager touches the
 * device's own settings (language back to the default: nothing a test relies on changes), and
 * `device:updated` reaches the device's own room whatever the event's audience.
 */
export async function receivedBeforeOwnSettings(hall: TestHall, manager: Agent, screen: Recorder, token: string): Promise<Received> {
  const deviceId: number = (await hall.device(token).get('/api/devices/me')).json().id;
  const res = await manager.put(`/api/devices/${deviceId}/settings`, { language: null });
  if (res.statusCode !== 200) throw new Error(`marker: settings of device ${deviceId}: ${res.body}`);
  return receivedBefore(screen, 'device:updated', (e) => e.data?.deviceId === deviceId);
}
