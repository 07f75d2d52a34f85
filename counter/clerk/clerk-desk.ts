import { localized } from '@lit/localize';
import { html, LitElement } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { applyEvent } from '../../common/hall-state.js';
import type { HallSnapshot, RealtimeEvent, SyncReply, WindowDetail } from '../../common/protocol.js';
import { ApiRequestError, errorMessage, newIdempotencyKey } from '../../common/ui/api.js';
import { ClockController } from '../../common/ui/clock.js';
import { getLocale, switchLocale } from '../../common/ui/i18n.js';
import { RealtimeController } from '../../common/ui/realtime.js';
import type { SessionController } from '../../common/ui/session.js';
import type { DeskCommand } from './actions.js';
import { CommandRunner, commandRequest } from './command-runner.js';
import './desk-view.js';
import { concernsWindow, padStatusAfter, type PadStatus } from './window-events.js';

/**
 * Events close together (a burst of calls in the hall) cause one reload of the window, at most
 * this long after the first of them. Not restarted by later events: in a busy hall events that
 * concern a comprehensive window can come faster than this for minutes, and a console that waits
 * for a quiet moment would show a stale window all that time.
 */
const REFETCH_DELAY_MS = 250;
/** Errors that mean the session is gone: back to the sign-in form. */
const SESSION_GONE = new Set(['unauthenticated', 'session_expired', 'csrf']);

/**
 * The clerk console for one window: loads the window (GET /api/windows/:id), keeps it live from
 * the realtime connection (the staff socket authenticates with the session cookie; every event
 * that concerns the window reloads it, batched), and runs the clerk's commands through a
 * `CommandRunner` (one idempotency key per action, nothing twice). Renders `<hq-desk-view>`.
 *
 * @fires desk-left - the clerk signed out of the window or is no longer on it
 */
@localized()
@customElement('hq-clerk-desk')
export class ClerkDesk extends LitElement {
  @property({ attribute: false }) session!: SessionController;
  @property({ type: Number }) windowId = 0;

  @state() private detail: WindowDetail | null = null;
  @state() private snapshot: HallSnapshot | null = null;
  @state() private pad: PadStatus | null = null;
  @state() private problem: unknown = null;

  private readonly clock = new ClockController(this, 1000);
  private readonly runner = new CommandRunner(this, (command, key) => this.send(command, key));
  private readonly realtime = new RealtimeController(this, {
    // Staff sockets authenticate with the session cookie.
    auth: () => ({}),
    onSync: (reply) => this.onSync(reply),
    onEvent: (event) => this.onEvent(event),
    onEnded: () => void this.session.refresh(),
  });
  private refetchTimer: ReturnType<typeof setTimeout> | null = null;
  private loading: Promise<void> | null = null;
  private loadAgain = false;

  // Light DOM: the view is the only child, and page-level tests reach it directly.
  protected override createRenderRoot() {
    return this;
  }

  override connectedCallback() {
    super.connectedCallback();
    void this.load();
  }

  override disconnectedCallback() {
    if (this.refetchTimer) clearTimeout(this.refetchTimer);
    super.disconnectedCallback();
  }

  override render() {
    const failed = this.runner.failed;
    const failure = failed
      ? { message: errorMessage(failed.error, getLocale()), retry: failed.unknownOutcome }
      : this.problem
        ? { message: errorMessage(this.problem, getLocale()), retry: false }
        : null;
    return html`<hq-desk-view
      .detail=${this.detail}
      .services=${this.snapshot?.services ?? []}
      .zones=${this.snapshot?.zones ?? []}
      .windows=${this.snapshot?.windows ?? []}
      .pad=${this.pad}
      .user=${this.session.user}
      .now=${this.clock.now}
      .timezone=${this.snapshot?.hall.timezone ?? 'Asia/Shanghai'}
      .graceMinutes=${this.snapshot?.hall.noShowGraceMinutes ?? 30}
      .offline=${this.realtime.offline}
      .live=${this.realtime.live}
      .busy=${this.runner.busy}
      .failure=${failure}
      @desk-command=${(e: CustomEvent<DeskCommand>) => void this.runner.run(e.detail)}
      @desk-retry=${() => void this.runner.retry()}
      @desk-dismiss=${this.dismiss}
      @desk-sign-out=${() => void this.leave(false)}
      @desk-logout=${() => void this.leave(true)}
      @desk-language=${this.toggleLanguage}
    ></hq-desk-view>`;
  }

  private onSync(reply: SyncReply) {
    this.clock.setServerTime(reply.snapshot.now);
    this.snapshot = reply.snapshot;
    let pad = this.pad;
    for (const event of reply.missed) pad = padStatusAfter(pad, event, this.windowId);
    this.pad = pad;
    // After a reconnect the window may have changed in ways no event replay shows: reload it.
    void this.load();
  }

  private onEvent(event: RealtimeEvent) {
    if (this.snapshot) this.snapshot = applyEvent(this.snapshot, event);
    this.pad = padStatusAfter(this.pad, event, this.windowId);
    if (concernsWindow(event, this.windowId, this.detail)) this.scheduleLoad();
  }

  private scheduleLoad() {
    if (this.refetchTimer) return; // the reload already planned will see this event too
    this.refetchTimer = setTimeout(() => {
      this.refetchTimer = null;
      void this.load();
    }, REFETCH_DELAY_MS);
  }

  /** Loads the window; a load asked for while one runs happens once more after it. */
  private load(): Promise<void> {
    if (this.loading) {
      this.loadAgain = true;
      return this.loading;
    }
    this.loading = (async () => {
      do {
        this.loadAgain = false;
        try {
          const detail = await this.session.api.get<WindowDetail>(`/api/windows/${this.windowId}`);
          this.detail = detail;
          this.problem = null;
          const me = this.session.user;
          if (me?.role === 'clerk' && detail.window.clerk?.id !== me.id) this.left();
        } catch (err) {
          this.onError(err);
        }
      } while (this.loadAgain);
      this.loading = null;
    })();
    return this.loading;
  }

  private async send(command: DeskCommand, idempotencyKey: string) {
    const { path, body } = commandRequest(this.windowId, command);
    try {
      await this.session.api.post(path, body, { idempotencyKey });
    } catch (err) {
      this.onError(err, false);
      throw err;
    }
    // Show the result at once; the realtime events then keep it fresh.
    await this.load();
  }

  private onError(err: unknown, show = true) {
    if (err instanceof ApiRequestError && SESSION_GONE.has(err.code)) {
      void this.session.refresh();
      return;
    }
    if (show) this.problem = err;
  }

  private readonly dismiss = () => {
    this.runner.dismiss();
    this.problem = null;
  };

  /** 签退 (and 退出登录): leave the window first, so it does not stay open with nobody at it. */
  private async leave(logout: boolean) {
    if (this.runner.busy) return;
    try {
      await this.session.api.post(`/api/windows/${this.windowId}/sign-out`, {}, { idempotencyKey: newIdempotencyKey() });
    } catch (err) {
      this.onError(err);
      return;
    }
    if (logout) await this.session.logout();
    else this.left();
  }

  private left() {
    this.dispatchEvent(new CustomEvent('desk-left', { bubbles: true, composed: true }));
  }

  private readonly toggleLanguage = async () => {
    await switchLocale(getLocale() === 'en' ? 'zh-CN' : 'en');
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'hq-clerk-desk': ClerkDesk;
  }
}
