import { localized, msg, str } from '@lit/localize';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { applyEvent } from '../../common/hall-state.js';
import type { CheckInRefusalBooking, KioskCheckInView, KioskIssueView } from '../../common/phone.js';
import type { HallSnapshot, RealtimeEvent, SyncReply } from '../../common/protocol.js';
import { ApiRequestError, newIdempotencyKey } from '../../common/ui/api.js';
import { ClockController } from '../../common/ui/clock.js';
import type { DeviceController } from '../../common/ui/device.js';
import { formatDate } from '../../common/ui/format.js';
import { getLocale, switchLocale } from '../../common/ui/i18n.js';
import '../../common/ui/login-form.js';
import { RealtimeController } from '../../common/ui/realtime.js';
import { SessionController } from '../../common/ui/session.js';
import type { PriorityKind } from '../../common/vocabulary.js';
import { speakNumber } from '../../common/domain/announcement.js';
import {
  CHECK_IN_IDLE_S,
  checkInOutcome,
  lookupOf,
  offersNormalNumber,
  type BookingChoice,
  type CheckInLookup,
  type Entry,
} from './check-in-logic.js';
import './kiosk-check-in.js';
import type { KioskCheckInRequest } from './kiosk-check-in.js';
import {
  canRetry,
  hallClock,
  IDLE_RESET_S,
  ISSUE_TIMEOUT_MS,
  NOTICE_S,
  noticeAfterPrint,
  noticeKind,
  PRINT_WAIT_MS,
  printerNotice,
  printStateOf,
  STAFF_IDLE_S,
  ticketSeconds,
  type NoticeKind,
  type PrinterNotice,
  type PrintState,
} from './kiosk-logic.js';
import './kiosk-notice.js';
import './kiosk-priority.js';
import type { KioskPriorityChoice } from './kiosk-priority.js';
import './kiosk-services.js';
import type { KioskPick, KioskServices } from './kiosk-services.js';
import { kioskStyles } from './kiosk-styles.js';
import './kiosk-ticket.js';
import type { KioskTicket } from './kiosk-ticket.js';
import { KioskVoice } from './voice.js';

/** GET /api/kiosk. */
interface KioskInfo {
  now: number;
  hall: { id: number; name: string; timezone: string };
  issuing: { selfDeclaredPriority: boolean; allowWhenNoWindowOpen: boolean };
  /** The hall takes appointments: the start screen offers 预约签到. */
  appointments?: boolean;
  printer: { id: number; name: string; online: boolean | null; paper: string | null; coverOpen: boolean; problem: string | null } | null;
}

/** One tap: the same key is reused when the visitor retries it. */
interface IssueAttempt {
  kind: 'issue';
  serviceId: number;
  priority: PriorityKind;
  key: string;
}

/** One 预约签到: what was typed, what the server is asked, and the key a retry reuses. */
interface CheckInAttempt {
  kind: 'check_in';
  entry: Entry;
  lookup: CheckInLookup;
  key: string;
}

type Attempt = IssueAttempt | CheckInAttempt;

type Phase =
  | { name: 'start' }
  | { name: 'choose'; serviceId: number }
  | { name: 'issuing'; attempt: IssueAttempt }
  | {
      name: 'checkin';
      sending: CheckInAttempt | null;
      error: { message: string } | null;
      choices: BookingChoice[] | null;
      initial: Entry | null;
    }
  | { name: 'ticket'; ticket: KioskTicket; print: PrintState; endsAt: number; printDeadline: number }
  | {
      name: 'notice';
      kind: NoticeKind;
      message: string;
      serviceName: string;
      attempt: Attempt | null;
      endsAt: number;
      /** The appointment a check-in refusal is about, and whether a normal number for its service is offered. */
      booking: CheckInRefusalBooking | null;
      normal: boolean;
    };

