import { msg } from '@lit/localize';
import { css, html, LitElement } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { errorMessage } from './api.js';
import { formText } from './form.js';
import { getLocale } from './i18n.js';
import type { SessionController } from './session.js';
import { base, deskTheme } from './theme.js';

/**
 * Staff sign-in for the consoles. Shows the server's reason when refused (wrong password,
 * account locked) in the screen's language.
 */
@customElement('hq-login-form')
export class LoginForm extends LitElement {
  /** The page's session controller. */
  @property({ attribute: false }) session!: SessionController;
  /** The console's name, shown as the heading. */
  @property() heading = '';

  @state() private error = '';
  @state() private busy = false;

  static override styles = [
    deskTheme,
    base,
    css`
      :host {
        display: grid;
        place-items: center;
        min-height: 100vh;
        padding: 24px;
      }
      form {
        width: min(400px, 100%);
        display: grid;
        gap: 16px;
        padding: 32px;
        border-radius: var(--hq-radius);
        background: var(--hq-bg-raised);
        border: 1px solid var(--hq-line);
        box-shadow: 0 8px 24px rgb(15 35 70 / 8%);
      }
      h1 {
        margin: 0 0 8px;
        font-size: 24px;
      }
      label {
        display: grid;
        gap: 6px;
        font-size: 15px;
        color: var(--hq-text-dim);
      }
      input {
        font: inherit;
        font-size: 17px;
        padding: 10px 12px;
        border-radius: 8px;
        border: 1px solid var(--hq-line);
        color: var(--hq-text);
        background: #fff;
      }
      input:focus-visible {
        outline: 3px solid color-mix(in srgb, var(--hq-accent) 35%, transparent);
        border-color: var(--hq-accent);
      }
      button {
        font-size: 17px;
        padding: 11px;
        border: none;
        border-radius: 8px;
        background: var(--hq-accent);
        color: var(--hq-accent-text);
      }
      button[disabled] {
        opacity: 0.6;
      }
      .error {
        color: var(--hq-danger);
        font-size: 15px;
        min-height: 1.4em;
        margin: 0;
      }
    `,
  ];

  override render() {
    return html`<form @submit=${this.submit} novalidate>
      <h1>${this.heading}</h1>
      <label>${msg('用户名')}<input name="username" autocomplete="username" required /></label>
      <label>${msg('密码')}<input name="password" type="password" autocomplete="current-password" required /></label>
      <p class="error" role="alert">${this.error}</p>
      <button ?disabled=${this.busy}>${this.busy ? msg('正在登录…') : msg('登录')}</button>
    </form>`;
  }

  protected override firstUpdated() {
    this.renderRoot.querySelector<HTMLInputElement>('input[name="username"]')?.focus();
  }

  private async submit(e: Event) {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const data = new FormData(form);
    const username = formText(data, 'username').trim();
    const password = formText(data, 'password');
    if (!username || !password) {
      this.error = msg('请输入用户名和密码。');
      return;
    }
    this.busy = true;
    this.error = '';
    try {
      await this.session.login(username, password);
    } catch (err) {
      this.error = errorMessage(err, getLocale());
    } finally {
      this.busy = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'hq-login-form': LoginForm;
  }
}
