import { localized, msg, str } from '@lit/localize';
import { css, html, LitElement, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { PhoneTicketView } from '../../../common/phone.js';
import { formatTime } from '../../../common/ui/format.js';
import { face, LEVELS } from '../../../common/ui/rating-levels.js';
import { callReason, dayLabel, nameOf, statusLabel, waitRange } from '../labels.js';
import { phoneStyles } from '../phone-styles.js';
import { confirmBox } from '../confirm.js';
import '../rating-form.js';

export type TicketMode = 'status' | 'rate' | 'thanks';

/**
 * The visitor's ticket page, drawn from its properties (`<hq-ticket-app>` loads them): the number
 * and service; while waiting the people ahead, the estimated wait as a range, whether it is live,
 * why a later number went first; when called a big "请到 3 号窗口"; when missed what to do and
 * until when; when done an invitation to rate (补评) and the rating form. Nothing about anyone
 * else but the numbers called before this one and why.
 *
 * @fires ticket-cancel - the visitor confirmed cancelling
 * @fires ticket-rate - open the rating form; detail: the level tapped, or null
 * @fires ticket-back - back from the rating form or the thanks
 * @fires alerts-enable - the visitor asked for sound and vibration (a user gesture)
 */
@localized()
@customElement('hq-ticket-view')
export class TicketView extends LitElement {
  @property({ attribute: false }) view: PhoneTicketView | null = null;
  @property({ type: Number }) now = 0;
  @property() mode: TicketMode = 'status';
  /** Connected and synced. */
  @property({ type: Boolean }) live = false;
  /** Sound and vibration are on for the call. */
  @property({ type: Boolean }) alerts = false;
  @property({ type: Boolean }) busy = false;
  /** A refusal or network problem to show. */
  @property() error = '';
  /** When the view was last loaded. */
  @property({ type: Number }) loadedAt = 0;
  /** The level tapped on the invitation. */
  @property({ type: Number }) initialLevel: number | null = null;
  /** The level just given, for the thanks. */
  @property({ type: Number }) thanked: number | null = null;

  @state() private confirming = false;

  static override styles = [
    phoneStyles,
    css`
      .ticket {
        text-align: center;
        padding: 20px 18px 18px;
      }
      .service {
        font-size: 17px;
        font-weight: 600;
        line-height: 1.4;
      }
      .number {
        display: block;
        margin: 6px 0 8px;
        font-size: 76px;
        line-height: 1;
        font-weight: 700;
        color: var(--hq-text);
      }
      .badges {
        display: flex;
        justify-content: center;
        flex-wrap: wrap;
        gap: 6px;
      }
      .stats {
        display: grid;
        grid-template-columns: 1fr 1fr;
        margin-top: 18px;
        padding-top: 16px;
        border-top: 1px solid var(--hq-line);
      }
      .stat + .stat {
        border-left: 1px solid var(--hq-line);
      }
      .stat .label {
        font-size: 14px;
        color: var(--hq-text-dim);
      }
      .stat .value {
        margin-top: 4px;
        font-size: 34px;
        font-weight: 700;
        line-height: 1.15;
      }
      .stat .value small {
        font-size: 16px;
        font-weight: 500;
        margin-left: 3px;
      }
      .stat .range {
        margin-top: 8px;
        font-size: 22px;
        font-weight: 700;
        line-height: 1.3;
      }
      .next {
        margin-top: 16px;
        padding: 10px;
        border-radius: 12px;
        background: color-mix(in srgb, var(--hq-accent) 10%, #fff);
        color: var(--hq-accent);
        font-weight: 700;
        font-size: 17px;
      }
      .live {
        display: flex;
        align-items: center;
        justify-content: center;
        gap: 6px;
        margin-top: 14px;
        font-size: 13px;
        color: var(--hq-text-dim);
      }
      .live .dot {
        width: 8px;
        height: 8px;
        border-radius: 50%;
        background: var(--hq-ok);
        box-shadow: 0 0 0 3px color-mix(in srgb, var(--hq-ok) 20%, transparent);
      }
      .live.off .dot {
        background: var(--hq-warn);
        box-shadow: none;
      }

      /* Called: the one thing on the screen */
      .called {
        text-align: center;
        padding: 22px 18px 20px;
        background: var(--hq-called);
        border-color: var(--hq-called);
        color: #fff;
        animation: pulse 1.6s ease-in-out 3;
      }
      .called .go-to {
        font-size: 24px;
        font-weight: 600;
      }
      .called .window {
        display: block;
        margin: 4px 0;
        font-size: 60px;
        line-height: 1.1;
        font-weight: 800;
      }
      .called .window-name {
        font-size: 17px;
        opacity: 0.92;
      }
      .called .mine {
        margin-top: 14px;
        padding-top: 12px;
        border-top: 1px solid rgb(255 255 255 / 35%);
        font-size: 16px;
      }
      .called .mine .number {
        display: inline;
        margin: 0 6px 0 0;
        font-size: 26px;
        color: #fff;
      }
      @keyframes pulse {
        50% {
          box-shadow: 0 0 0 10px color-mix(in srgb, var(--hq-called) 25%, transparent);
        }
      }
      @media (prefers-reduced-motion: reduce) {
        .called {
          animation: none;
        }
      }
      .state .big {
        font-size: 20px;
        font-weight: 600;
        line-height: 1.5;
        margin: 6px 0 0;
      }
      .until {
        display: inline-block;
        margin-top: 10px;
        padding: 6px 14px;
        border-radius: 999px;
        background: #fff;
        font-size: 17px;
        font-weight: 700;
        color: var(--hq-attention);
      }

      .alerts {
        display: flex;
        align-items: center;
        gap: 12px;
      }
      .alerts .text {
        flex: 1;
        font-size: 15px;
        line-height: 1.5;
      }
      .alerts .btn {
        width: auto;
        min-height: 44px;
        font-size: 15px;
        flex: none;
      }
      .alerts.on .text {
        color: var(--hq-ok);
      }
      ul.passed {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: 10px;
      }
      ul.passed li {
        display: grid;
        grid-template-columns: auto 1fr;
        gap: 2px 10px;
        align-items: baseline;
        font-size: 15px;
      }
      ul.passed .number {
        display: inline;
        margin: 0;
        font-size: 20px;
        font-weight: 700;
        grid-row: span 2;
      }
      ul.passed .why {
        color: var(--hq-text-dim);
        font-size: 14px;
        line-height: 1.5;
      }
      .invite .faces {
        /* Five equal columns, whatever the length of each label (English ones differ a lot). */
        display: grid;
        grid-template-columns: repeat(5, minmax(0, 1fr));
        gap: 3px;
        margin: 14px -10px 4px;
      }
      .invite .faces button {
        display: grid;
        justify-items: center;
        align-content: start;
        gap: 4px;
        min-width: 0;
        min-height: 72px;
        padding: 8px 1px;
        line-height: 1.2;
        text-align: center;
        overflow-wrap: anywhere;
        border: none;
        border-radius: 12px;
        background: color-mix(in srgb, var(--c) 8%, #fff);
        color: var(--c);
        font-size: 11px;
        font-weight: 600;
      }
      .invite .faces .face {
        width: 36px;
        height: 36px;
      }
      .rated {
        display: flex;
        align-items: center;
        gap: 12px;
        font-size: 16px;
      }
      .rated .face {
        width: 40px;
        height: 40px;
        flex: none;
      }
      .rate-head .sub {
        margin: 4px 0 14px;
        font-size: 15px;
        color: var(--hq-text-dim);
      }
      .thanks {
        text-align: center;
        padding: 28px 18px;
      }
      .thanks .mark {
        width: 76px;
        height: 76px;
        margin: 0 auto 12px;
        border-radius: 50%;
        display: grid;
        place-items: center;
        background: var(--hq-ok-soft);
        color: var(--hq-ok);
      }
      .thanks .mark svg {
        width: 44px;
        height: 44px;
      }
      footer {
        margin-top: 18px;
        text-align: center;
        font-size: 13px;
        color: var(--hq-text-dim);
        line-height: 1.6;
      }
    `,
  ];

  override render() {
    const v = this.view;
    if (!v) return html`<p class="loading">${msg('正在加载…')}</p>`;
    if (this.mode === 'rate' && v.rating.state === 'open') return this.renderRate(v);
    if (this.mode === 'thanks') return this.renderThanks(v);
    const status = v.status.ticket.status;
    return html`${status === 'called' ? this.renderCalled(v) : this.renderTicket(v)} ${this.renderState(v)}
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing} ${this.renderFooter(v)}`;
  }

  private renderTicket(v: PhoneTicketView) {
    const t = v.status.ticket;
    const waiting = t.status === 'waiting';
    return html`<section class="card ticket" aria-label=${msg('我的号票')}>
      <div class="service">${this.serviceName(v)}</div>
      <span class="number" data-testid="number">${t.number}</span>
      <div class="badges">
        <span class="badge ${badgeTone(t.status)}" data-testid="status">${statusLabel(t.status)}</span>
        ${t.priority === 'appointment' ? html`<span class="badge accent">${msg('预约号')}</span>` : t.priority !== 'normal' ? html`<span class="badge accent">${msg('绿色通道')}</span>` : nothing}
      </div>
      ${waiting ? this.renderWaiting(v) : nothing}
    </section>`;
  }

  private renderWaiting(v: PhoneTicketView) {
    const { ahead, estimate } = v.status;
    return html`<div class="stats">
        <div class="stat">
          <div class="label">${msg('前面还有')}</div>
          <div class="value" data-testid="ahead">${ahead}<small>${msg('人')}</small></div>
        </div>
        <div class="stat">
          <div class="label">${msg('预计等候')}</div>
          <div class="range" data-testid="estimate">${estimate ? waitRange(estimate.low, estimate.high) : '—'}</div>
        </div>
      </div>
      ${ahead === 0 ? html`<div class="next">${msg('下一位就是您，请留意叫号')}</div>` : nothing}
      <div class="live ${this.live ? '' : 'off'}" role="status">
        <span class="dot" aria-hidden="true"></span>
        ${this.live ? msg(str`实时更新 · ${formatTime(this.loadedAt || this.now, v.status.hall.timezone)}`) : msg('网络重连中，显示的可能不是最新状态')}
      </div>`;
  }

  private renderCalled(v: PhoneTicketView) {
    const t = v.status.ticket;
    const w = v.status.window;
    return html`<section class="card called" role="alert" aria-live="assertive">
      <div class="go-to">${msg('请到')}</div>
      <strong class="window" data-testid="called-window">${w ? msg(str`${w.number} 号窗口`) : msg('窗口', { id: 'called-window-unknown' })}</strong>
      ${w ? html`<div class="window-name">${w.name}</div>` : nothing}
      <div class="mine">
        <span class="number">${t.number}</span>${this.serviceName(v)}
        <div class="note" style="color:#fff;opacity:.9">
          ${t.calledAt ? msg(str`叫号时间 ${formatTime(t.calledAt, v.status.hall.timezone)}`) : nothing}${t.recallCount > 0 ? msg(str` · 第 ${t.recallCount + 1} 次呼叫`) : nothing}
        </div>
      </div>
    </section>`;
  }

  /** What the visitor should know or can do now, by status. */
  private renderState(v: PhoneTicketView): TemplateResult | typeof nothing {
    const t = v.status.ticket;
    const tz = v.status.hall.timezone;
    const w = v.status.window;
    switch (t.status) {
      case 'waiting':
        return html`${this.renderAlerts()} ${this.renderPassed(v)}
          <section class="card">
            <h2>${msg('候号须知')}</h2>
            <p class="note">${msg(str`请留意大厅屏幕和广播叫号，叫号时本页也会提示。过号后 ${v.noShowGraceMinutes} 分钟内可到叫号窗口申请重新排队。`)}</p>
            ${v.booking ? html`<p class="note">${msg(str`预约时段：${dayLabel(v.booking.date)} ${v.booking.start}–${v.booking.end}`)}</p>` : nothing}
            ${this.renderCancel(v)}
          </section>`;
      case 'called':
        return html`${
          t.callReason === 'appointment' || t.callReason === 'priority'
            ? html`<section class="card"><p class="note" style="margin:0">${msg(str`您的号码按“${callReason(t.callReason).name}”优先叫号。`)}</p></section>`
            : nothing
        }
          <section class="card">
            <p class="note" style="margin:0">${msg('请带好证件材料尽快前往。如未及时到达将记为过号，过号后可在规定时间内到窗口申请重新排队。')}</p>
          </section>`;
      case 'serving':
        return html`<section class="card state ok">
          <p class="title">${msg('正在办理')}</p>
          <p class="big">${w ? msg(str`${w.number} 号窗口 · ${w.name}`) : ''}</p>
        </section>`;
      case 'held':
        return html`<section class="card state attention">
          <p class="title">${msg('业务挂起中')}</p>
          <p class="big">${w ? msg(str`请补齐材料后回到 ${w.number} 号窗口，工作人员会为您回呼。`) : msg('请补齐材料后回到窗口，工作人员会为您回呼。')}</p>
        </section>`;
      case 'no_show': {
        const until = v.status.requeueUntil;
        const open = until !== null && until >= this.now;
        const at = v.lastWindow;
        return html`<section class="card state attention">
          <p class="title">${msg('您已过号')}</p>
          ${
            open
              ? html`<p class="big">${at ? msg(str`请到 ${at.number} 号窗口申请重新排队`) : msg('请到叫号窗口申请重新排队')}</p>
                <span class="until" data-testid="requeue-until">${msg(str`${formatTime(until, tz)} 前有效`)}</span>
                <p class="note">${msg('超过时间后需要重新取号。')}</p>`
              : html`<p class="big">${msg('已超过重新排队的时限，请重新取号。')}</p>`
          }
          ${!open && v.phoneTaking ? html`<div class="actions"><a class="btn" href=${`/h/${encodeURIComponent(v.hallCode)}`}>${msg('重新取号')}</a></div>` : nothing}
          ${open ? this.renderCancel(v) : nothing}
        </section>`;
      }
      case 'done':
        return html`<section class="card state ok">
            <p class="title">${msg('办理完成')}</p>
            <p class="note" style="margin:0">${t.finishedAt ? msg(str`办结时间 ${formatTime(t.finishedAt, tz)}`) : nothing}${v.lastWindow ? msg(str` · ${v.lastWindow.number} 号窗口`) : nothing}</p>
          </section>
          ${this.renderRating(v)}`;
      case 'cancelled':
        return html`<section class="card state">
          <p class="title">${msg('号票已取消')}</p>
          <p class="note">${msg('如仍需办理，请重新取号。')}</p>
          ${v.phoneTaking ? html`<div class="actions"><a class="btn" href=${`/h/${encodeURIComponent(v.hallCode)}`}>${msg('重新取号')}</a></div>` : nothing}
        </section>`;
    }
  }

  private renderAlerts() {
    return this.alerts
      ? html`<section class="card alerts on">
          <span class="text"><strong>${msg('✓ 已开启声音与振动提醒')}</strong><br /><span class="note">${msg('叫号时请保持本页打开。')}</span></span>
        </section>`
      : html`<section class="card alerts">
          <span class="text">${msg('叫号时本页可以响铃并振动提醒您。')}</span>
          <button class="btn secondary" data-testid="enable-alerts" @click=${() => this.fire('alerts-enable')}>${msg('开启提醒')}</button>
        </section>`;
  }

  private renderPassed(v: PhoneTicketView) {
    if (v.passedBy.length === 0) return nothing;
    const tz = v.status.hall.timezone;
    return html`<section class="card" data-testid="passed-by">
      <h2>${msg('为什么有号码先叫？')}</h2>
      <ul class="passed">
        ${v.passedBy.map((p) => {
          const reason = callReason(p.reason);
          return html`<li>
            <span class="number">${p.number}</span>
            <span><strong>${reason.name}</strong> · ${formatTime(p.at, tz)}</span>
            <span class="why">${reason.why}</span>
          </li>`;
        })}
      </ul>
    </section>`;
  }

  private renderCancel(v: PhoneTicketView) {
    if (!v.cancellable) return nothing;
    if (!this.confirming) {
      return html`<div class="actions"><button class="btn danger" data-testid="cancel" @click=${() => (this.confirming = true)}>${msg('不办了，取消排队')}</button></div>`;
    }
    return confirmBox({
      question: msg('确定取消吗？取消后号码作废，如需办理要重新取号。'),
      busy: this.busy,
      onKeep: () => (this.confirming = false),
      onConfirm: () => this.fire('ticket-cancel'),
    });
  }

  private renderRating(v: PhoneTicketView) {
    const r = v.rating;
    if (r.state === 'rated') {
      const level = LEVELS.find((l) => l.level === r.level);
      return html`<section class="card">
        <div class="rated">
          ${level ? html`<span style="color:${level.colour}">${face(level.level)}</span>` : nothing}
          <span>${level ? msg(str`您已评价：${level.label()}。感谢您的评价！`) : msg('本次服务已评价，感谢您！')}</span>
        </div>
      </section>`;
    }
    if (r.state === 'expired') return html`<section class="card"><p class="note" style="margin:0">${msg('评价期限已过。')}</p></section>`;
    if (r.state !== 'open') return nothing;
    return html`<section class="card invite" data-testid="invite">
      <h2>${msg('请为本次服务评价')}</h2>
      <p class="note" style="margin:0">${msg('您的评价会直接送达大厅管理人员，帮助我们改进服务。')}</p>
      <div class="faces">
        ${LEVELS.map(
          (
            l,
          ) => html`<button style="--c:${l.colour}" data-level=${l.level} aria-label=${l.label()} @click=${() => this.fire('ticket-rate', l.level)}>
            ${face(l.level)}<span>${l.shortLabel()}</span>
          </button>`,
        )}
      </div>
      ${r.until ? html`<p class="note">${msg(str`可在 ${dayLabel(localDate(r.until, v.status.hall.timezone))} ${formatTime(r.until, v.status.hall.timezone)} 前评价，每张号票评价一次。`)}</p>` : nothing}
    </section>`;
  }

  private renderRate(v: PhoneTicketView) {
    const t = v.status.ticket;
    return html`<section class="card rate-head">
      <h1 style="margin-top:0">${msg('请对本次服务进行评价')}</h1>
      <p class="sub">${t.number} · ${this.serviceName(v)}${v.lastWindow ? msg(str` · ${v.lastWindow.number} 号窗口`) : nothing}</p>
      <hq-rating-form .reasons=${v.rating.reasons} .initial=${this.initialLevel} .sending=${this.busy} .error=${this.error}></hq-rating-form>
      <div class="actions"><button class="btn quiet" @click=${() => this.fire('ticket-back')}>${msg('返回号票')}</button></div>
    </section>`;
  }

  private renderThanks(v: PhoneTicketView) {
    const bad = this.thanked !== null && this.thanked <= 2;
    return html`<section class="card thanks" role="status">
        <div class="mark">
          <svg viewBox="0 0 48 48" aria-hidden="true"><path d="M12 25 L21 34 L37 15" fill="none" stroke="currentColor" stroke-width="5" stroke-linecap="round" stroke-linejoin="round" /></svg>
        </div>
        <h1>${msg('感谢您的评价！')}</h1>
        <p class="note">${bad ? msg('我们会认真核实，并在规定时间内整改答复。') : msg('祝您生活愉快，欢迎再来。')}</p>
        <div class="actions"><button class="btn secondary" @click=${() => this.fire('ticket-back')}>${msg('返回号票')}</button></div>
      </section>
      ${this.renderFooter(v)}`;
  }

  private renderFooter(v: PhoneTicketView) {
    const t = v.status.ticket;
    return html`<footer>${msg(str`取号时间 ${formatTime(t.issuedAt, v.status.hall.timezone)}`)} · ${v.status.hall.name}<br />${msg('请勿将本页链接发给他人')}</footer>`;
  }

  private serviceName(v: PhoneTicketView): string {
    return nameOf({ name: v.status.serviceName, nameEn: v.status.serviceNameEn });
  }

  private fire(name: string, detail: unknown = null) {
    this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
  }
}

const badgeTone = (status: string): string =>
  ({ waiting: 'accent', called: 'called', serving: 'ok', done: 'ok', no_show: 'attention', held: 'attention' })[status] ?? '';

/** The hall-local date of a moment, 'YYYY-MM-DD'. */
const localDate = (at: number, timeZone: string): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);

declare global {
  interface HTMLElementTagNameMap {
    'hq-ticket-view': TicketView;
  }
}
