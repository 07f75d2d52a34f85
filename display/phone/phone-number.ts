import { localized, msg } from '@lit/localize';
import { css, html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { phoneStyles } from './phone-styles.js';

/** The digits of what was typed, at most 11 ("138 1234 5678" → "13812345678"). */
export const phoneDigits = (raw: string): string =>
  raw
    .replace(/\D/g, '')
    .replace(/^86(?=1\d{10}$)/, '')
    .slice(0, 11);
/** A mainland mobile number: the server checks the same and explains. */
export const isPhone = (digits: string): boolean => /^1[3-9]\d{9}$/.test(digits);
/** Grouped for reading: 138 1234 5678. */
export const groupPhone = (digits: string): string =>
  [digits.slice(0, 3), digits.slice(3, 7), digits.slice(7, 11)].filter(Boolean).join(' ');

/**
 * The visitor's mobile number, typed on a number pad and shown grouped (138 1234 5678), with what
 * it is used for.
 *
 * @fires phone-input - detail: { digits: string; valid: boolean }
 */
@localized()
@customElement('hq-phone-number')
export class PhoneNumber extends LitElement {
  /** The digits typed so far. */
  @property() digits = '';
  /** What the number is for, under the field. */
  @property() purpose = '';

  static override styles = [
    phoneStyles,
    css`
      :host {
        min-height: 0;
        background: none;
      }
      label {
        display: block;
        font-size: 15px;
        font-weight: 600;
        margin-bottom: 8px;
      }
      input {
        padding: 12px 14px;
        font-size: 24px;
        letter-spacing: 0.06em;
        font-variant-numeric: tabular-nums;
      }
      input::placeholder {
        color: #a3b1c4;
        letter-spacing: 0.04em;
      }
    `,
  ];

  override render() {
    return html`<label for="phone">${msg('手机号码')}</label>
      <input
        id="phone"
        type="tel"
        inputmode="numeric"
        autocomplete="tel-national"
        maxlength="13"
        placeholder="138 0000 0000"
        .value=${groupPhone(this.digits)}
        @input=${this.onInput}
      />
      ${this.purpose ? html`<p class="note">${this.purpose}</p>` : ''}`;
  }

  private onInput(e: Event) {
    const input = e.target as HTMLInputElement;
    this.digits = phoneDigits(input.value);
    input.value = groupPhone(this.digits);
    this.dispatchEvent(
      new CustomEvent('phone-input', { detail: { digits: this.digits, valid: isPhone(this.digits) }, bubbles: true, composed: true }),
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'hq-phone-number': PhoneNumber;
  }
}
