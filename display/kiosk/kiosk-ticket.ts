import { localized, msg, str } from '@lit/localize';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import '../../common/ui/qr-code.js';
import type { PriorityKind } from '../../common/vocabulary.js';
import { isETicket, type PrintState } from './kiosk-logic.js';
import { kioskStyles } from './kiosk-styles.js';

/** The ticket the server confirmed, as the kiosk shows it. */
export interface KioskTicket {
  id: number;
  number: string;
  serviceName: string;
  priority: PriorityKind;
  ahead: number;
  estimateMinutes: number;
  statusUrl: string;
  warnings: string[];
  /** An appointment check-in: the booked slot (the ticket has appointment priority). */
  appointment: { start: string; end: string } | null;
}

export const priorityLabel = (p: PriorityKind): string =>
  ({ normal: '', elderly: msg('老年人'), disabled: msg('残疾人'), military: msg('军人'), pregnant: msg('孕妇'), appointment: msg('预约') })[
    p
  ];

/**
 * The ticket the server issued, on screen: the number, the service, people ahead and the
 * estimated wait, the QR code of its status page, and what happened to the paper ticket. When no
 * paper came out it is an e-ticket and says "请扫码保存号票". After an appointment check-in it
 * says so, with the 预约号 mark and the booked slot.
 *
 * @fires kiosk-done - the visitor is done (or the time is up)
 */
@localized()
@customElement('hq-kiosk-ticket')
export class KioskTicketView extends LitElement {
  @property({ attribute: false }) ticket!: KioskTicket;
  @property() printState: PrintState = 'printing';
  /** Seconds until the start screen comes back. */
  @property({ type: Number }) secondsLeft = 0;

  static override styles = [
    ...kioskStyles,
    css`
      :host {
        display: grid;
        grid-template-columns: minmax(0, 1.1fr) minmax(0, 1fr);
        grid-template-rows: minmax(0, 1fr) auto;
        grid-template-areas: 'main side' 'foot foot';
        gap: 2rem 3rem;
        min-height: 0;
        background: transparent;
      }
      .main,
      .side {
        display: grid;
        align-content: center;
        justify-items: center;
        gap: 1.2rem;
        padding: 2.5rem;
        border-radius: 1.6rem;
        background: var(--hq-bg-raised);
        border: 2px solid var(--hq-line);
        text-align: center;
        min-height: 0;
      }
      .main {
        grid-area: main;
      }
      .side {
        grid-area: side;
      }
      .label {
        margin: 0;
        font-size: calc(1.9rem * var(--k, 1));
        color: var(--hq-text-dim);
        letter-spacing: 0.1em;
      }
      .number {
        margin: 0;
        font-family: var(--hq-number-font);
        font-size: 13rem;
        line-height: 1;
        font-weight: 700;
        color: var(--hq-accent);
        letter-spacing: 0.04em;
      }
      .service {
        margin: 0;
        font-size: calc(2.6rem * var(--k, 1));
        font-weight: 700;
        line-height: 1.3;
      }
      .priority {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        justify-content: center;
        gap: 0.6rem 1.2rem;
        margin: 0;
      }
      .priority .slot {
        font-size: calc(1.6rem * var(--k, 1));
        font-weight: 600;
        color: var(--hq-ok);
        font-variant-numeric: tabular-nums;
      }
      .priority .badge {
        font-size: calc(1.6rem * var(--k, 1));
        padding: 0.5rem 1.4rem;
      }
      .facts {
        display: grid;
        grid-template-columns: repeat(2, minmax(0, 1fr));
        gap: 1.2rem;
        width: 100%;
        margin-top: 1rem;
      }
      .fact {
        display: grid;
        gap: 0.4rem;
        padding: 1.2rem 1rem;
        border-radius: 1rem;
        background: var(--hq-bg-sunken);
      }
      .fact .k {
        font-size: calc(1.35rem * var(--k, 1));
        color: var(--hq-text-dim);
      }
      .fact .v {
        font-size: calc(1.8rem * var(--k, 1));
        font-weight: 600;
      }
      .fact .v b {
        font-family: var(--hq-number-font);
        font-size: calc(3rem * var(--k, 1));
        color: var(--hq-accent);
        margin: 0 0.2em;
      }
      .warning {
        margin: 0.5rem 0 0;
        font-size: calc(1.35rem * var(--k, 1));
        color: var(--hq-warn);
        line-height: 1.5;
      }
      .qr {
        display: grid;
        justify-items: center;
        gap: 0.8rem;
        padding: 1.2rem;
        border-radius: 1.2rem;
        background: #fff;
        color: #10213d;
        border: 0.4rem solid transparent;
      }
      :host([eticket]) .qr {
        border-color: var(--hq-accent);
        box-shadow: 0 0 0 0.6rem #6b5518;
      }
      hq-qr::part(code) {
        width: 17rem;
        height: 17rem;
      }
      .qr p {
        margin: 0;
        font-size: calc(1.3rem * var(--k, 1));
        font-weight: 600;
      }
      .print {
        display: flex;
        align-items: center;
        gap: 1.2rem;
        width: 100%;
        padding: 1.4rem 1.6rem;
        border-radius: 1.2rem;
        text-align: left;
        font-size: calc(1.55rem * var(--k, 1));
        line-height: 1.45;
      }
      .print.printing {
        background: var(--hq-bg-sunken);
      }
      .print strong {
        display: block;
        font-size: calc(2rem * var(--k, 1));
      }
      .print svg {
        width: 3.4rem;
        height: 3.4rem;
        flex: none;
      }
      footer {
        grid-area: foot;
        display: flex;
        align-items: center;
        justify-content: center;
        gap: 2rem;
      }
      footer .btn {
        min-width: 26rem;
        min-height: calc(6rem * var(--k, 1));
        font-size: calc(2.2rem * var(--k, 1));
      }
      .countdown {
        font-size: calc(1.4rem * var(--k, 1));
        color: var(--hq-text-dim);
      }
      @media (orientation: portrait) {
        :host {
          grid-template-columns: minmax(0, 1fr);
          grid-template-rows: auto minmax(0, 1fr) auto;
          grid-template-areas: 'main' 'side' 'foot';
        }
        .number {
          font-size: 15rem;
        }
        hq-qr::part(code) {
          width: 20rem;
          height: 20rem;
        }
      }
    `,
  ];

