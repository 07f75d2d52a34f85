import { localized } from '@lit/localize';
import { html, LitElement } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { initLocale } from '../../../common/ui/i18n.js';
import './booking-flow.js';
import './booking-page.js';

/**
 * The 预约 page: /h/<hallCode>/book is the booking flow (`<hq-booking-flow>`), /b/<code> a
 * visitor's booking (`<hq-booking-page>`). One page for both, so the step from booking to the
 * booking's page loads nothing new.
 */
@localized()
@customElement('hq-book-app')
export class BookApp extends LitElement {
  @state() private ready = false;

  protected override createRenderRoot() {
    return this;
  }

  override connectedCallback() {
    super.connectedCallback();
    void this.loadLocale();
  }

  private async loadLocale() {
    await initLocale();
    this.ready = true;
  }

  override render() {
    if (!this.ready) return html``;
    return location.pathname.startsWith('/b/') ? html`<hq-booking-page></hq-booking-page>` : html`<hq-booking-flow></hq-booking-flow>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'hq-book-app': BookApp;
  }
}
