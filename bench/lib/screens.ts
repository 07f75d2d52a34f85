/** Many screens at once: socket.io-client connections from the benchmark process. */
import { io, type Socket } from 'socket.io-client';

export interface Screens {
  sockets: Socket[];
  /** Resolves with each screen's arrival time (performance.now) of the next `event` matching `match`. */
  nextArrival(event: string, match: (payload: Record<string, unknown>) => boolean, timeoutMs?: number): Promise<number[]>;
  close(): void;
}

export async function connectScreens(url: string, count: number, auth: Record<string, unknown>): Promise<Screens> {
  const sockets: Socket[] = [];
  // Connect in waves, like boards coming up, not a SYN flood.
  for (let i = 0; i < count; i += 100) {
    const wave = Array.from({ length: Math.min(100, count - i) }, () => {
      const s = io(url, { auth, transports: ['websocket'], reconnection: false, forceNew: true, timeout: 20_000 });
      sockets.push(s);
      return new Promise<void>((resolve, reject) => {
        s.once('connect', () => resolve());
        s.once('connect_error', reject);
      });
    });
    await Promise.all(wave);
  }
  return {
    sockets,
    nextArrival(event, match, timeoutMs = 30_000) {
      return new Promise((resolve, reject) => {
        const times: number[] = [];
        const handlers = new Map<Socket, (p: Record<string, unknown>) => void>();
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`${count - times.length} of ${count} screens missed ${event}`));
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          for (const [s, h] of handlers) s.off(event, h);
        };
        for (const s of sockets) {
          const h = (payload: Record<string, unknown>) => {
            if (!match(payload)) return;
            times.push(performance.now());
            s.off(event, h);
            handlers.delete(s);
            if (times.length === sockets.length) {
              cleanup();
              resolve(times);
            }
          };
          handlers.set(s, h);
          s.on(event, h);
        }
      });
    },
    close() {
      for (const s of sockets) s.close();
    },
  };
}
