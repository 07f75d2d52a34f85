import { localized, msg } from '@lit/localize';
import { css, html, LitElement } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { initLocale } from '../../common/ui/i18n.js';
import { sessionGate, sessionGateStyles } from '../../common/ui/session-gate.js';
import { SessionController } from '../../common/ui/session.js';
import { base, deskTheme } from '../../common/ui/theme.js';
import { controlStyles } from '../clerk/desk-styles.js';
import './manager-shell.js';

/** An administrator watching several halls remembers the last one on this PC. */
const HALL_KEY = 'hq.manager.hall';

/**
 * The manager console at /manager (管理后台): sign in as a hall manager or administrator, then
 * the console for the manager's hall (`<hq-manager-shell>`). Administrators, who work across
 * halls, choose the hall first when there is more than one.
 */
@localized()
@customElement('hq-manager-app')
export class ManagerApp extends LitElement {
  private readonly session = new SessionController(this, ['manager', 'admin']);
  @state() private ready = false;
  @state() private halls: { id: number; name: string }[] | null = null;
  @state() private chosenHall: number | null = null;

  static override styles = [
    deskTheme,
    base,
    controlStyles,
    sessionGateStyles,
    css`
      :host {
        display: block;
        min-height: 100vh;
      }
      .halls {
        display: grid;
        gap: 10px;
        min-width: 320px;
      }
    `,
  ];

  override async connectedCallback() {
    super.connectedCallback();
    await initLocale();
    try {
      this.chosenHall = Number(localStorage.getItem(HALL_KEY)) || null;
    } catch {
      this.chosenHall = null;
    }
    this.ready = true;
  }

  override render() {
    if (!this.ready) return html``;
    const gate = sessionGate(this.session, { heading: msg('管理后台 · 登录'), wrongRole: msg('此账号不是大厅管理员账号，管理后台只供大厅管理员和系统管理员使用。') });
    return gate ?? this.renderConsole();
  }

  private renderConsole() {
    const user = this.session.user!;
    if (user.hallId !== null) return html`<hq-manager-shell .session=${this.session} .hallId=${user.hallId} ?watchHall=${false}></hq-manager-shell>`;
    if (!this.halls) {
      void this.loadHalls();
      return html`<div class="center" role="status">${msg('正在加载…')}</div>`;
    }
    const chosen = this.halls.find((h) => h.id === this.chosenHall) ?? (this.halls.length === 1 ? this.halls[0] : undefined);
    if (chosen) return html`<hq-manager-shell .session=${this.session} .hallId=${chosen.id} ?watchHall=${true} @m-switch-hall=${() => (this.chosenHall = null)}></hq-manager-shell>`;
    return html`<div class="center">
      <span>${msg('请选择要管理的大厅')}</span>
      <div class="halls">${this.halls.map((h) => html`<button class="btn" @click=${() => this.choose(h.id)}>${h.name}</button>`)}</div>
    </div>`;
  }

  private async loadHalls() {
    try {
      this.halls = await this.session.api.get<{ id: number; name: string }[]>('/api/halls');
    } catch {
      this.halls = [];
    }
  }

  private choose(id: number) {
    this.chosenHall = id;
    try {
      localStorage.setItem(HALL_KEY, String(id));
    } catch {
      /* private mode: choose again next time */
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'hq-manager-app': ManagerApp;
  }
}
