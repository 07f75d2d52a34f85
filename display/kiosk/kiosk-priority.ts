import { localized, msg } from '@lit/localize';
import { css, html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { PriorityKind } from '../../common/vocabulary.js';
import { DECLARABLE } from './kiosk-logic.js';
import { kioskStyles } from './kiosk-styles.js';
import { priorityLabel } from './kiosk-ticket.js';

/** Detail of `kiosk-priority`. */
export interface KioskPriorityChoice {
  priority: PriorityKind;
}

/**
 * The 绿色通道 choice after a tile is tapped, where the hall lets visitors declare a priority
 * themselves (or a guide-desk clerk is signed in): a normal number, or one of the priority kinds,
 * with the reminder that staff check the documents.
 *
 * @fires kiosk-priority - detail: KioskPriorityChoice
 * @fires kiosk-back - cancel
 */
@localized()
@customElement('hq-kiosk-priority')
export class KioskPriority extends LitElement {
  @property() serviceName = '';
  /** A clerk at the guide desk issues (no self-declaration reminder). */
  @property({ type: Boolean }) staff = false;

  static override styles = [
    ...kioskStyles,
    css`
      .card {
        width: min(76rem, 100%);
      }
      h1 {
        margin: 0;
        font-size: calc(2.8rem * var(--k, 1));
        text-align: center;
      }
      .service {
        margin: -0.6rem 0 0;
        text-align: center;
        font-size: calc(1.7rem * var(--k, 1));
        color: var(--hq-text-dim);
      }
      .normal {
        min-height: calc(7rem * var(--k, 1));
        font-size: calc(2.4rem * var(--k, 1));
      }
      .kinds {
        display: grid;
        grid-template-columns: repeat(2, minmax(0, 1fr));
        gap: 1.2rem;
      }
      .kinds .btn {
        min-height: calc(6rem * var(--k, 1));
        font-size: calc(2rem * var(--k, 1));
        border-color: color-mix(in srgb, var(--hq-ok) 55%, var(--hq-line));
        color: var(--hq-ok);
      }
      .green {
        margin: 0.6rem 0 0;
        font-size: calc(1.7rem * var(--k, 1));
        font-weight: 700;
        color: var(--hq-ok);
      }
      .note {
        margin: 0;
        font-size: calc(1.35rem * var(--k, 1));
        line-height: 1.55;
        color: var(--hq-text-dim);
      }
      .back {
        justify-self: center;
        min-width: 18rem;
      }
    `,
  ];

  override connectedCallback() {
    super.connectedCallback();
    this.setAttribute('centered', '');
  }

  override render() {
    return html`<div class="card" role="dialog" aria-label=${msg('选择取号类型')}>
      <h1>${msg('请选择取号类型')}</h1>
      <p class="service">${this.serviceName}</p>
      <button class="btn primary normal" data-priority="normal" @click=${() => this.choose('normal')}>${msg('普通取号')}</button>
      <p class="green">${msg('绿色通道（优先办理）')}</p>
      <div class="kinds">
        ${DECLARABLE.map((p) => html`<button class="btn" data-priority=${p} @click=${() => this.choose(p)}>${priorityLabel(p)}</button>`)}
      </div>
      <p class="note">
        ${
          this.staff
            ? msg('导办台工作人员代为取号：请核验有关证件后选择。')
            : msg('绿色通道为老年人、残疾人、军人和孕妇等群众提供优先办理，请如实选择，工作人员将在窗口核验有关证件。')
        }
      </p>
      <button class="btn back" data-back @click=${() => this.dispatchEvent(new CustomEvent('kiosk-back', { bubbles: true, composed: true }))}>${msg('返回')}</button>
    </div>`;
  }

  private choose(priority: PriorityKind) {
    this.dispatchEvent(new CustomEvent<KioskPriorityChoice>('kiosk-priority', { detail: { priority }, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'hq-kiosk-priority': KioskPriority;
  }
}
