import { localized, msg } from '@lit/localize';
import { css, html, LitElement } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import { initLocale } from '../../common/ui/i18n.js';
import { sessionGate, sessionGateStyles } from '../../common/ui/session-gate.js';
import { SessionController } from '../../common/ui/session.js';
import { base, deskTheme } from '../../common/ui/theme.js';
import { controlStyles } from '../clerk/desk-styles.js';
import './manager-shell.js';

/** An administrator watching several halls remembers the last one on this PC. */
const HALL_KEY = 'hq.manager.hall';

interface HallChoice {
  id: number;
  code: string;
  name: string;
}

/**
 * The manager console at /manager (管理后台): sign in as a hall manager or administrator, then
 * the console for the manager's hall (`<hq-manager-shell>`). Administrators (no hall of their
 * own) choose the hall first when the server has more than one; the choice is remembered on this
 * PC, and 切换大厅 in the console comes back here. Each hall gets a console of its own (its own
 * live connection and state), so nothing of one hall shows in another.
 */
@localized()
@customElement('hq-manager-app')
export class ManagerApp extends LitElement {
  private readonly session = new SessionController(this, ['manager', 'admin']);
  @state() private ready = false;
  @state() private halls: HallChoice[] | null = null;
  @state() private hallsError = false;
  private loadingHalls: Promise<void> | null = null;
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
      .picker {
        min-height: 100vh;
        display: grid;
        place-items: center;
        padding: 24px;
        box-sizing: border-box;
      }
      .card {
        width: min(520px, 100%);
        background: var(--hq-bg-raised);
        border: 1px solid var(--hq-line);
        border-radius: 14px;
        padding: 26px 28px;
        box-shadow: 0 14px 40px rgb(12 24 44 / 12%);
        display: grid;
        gap: 14px;
      }
      .card h1 {
        margin: 0;
        font-size: 24px;
      }
      .card p {
        margin: 0;
        color: var(--hq-text-dim);
      }
      .halls {
        display: grid;
        gap: 10px;
      }
      .halls .btn {
        justify-content: space-between;
        min-height: 56px;
        font-size: 18px;
        text-align: left;
      }
      .halls .btn span {
        font-size: 14px;
        color: var(--hq-text-dim);
      }
      .card footer {
        display: flex;
        justify-content: space-between;
        align-items: center;
        font-size: 14px;
        color: var(--hq-text-dim);
      }
    `,
  ];

  override connectedCallback() {
    super.connectedCallback();
    void this.prepare();
  }

  /** The language first, then the hall this browser chose last time. */
  private async prepare() {
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
    const gate = sessionGate(this.session, {
      heading: msg('管理后台 · 登录'),
      wrongRole: msg('此账号不是大厅管理员账号，管理后台只供大厅管理员和系统管理员使用。'),
    });
    return gate ?? this.renderConsole();
  }

  private renderConsole() {
    const user = this.session.user!;
    if (user.hallId !== null)
      return html`<hq-manager-shell .session=${this.session} .hallId=${user.hallId} ?watchHall=${false}></hq-manager-shell>`;
    if (!this.halls) {
      if (!this.hallsError) void this.loadHalls();
      return html`<div class="center" role="status">${this.hallsError ? msg('无法读取大厅列表，请检查网络后刷新页面。') : msg('正在加载…')}</div>`;
    }
    const chosen = this.halls.find((h) => h.id === this.chosenHall) ?? (this.halls.length === 1 ? this.halls[0] : undefined);
    if (chosen) {
      // A console per hall: switching halls builds a new one instead of reusing the last hall's state.
      return keyed(
        chosen.id,
        html`<hq-manager-shell .session=${this.session} .hallId=${chosen.id} ?watchHall=${true} ?canSwitch=${this.halls.length > 1} @m-switch-hall=${this.switchHall}></hq-manager-shell>`,
      );
    }
    return html`<div class="picker">
      <section class="card" aria-labelledby="pick">
        <h1 id="pick">${msg('请选择要管理的大厅')}</h1>
        <p>${msg('系统管理员可以管理本服务器上的每个大厅；以后可在左下角“切换大厅”。')}</p>
        <div class="halls">
          ${this.halls.map((h) => html`<button class="btn" data-hall=${h.code} @click=${() => this.choose(h.id)}>${h.name}<span>${h.code}</span></button>`)}
        </div>
        <footer>
          <span>${msg('已登录')}：${user.displayName}（${user.username}）</span>
          <button class="btn small" @click=${() => this.session.logout()}>${msg('退出')}</button>
        </footer>
      </section>
    </div>`;
  }

  private loadHalls(): Promise<void> {
    this.loadingHalls ??= (async () => {
      try {
        this.halls = await this.session.api.get<HallChoice[]>('/api/halls');
        this.hallsError = false;
      } catch {
        this.hallsError = true;
      } finally {
        this.loadingHalls = null;
      }
    })();
    return this.loadingHalls;
  }

  private choose(id: number) {
    this.chosenHall = id;
    try {
      localStorage.setItem(HALL_KEY, String(id));
    } catch {
      /* private mode: choose again next time */
    }
  }

  private readonly switchHall = () => {
    this.chosenHall = null;
    try {
      localStorage.removeItem(HALL_KEY);
    } catch {
      /* nothing remembered */
    }
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'hq-manager-app': ManagerApp;
  }
}
