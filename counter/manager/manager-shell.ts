import { localized, msg, str } from '@lit/localize';
import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { ClockController } from '../../common/ui/clock.js';
import { formatDate, formatTime } from '../../common/ui/format.js';
import { getLocale, switchLocale } from '../../common/ui/i18n.js';
import type { SessionController } from '../../common/ui/session.js';
import { base, deskTheme } from '../../common/ui/theme.js';
import { controlStyles } from '../clerk/desk-styles.js';
import type { ToastDetail } from './act.js';
import './audit-view.js';
import './cases-view.js';
import './config-view.js';
import './dispatch-view.js';
import { HallStore } from './hall-store.js';
import { roleLabel } from './labels.js';
import './live-view.js';

type Section = 'live' | 'dispatch' | 'config' | 'stats' | 'cases' | 'audit' | 'bookings';
const SECTIONS: Section[] = ['live', 'dispatch', 'config', 'stats', 'cases', 'audit', 'bookings'];

function sectionTitle(s: Section): string {
  switch (s) {
    case 'live':
      return msg('实时大厅');
    case 'dispatch':
      return msg('窗口调度');
    case 'config':
      return msg('配置');
    case 'stats':
      return msg('统计分析');
    case 'cases':
      return msg('差评整改');
    case 'audit':
      return msg('审计日志');
    case 'bookings':
      return msg('预约与扫码');
  }
}

const ICONS: Record<Section, string> = { live: '◉', dispatch: '⇄', config: '⚙', stats: '▥', cases: '✎', audit: '☰', bookings: '▦' };

