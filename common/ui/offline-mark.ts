import { localized, msg, str } from '@lit/localize';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { formatTime } from './format.js';

/**
 * The unobtrusive mark an unattended screen shows while the server is unreachable: it keeps its
 * last state on screen and says since when it has not heard from the server. Sized in vmin, like
 * the hall screens it sits on.
 */
@localized()
@customElement('hq-offline-mark')
export class OfflineMark extends LitElement {
  /** Server time of the last state shown, or null when unknown. */
  @property({ type: Number }) since: number | null = null;
  /** The hall's timezone, for the time shown. */
  @property() timezone = 'Asia/Shanghai';

  static override styles = css`
    :host {
      display: inline-flex;
      align-items: center;
      gap: 0.8vmin;
      padding: 0.5vmin 1.4vmin;
      border-radius: 999px;
      border: 0.2vmin solid color-mix(in srgb, var(--hq-warn, #ffb020) 60%, transparent);
      color: var(--hq-warn, #ffb020);
      font-size: var(--hq-offline-size, 2vmin);
      white-space: nowrap;
    }
    svg {
      width: 1.3em;
      height: 1.3em;
      flex: none;
    }
  `;

  override render() {
    return html`<svg viewBox="0 0 24 24" aria-hidden="true">
        <path d="M2 8.5a15 15 0 0 1 20 0M5.5 12a10 10 0 0 1 13 0M9 15.5a5 5 0 0 1 6 0" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" />
        <circle cx="12" cy="19" r="1.6" fill="currentColor" />
        <path d="M3 3l18 18" stroke="currentColor" stroke-width="2.2" stroke-linecap="round" />
      </svg>
      <span role="status">${msg('离线')}${this.since ? html` · ${msg(str`显示 ${formatTime(this.since, this.timezone)} 的状态`)}` : nothing}</span>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'hq-offline-mark': OfflineMark;
  }
}
