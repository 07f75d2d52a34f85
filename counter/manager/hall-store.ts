/**
 * The manager console's picture of the hall, as a Lit reactive controller shared by every view:
 *  - the live snapshot (windows, queues, waiting tickets), kept by the realtime connection as
 *    staff and the shared reducer (common/hall-state.ts);
 *  - the live view (alerts, today's counts per window, case counts), reloaded shortly after the
 *    events that change it and every few seconds, because waits and pauses grow by themselves;
 *  - the configuration, reloaded after configuration events once a view has asked for it;
 *  - revision counters views watch to reload their own lists (cases, audit, bookings, slots).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { applyEvent } from '../../common/hall-state.js';
import type { ConfigView, LiveView } from '../../common/manager-protocol.js';
import type { EventType, HallSnapshot, RealtimeEvent, SyncReply } from '../../common/protocol.js';
import { ApiRequestError, type ApiClient } from '../../common/ui/api.js';
import { RealtimeController } from '../../common/ui/realtime.js';

/** Events close together cause one reload. */
const LIVE_DEBOUNCE_MS = 600;
/** Waits and pauses grow without events: the alerts are reloaded this often anyway. */
const LIVE_EVERY_MS = 15_000;

const CONFIG_EVENTS = new Set<EventType>([
  'hall:updated',
  'config:changed',
  'window:updated',
  'window:services',
  'window:clerk',
  'window:status',
  'device:updated',
]);
const CASE_EVENTS = new Set<EventType>(['case:updated', 'rating:submitted']);
const QUIET_EVENTS = new Set<EventType>(['rating:requested', 'rating:expired', 'ticket:printed']);

export class HallStore implements ReactiveController {
  snapshot: HallSnapshot | null = null;
  live: LiveView | null = null;
  config: ConfigView | null = null;
  /** Raised when cases may have changed (a bad rating came in, a step was taken). */
  casesRevision = 0;
  /** Raised on every event that can be in the audit log. */
  auditRevision = 0;
  /** Raised when a booking was made, cancelled, checked in or lapsed. */
  bookingsRevision = 0;
  /** Raised when an appointment slot was added, changed or removed (by anyone). */
  slotsRevision = 0;
  /** Raised on every change of the snapshot or the live view, for views that render from them. */
  revision = 0;
  readonly realtime: RealtimeController;

  private wantConfig = false;
  private liveTimer: ReturnType<typeof setTimeout> | null = null;
  private configTimer: ReturnType<typeof setTimeout> | null = null;
  private interval: ReturnType<typeof setInterval> | null = null;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly api: ApiClient,
    readonly hallId: number,
    /** Admins say which hall they watch; managers belong to one. */
    watchHall: boolean,
    private readonly onSessionGone: () => void,
  ) {
    host.addController(this);
    this.realtime = new RealtimeController(host, {
      auth: () => (watchHall ? { hallId } : {}),
      onSync: (reply) => this.onSync(reply),
      onEvent: (event) => this.onEvent(event),
      onEnded: () => this.onSessionGone(),
    });
  }

  hostConnected(): void {
    void this.loadLive();
    this.interval = setInterval(() => void this.loadLive(), LIVE_EVERY_MS);
  }

  hostDisconnected(): void {
    if (this.interval) clearInterval(this.interval);
    if (this.liveTimer) clearTimeout(this.liveTimer);
    if (this.configTimer) clearTimeout(this.configTimer);
  }

  /** Loads the configuration now and keeps it fresh from then on. */
  async loadConfig(): Promise<void> {
    this.wantConfig = true;
    try {
      this.config = await this.api.get<ConfigView>(`/api/halls/${this.hallId}/config`);
      this.changed();
    } catch (err) {
      this.failed(err);
    }
  }

  /** Reloads what a command changed, without waiting for its event. */
  refresh(): void {
    this.schedule('live', 0);
    if (this.wantConfig) this.schedule('config', 0);
  }

  private onSync(reply: SyncReply) {
    this.snapshot = reply.snapshot;
    if (reply.missed.length) {
      this.casesRevision++;
      this.auditRevision++;
      this.bookingsRevision++;
      this.slotsRevision++;
    }
    this.refresh();
    this.changed();
  }

  private onEvent(event: RealtimeEvent) {
    if (this.snapshot) this.snapshot = applyEvent(this.snapshot, event);
    if (CASE_EVENTS.has(event.type)) this.casesRevision++;
    if (event.type === 'booking:updated') this.bookingsRevision++;
    if (event.type === 'config:changed' && event.data?.what === 'appointment_slot') this.slotsRevision++;
    if (!QUIET_EVENTS.has(event.type)) {
      this.auditRevision++;
      this.schedule('live', LIVE_DEBOUNCE_MS);
    }
    if (this.wantConfig && CONFIG_EVENTS.has(event.type)) this.schedule('config', 300);
    this.changed();
  }

  private schedule(what: 'live' | 'config', ms: number) {
    const key = what === 'live' ? 'liveTimer' : 'configTimer';
    if (this[key]) clearTimeout(this[key]);
    this[key] = setTimeout(() => {
      this[key] = null;
      void (what === 'live' ? this.loadLive() : this.loadConfig());
    }, ms);
  }

  private async loadLive() {
    try {
      this.live = await this.api.get<LiveView>(`/api/halls/${this.hallId}/live`);
      this.changed();
    } catch (err) {
      this.failed(err);
    }
  }

  private failed(err: unknown) {
    if (err instanceof ApiRequestError && (err.status === 401 || err.code === 'csrf')) this.onSessionGone();
  }

  private changed() {
    this.revision++;
    this.host.requestUpdate();
  }
}
