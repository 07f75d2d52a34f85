import { localized, msg, str } from '@lit/localize';
import { css, html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { TicketView, WindowView } from '../../common/protocol.js';
import { minutesSince } from '../../common/ui/format.js';
import { base, deskTheme } from '../../common/ui/theme.js';
import { callReasonLabel, clockDuration, priorityLabel, serviceName, ticketStatusLabel, type ServiceNames } from './labels.js';
import type { PadStatus } from './window-events.js';

/**
 * The ticket at the clerk's window: number, service, how long the visitor waited, how long it
 * has been called or served, and its history (priority, out-of-order reason, recalls, transfers).
 * Below it, what the window's rating pad is doing (never the visitor's choice).
 */
@localized()
@customElement('hq-current-ticket')
export class CurrentTicket extends LitElement {
  @property({ attribute: false }) ticket: TicketView | null = null;
  @property({ attribute: false }) names: ServiceNames = new Map();
  @property({ attribute: false }) windows: WindowView[] = [];
  @property({ attribute: false }) pad: PadStatus | null = null;
  /** Waiting tickets this window may call. */
  @property({ type: Number }) waiting = 0;
  @property({ type: Number }) now = 0;

  static override styles = [
    deskTheme,
    base,
    css`
      :host {
        display: grid;
        align-content: center;
        padding: 18px 22px;
        border-radius: var(--hq-radius);
        background: var(--hq-bg-raised);
        border: 1px solid var(--hq-line);
      }
      .row {
        display: flex;
        align-items: center;
        gap: 24px;
        min-height: 112px;
      }
      .number {
        font-family: var(--hq-number-font);
        font-size: 88px;
        font-weight: 700;
        line-height: 1;
        letter-spacing: 0.02em;
        color: var(--hq-accent);
        min-width: 4ch;
      }
      .number.called {
        color: var(--hq-call);
      }
      .facts {
        display: grid;
        gap: 8px;
        min-width: 0;
      }
      .service {
        font-size: 22px;
        font-weight: 600;
        white-space: nowrap;
        overflow: hidden;
        text-overflow: ellipsis;
      }
      .status {
        display: inline-block;
        padding: 2px 10px;
        border-radius: 999px;
        font-size: 14px;
        font-weight: 600;
        margin-right: 8px;
        vertical-align: 3px;
        background: color-mix(in srgb, var(--hq-call) 12%, #fff);
        color: var(--hq-call);
      }
      .status.serving {
        background: color-mix(in srgb, var(--hq-ok) 12%, #fff);
        color: var(--hq-ok);
      }
      .times {
        display: flex;
        flex-wrap: wrap;
        gap: 6px 22px;
        font-size: 16px;
        color: var(--hq-text-dim);
      }
      .times strong {
        color: var(--hq-text);
        font-variant-numeric: tabular-nums;
        font-size: 18px;
      }
      .history {
        display: flex;
        flex-wrap: wrap;
        gap: 6px;
        font-size: 14px;
      }
      .tag {
        padding: 2px 8px;
        border-radius: 6px;
        background: var(--hq-bg-sunken);
        color: var(--hq-text);
      }
      .tag.priority {
        background: color-mix(in srgb, var(--hq-ok) 14%, #fff);
        color: var(--hq-ok);
      }
      .row:has(.empty) {
        justify-content: center;
      }
      .empty {
        display: grid;
        justify-items: center;
        text-align: center;
        gap: 6px;
        color: var(--hq-text-dim);
        font-size: 18px;
      }
      .empty strong {
        color: var(--hq-text);
        font-size: 26px;
        font-weight: 600;
      }
      .pad {
        margin-top: 12px;
        padding-top: 10px;
        border-top: 1px dashed var(--hq-line);
        font-size: 15px;
        color: var(--hq-text-dim);
      }
      .pad b {
        color: var(--hq-text);
      }
    `,
  ];

  override render() {
    return html`${this.ticket ? this.renderTicket(this.ticket) : this.renderEmpty()}${this.renderPad()}`;
  }

  private renderEmpty() {
    return html`<div class="row">
      <div class="empty" role="status">
        <strong>${msg('当前没有号票')}</strong>
        <span>${this.waiting > 0 ? msg(str`本窗口可叫 ${this.waiting} 人，按 Space 叫下一位。`) : msg('暂无等候群众。')}</span>
      </div>
    </div>`;
  }

  private renderTicket(t: TicketView) {
    const calledAt = t.calledAt ?? this.now;
    const waited = minutesSince(t.issuedAt, calledAt);
    const priority = priorityLabel(t.priority);
    const reason = callReasonLabel(t.callReason);
    const windowNumber = (id: number | null) => this.windows.find((w) => w.id === id)?.number;
    return html`<div class="row">
      <div class="number ${t.status}" aria-label=${msg('当前号码')}>${t.number}</div>
      <div class="facts">
        <div class="service"><span class="status ${t.status}">${ticketStatusLabel(t)}</span>${serviceName(this.names, t.serviceId)}</div>
        <div class="times">
          <span>${msg('等候')} <strong>${msg(str`${waited} 分钟`)}</strong></span>
          ${
            t.status === 'serving' && t.servingAt
              ? html`<span>${msg('已办理')} <strong class="served">${clockDuration(this.now - t.servingAt)}</strong></span>`
              : html`<span>${msg('叫号后')} <strong class="since-call">${clockDuration(this.now - calledAt)}</strong></span>`
          }
        </div>
        <div class="history">
          ${priority ? html`<span class="tag priority">${priority}</span>` : ''}
          ${reason ? html`<span class="tag">${reason}</span>` : ''}
          ${t.recallCount > 0 ? html`<span class="tag">${msg(str`已重呼 ${t.recallCount} 次`)}</span>` : ''}
          ${t.transferredFrom.map((step) => {
            const from = windowNumber(step.windowId);
            const where = from
              ? msg(str`${serviceName(this.names, step.serviceId)}（${from}号窗口）`)
              : serviceName(this.names, step.serviceId);
            return html`<span class="tag">${msg(str`由 ${where} 转来`)}${step.note ? `：${step.note}` : ''}</span>`;
          })}
        </div>
      </div>
    </div>`;
  }

  private renderPad() {
    const pad = this.pad;
    if (!pad) return '';
    if (pad.state === 'asking') {
      const left = Math.max(0, Math.ceil((pad.deadline - this.now) / 1000));
      return html`<div class="pad" role="status">${msg('评价器')}：<b>${msg(str`请 ${pad.number} 号群众评价`)}</b>${msg(str`（剩余 ${left} 秒）`)}</div>`;
    }
    return html`<div class="pad" role="status">
      ${msg('评价器')}：${pad.state === 'rated' ? msg(str`${pad.number} 已评价`) : msg(str`${pad.number} 未评价（超时）`)}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'hq-current-ticket': CurrentTicket;
  }
}
