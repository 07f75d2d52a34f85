import { localized } from '@lit/localize';
import { html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { DeviceController } from '../../common/ui/device.js';
import { DevicePage } from '../../common/ui/device-page.js';
import './pad-screen.js';

/**
 * The rating pad (评价器) at /pad: a device of kind 'pad' paired to one window. Until a manager
 * approves it, it shows its pairing code; then `<hq-pad-screen>`.
 */
@localized()
@customElement('hq-pad-app')
export class PadApp extends DevicePage {
  protected readonly device = new DeviceController(this, 'pad');

  protected renderScreen() {
    return html`<hq-pad-screen .device=${this.device}></hq-pad-screen>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'hq-pad-app': PadApp;
  }
}
