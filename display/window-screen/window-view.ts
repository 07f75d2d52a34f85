import { localized, msg, str } from '@lit/localize';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { formatTime } from '../../common/ui/format.js';
import '../../common/ui/offline-mark.js';
import { base, hallTheme } from '../../common/ui/theme.js';
import type { WindowScreenModel } from './window-model.js';

/**
 * The window screen (窗口屏) above a counter, drawn from a `WindowScreenModel`: window number and
 * name, status (服务中 / 暂停服务 with its reason / 已关闭), the ticket called or being served,
 * what the window serves, and the clerk on duty with staff number. Sized in vmin for the small
 * screens above counters, landscape or strip.
 */
@localized()
@customElement('hq-window-screen-view')
export class WindowScreenView extends LitElement {
  @property({ attribute: false }) model: WindowScreenModel | null = null;
  @property({ type: Number }) now = 0;
  /** The current ticket was just called: flash it. */
  @property({ type: Boolean }) highlight = false;
  @property({ type: Boolean }) offline = false;
  @property({ type: Number }) offlineSince: number | null = null;
  /** The hall has no (enabled) window for this screen any more. */
  @property({ type: Boolean }) unbound = false;

  static override styles = [
    hallTheme,
    base,
    css`
      :host {
        display: grid;
        grid-template-rows: auto minmax(0, 1fr) auto auto;
        width: 100vw;
        height: 100vh;
        overflow: hidden;
        line-height: 1.25;
        background: radial-gradient(120vmin 80vmin at 10% 0%, #0f3262 0%, var(--hq-bg) 65%);
      }
      .num {
        font-family: var(--hq-number-font);
        font-variant-numeric: tabular-nums;
      }
      .ellipsis {
        white-space: nowrap;
        overflow: hidden;
        text-overflow: ellipsis;
      }
      header {
        display: grid;
        grid-template-columns: auto minmax(0, 1fr) auto;
        align-items: center;
        gap: 3vmin;
        padding: 3vmin 4vmin 2.4vmin;
        border-bottom: 0.4vmin solid var(--hq-accent);
        background: linear-gradient(180deg, #0b2a55, #08203f);
      }
      .badge {
        display: grid;
        place-content: center;
        justify-items: center;
        gap: 0.6vmin;
        min-width: 18vmin;
        height: 18vmin;
        padding: 0 2vmin;
        border-radius: 2.4vmin;
        background: var(--hq-accent);
        color: var(--hq-accent-text);
        font-weight: 800;
        line-height: 1;
      }
      .badge .num {
        font-size: 11vmin;
      }
      .badge small {
        font-size: 2.8vmin;
        font-weight: 700;
        letter-spacing: 0.1em;
      }
      .title {
        display: grid;
        gap: 1vmin;
        min-width: 0;
      }
      .title h1 {
        margin: 0;
        font-size: 8vmin;
        font-weight: 700;
        letter-spacing: 0.04em;
      }
      .title .domain {
        font-size: 3.6vmin;
        color: var(--hq-text-dim);
      }
      .status {
        display: inline-flex;
        align-items: center;
        gap: 1.4vmin;
        padding: 1.4vmin 3vmin;
        border-radius: 999px;
        font-size: 5vmin;
        font-weight: 700;
        white-space: nowrap;
      }
      .status::before {
        content: '';
        width: 2.6vmin;
        height: 2.6vmin;
        border-radius: 50%;
        background: currentColor;
      }
      .status.open {
        color: var(--hq-ok);
        background: rgb(61 220 151 / 14%);
      }
      .status.paused {
        color: var(--hq-warn);
        background: rgb(255 176 32 / 16%);
      }
      .status.closed {
        color: var(--hq-text-dim);
        background: rgb(169 191 221 / 14%);
      }

      main {
        display: grid;
        place-content: center;
        justify-items: center;
        gap: 2vmin;
        padding: 2vmin 4vmin;
        text-align: center;
        min-height: 0;
        container-type: inline-size;
      }
      main .label {
        font-size: 5vmin;
        color: var(--hq-text-dim);
      }
      main .ticket {
        height: 30vmin;
        font-size: 30vmin;
        font-size: min(30vmin, calc(100cqw / (var(--chars, 4) * 0.62)));
        font-weight: 800;
        line-height: 30vmin;
        color: var(--hq-text);
      }
      main .ticket.called {
        color: var(--hq-accent);
      }
      main .ticket.lit {
        animation: flash 0.8s ease-in-out infinite alternate;
      }
      @keyframes flash {
        from {
          opacity: 1;
        }
        to {
          opacity: 0.45;
        }
      }
      main .big {
        font-size: 14vmin;
        font-weight: 800;
        letter-spacing: 0.12em;
        line-height: 1.1;
      }
      main.paused .big {
        color: var(--hq-warn);
      }
      main.closed .big {
        color: var(--hq-text-dim);
      }
      main .reason {
        font-size: 7vmin;
        font-weight: 700;
      }
      main .hint {
        font-size: 4.4vmin;
        color: var(--hq-text-dim);
      }

      .services {
        display: flex;
        gap: 2vmin;
        align-items: baseline;
        margin: 0 4vmin;
        padding: 2vmin 0;
        border-top: 0.2vmin solid var(--hq-line);
        font-size: 3.8vmin;
        min-width: 0;
      }
      .services .k {
        flex: none;
        color: var(--hq-text-dim);
      }
      .services .v {
        display: -webkit-box;
        -webkit-line-clamp: 2;
        -webkit-box-orient: vertical;
        overflow: hidden;
        min-width: 0;
      }
      footer {
        display: flex;
        align-items: center;
        gap: 2.4vmin;
        padding: 2vmin 4vmin 2.6vmin;
        background: var(--hq-bg-sunken);
        font-size: 4vmin;
        min-width: 0;
      }
      .photo {
        flex: none;
        width: 9vmin;
        height: 9vmin;
        border-radius: 50%;
        object-fit: cover;
        display: grid;
        place-items: center;
        background: #1b5fc1;
        color: #fff;
        font-weight: 700;
        font-size: 4.4vmin;
      }
      .clerk {
        display: flex;
        align-items: baseline;
        gap: 2vmin;
        flex: 1;
        min-width: 0;
      }
      .clerk .name {
        font-size: 5vmin;
        font-weight: 700;
        letter-spacing: 0.08em;
      }
      .clerk .staff {
        color: var(--hq-text-dim);
      }
      .clerk.none {
        color: var(--hq-text-dim);
      }
      footer .clock {
        font-size: 4.4vmin;
        color: var(--hq-text-dim);
      }
      hq-offline-mark {
        --hq-offline-size: 2.6vmin;
      }
      .connecting {
        grid-row: 1 / -1;
        place-self: center;
        font-size: 5vmin;
        color: var(--hq-text-dim);
      }
    `,
  ];