/** Print outcomes seen on the realtime connection, by ticket (they may arrive before the HTTP answer). */
const REMEMBERED_OUTCOMES = 50;
const VOICE_KEY = 'hq.kiosk.voice';

/**
 * The working kiosk (取号机): the start screen with the hall's services, the 绿色通道 choice
 * where allowed, the ticket the server issued and its printing, clear refusals, and the way
 * back to the start after a short idle time. Loads its rules and printer from GET /api/kiosk,
 * the services and queues from the realtime snapshot (kept live by events), issues with one
 * idempotency key per tap, and learns the print outcome from the `ticket:printed` event.
 *
 * A clerk at the guide desk can sign in on the same page: then every ticket offers the priority
 * kinds, and is printed on this kiosk's printer.
 *
 * 预约签到: the entry beside the search opens the keypad (`<hq-kiosk-check-in>`); the check-in is
 * one request with its own idempotency key, printed and shown like a number taken here; too
 * early, too late and the like offer a normal number for the booked service.
 */
@localized()
@customElement('hq-kiosk-screen')
export class KioskScreen extends LitElement {
  @property({ attribute: false }) device!: DeviceController;

  @state() private snapshot: HallSnapshot | null = null;
  @state() private info: KioskInfo | null = null;
  @state() private phase: Phase = { name: 'start' };
  @state() private elder = false;
  @state() private staffLogin = false;
  @state() private printer: PrinterNotice = null;
  @state() private voiceOn = true;

  private readonly clock = new ClockController(this, 1000);
  private readonly session = new SessionController(this, ['clerk', 'manager', 'admin']);
  private readonly voice = new KioskVoice(() => this.requestUpdate());
  private readonly realtime = new RealtimeController(this, {
    auth: () => ({ token: this.device.token ?? '' }),
    onSync: (reply) => this.onSync(reply),
    onEvent: (event) => this.onEvent(event),
    onEnded: (error) => this.device.refuse(error),
    heartbeat: () => ({ state: { online: true, voiceMissing: !this.voice.available('zh-CN') } }),
    heartbeatMs: 30_000,
  });
  private readonly outcomes = new Map<number, { printed: boolean; problem: string | null }>();
  private lastTouch = Date.now();

