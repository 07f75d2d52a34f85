import { localized, msg, str } from '@lit/localize';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { getLocale } from '../../common/ui/i18n.js';
import type { CheckInRefusalBooking } from '../../common/phone.js';
import { minutesUntilOpen } from './check-in-logic.js';
import type { NoticeKind } from './kiosk-logic.js';
import { kioskStyles } from './kiosk-styles.js';

/** Up to this many minutes before check-in opens, the refusal says how long to wait. */
const SOON_MINUTES = 120;

const TITLES = (): Record<NoticeKind, string> => ({
  quota: msg('今日号源已满'),
  hours: msg('当前不在办理时间'),
  closed_day: msg('今日不办理业务'),
  no_window: msg('暂无窗口办理此业务'),
  disabled: msg('该业务暂停取号'),
  priority_staff: msg('绿色通道请到导办台'),
  busy: msg('系统繁忙，未能取号'),
  offline: msg('网络异常，未能取号'),
  other: msg('暂时无法取号'),
  check_in_early: msg('还没到签到时间'),
  check_in_late: msg('已过签到时间'),
  check_in_other_day: msg('预约日期不是今天'),
  booking_missed: msg('预约已失效'),
  booking_cancelled: msg('该预约已取消'),
  booking_checked_in: msg('该预约已签到'),
});

const ADVICE = (): Record<NoticeKind, string> => ({
  quota: msg('其他业务仍可取号；如需帮助，请到导办台咨询。'),
  hours: msg('请在办理时间内前来取号，或到导办台咨询。'),
  closed_day: msg('请在工作日前来办理，或通过网上办事大厅办理。'),
  no_window: msg('请稍后再来，或到导办台咨询。'),
  disabled: msg('请到导办台咨询其他办理方式。'),
  priority_staff: msg('工作人员将为您优先取号，您也可以先取普通号。'),
  busy: msg('号票未发出。请点“重试”，或稍后再试。'),
  offline: msg('没有收到服务器的确认，您还没有取到号。请点“重试”（不会重复取号），或到导办台咨询。'),
  other: msg('请到导办台咨询。'),
  check_in_early: msg('请在签到时间内再来签到；着急办理的话，也可以现在取普通号排队。'),
  check_in_late: msg('本次预约已失效，您可以现在取普通号排队。'),
  check_in_other_day: msg('请在预约当天到大厅签到；今天办理请取普通号排队。'),
  booking_missed: msg('超过签到时间未签到，本次预约记为未到；您可以现在取普通号排队。'),
  booking_cancelled: msg('今天办理请取普通号排队。'),
  booking_checked_in: msg('号码已经发出，请留意大厅屏幕叫号；如号票遗失，请到导办台查询。'),
});

/**
 * Why no number was issued, in words a visitor can act on: the server's reason (quota reached,
 * outside hours, no open window…) or that the server could not be reached, in which case no
 * number is shown at all and the same tap can be retried safely. For an appointment check-in it
 * names the booking (service, slot, check-in times) and, where that is the way forward, offers a
 * normal number for the same service.
 *
 * @fires kiosk-back - back to the start screen
 * @fires kiosk-retry - send the same request again (same idempotency key)
 * @fires kiosk-normal - take a normal number for the booked service instead
 */
@localized()
@customElement('hq-kiosk-notice')
export class KioskNotice extends LitElement {
  @property() kind: NoticeKind = 'other';
  /** The server's explanation in the screen's language, when it answered. */
  @property() message = '';
  /** The service the visitor tapped. */
  @property() serviceName = '';
  @property({ type: Boolean }) retry = false;
  @property({ type: Boolean }) sending = false;
  @property({ type: Number }) secondsLeft = 0;
  /** The appointment a check-in refusal is about, when the server named it. */
  @property({ attribute: false }) booking: CheckInRefusalBooking | null = null;
  /** Offer "现在取普通号" for the booked service. */
  @property({ type: Boolean }) normal = false;
  /** Server-corrected time (how long until check-in opens). */
  @property({ type: Number }) now = 0;