  override render() {
    const m = this.model;
    if (!m && this.unbound)
      return html`<div class="connecting" role="alert">${msg('本屏绑定的窗口已不存在，请联系大厅管理员重新设置。')}</div>`;
    if (!m) return html`<div class="connecting" role="status">${msg('正在连接服务器…')}</div>`;
    return html`<header>
        <div class="badge" aria-label=${msg(str`${m.number}号窗口`)}>
          <span class="num">${m.number}</span>
          <small>${msg('号窗口')}</small>
        </div>
        <div class="title">
          <h1 class="ellipsis">${m.name}</h1>
          <span class="domain ellipsis">${this.domain(m)}</span>
        </div>
        <span class="status ${m.status}">${this.statusLabel(m)}</span>
      </header>
      ${this.main(m)}
      <div class="services">
        <span class="k">${msg('办理事项')}</span>
        <span class="v">${m.mode === 'hall' ? msg('本大厅全部事项') : m.services.length ? m.services.join(' · ') : msg('暂未设置')}</span>
      </div>
      <footer>
        ${
          m.clerk
            ? html`${m.clerk.photoUrl ? html`<img class="photo" src=${m.clerk.photoUrl} alt="" />` : html`<span class="photo" aria-hidden="true">${[...m.clerk.name][0] ?? ''}</span>`}
              <div class="clerk">
                <span class="name">${m.clerk.name}</span>
                <span class="staff">${msg(str`工号 ${m.clerk.staffNo}`)}</span>
              </div>`
            : html`<div class="clerk none">${msg('暂无工作人员')}</div>`
        }
        ${this.offline ? html`<hq-offline-mark .since=${this.offlineSince} .timezone=${m.timezone}></hq-offline-mark>` : nothing}
        <span class="clock num">${formatTime(this.now, m.timezone)}</span>
      </footer>`;
  }

  private domain(m: WindowScreenModel): string {
    if (m.mode === 'hall') return msg('综合窗口 · 无差别受理');
    if (m.mode === 'zone') return m.domain ? msg(str`综合窗口 · ${m.domain}`) : msg('综合窗口');
    return m.zone ? msg(str`专业窗口 · ${m.zone}`) : msg('专业窗口');
  }

  private statusLabel(m: WindowScreenModel): string {
    switch (m.status) {
      case 'open':
        return msg('服务中');
      case 'paused':
        return msg('暂停服务');
      case 'closed':
        return msg('已关闭');
    }
  }

  private main(m: WindowScreenModel) {
    const ticket = m.current;
    if (m.status === 'closed' && !ticket) {
      return html`<main class="closed">
        <div class="big">${msg('已关闭')}</div>
        <div class="hint">${msg('本窗口暂停受理，请到其他窗口办理')}</div>
      </main>`;
    }
    if (m.status === 'paused') {
      return html`<main class="paused">
        <div class="big">${msg('暂停服务')}</div>
        ${m.pauseReason ? html`<div class="reason">${m.pauseReason}</div>` : nothing}
        <div class="hint">${ticket ? msg(str`当前号码 ${ticket.number}`) : msg('请稍候，或到其他窗口办理')}</div>
      </main>`;
    }
    if (!ticket) {
      return html`<main class="idle">
        <div class="big">${msg('欢迎办理')}</div>
        <div class="hint">${msg('请留意叫号，听到您的号码后到本窗口办理')}</div>
      </main>`;
    }
    const called = ticket.status === 'called';
    return html`<main class="current" style="--chars: ${Math.max(4, ticket.number.length)}">
      <div class="label">${called ? msg('请以下号码到本窗口办理') : msg('正在办理')}</div>
      <div class="ticket num ${called ? 'called' : 'serving'} ${this.highlight ? 'lit' : ''}">${ticket.number}</div>
    </main>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'hq-window-screen-view': WindowScreenView;
  }
}