  static override styles = [
    ...kioskStyles,
    css`
      :host {
        display: grid;
        grid-template-rows: auto auto minmax(0, 1fr) auto;
        height: 100vh;
        overflow: hidden;
        background: radial-gradient(120% 80% at 50% 0%, #0f3366 0%, var(--hq-bg) 60%);
      }
      :host([elder]) {
        --k: 1.25;
      }
      header {
        display: grid;
        grid-template-columns: auto minmax(0, 1fr) auto auto;
        grid-template-areas: 'emblem name clock tools' 'emblem sub clock tools';
        align-items: center;
        column-gap: 2rem;
        row-gap: 0.3rem;
        padding: 1.6rem 2.4rem;
        border-bottom: 1px solid var(--hq-line);
        background: rgb(4 18 42 / 55%);
      }
      .emblem {
        grid-area: emblem;
        display: grid;
        place-items: center;
        width: 5.2rem;
        height: 5.2rem;
        border-radius: 1.2rem;
        background: var(--hq-accent);
        color: var(--hq-accent-text);
        flex: none;
      }
      .emblem svg {
        width: 3.2rem;
        height: 3.2rem;
      }
      h1 {
        grid-area: name;
        align-self: end;
        margin: 0;
        font-size: 2.4rem;
        line-height: 1.2;
        white-space: nowrap;
        overflow: hidden;
        text-overflow: ellipsis;
      }
      .sub {
        grid-area: sub;
        align-self: start;
        margin: 0;
        font-size: 1.45rem;
        color: var(--hq-text-dim);
      }
      .clock {
        grid-area: clock;
        display: grid;
        justify-items: end;
        font-variant-numeric: tabular-nums;
        white-space: nowrap;
      }
      .clock b {
        font-family: var(--hq-number-font);
        font-size: 2.8rem;
        line-height: 1;
      }
      .clock span {
        font-size: 1.15rem;
        color: var(--hq-text-dim);
      }
      .tools {
        grid-area: tools;
        display: flex;
        justify-content: flex-end;
        gap: 1rem;
      }
      .tools .btn {
        min-height: 4.4rem;
        padding: 0 1.4rem;
        font-size: 1.4rem;
      }
      .tools .btn[aria-pressed='true'] {
        background: var(--hq-accent);
        border-color: var(--hq-accent);
        color: var(--hq-accent-text);
      }
      .banners {
        display: grid;
        gap: 0.6rem;
        padding: 0 2.4rem;
      }
      .banners:not(:empty) {
        padding-top: 1.2rem;
      }
      .banner {
        display: flex;
        align-items: center;
        gap: 1rem;
        padding: 1rem 1.6rem;
        border-radius: 0.8rem;
        font-size: calc(1.45rem * var(--k, 1));
        font-weight: 600;
      }
      .banner .btn {
        margin-left: auto;
        min-height: 3.4rem;
        font-size: 1.3rem;
      }
      main {
        position: relative;
        display: grid;
        min-height: 0;
        padding: 2rem 2.4rem;
      }
      main > * {
        min-height: 0;
      }
      .busy {
        position: absolute;
        inset: 0;
        display: grid;
        place-items: center;
        align-content: center;
        gap: 2rem;
        background: rgb(4 18 42 / 80%);
        font-size: calc(2.4rem * var(--k, 1));
        font-weight: 600;
        z-index: 2;
      }
      .busy .spinner {
        --spinner-size: 7rem;
        --spinner-ring: 0.7rem;
      }
      .login {
        position: absolute;
        inset: 0;
        z-index: 3;
        display: grid;
        grid-template-rows: minmax(0, 1fr) auto;
        background: #f3f6fa;
      }
      .login hq-login-form {
        min-height: 0;
      }
      .login .btn {
        justify-self: center;
        margin-bottom: 3rem;
        background: #fff;
        color: #15233a;
        border-color: #d5deea;
      }
      footer {
        display: flex;
        align-items: center;
        gap: 2rem;
        padding: 1.1rem 2.4rem;
        border-top: 1px solid var(--hq-line);
        font-size: calc(1.3rem * var(--k, 1));
        color: var(--hq-text-dim);
      }
      footer .hint {
        flex: 1;
      }
      footer .staff-link {
        border: none;
        background: none;
        color: var(--hq-text-dim);
        font-size: 1.2rem;
        padding: 0.8rem 1rem;
        opacity: 0.7;
      }
      .offline-dot {
        color: var(--hq-warn);
      }
      @media (orientation: portrait) {
        header {
          grid-template-columns: auto minmax(0, 1fr) auto;
          grid-template-areas: 'emblem name clock' 'emblem sub tools';
          row-gap: 0.8rem;
        }
      }
    `,
  ];

  override connectedCallback() {
    super.connectedCallback();
    try {
      this.voiceOn = localStorage.getItem(VOICE_KEY) !== 'off';
    } catch {
      /* storage unavailable: voice stays on */
    }
    this.addEventListener('pointerdown', this.touched, { capture: true });
    this.addEventListener('keydown', this.touched, { capture: true });
    void this.loadInfo();
  }

  override disconnectedCallback() {
    this.removeEventListener('pointerdown', this.touched, { capture: true });
    this.removeEventListener('keydown', this.touched, { capture: true });
    this.voice.cancel();
    super.disconnectedCallback();
  }

  private readonly touched = () => {
    this.lastTouch = Date.now();
  };

