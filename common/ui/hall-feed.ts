/**
 * The live hall state of an unattended screen (hall board, window screen), for a Lit host: the
 * realtime connection with the device's token, the snapshot kept current by the shared reducer
 * (common/hall-state.ts), a clock on server time, and the heartbeat.
 *
 * After every (re)connect the snapshot is replaced by the server's and the events missed meanwhile
 * are already in it: they are not passed to `onLive`, so a screen never announces a call late as
 * if it were new. Only events that arrive live reach `onLive`. While the server is unreachable the
 * last state stays and `offline` is true. A manager's change to this device (settings, zone,
 * window) reloads the device and, when its rooms change, reconnects; every later sync reads the
 * device again, since a change made while it was disconnected is not replayed to it.
 */
import type { ReactiveControllerHost } from 'lit';
import { applyEvent } from '../hall-state.js';
import type { HallSnapshot, RealtimeEvent } from '../protocol.js';
import type { DeviceState } from '../vocabulary.js';
import { ClockController } from './clock.js';
import type { DeviceController, DeviceInfo } from './device.js';
import { RealtimeController } from './realtime.js';

export interface HallFeedOptions {
  /** The screen's device (read when needed: hosts receive it after construction). */
  device(): DeviceController;
  /** A live event, after the snapshot took it in. Never called for replayed events. */
  onLive?(event: RealtimeEvent, snapshot: HallSnapshot): void;
  /** A (re)sync replaced the snapshot. */
  onSync?(snapshot: HallSnapshot): void;
  /** The device's settings, zone or window changed. */
  onDevice?(device: DeviceInfo): void;
  /** What the screen reports with each heartbeat, besides being online. */
  state?(): DeviceState;
  heartbeatMs?: number;
}

/** Composed of a clock and a realtime controller, which register themselves with the host. */
export class HallFeedController {
  /** Null until the first sync. */
  snapshot: HallSnapshot | null = null;
  private synced = false;
  readonly clock: ClockController;
  readonly realtime: RealtimeController;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: HallFeedOptions,
  ) {
    this.clock = new ClockController(host, 1000);
    this.realtime = new RealtimeController(host, {
      auth: () => ({ token: options.device().token ?? '' }),
      onSync: (reply) => {
        this.clock.setServerTime(reply.snapshot.now);
        this.snapshot = reply.snapshot;
        options.onSync?.(reply.snapshot);
        host.requestUpdate();
        // A change to this device made while it was away, or while it reconnected for the last
        // one (a zone and a language saved together), is not replayed: read the device again.
        if (this.synced) void this.deviceChanged();
        this.synced = true;
      },
      onEvent: (event) => this.receive(event),
      onEnded: (error) => options.device().refuse(error),
      heartbeat: () => ({ state: { online: true, userAgent: navigator.userAgent.slice(0, 200), ...options.state?.() } }),
      heartbeatMs: options.heartbeatMs ?? 30_000,
    });
  }

  /** The link is down: the screen shows its last state with an offline mark. */
  get offline(): boolean {
    return this.realtime.offline;
  }

  /** Server time since when the screen shows its last state without the server, or null. */
  get offlineSince(): number | null {
    const since = this.realtime.offlineSince;
    return since === null ? null : since + (this.clock.now - Date.now());
  }

  /** Reports the screen's state now instead of at the next heartbeat. */
  report(): void {
    this.realtime.beat();
  }

  private receive(event: RealtimeEvent): void {
    if (!this.snapshot) return;
    this.snapshot = applyEvent(this.snapshot, event);
    if (event.type === 'device:updated') void this.deviceChanged();
    // Voice, names or notice changed in ways events do not carry: take a fresh snapshot.
    if (event.type === 'hall:updated' || event.type === 'config:changed') this.realtime.resync();
    this.options.onLive?.(event, this.snapshot);
    this.host.requestUpdate();
  }

  private async deviceChanged(): Promise<void> {
    const device = this.options.device();
    const before = device.device;
    await device.reload();
    const after = device.device;
    if (!after) return;
    // Rooms are chosen at connection: a new zone or window needs a new connection.
    if (before && (before.zoneId !== after.zoneId || before.windowId !== after.windowId)) this.realtime.start();
    this.options.onDevice?.(after);
  }
}
