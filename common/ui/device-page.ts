import { css, html, LitElement, type TemplateResult } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import type { DeviceController } from './device.js';
import { initLocale, type Locale } from './i18n.js';
import './pairing-panel.js';

/**
 * The page of an unattended device screen (board, window screen, pad): it loads the language
 * (`?lang=`, else the device's setting from the manager, else this device's choice, else zh-CN),
 * shows `<hq-pairing-panel>` until the device is paired and active, then the screen. Once the
 * screen ran, a failed device check (server down) keeps it on screen with its last state
 * instead of switching to "connecting…"; only a refusal or a new pairing replaces it.
 */
export abstract class DevicePage extends LitElement {
  protected abstract readonly device: DeviceController;
  private ready = false;
  private shown = false;
  private language: Locale | null = null;

  static override styles = css`
    :host {
      display: block;
      min-height: 100vh;
    }
  `;

  /** The working screen, once the device is active. */
  protected abstract renderScreen(): TemplateResult;

  override connectedCallback() {
    super.connectedCallback();
    void this.loadLocale();
  }

  private async loadLocale() {
    await initLocale();
    this.ready = true;
    this.requestUpdate();
  }

  protected override willUpdate() {
    const setting = this.device.device?.settings.language;
    const language = setting === 'en' || setting === 'zh-CN' ? setting : null;
    if (this.ready && language !== this.language) {
      this.language = language;
      void initLocale(language);
    }
  }

  override render() {
    if (!this.ready) return html``;
    const state = this.device.state;
    if (state.status === 'active') this.shown = true;
    const keep = this.shown && (state.status === 'offline' || state.status === 'loading');
    if (state.status === 'active' || keep) return this.renderScreen();
    // The panel reads the controller's state but its property (the controller) never changes:
    // a new panel per state makes it show the new state.
    return keyed(JSON.stringify(state), html`<hq-pairing-panel .device=${this.device}></hq-pairing-panel>`);
  }
}
