import { localized } from '@lit/localize';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { getLocale, switchLocale } from '../../common/ui/i18n.js';
import { phoneStyles } from './phone-styles.js';

/**
 * The top bar of every phone page: the hall's name, an optional way back, and the language
 * switch (中文 / English, remembered on the phone).
 *
 * @fires phone-language - after the language changed
 */
@localized()
@customElement('hq-phone-header')
export class PhoneHeader extends LitElement {
  /** The hall's name. */
  @property() hall = '';
  /** Where "back" leads, if anywhere. */
  @property() back = '';
  /** Words of the back link. */
  @property() backLabel = '';

  static override styles = [
    phoneStyles,
    css`
      :host {
        min-height: 0;
        position: sticky;
        top: 0;
        z-index: 5;
        background: color-mix(in srgb, var(--hq-bg) 92%, transparent);
        backdrop-filter: blur(6px);
        border-bottom: 1px solid var(--hq-line);
      }
      .bar {
        display: flex;
        align-items: center;
        gap: 10px;
        max-width: 480px;
        margin: 0 auto;
        padding: 8px 16px;
        min-height: 56px;
      }
      .hall {
        flex: 1;
        min-width: 0;
        font-size: 16px;
        font-weight: 600;
        white-space: nowrap;
        overflow: hidden;
        text-overflow: ellipsis;
      }
      a.back {
        display: inline-flex;
        align-items: center;
        min-height: 40px;
        padding: 0 4px 0 0;
        color: var(--hq-accent);
        text-decoration: none;
        font-size: 15px;
        white-space: nowrap;
      }
      button.lang {
        min-height: 40px;
        padding: 0 14px;
        border: 1px solid var(--hq-line);
        border-radius: 999px;
        background: var(--hq-bg-raised);
        color: var(--hq-text);
        font-size: 14px;
      }
    `,
  ];

  override render() {
    return html`<div class="bar">
      ${this.back ? html`<a class="back" href=${this.back}>‹ ${this.backLabel}</a>` : nothing}
      <span class="hall">${this.hall}</span>
      <button class="lang" lang=${getLocale() === 'en' ? 'zh-CN' : 'en'} @click=${this.toggle}>${getLocale() === 'en' ? '中文' : 'English'}</button>
    </div>`;
  }

  private async toggle() {
    await switchLocale(getLocale() === 'en' ? 'zh-CN' : 'en');
    this.dispatchEvent(new CustomEvent('phone-language', { bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'hq-phone-header': PhoneHeader;
  }
}