  protected override willUpdate() {
    this.toggleAttribute('elder', this.elder);
    const now = Date.now();
    const idle = (now - this.lastTouch) / 1000;
    const p = this.phase;
    if (p.name === 'ticket') {
      if (p.print === 'printing' && now > p.printDeadline)
        this.phase = { ...p, print: 'unknown', endsAt: now + ticketSeconds('unknown') * 1000 };
      else if (now > p.endsAt) this.toStart();
    } else if (p.name === 'notice' && now > p.endsAt) this.toStart();
    else if (p.name === 'choose' && idle > NOTICE_S) this.toStart();
    else if (p.name === 'checkin' && !p.sending && idle > CHECK_IN_IDLE_S) this.toStart();
    else if (p.name === 'start' && idle > IDLE_RESET_S) this.resetStart();
    if (this.session.state === 'signed-in' && idle > STAFF_IDLE_S) void this.session.logout();
    if (this.staffLogin && this.session.state === 'signed-in') this.staffLogin = false;
  }

  private get timezone(): string {
    return this.info?.hall.timezone ?? this.snapshot?.hall.timezone ?? 'Asia/Shanghai';
  }

  private get staff(): boolean {
    return this.session.state === 'signed-in';
  }

  override render() {
    const locale = getLocale();
    const hallName = this.info?.hall.name ?? this.snapshot?.hall.name ?? '';
    const now = this.clock.now;
    const voiceAvailable = this.voice.available(locale);
    return html`
      <header>
        <div class="emblem" aria-hidden="true">
          <svg viewBox="0 0 24 24"><path fill="currentColor" fill-rule="evenodd" d="M4 4h16a2 2 0 0 1 2 2v3a2 2 0 0 0 0 4v3a2 2 0 0 1-2 2H4a2 2 0 0 1-2-2v-3a2 2 0 0 0 0-4V6a2 2 0 0 1 2-2m5 4v2h6V8zm0 4v2h6v-2zm-2-4v2h1V8zm0 4v2h1v-2z" /></svg>
        </div>
        <h1>${hallName}</h1>
        <p class="sub">${msg('自助取号 · 请选择您要办理的业务，点击即可取号')}</p>
        <div class="clock">
          <b>${hallClock(now, this.timezone)}</b>
          <span>${formatDate(now, this.timezone, locale)}</span>
        </div>
        <div class="tools">
          <button class="btn" data-tool="elder" aria-pressed=${String(this.elder)} @click=${() => (this.elder = !this.elder)}>
            ${this.elder ? msg('标准字号') : msg('大字模式')}
          </button>
          ${
            voiceAvailable
              ? html`<button class="btn" data-tool="voice" aria-pressed=${String(this.voiceOn)} @click=${this.toggleVoice}>${this.voiceOn ? msg('语音：开') : msg('语音：关')}</button>`
              : nothing
          }
          <button class="btn" data-tool="language" @click=${() => void switchLocale(locale === 'en' ? 'zh-CN' : 'en')}>${locale === 'en' ? '中文' : 'English'}</button>
        </div>
      </header>
      <div class="banners">${this.renderBanners()}</div>
      <main>
        ${this.renderServices(this.phase.name !== 'start' && this.phase.name !== 'issuing')}${this.renderPhase()}
        ${this.phase.name === 'issuing' ? html`<div class="busy" role="status"><div class="spinner"></div>${msg('正在取号，请稍候…')}</div>` : nothing}
        ${
          this.staffLogin
            ? html`<div class="login">
              <hq-login-form .session=${this.session} heading=${msg('导办台工作人员登录')}></hq-login-form>
              <button class="btn" @click=${() => (this.staffLogin = false)}>${msg('返回取号')}</button>
            </div>`
            : nothing
        }
      </main>
      <footer>
        <span class="hint">${this.realtime.offline ? html`<span class="offline-dot">● ${msg('网络重连中')}</span> · ` : nothing}${msg('取号后请留意大厅屏幕和语音叫号；过号请到窗口申请重新排队。')}</span>
        ${this.staff ? nothing : html`<button class="staff-link" data-staff @click=${() => (this.staffLogin = true)}>${msg('工作人员')}</button>`}
      </footer>
    `;
  }

