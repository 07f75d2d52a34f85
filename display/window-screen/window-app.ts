import { localized } from '@lit/localize';
import { html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { DeviceController } from '../../common/ui/device.js';
import { DevicePage } from '../../common/ui/device-page.js';
import './window-screen.js';

/**
 * The window screen (窗口屏) at /window-screen: a device of kind 'window_screen' bound to one
 * window. Until a manager approves it, it shows its pairing code; then `<hq-window-screen>`.
 */
@localized()
@customElement('hq-window-app')
export class WindowApp extends DevicePage {
  protected readonly device = new DeviceController(this, 'window_screen');

  protected renderScreen() {
    return html`<hq-window-screen .device=${this.device}></hq-window-screen>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'hq-window-app': WindowApp;
  }
}
