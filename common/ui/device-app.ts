import { css, html, LitElement, type TemplateResult } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import type { DeviceController } from './device.js';
import { initLocale } from './i18n.js';
import './pairing-panel.js';

/**
 * The page element of an unattended device screen (kiosk, rating pad, …): it loads the screen's
 * language, and until the device is paired and active shows `<hq-pairing-panel>` (its pairing
 * code, or why it cannot work); then what the subclass renders for the active device.
 */
export abstract class DeviceApp extends LitElement {
  /** The page's device controller, created by the subclass with its device kind. */
  protected abstract readonly device: DeviceController;
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

  /** The screen of the active device. */
  protected abstract renderActive(): TemplateResult;

  override render() {
    if (!this.ready) return html``;
    return this.device.state.status === 'active'
      ? this.renderActive()
      : // The panel reads the controller's state but its property (the controller) never changes:
        // a new panel per state makes it show the new state.
        keyed(JSON.stringify(this.device.state), html`<hq-pairing-panel .device=${this.device}></hq-pairing-panel>`);
  }
}
