import { localized } from '@lit/localize';
import { html, LitElement } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { PadState, RatingRequestView, RealtimeEvent, SyncReply } from '../../common/protocol.js';
import { ApiRequestError, errorMessage, OfflineError, RetryKey } from '../../common/ui/api.js';
import { ClockController } from '../../common/ui/clock.js';
import type { DeviceController } from '../../common/ui/device.js';
import { getLocale, switchLocale } from '../../common/ui/i18n.js';
import { RealtimeController } from '../../common/ui/realtime.js';
import './pad-view.js';
import type { PadPhase, PadRating } from './pad-view.js';

/** How long the thank-you stays before the pad returns to idle. */
export const THANKS_MS = 4000;
/** A refusal (expired, already rated) stays this long before the pad returns to idle. */
const REFUSAL_MS = 4000;
/** Refusals after which this request cannot be answered any more. */
const REQUEST_OVER = new Set([
  'rating_expired',
  'rating_not_pending',
  'rating_already_rated',
  'rating_wrong_window',
  'rating_not_finished',
]);
/** Events after which the pad reloads its window and clerk. */
const RELOAD_ON = new Set<RealtimeEvent['type']>(['window:clerk', 'window:status', 'window:updated', 'config:changed', 'hall:updated']);

/**
 * The working pad: loads its screen (GET /api/pad), listens on its window's room, asks for a
 * rating when `rating:requested` arrives, sends the visitor's choice (one idempotency key per
 * choice, reused when the network fails and the same choice is sent again), thanks, and goes
 * back to idle when the deadline passes or `rating:expired` arrives — nothing is recorded then.
 */
@localized()
@customElement('hq-pad-screen')
export class PadScreen extends LitElement {
  @property({ attribute: false }) device!: DeviceController;

  @state() private padState: PadState | null = null;
  @state() private request: RatingRequestView | null = null;
  @state() private phase: PadPhase = 'idle';
  @state() private sending = false;
  @state() private error = '';
  @state() private thanked: number | null = null;

  private readonly clock = new ClockController(this, 500);
  private readonly realtime = new RealtimeController(this, {
    auth: () => ({ token: this.device.token ?? '' }),
    onSync: (reply) => this.onSync(reply),
    onEvent: (event) => this.onEvent(event),
    onEnded: (error) => this.device.refuse(error),
    heartbeat: () => ({ state: { online: true } }),
    heartbeatMs: 30_000,
  });
  private phaseTimer: ReturnType<typeof setTimeout> | null = null;
  /** A request that arrived during the thank-you, shown right after it. */
  private queued: RatingRequestView | null = null;
  /** The key of the last choice sent: the same choice again is a retry of it. */
  private readonly sent = new RetryKey();

  protected override createRenderRoot() {
    return this;
  }

  override connectedCallback() {
    super.connectedCallback();
    void this.load();
  }

  override disconnectedCallback() {
    if (this.phaseTimer) clearTimeout(this.phaseTimer);
    super.disconnectedCallback();
  }

  protected override willUpdate() {
    // The deadline passed on this screen: back to idle, nothing recorded (the server's job marks it).
    if (this.phase === 'asking' && this.request && this.clock.now > this.request.deadline && !this.sending) this.toIdle();
  }

  override render() {
    return html`<hq-pad-view
      .state=${this.padState}
      .request=${this.request}
      .phase=${this.phase}
      .now=${this.clock.now}
      .sending=${this.sending}
      .error=${this.error}
      .offline=${this.realtime.offline}
      .thanked=${this.thanked}
      @pad-rate=${(e: CustomEvent<PadRating>) => void this.rate(e.detail)}
      @pad-language=${() => void switchLocale(getLocale() === 'en' ? 'zh-CN' : 'en')}
    ></hq-pad-view>`;
  }

  private async load() {
    try {
      const state = await this.device.api.get<PadState>('/api/pad');
      this.clock.setServerTime(state.now);
      this.padState = state;
      if (this.phase !== 'thanks' && !this.sending) {
        if (state.pending && state.pending.ticketId !== this.request?.ticketId) this.ask(state.pending);
        else if (!state.pending && this.phase === 'asking') this.toIdle();
      }
    } catch (err) {
      if (err instanceof ApiRequestError && err.status < 500 && err.code !== 'rate_limited') this.device.refuse(err.error);
    }
  }

  private onSync(reply: SyncReply) {
    this.clock.setServerTime(reply.snapshot.now);
    void this.load();
  }

  private onEvent(event: RealtimeEvent) {
    const data = event.data ?? {};
    const windowId = this.padState?.window.id ?? this.device.device?.windowId;
    if (event.type === 'rating:requested' && data.windowId === windowId) {
      if (this.phase !== 'thanks') this.ask(data as unknown as RatingRequestView);
      else this.queued = data as unknown as RatingRequestView;
      return;
    }
    if ((event.type === 'rating:expired' || event.type === 'rating:submitted') && data.ticketId === this.request?.ticketId) {
      if (this.phase === 'asking' && !this.sending) this.toIdle();
      return;
    }
    if (RELOAD_ON.has(event.type)) void this.load();
  }

  private ask(request: RatingRequestView) {
    if (this.phaseTimer) clearTimeout(this.phaseTimer);
    this.request = request;
    this.phase = 'asking';
    this.error = '';
    this.sent.reset();
  }

  private toIdle() {
    if (this.phaseTimer) clearTimeout(this.phaseTimer);
    this.phaseTimer = null;
    this.request = null;
    this.phase = 'idle';
    this.error = '';
    this.sent.reset();
    const next = this.queued;
    this.queued = null;
    if (next && next.deadline > this.clock.now) this.ask(next);
  }

  private later(ms: number, then: () => void) {
    if (this.phaseTimer) clearTimeout(this.phaseTimer);
    this.phaseTimer = setTimeout(then, ms);
  }

  private async rate(rating: PadRating) {
    if (this.sending || this.phase !== 'asking') return;
    const key = this.sent.for(rating);
    this.sending = true;
    this.error = '';
    try {
      await this.device.api.post('/api/pad/ratings', rating, { idempotencyKey: key });
      this.thanked = rating.level;
      this.phase = 'thanks';
      this.request = null;
      this.later(THANKS_MS, () => this.toIdle());
    } catch (err) {
      this.error = errorMessage(err, getLocale());
      if (err instanceof ApiRequestError && REQUEST_OVER.has(err.code)) this.later(REFUSAL_MS, () => this.toIdle());
      else if (!(err instanceof OfflineError) && err instanceof ApiRequestError && err.status === 403) this.device.refuse(err.error);
    } finally {
      this.sending = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'hq-pad-screen': PadScreen;
  }
}
