import { localized, msg } from '@lit/localize';
import { css, html, LitElement } from 'lit';
import { customElement } from 'lit/decorators.js';
import { getLocale, initLocale, switchLocale } from '../../common/ui/i18n.js';
import '../../common/ui/login-form.js';
import { SessionController } from '../../common/ui/session.js';
import { base, deskTheme } from '../../common/ui/theme.js';
import './clerk-desk.js';
import { controlStyles } from './desk-styles.js';
import './window-picker.js';

/**
 * The clerk console at /clerk: sign in (staff account), choose a window the clerk may staff,
 * then work it (`<hq-clerk-desk>`). A clerk already signed in to a window goes straight to it.
 */
@localized()
@customElement('hq-clerk-app')
export class ClerkApp extends LitElement {
  private readonly session = new SessionController(this, ['clerk', 'manager']);
  private ready = false;

  static override styles = [
    deskTheme,
    base,
    controlStyles,
    css`
      :host {
        display: block;
        min-height: 100vh;
      }
      .center {
        display: grid;
        place-items: center;
        align-content: center;
        gap: 16px;
        min-height: 100vh;
        font-size: 18px;
        color: var(--hq-text-dim);
        text-align: center;
        padding: 24px;
      }
    `,
  ];

  override async connectedCallback() {
    super.connectedCallback();
    await initLocale();
    this.ready = true;
    this.requestUpdate();
  }

  override render() {
    if (!this.ready) return html``;
    const s = this.session;
    switch (s.state) {
      case 'loading':
        return html`<div class="center" role="status">${msg('正在加载…')}</div>`;
      case 'offline':
        return html`<div class="center" role="alert">
          <span>${msg('无法连接服务器，请检查网络。')}</span>
          <button class="btn" @click=${() => s.refresh()}>${msg('重试')}</button>
        </div>`;
      case 'signed-out':
        return html`<hq-login-form .session=${s} heading=${msg('窗口工作台 · 登录')}></hq-login-form>`;
      case 'wrong-role':
        return html`<div class="center" role="alert">
          <span>${msg('此账号不是窗口工作人员账号，请使用工作人员账号登录。')}</span>
          <button class="btn" @click=${() => s.logout()}>${msg('退出登录')}</button>
        </div>`;
      case 'signed-in': {
        const windowId = s.me?.signedInWindowId;
        return windowId
          ? html`<hq-clerk-desk .session=${s} .windowId=${windowId} @desk-left=${() => s.refresh()}></hq-clerk-desk>`
          : html`<hq-window-picker .session=${s} @picker-language=${this.toggleLanguage}></hq-window-picker>`;
      }
    }
  }

  private readonly toggleLanguage = async () => {
    await switchLocale(getLocale() === 'en' ? 'zh-CN' : 'en');
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'hq-clerk-app': ClerkApp;
  }
}