  static override styles = [
    ...kioskStyles,
    css`
      .card {
        justify-items: center;
        width: min(70rem, 100%);
        max-height: 100%;
        overflow: auto;
        padding-top: 4rem;
        text-align: center;
      }
      .mark {
        display: grid;
        place-items: center;
        width: 9rem;
        height: 9rem;
        border-radius: 50%;
        background: #47350c;
        color: var(--hq-warn);
      }
      .mark svg {
        width: 5rem;
        height: 5rem;
      }
      .service {
        margin: 0;
        font-size: calc(1.6rem * var(--k, 1));
        color: var(--hq-text-dim);
      }
      h1 {
        margin: 0;
        font-size: calc(3.4rem * var(--k, 1));
        line-height: 1.25;
      }
      .message {
        margin: 0;
        font-size: calc(1.9rem * var(--k, 1));
        line-height: 1.55;
      }
      .advice {
        margin: 0;
        font-size: calc(1.6rem * var(--k, 1));
        line-height: 1.55;
        color: var(--hq-text-dim);
      }
      .buttons {
        display: flex;
        gap: 1.6rem;
        margin-top: 1.4rem;
      }
      .buttons .btn {
        min-width: 20rem;
        min-height: calc(5.5rem * var(--k, 1));
        font-size: calc(2rem * var(--k, 1));
      }
      .countdown {
        font-size: calc(1.3rem * var(--k, 1));
        color: var(--hq-text-dim);
      }
      .booking {
        display: grid;
        grid-template-columns: minmax(0, 1.3fr) minmax(0, 1fr) minmax(0, 1fr);
        gap: 1rem;
        width: 100%;
        margin: 0;
      }
      .booking div {
        display: grid;
        gap: 0.4rem;
        padding: 1.2rem 1.4rem;
        border-radius: 1rem;
        background: var(--hq-bg-sunken);
      }
      .booking dt {
        font-size: calc(1.35rem * var(--k, 1));
        color: var(--hq-text-dim);
      }
      .booking dd {
        margin: 0;
        font-size: calc(2rem * var(--k, 1));
        font-weight: 700;
        line-height: 1.3;
        font-variant-numeric: tabular-nums;
      }
      /* With the booking's facts the card is taller: a smaller mark keeps it on a landscape screen. */
      :host([booking]) .card {
        gap: 1.4rem;
        padding-top: 3rem;
      }
      :host([booking]) .mark {
        width: 6.5rem;
        height: 6.5rem;
      }
      :host([booking]) .mark svg {
        width: 3.8rem;
        height: 3.8rem;
      }
      .soon {
        margin: 0;
        font-size: calc(2.2rem * var(--k, 1));
        font-weight: 700;
        color: var(--hq-accent);
      }
      .buttons {
        flex-wrap: wrap;
        justify-content: center;
      }
    `,
  ];

  override connectedCallback() {
    super.connectedCallback();
    this.setAttribute('centered', '');
  }

  protected override willUpdate() {
    this.toggleAttribute('booking', this.booking !== null);
  }

  override render() {
    const offline = this.kind === 'offline';
    return html`<div class="card" role="alert" data-kind=${this.kind}>
      <div class="mark">
        ${
          offline
            ? html`<svg viewBox="0 0 24 24" aria-hidden="true"><path fill="currentColor" d="M22.99 9C19.15 5.16 13.8 3.76 8.84 4.78l2.52 2.52c3.47-.17 6.99 1.05 9.63 3.7l2-2zm-4 4a9.79 9.79 0 0 0-4.49-2.56l3.53 3.53.96-.97zM2 3.05 5.07 6.1C3.6 6.82 2.22 7.78 1 9l1.99 2c1.24-1.24 2.67-2.16 4.2-2.77l2.24 2.24A9.68 9.68 0 0 0 5 13v.01L6.99 15a7.04 7.04 0 0 1 4.92-2.06L18.98 20l1.27-1.26L3.29 1.79zM9 17l3 3 3-3a4.24 4.24 0 0 0-6 0" /></svg>`
            : html`<svg viewBox="0 0 24 24" aria-hidden="true"><path fill="currentColor" d="M12 2a10 10 0 1 1 0 20 10 10 0 0 1 0-20m-1 5v7h2V7zm0 9v2h2v-2z" /></svg>`
        }
      </div>
      ${this.serviceName && !this.booking ? html`<p class="service">${this.serviceName}</p>` : nothing}
      <h1>${TITLES()[this.kind]}</h1>
      ${this.booking ? this.renderBooking(this.booking) : this.message && !offline ? html`<p class="message">${this.message}</p>` : nothing}
      <p class="advice">${ADVICE()[this.kind]}</p>
      <div class="buttons">
        ${
          this.retry
            ? html`<button class="btn primary" data-retry ?disabled=${this.sending} @click=${() => this.fire('kiosk-retry')}>${this.sending ? msg('正在重试…') : msg('重试')}</button>`
            : nothing
        }
        ${this.normal ? html`<button class="btn primary" data-normal @click=${() => this.fire('kiosk-normal')}>${msg('现在取普通号')}</button>` : nothing}
        <button class="btn ${this.retry || this.normal ? '' : 'primary'}" data-back @click=${() => this.fire('kiosk-back')}>${msg('返回首页')}</button>
      </div>
      <span class="countdown">${msg(str`${this.secondsLeft} 秒后返回首页`)}</span>
    </div>`;
  }

  /** The appointment: service, slot and check-in times; before the window opens, how long to wait. */
  private renderBooking(b: CheckInRefusalBooking) {
    const service = getLocale() === 'en' && b.serviceNameEn ? b.serviceNameEn : b.serviceName;
    const early = this.kind === 'check_in_early';
    // The date matters when it is not today.
    const slot = this.kind === 'check_in_other_day' ? `${b.date} ${b.start}–${b.end}` : `${b.start}–${b.end}`;
    return html`<dl class="booking" data-booking>
        <div><dt>${msg('预约事项')}</dt><dd>${service}</dd></div>
        <div><dt>${msg('预约时段')}</dt><dd>${slot}</dd></div>
        <div><dt>${msg('签到时间')}</dt><dd>${b.checkInFrom}–${b.checkInUntil}</dd></div>
      </dl>
      ${early && this.now > 0 && minutesUntilOpen(b.opensAt, this.now) <= SOON_MINUTES ? html`<p class="soon" data-soon>${msg(str`还有 ${minutesUntilOpen(b.opensAt, this.now)} 分钟可以签到`)}</p>` : nothing}`;
  }

  private fire(name: string) {
    this.dispatchEvent(new CustomEvent(name, { bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'hq-kiosk-notice': KioskNotice;
  }
}
