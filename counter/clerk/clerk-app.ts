import { localized, msg } from '@lit/localize';
import { css, html, LitElement } from 'lit';
import { customElement } from 'lit/decorators.js';
import { getLocale, initLocale, switchLocale } from '../../common/ui/i18n.js';
import { sessionGate, sessionGateStyles } from '../../common/ui/session-gate.js';
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
    sessionGateStyles,
    css`
      :host {
        display: block;
        min-height: 100vh;
      }
    `,
  ];

  override connectedCallback() {
    super.connectedCallback();
    void this.loadLocale();
  }

  private async loadLocale() {
    await initLocale();
    this.ready = true;
    this.requestUpdate();
  }

  override render() {
    if (!this.ready) return html``;
    const s = this.session;
    const gate = sessionGate(s, {
      heading: msg('窗口工作台 · 登录'),
      wrongRole: msg('此账号不是窗口工作人员账号，请使用工作人员账号登录。'),
    });
    if (gate) return gate;
    const windowId = s.me?.signedInWindowId;
    return windowId
      ? html`<hq-clerk-desk .session=${s} .windowId=${windowId} @desk-left=${() => s.refresh()}></hq-clerk-desk>`
      : html`<hq-window-picker .session=${s} @picker-language=${this.toggleLanguage}></hq-window-picker>`;
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
