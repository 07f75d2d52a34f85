/**
 * What a staff console shows before it can show itself: loading, the server unreachable (with a
 * retry), the sign-in form, or "this account is not for this console" (with sign-out). Shared by
 * the clerk and manager consoles; the host includes `sessionGateStyles` and renders its console
 * when `sessionGate` returns null (signed in with a fitting role).
 */
import { msg } from '@lit/localize';
import { css, html, type TemplateResult } from 'lit';
import './login-form.js';
import type { SessionController } from './session.js';

export const sessionGateStyles = css`
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
`;

export function sessionGate(s: SessionController, texts: { heading: string; wrongRole: string }): TemplateResult | null {
  switch (s.state) {
    case 'loading':
      return html`<div class="center" role="status">${msg('正在加载…')}</div>`;
    case 'offline':
      return html`<div class="center" role="alert">
        <span>${msg('无法连接服务器，请检查网络。')}</span>
        <button class="btn" @click=${() => s.refresh()}>${msg('重试')}</button>
      </div>`;
    case 'signed-out':
      return html`<hq-login-form .session=${s} heading=${texts.heading}></hq-login-form>`;
    case 'wrong-role':
      return html`<div class="center" role="alert">
        <span>${texts.wrongRole}</span>
        <button class="btn" @click=${() => s.logout()}>${msg('退出登录')}</button>
      </div>`;
    case 'signed-in':
      return null;
  }
}