  private renderBanners() {
    const banners = [];
    if (this.realtime.offline && this.snapshot) {
      banners.push(
        html`<div class="banner stop" role="alert" data-banner="offline">${msg('网络连接中断，正在自动重连。重连前取号可能失败，请稍候或到导办台咨询。')}</div>`,
      );
    }
    if (this.printer === 'paper_out') {
      banners.push(
        html`<div class="banner warn" role="status" data-banner="printer">${msg('打印机缺纸：取号后请用手机扫码保存电子号票，工作人员正在处理。')}</div>`,
      );
    } else if (this.printer) {
      banners.push(
        html`<div class="banner warn" role="status" data-banner="printer">${msg('打印机暂时无法出票：取号后请用手机扫码保存电子号票。')}</div>`,
      );
    }
    if (this.staff) {
      const user = this.session.user!;
      banners.push(html`<div class="banner ok" data-banner="staff">
        ${msg(str`导办台模式：${user.displayName}（${user.staffNo}）代为取号，可办理绿色通道`)}
        <button class="btn" @click=${() => void this.session.logout()}>${msg('退出')}</button>
      </div>`);
    }
    return banners;
  }

  private renderPhase() {
    const p = this.phase;
    const seconds = (endsAt: number) => Math.max(0, Math.ceil((endsAt - Date.now()) / 1000));
    switch (p.name) {
      case 'start':
      case 'issuing':
        return nothing;
      case 'choose':
        return html`<hq-kiosk-priority
          .serviceName=${this.serviceName(p.serviceId)}
          ?staff=${this.staff}
          @kiosk-priority=${(e: CustomEvent<KioskPriorityChoice>) => void this.issue(p.serviceId, e.detail.priority)}
          @kiosk-back=${() => this.toStart()}
        ></hq-kiosk-priority>`;
      case 'checkin':
        return html`<hq-kiosk-check-in
          .initial=${p.initial}
          .error=${p.error}
          .choices=${p.choices}
          ?sending=${p.sending !== null}
          @kiosk-check-in=${(e: CustomEvent<KioskCheckInRequest>) => void this.checkIn(e.detail.entry, e.detail.serviceId)}
          @kiosk-back=${() => this.toStart()}
        ></hq-kiosk-check-in>`;
      case 'ticket':
        return html`<hq-kiosk-ticket .ticket=${p.ticket} .printState=${p.print} .secondsLeft=${seconds(p.endsAt)} @kiosk-done=${() => this.toStart()}></hq-kiosk-ticket>`;
      case 'notice':
        return html`<hq-kiosk-notice
          .kind=${p.kind}
          .message=${p.message}
          .serviceName=${p.serviceName}
          ?retry=${p.attempt !== null}
          .secondsLeft=${seconds(p.endsAt)}
          .booking=${p.booking}
          ?normal=${p.normal}
          .now=${this.clock.now}
          @kiosk-back=${() => this.toStart()}
          @kiosk-retry=${() => this.retry(p.attempt)}
          @kiosk-normal=${() => p.booking && void this.issue(p.booking.serviceId, 'normal')}
        ></hq-kiosk-notice>`;
    }
  }

  /**
   * The start screen stays (hidden) under the other screens, so the visitor's zone and search
   * are still there when they come back to it.
   */
  private renderServices(hidden: boolean) {
    const s = this.snapshot;
    if (!s) return html`<div class="busy" role="status"><div class="spinner"></div>${msg('正在加载…')}</div>`;
    return html`<hq-kiosk-services
      ?hidden=${hidden}
      .zones=${s.zones}
      .services=${s.services}
      .queues=${s.queues}
      .now=${this.clock.now}
      .timezone=${this.timezone}
      .allowWhenNoWindowOpen=${this.info?.issuing.allowWhenNoWindowOpen ?? true}
      .notice=${s.hall.notice}
      ?elder=${this.elder}
      ?check-in=${this.info?.appointments === true}
      @kiosk-pick=${(e: CustomEvent<KioskPick>) => this.pick(e.detail.serviceId)}
      @kiosk-check-in-open=${() => this.openCheckIn()}
    ></hq-kiosk-services>`;
  }

