import { generate, correction } from 'lean-qr';
import { css, html, LitElement, svg } from 'lit';
import { customElement, property } from 'lit/decorators.js';

/**
 * A QR code drawn as SVG (crisp at any size, prints and screenshots well), with the quiet zone
 * scanners need. Used for ticket status links on the kiosk and phone pages and the hall's
 * "scan to take a number" poster.
 *
 * @csspart code - the SVG
 */
@customElement('hq-qr')
export class QrCode extends LitElement {
  /** The text to encode, usually a URL. */
  @property() value = '';
  /** Rendered size in CSS pixels. */
  @property({ type: Number }) size = 200;
  /** Accessible description of what scanning does. */
  @property() label = '';

  static override styles = css`
    :host {
      display: inline-block;
      line-height: 0;
    }
    svg {
      background: #fff;
      border-radius: 6px;
    }
  `;

  override render() {
    if (!this.value) return html``;
    const code = generate(this.value, { minCorrectionLevel: correction.M });
    const quiet = 4;
    const total = code.size + quiet * 2;
    let d = '';
    for (let y = 0; y < code.size; y++) {
      for (let x = 0; x < code.size; x++) {
        if (code.get(x, y)) d += `M${x + quiet} ${y + quiet}h1v1h-1z`;
      }
    }
    return html`<svg
      part="code"
      role="img"
      aria-label=${this.label || this.value}
      width=${this.size}
      height=${this.size}
      viewBox="0 0 ${total} ${total}"
      shape-rendering="crispEdges"
    >
      ${svg`<path d=${d} fill="#000"></path>`}
    </svg>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'hq-qr': QrCode;
  }
}
