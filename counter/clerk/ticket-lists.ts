import { localized, msg, str } from '@lit/localize';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { TicketView } from '../../common/protocol.js';
import { minutesSince } from '../../common/ui/format.js';
import { base, deskTheme } from '../../common/ui/theme.js';
import type { DeskCommand } from './actions.js';
import { controlStyles } from './desk-styles.js';
import { priorityLabel, serviceName, type ServiceNames } from './labels.js';

/**
 * The window's lists: waiting tickets in the order "call next" takes them (number, service,
 * waited minutes, priority mark; no personal data), held tickets (回呼, 转移) and missed tickets
 * still within the re-queue grace (重排).
 *
 * @fires desk-command - detail: a resume or requeue command
 * @fires list-select - detail: { number } — the clerk picked a waiting ticket to call out of order
 * @fires list-transfer - detail: { ticket } — transfer a held ticket
 */
@localized()
@customElement('hq-ticket-lists')
export class TicketLists extends LitElement {
  @property({ attribute: false }) waiting: TicketView[] = [];
  @property({ attribute: false }) held: TicketView[] = [];
  @property({ attribute: false }) missed: TicketView[] = [];
  @property({ attribute: false }) names: ServiceNames = new Map();
  @property({ type: Number }) now = 0;
  @property({ type: Number }) graceMinutes = 30;
  /** No actions while offline or while a command runs. */
  @property({ type: Boolean }) disabled = false;
  /** Whether the window may take a ticket now (no current ticket). */
  @property({ type: Boolean }) free = false;
  @property({ type: Boolean }) open = false;

  static override styles = [
    deskTheme,
    base,
    controlStyles,
    css`
      :host {
        display: grid;
        grid-template-rows: minmax(0, 1fr) auto auto;
        gap: 12px;
        min-height: 0;
      }
      section {
        display: grid;
        grid-template-rows: auto minmax(0, 1fr);
        min-height: 0;
        border-radius: var(--hq-radius);
        background: var(--hq-bg-raised);
        border: 1px solid var(--hq-line);
        overflow: hidden;
      }
      h2 {
        margin: 0;
        padding: 10px 14px;
        font-size: 16px;
        display: flex;
        justify-content: space-between;
        align-items: baseline;
        border-bottom: 1px solid var(--hq-line);
        background: var(--hq-bg-sunken);
      }
      h2 span {
        font-weight: 400;
        color: var(--hq-text-dim);
        font-size: 14px;
      }
      ol {
        list-style: none;
        margin: 0;
        padding: 0;
        overflow: auto;
      }
      section.small ol {
        max-height: 136px;
      }
      li {
        display: grid;
        grid-template-columns: 4.2em minmax(0, 1fr) auto;
        align-items: center;
        gap: 10px;
        padding: 7px 14px;
        border-bottom: 1px solid color-mix(in srgb, var(--hq-line) 60%, transparent);
        font-size: 15px;
      }
      li:last-child {
        border-bottom: none;
      }
      li.pick:hover {
        background: color-mix(in srgb, var(--hq-accent) 6%, #fff);
        cursor: pointer;
      }
      li.pick:focus-visible {
        outline: 3px solid color-mix(in srgb, var(--hq-accent) 40%, transparent);
        outline-offset: -3px;
      }
      .no {
        font-family: var(--hq-number-font);
        font-weight: 700;
        font-size: 18px;
      }
      .svc {
        white-space: nowrap;
        overflow: hidden;
        text-overflow: ellipsis;
        color: var(--hq-text);
      }
      .meta {
        color: var(--hq-text-dim);
        font-size: 14px;
        white-space: nowrap;
        display: flex;
        gap: 8px;
        align-items: center;
      }
      .prio {
        padding: 1px 7px;
        border-radius: 6px;
        font-size: 13px;
        background: color-mix(in srgb, var(--hq-ok) 14%, #fff);
        color: var(--hq-ok);
      }
      .target {
        padding: 1px 7px;
        border-radius: 6px;
        font-size: 13px;
        background: color-mix(in srgb, var(--hq-accent) 12%, #fff);
        color: var(--hq-accent);
      }
      .none {
        padding: 14px;
        color: var(--hq-text-dim);
        font-size: 15px;
      }
    `,
  ];

