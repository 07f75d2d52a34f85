import { localized, msg, str } from '@lit/localize';
import { css, html, LitElement } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { PhoneTicketView } from '../../../common/phone.js';
import type { RatingResult, RealtimeEvent } from '../../../common/protocol.js';
import { ActionController } from '../../../common/ui/action.js';
import { ApiClient, ApiRequestError, errorMessage, RetryKey } from '../../../common/ui/api.js';
import { AudioUnlock, playChime } from '../../../common/ui/chime.js';
import { ClockController } from '../../../common/ui/clock.js';
import { getLocale, initLocale } from '../../../common/ui/i18n.js';
import { RealtimeController } from '../../../common/ui/realtime.js';
import { deviceMemory } from '../device-memory.js';
import { nameOf, statusLabel } from '../labels.js';
import '../phone-header.js';
import type { PhoneRating } from '../rating-form.js';
import { phoneStyles } from '../phone-styles.js';
import './ticket-view.js';
import type { TicketMode } from './ticket-view.js';

/** A fallback refresh while the ticket can still move, in case a push was lost. */
const REFRESH_MS = 60_000;
/** Other tickets' events arrive in bursts: spread the reloads of many phones over this long. */
const JITTER_MS = 1200;

/**
 * The visitor's ticket page at /t/<code> (the code is the ticket's secret): loads its view, follows
 * it live (its own events in full, its queue's moves as queue views), rings and vibrates when the
 * ticket is called (where the phone allows: after the visitor turned alerts on), lets the visitor
 * cancel a waiting ticket and rate a finished one (补评). `?rate=1` (the printed evaluation slip)
 * opens the rating form directly.
 */
@localized()
@customElement('hq-ticket-app')
export class TicketApp extends LitElement {
  @state() private view: PhoneTicketView | null = null;
  @state() private problem = '';
  @state() private mode: TicketMode = 'status';
  private readonly action = new ActionController(this);
  @state() private alerts = AudioUnlock.running();
  @state() private loadedAt = 0;
  @state() private initialLevel: number | null = null;
  @state() private thanked: number | null = null;
  @state() private ready = false;
  /** The last reload failed (network, or too many reads from this address): the view may be old. */
  @state() private stale = false;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;

  private readonly code = decodeURIComponent(location.pathname.split('/').filter(Boolean)[1] ?? '');
  private readonly api = new ApiClient();
  private readonly clock = new ClockController(this, 15_000);
  private readonly realtime = new RealtimeController(this, {
    auth: () => ({ ticketCode: this.code }),
    onSync: () => void this.load(),
    onEvent: (event) => this.onEvent(event),
    onEnded: (error) => {
      if (error.code === 'not_found') this.problem = getLocale() === 'en' ? error.messageEn : error.message;
    },
  });
  private rateRequested = new URLSearchParams(location.search).get('rate') === '1';
  private reloadTimer: ReturnType<typeof setTimeout> | null = null;
  private refreshTimer: ReturnType<typeof setInterval> | null = null;
  private readonly ratingKey = new RetryKey();

  static override styles = [
    phoneStyles,
    css`
      .problem {
        margin-top: 40px;
        text-align: center;
      }
    `,
  ];

  override connectedCallback() {
    super.connectedCallback();
    void this.begin();
  }

  /** The language first, then the ticket and its refreshing. */
  private async begin() {
    await initLocale();
    this.ready = true;
    void this.load();
    this.refreshTimer = setInterval(() => void this.load(), REFRESH_MS);
    document.addEventListener('visibilitychange', this.onVisible);
  }

  override disconnectedCallback() {
    if (this.refreshTimer) clearInterval(this.refreshTimer);
    if (this.reloadTimer) clearTimeout(this.reloadTimer);
    if (this.retryTimer) clearTimeout(this.retryTimer);
    document.removeEventListener('visibilitychange', this.onVisible);
    super.disconnectedCallback();
  }

  private readonly onVisible = () => {
    if (document.visibilityState === 'visible') void this.load();
  };

  override render() {
    if (!this.ready) return html``;
    const v = this.view;
    return html`<hq-phone-header .hall=${v?.status.hall.name ?? ''} @phone-language=${() => this.requestUpdate()}></hq-phone-header>
      <main class="page">
        ${
          this.problem
            ? html`<section class="card problem" role="alert">
              <h1>${msg('找不到这张号票')}</h1>
              <p class="note">${this.problem}</p>
              <p class="note">${msg('请核对链接，或重新扫描号票上的二维码。')}</p>
            </section>`
            : html`<hq-ticket-view
              .view=${v}
              .now=${this.clock.now}
              .mode=${this.mode}
              .live=${this.realtime.live && !this.stale}
              .alerts=${this.alerts}
              .busy=${this.action.busy}
              .error=${this.action.error}
              .loadedAt=${this.loadedAt}
              .initialLevel=${this.initialLevel}
              .thanked=${this.thanked}
              @ticket-cancel=${() => void this.cancel()}
              @ticket-rate=${(e: CustomEvent<number | null>) => this.openRating(e.detail)}
              @ticket-back=${() => this.back()}
              @alerts-enable=${() => void this.enableAlerts()}
              @rating-submit=${(e: CustomEvent<PhoneRating>) => void this.rate(e.detail)}
            ></hq-ticket-view>`
        }
      </main>`;
  }

