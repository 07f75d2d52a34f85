import { msg, str } from '@lit/localize';
import { css, html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { getLocale } from './i18n.js';
import type { DeviceController } from './device.js';
import { base, hallTheme, spinnerStyles } from './theme.js';

const KIND_NAMES = (): Record<string, string> => ({
  board: msg('综合屏'),
  window_screen: msg('窗口屏'),
  kiosk: msg('取号机'),
  pad: msg('评价器'),
});

/**
 * What an unattended screen shows until it is an active, paired device: its pairing code, a
 * "connecting" notice, or why it was refused (revoked, unknown), with a way to pair again.
 * Never a blank page.
 */
@customElement('hq-pairing-panel')
export class PairingPanel extends LitElement {
  /** The page's device controller. */
  @property({ attribute: false }) device!: DeviceController;

  static override styles = [
    hallTheme,
    base,
    spinnerStyles,
    css`
      :host {
        display: grid;
        place-items: center;
        min-height: 100vh;
        padding: 4vmin;
        text-align: center;
      }
      .card {
        max-width: 90vw;
        display: grid;
        gap: 3vmin;
      }
      h1 {
        margin: 0;
        font-size: clamp(28px, 4.5vmin, 64px);
        font-weight: 600;
      }
      .code {
        font-family: var(--hq-number-font);
        font-size: clamp(64px, 16vmin, 220px);
        letter-spacing: 0.12em;
        color: var(--hq-accent);
        font-weight: 700;
        line-height: 1;
      }
      p {
        margin: 0;
        font-size: clamp(18px, 2.6vmin, 36px);
        color: var(--hq-text-dim);
        line-height: 1.5;
      }
      .error {
        color: var(--hq-danger);
      }
      button {
        justify-self: center;
        padding: 1.2vmin 4vmin;
        font-size: clamp(18px, 2.6vmin, 32px);
        border-radius: var(--hq-radius);
        border: 2px solid var(--hq-line);
        background: var(--hq-bg-raised);
        color: var(--hq-text);
      }
      .spinner {
        justify-self: center;
      }
    `,
  ];

  override render() {
    const state = this.device.state;
    const kind = KIND_NAMES()[this.device.kind] ?? this.device.kind;
    switch (state.status) {
      case 'loading':
        return html`<div class="card" role="status"><div class="spinner"></div><p>${msg('正在启动…')}</p></div>`;
      case 'offline':
        return html`<div class="card" role="status">
          <div class="spinner"></div>
          <h1>${msg('正在连接服务器…')}</h1>
          <p>${msg('网络恢复后会自动继续，无需操作。')}</p>
        </div>`;
      case 'pending':
        return html`<div class="card">
          <h1>${msg(str`${kind}配对`)}</h1>
          <p>${msg('请大厅管理员在“设备管理”中输入以下配对码：')}</p>
          <div class="code" aria-label=${msg('配对码')}>${state.code}</div>
          <p>${msg('批准后本屏幕会自动开始工作。')}</p>
        </div>`;
      case 'refused':
        return html`<div class="card" role="alert">
          <h1 class="error">${getLocale() === 'en' ? state.error.messageEn : state.error.message}</h1>
          <p>${msg('如需重新启用，请点击下方按钮获取新的配对码，并请管理员批准。')}</p>
          <button @click=${() => this.device.repair()}>${msg('重新配对')}</button>
        </div>`;
      case 'active':
        return html``;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'hq-pairing-panel': PairingPanel;
  }
}
