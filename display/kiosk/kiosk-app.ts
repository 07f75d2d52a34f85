import { localized } from '@lit/localize';
import { css, html, LitElement } from 'lit';
import { customElement } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import { DeviceController } from '../../common/ui/device.js';
import { initLocale } from '../../common/ui/i18n.js';
import '../../common/ui/pairing-panel.js';
import './kiosk-screen.js';

/**
 * The kiosk (取号机) at /kiosk: a device of kind 'kiosk', paired like every screen. Until a
 * manager approves it, it shows its pairing code; then `<hq-kiosk-screen>`.
 */
@localized()
@customElement('hq-kiosk-app')
export class KioskApp extends LitElement {
  private readonly device = new DeviceController(this, 'kiosk');
  private ready = false;

  static override styles = css`
    :host {
      display: block;
      min-height: 100vh;
    }
  `;

  override async connectedCallback() {
    super.connectedCallback();
    await initLocale();
    this.ready = true;
    this.requestUpdate();
  }

  override render() {
    if (!this.ready) return html``;
    return this.device.state.status === 'active'
      ? html`<hq-kiosk-screen .device=${this.device}></hq-kiosk-screen>`
      : keyed(JSON.stringify(this.device.state), html`<hq-pairing-panel .device=${this.device}></hq-pairing-panel>`);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'hq-kiosk-app': KioskApp;
  }
}
