import { localized, msg, str } from '@lit/localize';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { errorMessage, newIdempotencyKey } from '../../common/ui/api.js';
import { getLocale } from '../../common/ui/i18n.js';
import type { SessionController, StaffWindow } from '../../common/ui/session.js';
import { base, deskTheme } from '../../common/ui/theme.js';
import type { WindowStatus } from '../../common/vocabulary.js';
import { controlStyles } from './desk-styles.js';
import { windowStatusLabel } from './labels.js';

/**
 * After sign-in: the windows this clerk may staff (from /api/auth/me), to sign in to one.
 * A window someone else is signed in to is shown but cannot be chosen.
 *
 * @fires window-chosen - the clerk is now signed in to a window (the session was refreshed)
 * @fires picker-language - switch between Chinese and English
 */
@localized()
@customElement('hq-window-picker')
export class WindowPicker extends LitElement {
  @property({ attribute: false }) session!: SessionController;

  @state() private busy: number | null = null;
  @state() private error = '';

  static override styles = [
    deskTheme,
    base,
    controlStyles,
    css`
      :host {
        display: block;
        min-height: 100vh;
        padding: 40px 24px;
      }
      main {
        max-width: 980px;
        margin: 0 auto;
      }
      header {
        display: flex;
        align-items: center;
        gap: 14px;
        margin-bottom: 24px;
      }
      h1 {
        margin: 0;
        font-size: 26px;
        flex: 1;
      }
      .who {
        color: var(--hq-text-dim);
      }
      ul {
        list-style: none;
        padding: 0;
        margin: 0;
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(220px, 1fr));
        gap: 12px;
      }
      button.window {
        width: 100%;
        display: grid;
        gap: 6px;
        text-align: left;
        padding: 16px 18px;
        border-radius: var(--hq-radius);
        border: 1px solid var(--hq-line);
        background: var(--hq-bg-raised);
        color: var(--hq-text);
        min-height: 112px;
      }
      button.window:hover:not([disabled]),
      button.window:focus-visible {
        border-color: var(--hq-accent);
        outline: none;
        box-shadow: 0 0 0 3px color-mix(in srgb, var(--hq-accent) 22%, transparent);
      }
      button.window[disabled] {
        opacity: 0.55;
        cursor: not-allowed;
      }
      .number {
        font-size: 24px;
        font-weight: 700;
      }
      .name {
        font-size: 15px;
      }
      .state {
        font-size: 14px;
        color: var(--hq-text-dim);
      }
      .error {
        color: var(--hq-danger);
        min-height: 1.4em;
      }
      .none {
        color: var(--hq-text-dim);
        font-size: 17px;
      }
    `,
  ];

  override render() {
    const me = this.session.me;
    if (!me) return nothing;
    return html`<main>
      <header>
        <h1>${msg('选择您的窗口')}</h1>
        <span class="who">${me.user.displayName} · ${msg('工号')} ${me.user.staffNo}</span>
        <button class="btn small" @click=${() => this.dispatchEvent(new CustomEvent('picker-language', { bubbles: true, composed: true }))}>
          ${getLocale() === 'en' ? '中文' : 'English'}
        </button>
        <button class="btn small" @click=${() => this.session.logout()}>${msg('退出登录')}</button>
      </header>
      <p class="error" role="alert">${this.error}</p>
      ${
        me.windows.length
          ? html`<ul>
            ${me.windows.map((w) => this.renderWindow(w, me.user.id))}
          </ul>`
          : html`<p class="none">${msg('您还没有被分配窗口，请联系大厅管理员。')}</p>`
      }
    </main>`;
  }

  private renderWindow(w: StaffWindow, me: number) {
    const taken = w.clerkId !== null && w.clerkId !== me;
    return html`<li>
      <button class="window" data-window=${w.number} ?disabled=${taken || this.busy !== null} @click=${() => this.choose(w)}>
        <span class="number">${msg(str`${w.number}号窗口`)}</span>
        <span class="name">${w.name}</span>
        <span class="state">
          ${taken ? msg('已有其他工作人员登录') : windowStatusLabel(w.status as WindowStatus)}${w.backup ? ` · ${msg('AB角')}` : ''}
          ${this.busy === w.id ? ` · ${msg('正在签到…')}` : ''}
        </span>
      </button>
    </li>`;
  }

  private async choose(w: StaffWindow) {
    this.busy = w.id;
    this.error = '';
    try {
      await this.session.api.post(`/api/windows/${w.id}/sign-in`, {}, { idempotencyKey: newIdempotencyKey() });
      await this.session.refresh();
      this.dispatchEvent(new CustomEvent('window-chosen', { bubbles: true, composed: true }));
    } catch (err) {
      this.error = errorMessage(err, getLocale());
      await this.session.refresh();
    } finally {
      this.busy = null;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'hq-window-picker': WindowPicker;
  }
}