  override render() {
    return html`
      <section aria-labelledby="waiting">
        <h2 id="waiting">${msg('等候队列')} <span>${msg(str`${this.waiting.length} 人 · 按叫号顺序`)}</span></h2>
        ${
          this.waiting.length
            ? html`<ol class="waiting">
              ${this.waiting.map((t, i) => this.waitingRow(t, i))}
            </ol>`
            : html`<div class="none">${msg('暂无等候')}</div>`
        }
      </section>
      <section class="small" aria-labelledby="held">
        <h2 id="held">${msg('已挂起')} <span>${this.held.length}</span></h2>
        ${
          this.held.length
            ? html`<ol class="held">
              ${this.held.map(
                (t) => html`<li>
                  <span class="no">${t.number}</span>
                  <span class="svc">${serviceName(this.names, t.serviceId)}</span>
                  <span class="meta">
                    ${msg(str`${minutesSince(t.heldAt, this.now)} 分钟`)}
                    <button class="btn small" ?disabled=${this.disabled || !this.free} @click=${() => this.command({ kind: 'resume', ticketId: t.id })}>
                      ${msg('回呼')}
                    </button>
                    <button class="btn small" ?disabled=${this.disabled} @click=${() => this.emit('list-transfer', { ticket: t })}>${msg('转移')}</button>
                  </span>
                </li>`,
              )}
            </ol>`
            : html`<div class="none">${msg('没有挂起的号票')}</div>`
        }
      </section>
      <section class="small" aria-labelledby="missed">
        <h2 id="missed">${msg('过号')} <span>${msg(str`${this.graceMinutes} 分钟内可重排`)}</span></h2>
        ${
          this.missed.length
            ? html`<ol class="missed">
              ${this.missed.map((t) => {
                const left = Math.max(0, this.graceMinutes - minutesSince(t.noShowAt, this.now));
                return html`<li>
                  <span class="no">${t.number}</span>
                  <span class="svc">${serviceName(this.names, t.serviceId)}</span>
                  <span class="meta">
                    ${msg(str`剩 ${left} 分钟`)}
                    <button class="btn small" ?disabled=${this.disabled} @click=${() => this.command({ kind: 'requeue', ticketId: t.id })}>${msg('重排')}</button>
                  </span>
                </li>`;
              })}
            </ol>`
            : html`<div class="none">${msg('没有过号的号票')}</div>`
        }
      </section>
    `;
  }

  private waitingRow(t: TicketView, i: number) {
    const priority = priorityLabel(t.priority);
    const pickable = !this.disabled && this.free && this.open;
    const pick = () => pickable && this.emit('list-select', { number: t.number });
    // A pickable row is reached with Tab and picked with Enter (or Space, unless the console took
    // it as its "call next" shortcut), as a click would.
    const onKey = (e: KeyboardEvent) => {
      if ((e.key !== 'Enter' && e.key !== ' ') || e.defaultPrevented) return;
      e.preventDefault();
      pick();
    };
    return html`<li
      class=${pickable ? 'pick' : ''}
      title=${pickable ? msg('选呼此号') : ''}
      tabindex=${pickable ? '0' : nothing}
      @click=${pick}
      @keydown=${onKey}
    >
      <span class="no">${t.number}</span>
      <span class="svc">${serviceName(this.names, t.serviceId)}</span>
      <span class="meta">
        ${t.targetWindowId ? html`<span class="target">${msg('转本窗口')}</span>` : nothing}
        ${priority ? html`<span class="prio">${priority}</span>` : nothing}
        <span aria-label=${msg('已等候')}>${msg(str`${minutesSince(t.queuedAt, this.now)} 分钟`)}</span>
        ${i === 0 ? html`<span class="sr-only">${msg('下一位')}</span>` : nothing}
      </span>
    </li>`;
  }

  private command(command: DeskCommand) {
    this.emit('desk-command', command);
  }

  private emit(name: string, detail: unknown) {
    this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'hq-ticket-lists': TicketLists;
  }
}
