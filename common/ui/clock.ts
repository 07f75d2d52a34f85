/**
 * A ticking clock for screens, corrected to the server's time (cheap boxes drift), as a Lit
 * reactive controller: the host re-renders every `intervalMs`.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export class ClockController implements ReactiveController {
  private timer: ReturnType<typeof setInterval> | null = null;
  private offset = 0;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly intervalMs = 1000,
  ) {
    host.addController(this);
  }

  /** Current time in ms, as the server sees it. */
  get now(): number {
    return Date.now() + this.offset;
  }

  /** Align with the server, from a snapshot's `now`. */
  setServerTime(serverNow: number): void {
    this.offset = serverNow - Date.now();
  }

  hostConnected(): void {
    this.timer = setInterval(() => this.host.requestUpdate(), this.intervalMs);
  }

  hostDisconnected(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
