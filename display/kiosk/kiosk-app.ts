import { localized } from '@lit/localize';
import { html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { DevicePage } from '../../common/ui/device-page.js';
import { DeviceController } from '../../common/ui/device.js';
import './kiosk-screen.js';

/**
 * The kiosk (取号机) at /kiosk: a device of kind 'kiosk', paired like every screen. Until a
 * manager approves it, it shows its pairing code; then `<hq-kiosk-screen>`.
 */
@localized()
@customElement('hq-kiosk-app')
export class KioskApp extends DevicePage {
  protected readonly device = new DeviceController(this, 'kiosk');

  protected renderScreen() {
    return html`<hq-kiosk-screen .device=${this.device}></hq-kiosk-screen>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'hq-kiosk-app': KioskApp;
  }
}