  private serviceName(serviceId: number): string {
    const service = this.snapshot?.services.find((s) => s.id === serviceId);
    if (!service) return '';
    return getLocale() === 'en' && service.nameEn ? service.nameEn : service.name;
  }

  // ---------------------------------------------------------------------------------------------
  // Flow

  private pick(serviceId: number) {
    if (this.phase.name !== 'start') return;
    const mayDeclare = this.staff || this.info?.issuing.selfDeclaredPriority === true;
    if (mayDeclare) this.phase = { name: 'choose', serviceId };
    else void this.issue(serviceId, 'normal');
  }

  /** Sends one tap; a retry passes the key of the first attempt, so at most one ticket is issued. */
  private async issue(serviceId: number, priority: PriorityKind, key = newIdempotencyKey()) {
    const attempt: IssueAttempt = { kind: 'issue', serviceId, priority, key };
    this.phase = { name: 'issuing', attempt };
    const body = { serviceId, ...(priority !== 'normal' ? { priority } : {}), ...this.guideDeskPrinter() };
    try {
      const res = await this.api.post<KioskIssueView>(`/api/halls/${this.hallId}/tickets`, body, {
        idempotencyKey: key,
        timeoutMs: ISSUE_TIMEOUT_MS,
      });
      this.showTicket(res, null);
    } catch (err) {
      this.showRefusal(err, attempt);
    }
  }

  private openCheckIn() {
    if (this.phase.name !== 'start') return;
    this.phase = { name: 'checkin', sending: null, error: null, choices: null, initial: null };
    if (this.voiceOn) this.voice.speak(msg('请输入预约码或预约时填写的手机号。'), getLocale(), this.rate);
  }

  /**
   * 预约签到 with what the visitor typed (and the service, when their phone number has several
   * appointments today). Printed on this kiosk's printer like a number taken here; a retry passes
   * the key of the first attempt, so one booking is never checked in twice.
   */
  private async checkIn(entry: Entry, serviceId?: number, key = newIdempotencyKey()) {
    const p = this.phase;
    const attempt: CheckInAttempt = { kind: 'check_in', entry, lookup: lookupOf(entry, serviceId), key };
    this.phase = { name: 'checkin', sending: attempt, error: null, choices: p.name === 'checkin' ? p.choices : null, initial: entry };
    try {
      const res = await this.api.post<KioskCheckInView>(
        `/api/halls/${this.hallId}/bookings/check-in`,
        { ...attempt.lookup, ...this.guideDeskPrinter() },
        { idempotencyKey: key, timeoutMs: ISSUE_TIMEOUT_MS },
      );
      this.showTicket(res.issued, { start: res.booking.start, end: res.booking.end });
    } catch (err) {
      this.showCheckInRefusal(err, attempt);
    }
  }

  private retry(attempt: Attempt | null) {
    if (attempt?.kind === 'issue') void this.issue(attempt.serviceId, attempt.priority, attempt.key);
    else if (attempt?.kind === 'check_in')
      void this.checkIn(attempt.entry, 'serviceId' in attempt.lookup ? attempt.lookup.serviceId : undefined, attempt.key);
  }

  private get hallId(): number | undefined {
    return this.info?.hall.id ?? this.snapshot?.hall.id ?? this.device.device?.hallId;
  }

  /** Staff at the guide desk issue with their session; the kiosk with its device token. */
  private get api() {
    return this.staff ? this.session.api : this.device.api;
  }

  /** Staff name this kiosk's printer (a kiosk's own requests print there anyway). */
  private guideDeskPrinter(): { printerId?: number } {
    const printerId = this.device.device?.printerId ?? null;
    return this.staff && printerId ? { printerId } : {};
  }

