import { localized } from '@lit/localize';
import { css, html, LitElement } from 'lit';
import { customElement } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import { DeviceController } from '../../common/ui/device.js';
import { initLocale } from '../../common/ui/i18n.js';
import '../../common/ui/pairing-panel.js';
import './pad-screen.js';

/**
 * The rating pad (评价器) at /pad: a device of kind 'pad' paired to one window. Until a manager
 * approves it, it shows its pairing code; then `<hq-pad-screen>`.
 */
@localized()
@customElement('hq-pad-app')
export class PadApp extends LitElement {
  private readonly device = new DeviceController(this, 'pad');
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
      ? html`<hq-pad-screen .device=${this.device}></hq-pad-screen>`
      : // The panel reads the controller's state but its property (the controller) never changes:
        // a new panel per state makes it show the new state.
        keyed(JSON.stringify(this.device.state), html`<hq-pairing-panel .device=${this.device}></hq-pairing-panel>`);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'hq-pad-app': PadApp;
  }
}
