import { localized } from '@lit/localize';
import { html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { DeviceController } from '../../common/ui/device.js';
import { DevicePage } from '../../common/ui/device-page.js';
import './board-screen.js';

/**
 * The hall board (综合屏) at /board: a device of kind 'board', for the whole hall or one zone
 * (the device's zone). Until a manager approves it, it shows its pairing code; then
 * `<hq-board-screen>`.
 */
@localized()
@customElement('hq-board-app')
export class BoardApp extends DevicePage {
  protected readonly device = new DeviceController(this, 'board');

  protected renderScreen() {
    return html`<hq-board-screen .device=${this.device}></hq-board-screen>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'hq-board-app': BoardApp;
  }
}