  private showTicket(res: KioskIssueView, appointment: KioskTicket['appointment']) {
    const en = getLocale() === 'en';
    const ticket: KioskTicket = {
      id: res.ticket.id,
      number: res.ticket.number,
      serviceName: en && res.serviceNameEn ? res.serviceNameEn : res.serviceName,
      priority: res.ticket.priority,
      ahead: res.ahead,
      estimateMinutes: res.estimateMinutes,
      statusUrl: res.statusUrl,
      warnings: res.warnings,
      appointment,
    };
    let print = printStateOf(res.print.status);
    const seen = this.outcomes.get(ticket.id);
    if (print === 'printing' && seen) print = seen.printed ? 'printed' : 'failed';
    const now = Date.now();
    this.phase = { name: 'ticket', ticket, print, endsAt: now + ticketSeconds(print) * 1000, printDeadline: now + PRINT_WAIT_MS };
    this.say(ticket, print);
  }

  private showRefusal(err: unknown, attempt: IssueAttempt) {
    const refusal = this.refusalOf(err);
    if (!refusal) return;
    const kind: NoticeKind = refusal.status >= 500 ? 'busy' : noticeKind(refusal.code);
    this.notice(kind, refusal.message, this.serviceName(attempt.serviceId), attempt, null);
  }

  /** A check-in refusal: type again, choose the service, or a message (with a normal number where that helps). */
  private showCheckInRefusal(err: unknown, attempt: CheckInAttempt) {
    const refusal = this.refusalOf(err);
    if (!refusal) return;
    const outcome =
      refusal.status >= 500 ? ({ then: 'notice', kind: 'busy', booking: null } as const) : checkInOutcome(refusal.code, refusal.details);
    const keypad = { name: 'checkin', sending: null, initial: attempt.entry } as const;
    if (outcome.then === 'retype') {
      this.phase = { ...keypad, error: { message: refusal.message }, choices: null };
      if (this.voiceOn) this.voice.speak(refusal.message, getLocale(), this.rate);
    } else if (outcome.then === 'choose') {
      const choices = outcome.bookings.map((b) => ({ ...b, serviceName: this.serviceName(b.serviceId) || b.serviceName }));
      this.phase = { ...keypad, error: null, choices };
    } else {
      const booking = outcome.booking;
      const serviceName = booking ? (getLocale() === 'en' && booking.serviceNameEn ? booking.serviceNameEn : booking.serviceName) : '';
      this.notice(outcome.kind, refusal.message, serviceName, attempt, booking);
    }
  }

  /** What the server refused (status, code, details, words in the screen's language); null when the device itself was refused. */
  private refusalOf(
    err: unknown,
  ): { status: number; code: string | null; details: Record<string, unknown> | undefined; message: string } | null {
    if (!(err instanceof ApiRequestError)) return { status: 0, code: null, details: undefined, message: '' };
    if (['device_revoked', 'device_unknown', 'device_pending'].includes(err.code)) {
      this.device.refuse(err.error);
      return null;
    }
    if (err.code === 'session_expired' || err.code === 'unauthenticated' || err.code === 'csrf') void this.session.refresh();
    return {
      status: err.status,
      code: err.code,
      details: err.error.details,
      message: getLocale() === 'en' ? err.error.messageEn : err.error.message,
    };
  }

  private notice(kind: NoticeKind, message: string, serviceName: string, attempt: Attempt, booking: CheckInRefusalBooking | null) {
    const normal = offersNormalNumber(kind, booking);
    this.phase = {
      name: 'notice',
      kind,
      message,
      serviceName,
      attempt: canRetry(kind) ? attempt : null,
      endsAt: Date.now() + NOTICE_S * 1000,
      booking,
      normal,
    };
    if (this.voiceOn) this.voice.speak(kind === 'offline' ? msg('网络异常，未能取号，请重试') : message, getLocale(), this.rate);
  }