/** "#/dispatch/12" → ['dispatch', '12']. */
const parseRoute = (hash: string): [Section, string] => {
  const [section, ...rest] = hash.replace(/^#\/?/, '').split('/');
  return [SECTIONS.includes(section as Section) ? (section as Section) : 'live', rest.join('/')];
};

/**
 * The manager console's frame: the sections on the left (Alt+1 … Alt+7), the section's view, the
 * connection state, and the messages views report (`m-toast`). Owns the hall's live state
 * (`HallStore`) and hands it to every view; routes live in the URL hash, so a view can be linked
 * and survives a reload.
 */
@localized()
@customElement('hq-manager-shell')
export class ManagerShell extends LitElement {
  @property({ attribute: false }) session!: SessionController;
  @property({ type: Number }) hallId = 0;
  /** An administrator: the realtime connection names the hall. */
  @property({ type: Boolean }) watchHall = false;
  /** There are other halls to switch to (an administrator on a server with several). */
  @property({ type: Boolean }) canSwitch = false;

  @state() private route: [Section, string] = parseRoute(location.hash);
  @state() private toasts: (ToastDetail & { id: number })[] = [];

  private store!: HallStore;
  private readonly clock = new ClockController(this, 1000);
  private toastId = 0;

  static override styles = [
    deskTheme,
    base,
    controlStyles,
    css`
      :host {
        display: grid;
        grid-template-columns: 208px minmax(0, 1fr);
        height: 100vh;
        overflow: hidden;
      }
      nav {
        display: flex;
        flex-direction: column;
        background: #0f2a52;
        color: #dbe6f6;
        min-height: 0;
      }
      .brand {
        padding: 18px 18px 14px;
        border-bottom: 1px solid rgb(255 255 255 / 10%);
      }
      .brand b {
        display: block;
        font-size: 17px;
        color: #fff;
        line-height: 1.35;
      }
      .brand span {
        font-size: 13px;
        color: #9fb4d3;
      }
      nav ul {
        list-style: none;
        margin: 0;
        padding: 10px 8px;
        display: grid;
        gap: 2px;
      }
      nav a {
        display: flex;
        align-items: center;
        gap: 10px;
        padding: 10px 12px;
        border-radius: 8px;
        color: inherit;
        text-decoration: none;
        font-size: 16px;
      }
      nav a .icon {
        width: 20px;
        text-align: center;
        opacity: 0.85;
      }
      nav a .key {
        margin-left: auto;
        font-size: 11px;
        opacity: 0.55;
      }
      nav a:hover {
        background: rgb(255 255 255 / 8%);
      }
      nav a[aria-current='page'] {
        background: #1b5fc1;
        color: #fff;
      }
      nav a:focus-visible {
        outline: 3px solid #7fb0ff;
        outline-offset: -3px;
      }
      .badge {
        min-width: 22px;
        padding: 0 6px;
        border-radius: 999px;
        background: #c8261c;
        color: #fff;
        font-size: 12px;
        font-weight: 700;
        text-align: center;
        line-height: 20px;
      }
      .me {
        margin-top: auto;
        padding: 14px 16px;
        border-top: 1px solid rgb(255 255 255 / 10%);
        display: grid;
        gap: 8px;
        font-size: 14px;
      }
      .me b {
        color: #fff;
      }
      .me .row {
        display: flex;
        gap: 8px;
      }
      .me .btn {
        flex: 1;
        width: 100%;
        min-height: 34px;
        padding: 4px 8px;
        font-size: 14px;
        white-space: nowrap;
        background: transparent;
        color: #dbe6f6;
        border-color: rgb(255 255 255 / 25%);
      }
      .main {
        display: flex;
        flex-direction: column;
        min-width: 0;
        min-height: 0;
      }
      header {
        display: flex;
        align-items: center;
        gap: 16px;
        padding: 12px 24px;
        background: var(--hq-bg-raised);
        border-bottom: 1px solid var(--hq-line);
      }
      header h1 {
        margin: 0;
        font-size: 21px;
      }
      header .spacer {
        flex: 1;
      }
      .conn {
        display: inline-flex;
        align-items: center;
        gap: 6px;
        font-size: 14px;
        color: var(--hq-text-dim);
      }
      .conn::before {
        content: '';
        width: 9px;
        height: 9px;
        border-radius: 50%;
        background: var(--hq-ok);
      }
      .conn.off::before {
        background: var(--hq-danger);
      }
      .date {
        font-size: 14px;
        color: var(--hq-text-dim);
      }
      .clock {
        font-family: var(--hq-number-font);
        font-variant-numeric: tabular-nums;
        font-size: 20px;
      }
      .banner {
        padding: 9px 24px;
        background: #fff4dc;
        color: #6b4300;
        border-bottom: 1px solid #f0d49a;
        font-size: 15px;
      }
      .content {
        flex: 1;
        overflow: auto;
        padding: 18px 24px 28px;
      }
      .toasts {
        position: fixed;
        right: 24px;
        bottom: 20px;
        display: grid;
        gap: 8px;
        z-index: 50;
        max-width: min(520px, calc(100vw - 48px));
        /* A message never stands in the way of what is under it; only its close button takes clicks. */
        pointer-events: none;
      }
      .toast {
        display: flex;
        gap: 12px;
        align-items: center;
        padding: 12px 16px;
        border-radius: 10px;
        background: #15233a;
        color: #fff;
        font-size: 15px;
        box-shadow: 0 10px 30px rgb(12 24 44 / 30%);
      }
      .toast.error {
        background: #8a1a12;
      }
      .toast button {
        pointer-events: auto;
        margin-left: auto;
        background: none;
        border: none;
        color: inherit;
        font-size: 18px;
      }
      /* Printing (the QR posters): the section's content alone, on the whole page. */
      @media print {
        :host {
          display: block;
          height: auto;
          overflow: visible;
        }
        nav,
        header,
        .banner,
        .toasts {
          display: none;
        }
        .main {
          display: block;
        }
        .content {
          overflow: visible;
          padding: 0;
        }
      }
    `,
  ];

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('hallId') && this.hallId && !this.store) {
      this.store = new HallStore(this, this.session.api, this.hallId, this.watchHall, () => void this.session.refresh());
    }
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('hashchange', this.onHash);
    window.addEventListener('keydown', this.onKey);
  }

  override disconnectedCallback(): void {
    window.removeEventListener('hashchange', this.onHash);
    window.removeEventListener('keydown', this.onKey);
    super.disconnectedCallback();
  }

  override render() {
    const [section, param] = this.route;
    const snapshot = this.store?.snapshot;
    const live = this.store?.live;
    const tz = snapshot?.hall.timezone ?? 'Asia/Shanghai';
    const user = this.session.user!;
    const cases = live?.cases;
    return html`<nav aria-label=${msg('管理后台导航')}>
        <div class="brand"><b>${snapshot?.hall.name ?? msg('管理后台')}</b><span>${msg('管理后台')}</span></div>
        <ul>
          ${SECTIONS.map(
            (s, i) => html`<li>
              <a href="#/${s}" aria-current=${section === s ? 'page' : 'false'} aria-keyshortcuts=${`Alt+${i + 1}`}>
                <span class="icon" aria-hidden="true">${ICONS[s]}</span>${sectionTitle(s)}
                ${
                  s === 'cases' && cases && cases.open > 0
                    ? html`<span class="badge" title=${msg(str`${cases.open} 件未办结，${cases.overdue} 件逾期`)}>${cases.overdue || cases.open}</span>`
                    : html`<span class="key">Alt+${i + 1}</span>`
                }
              </a>
            </li>`,
          )}
        </ul>
        <div class="me">
          <span><b>${user.displayName}</b> · ${roleLabel(user.role)}</span>
          ${this.canSwitch ? html`<button class="btn" data-switch-hall @click=${() => this.dispatchEvent(new CustomEvent('m-switch-hall', { bubbles: true, composed: true }))}>${msg('切换大厅')}</button>` : nothing}
          <div class="row">
            <button class="btn" @click=${this.toggleLanguage}>${getLocale() === 'en' ? '中文' : 'English'}</button>
            <button class="btn" @click=${() => this.session.logout()}>${msg('退出')}</button>
          </div>
        </div>
      </nav>
      <div class="main">
        <header>
          <h1>${sectionTitle(section)}</h1>
          <span class="spacer"></span>
          <span class="conn ${this.store?.realtime.live ? '' : 'off'}">${this.store?.realtime.live ? msg('实时') : msg('连接中断')}</span>
          <span class="date">${formatDate(this.clock.now, tz, getLocale())}</span>
          <span class="clock">${formatTime(this.clock.now, tz, true)}</span>
        </header>
        ${this.store?.realtime.offline ? html`<div class="banner" role="alert">${msg('与服务器的连接已断开，正在重新连接；页面显示的是断开前的状态。')}</div>` : nothing}
        <section class="content" @m-toast=${this.onToast} @m-navigate=${(e: CustomEvent<string>) => (location.hash = `#/${e.detail}`)}>
          ${this.store ? this.renderSection(section, param) : nothing}
        </section>
      </div>
      <div class="toasts" role="status" aria-live="polite">
        ${this.toasts.map((t) => html`<div class="toast ${t.kind}">${t.message}<button aria-label=${msg('关闭提示')} @click=${() => this.dropToast(t.id)}>×</button></div>`)}
      </div>`;
  }

  private renderSection(section: Section, param: string) {
    const common = { store: this.store, api: this.session.api, rev: this.store.revision, now: this.clock.now };
    switch (section) {
      case 'live':
        return html`<hq-live-view .store=${common.store} .api=${common.api} .rev=${common.rev} .now=${common.now}></hq-live-view>`;
      case 'dispatch':
        return html`<hq-dispatch-view .store=${common.store} .api=${common.api} .rev=${common.rev} .windowId=${Number(param) || 0}></hq-dispatch-view>`;
      case 'config':
        return html`<hq-config-view .store=${common.store} .api=${common.api} .rev=${common.rev} .now=${common.now} .page=${param || 'services'} .user=${this.session.user}></hq-config-view>`;
      case 'stats':
        // Statistics bring the chart library: loaded the first time they are opened.
        void import('./stats-view.js');
        return html`<hq-stats-view .store=${common.store} .api=${common.api}></hq-stats-view>`;
      case 'cases':
        return html`<hq-cases-view .store=${common.store} .api=${common.api} .rev=${this.store.casesRevision} .caseId=${Number(param) || 0} .user=${this.session.user}></hq-cases-view>`;
      case 'audit':
        return html`<hq-audit-view .store=${common.store} .api=${common.api} .rev=${this.store.auditRevision}></hq-audit-view>`;
      case 'bookings':
        // Appointments, posters and notifications: loaded the first time they are opened.
        void import('./bookings-view.js');
        return html`<hq-bookings-view .store=${common.store} .api=${common.api} .rev=${common.rev} .param=${param}></hq-bookings-view>`;
    }
  }

  private readonly onHash = () => {
    this.route = parseRoute(location.hash);
  };

  /** Alt+1 … Alt+7 go to a section, wherever the focus is. */
  private readonly onKey = (e: KeyboardEvent) => {
    if (!e.altKey || e.ctrlKey || e.metaKey) return;
    const i = Number(e.key) - 1;
    const digit = /^Digit([1-9])$/.exec(e.code);
    const index = digit ? Number(digit[1]) - 1 : i;
    if (index >= 0 && index < SECTIONS.length) {
      e.preventDefault();
      location.hash = `#/${SECTIONS[index]}`;
    }
  };

  private readonly onToast = (e: CustomEvent<ToastDetail>) => {
    const id = ++this.toastId;
    this.toasts = [...this.toasts.slice(-2), { ...e.detail, id }];
    setTimeout(() => this.dropToast(id), e.detail.kind === 'error' ? 9000 : 4000);
    // A change was made: reload the live state at once instead of waiting for its events.
    if (e.detail.kind === 'ok') this.store.refresh();
  };

  private dropToast(id: number) {
    this.toasts = this.toasts.filter((t) => t.id !== id);
  }

  private readonly toggleLanguage = async () => {
    await switchLocale(getLocale() === 'en' ? 'zh-CN' : 'en');
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'hq-manager-shell': ManagerShell;
  }
}