  protected override willUpdate() {
    this.toggleAttribute('eticket', isETicket(this.printState));
  }

  override render() {
    const t = this.ticket;
    const eticket = isETicket(this.printState);
    return html`
      <section class="main" aria-live="polite">
        <p class="label">${t.appointment ? msg('签到成功 · 您的号码') : msg('您的号码')}</p>
        <p class="number" data-number>${t.number}</p>
        <p class="service">${t.serviceName}</p>
        ${
          t.appointment
            ? html`<p class="priority" data-appointment><span class="badge ok">${msg('预约号 · 优先叫号')}</span><span class="slot">${msg(str`预约时段 ${t.appointment.start}–${t.appointment.end}`)}</span></p>`
            : t.priority !== 'normal'
              ? html`<p class="priority"><span class="badge ok">${msg(str`绿色通道 · ${priorityLabel(t.priority)}`)}</span></p>`
              : nothing
        }
        <div class="facts">
          <div class="fact">
            <span class="k">${msg('前面等候')}</span>
            <span class="v" data-ahead=${t.ahead}>${t.ahead > 0 ? msg(html`<b>${t.ahead}</b> 人`) : msg('暂无人等候')}</span>
          </div>
          <div class="fact">
            <span class="k">${msg('预计等候')}</span>
            <span class="v">${t.ahead > 0 && t.estimateMinutes > 0 ? msg(html`约 <b>${t.estimateMinutes}</b> 分钟`) : msg('即将叫号')}</span>
          </div>
        </div>
        ${
          t.warnings.includes('no_open_window')
            ? html`<p class="warning">${msg('当前暂无窗口办理此事项，窗口开放后将按顺序叫号，请留意大厅屏幕。')}</p>`
            : nothing
        }
      </section>
      <section class="side">
        <div class="qr">
          <hq-qr .value=${t.statusUrl} .size=${272} label=${msg('号票二维码：用手机扫码查看排队进度')}></hq-qr>
          <p>${eticket ? msg('电子号票 · 手机扫码保存') : msg('手机扫码，随时查看排队进度')}</p>
        </div>
        ${this.renderPrint()}
      </section>
      <footer>
        <button class="btn primary" data-done @click=${() => this.dispatchEvent(new CustomEvent('kiosk-done', { bubbles: true, composed: true }))}>${msg('完成')}</button>
        <span class="countdown">${msg(str`${this.secondsLeft} 秒后返回首页`)}</span>
      </footer>
    `;
  }

  private renderPrint() {
    const check = html`<svg viewBox="0 0 24 24" aria-hidden="true"><path fill="currentColor" d="M9 16.2 4.8 12l-1.4 1.4L9 19 21 7l-1.4-1.4z" /></svg>`;
    const phone = html`<svg viewBox="0 0 24 24" aria-hidden="true"><path fill="currentColor" d="M7 2h10a2 2 0 0 1 2 2v16a2 2 0 0 1-2 2H7a2 2 0 0 1-2-2V4a2 2 0 0 1 2-2m0 3v13h10V5zm5 14.2a1 1 0 1 0 0 2 1 1 0 0 0 0-2" /></svg>`;
    switch (this.printState) {
      case 'printing':
        return html`<div class="print printing" role="status" data-print="printing"><span class="spinner"></span><div><strong>${msg('正在打印号票…')}</strong>${msg('请在下方出票口取票')}</div></div>`;
      case 'printed':
        return html`<div class="print ok" role="status" data-print="printed">${check}<div><strong>${msg('请取走号票')}</strong>${msg('请留意大厅屏幕和语音叫号')}</div></div>`;
      case 'failed':
        return html`<div class="print warn" role="alert" data-print="failed">${phone}<div><strong>${msg('请扫码保存号票')}</strong>${msg('打印机暂时无法出票，您的号票已生效，凭手机上的电子号票办理。')}</div></div>`;
      case 'unknown':
        return html`<div class="print warn" role="alert" data-print="unknown">${phone}<div><strong>${msg('请扫码保存号票')}</strong>${msg('如未出票，您的号票仍然有效，凭手机上的电子号票办理。')}</div></div>`;
      case 'none':
        return html`<div class="print warn" role="status" data-print="none">${phone}<div><strong>${msg('请扫码保存号票')}</strong>${msg('本机提供电子号票，凭手机上的号票办理。')}</div></div>`;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'hq-kiosk-ticket': KioskTicketView;
  }
}