  private toStart() {
    this.phase = { name: 'start' };
    this.voice.cancel();
  }

  /** After an idle minute the next visitor gets the standard start screen. */
  private resetStart() {
    this.elder = false;
    this.staffLogin = false;
    this.shadowRoot?.querySelector<KioskServices>('hq-kiosk-services')?.reset();
    this.lastTouch = Date.now();
  }

  // ---------------------------------------------------------------------------------------------
  // Data

  private async loadInfo() {
    try {
      this.info = await this.device.api.get<KioskInfo>('/api/kiosk');
      this.clock.setServerTime(this.info.now);
      this.printer = printerNotice(this.info.printer);
    } catch (err) {
      if (err instanceof ApiRequestError && err.status === 403 && err.code !== 'rate_limited') this.device.refuse(err.error);
    }
  }

  private onSync(reply: SyncReply) {
    this.clock.setServerTime(reply.snapshot.now);
    this.snapshot = reply.snapshot;
    for (const event of reply.missed) this.notePrint(event);
    void this.loadInfo();
  }

  private onEvent(event: RealtimeEvent) {
    if (this.snapshot) this.snapshot = applyEvent(this.snapshot, event);
    this.notePrint(event);
    if (event.type === 'hall:updated' || event.type === 'config:changed') void this.loadInfo();
  }

  /** A ticket:printed outcome: for the ticket on screen, and for this kiosk's printer notice. */
  private notePrint(event: RealtimeEvent) {
    if (event.type !== 'ticket:printed' || event.data?.kind !== 'ticket') return;
    const ticketId = event.ticket?.id ?? (event.data.ticketId as number | undefined);
    if (!ticketId) return;
    const outcome = { printed: event.data.printed === true, problem: (event.data.problem as string | null | undefined) ?? null };
    this.outcomes.set(ticketId, outcome);
    if (this.outcomes.size > REMEMBERED_OUTCOMES) this.outcomes.delete(this.outcomes.keys().next().value!);
    if (this.info?.printer && event.data.printerId === this.info.printer.id) {
      // A job dropped from a long queue says nothing new about the paper.
      if (outcome.printed) this.printer = null;
      else this.printer = noticeAfterPrint(outcome.problem) ?? this.printer;
    }
    const p = this.phase;
    if (p.name === 'ticket' && p.ticket.id === ticketId && (p.print === 'printing' || p.print === 'unknown')) {
      const print: PrintState = outcome.printed ? 'printed' : 'failed';
      this.phase = { ...p, print, endsAt: Date.now() + ticketSeconds(print) * 1000 };
      if (!outcome.printed) this.say(p.ticket, print);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Voice

  private get rate(): number {
    return (this.snapshot?.hall.voice.rate ?? 1) * (this.elder ? 0.85 : 1);
  }

  private readonly toggleVoice = () => {
    this.voiceOn = !this.voiceOn;
    if (!this.voiceOn) this.voice.cancel();
    try {
      localStorage.setItem(VOICE_KEY, this.voiceOn ? 'on' : 'off');
    } catch {
      /* not remembered */
    }
  };

  private say(ticket: KioskTicket, print: PrintState) {
    if (!this.voiceOn) return;
    const locale = getLocale();
    const number = speakNumber(ticket.number, 'digits', locale === 'en' ? 'en' : 'zh-CN');
    const ahead = ticket.ahead > 0 ? msg(str`前面还有${ticket.ahead}人。`) : msg('前面暂无人等候。');
    const paper = print === 'printing' || print === 'printed' ? msg('请取走号票，留意叫号。') : msg('请用手机扫码保存号票。');
    const checkedIn = ticket.appointment ? msg('签到成功。') : '';
    this.voice.speak(checkedIn + msg(str`您的号码是${number}。`) + ahead + paper, locale, this.rate);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'hq-kiosk-screen': KioskScreen;
  }
}