  private async load(): Promise<void> {
    if (!this.code) {
      this.problem = msg('链接不完整。');
      return;
    }
    try {
      const next = await this.api.get<PhoneTicketView>(`/api/phone/tickets/${encodeURIComponent(this.code)}`);
      const before = this.view?.status.ticket;
      this.clock.setServerTime(next.now);
      this.view = next;
      this.loadedAt = next.now;
      this.problem = '';
      this.stale = false;
      const t = next.status.ticket;
      if (
        before &&
        t.status === 'called' &&
        (before.status !== 'called' || t.recallCount > before.recallCount || t.calledAt !== before.calledAt)
      )
        void this.alert();
      if (before && before.serviceId !== t.serviceId) this.realtime.start(); // transferred: follow the new queue
      if (this.rateRequested && next.rating.state === 'open') this.mode = 'rate';
      this.rateRequested = false;
      document.title =
        t.status === 'called' && next.status.window
          ? msg(str`【请到 ${next.status.window.number} 号窗口】${t.number}`)
          : `${t.number} · ${statusLabel(t.status)}`;
      deviceMemory.rememberTicket({
        code: this.code,
        number: t.number,
        service: nameOf({ name: next.status.serviceName, nameEn: next.status.serviceNameEn }),
        day: new Intl.DateTimeFormat('en-CA', { timeZone: next.status.hall.timezone }).format(t.issuedAt),
        hallCode: next.hallCode,
      });
    } catch (err) {
      if (err instanceof ApiRequestError && err.status === 404) {
        this.problem = errorMessage(err, getLocale());
        return;
      }
      // Keep the last view, say it may be old, and try again when the server allows.
      this.stale = true;
      const wait = err instanceof ApiRequestError && err.status === 429 ? Number(err.error.details?.retryAfterSeconds ?? 10) : 10;
      if (this.retryTimer) clearTimeout(this.retryTimer);
      this.retryTimer = setTimeout(
        () => {
          this.retryTimer = null;
          void this.load();
        },
        Math.min(Math.max(wait, 2), 60) * 1000 + Math.random() * JITTER_MS,
      );
    }
  }

  private onEvent(event: RealtimeEvent) {
    const mine = this.view?.status.ticket.id;
    if (event.ticket && event.ticket.id === mine) {
      void this.load();
      return;
    }
    // Someone else's call or a queue change: the place may have moved. Spread the reloads.
    if (this.reloadTimer) return;
    this.reloadTimer = setTimeout(() => {
      this.reloadTimer = null;
      void this.load();
    }, Math.random() * JITTER_MS);
  }

  /** Rings and vibrates where the phone allows it. */
  private async alert() {
    try {
      navigator.vibrate?.([400, 200, 400, 200, 800]);
    } catch {
      /* not allowed without a gesture: the big card still shows */
    }
    if (AudioUnlock.running()) {
      await playChime();
      await playChime();
    }
  }

  private async enableAlerts() {
    this.alerts = await AudioUnlock.unlock();
    try {
      navigator.vibrate?.(120);
    } catch {
      /* vibration is optional */
    }
  }

  private openRating(level: number | null) {
    this.initialLevel = level;
    this.action.clear();
    this.show('rate');
  }

  private back() {
    this.action.clear();
    this.initialLevel = null;
    this.show('status');
  }

  /** Another screen of the page starts at its top. */
  private show(mode: TicketMode) {
    this.mode = mode;
    window.scrollTo({ top: 0 });
  }

  private async rate(rating: PhoneRating) {
    // The same choice sent again (after a network failure) is a retry of the first.
    const key = this.ratingKey.for(rating);
    await this.action.run(
      async () => {
        await this.api.post<RatingResult>(`/api/phone/tickets/${encodeURIComponent(this.code)}/rating`, rating, { idempotencyKey: key });
        this.thanked = rating.level;
        this.show('thanks');
        await this.load();
      },
      (err) => (err instanceof ApiRequestError ? this.load() : undefined),
    );
  }

  private async cancel() {
    await this.action.run(
      async () => {
        this.view = await this.api.post<PhoneTicketView>(`/api/phone/tickets/${encodeURIComponent(this.code)}/cancel`);
      },
      () => this.load(),
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'hq-ticket-app': TicketApp;
  }
}
