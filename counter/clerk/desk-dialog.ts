import { msg } from '@lit/localize';
import { html, LitElement, type TemplateResult } from 'lit';
import { base, deskTheme } from '../../common/ui/theme.js';
import type { DeskCommand } from './actions.js';
import { controlStyles, dialogStyles } from './desk-styles.js';

/**
 * What the console's dialogs share: the modal frame (title, explanation, fields, a hint line, and
 * cancel / confirm), and their two events. Clicking outside or Esc cancels (the console handles Esc
 * first; the frame does when the console did not).
 *
 * @fires dialog-submit - detail: the DeskCommand the dialog made
 * @fires dialog-cancel
 */
export abstract class DeskDialog extends LitElement {
  static override styles = [deskTheme, base, controlStyles, dialogStyles];

  protected frame(
    parts: { title: string; sub: string; hint: string; confirm: string; onSubmit: (e: Event) => void },
    fields: TemplateResult,
  ): TemplateResult {
    return html`<div class="scrim" @click=${(e: Event) => e.target === e.currentTarget && this.cancel()} @keydown=${this.onScrimKey}>
      <form class="dialog" role="dialog" aria-modal="true" aria-labelledby="title" novalidate @submit=${parts.onSubmit}>
        <h2 id="title">${parts.title}</h2>
        <p class="sub">${parts.sub}</p>
        ${fields}
        <p class="hint" role="alert">${parts.hint}</p>
        <footer>
          <button type="button" class="btn" @click=${this.cancel}>${msg('取消')} <kbd>Esc</kbd></button>
          <button class="btn primary">${parts.confirm}</button>
        </footer>
      </form>
    </div>`;
  }

  protected submitCommand(command: DeskCommand): void {
    this.dispatchEvent(new CustomEvent<DeskCommand>('dialog-submit', { detail: command, bubbles: true, composed: true }));
  }

  private readonly onScrimKey = (e: KeyboardEvent): void => {
    if (e.key !== 'Escape' || e.defaultPrevented) return;
    e.preventDefault();
    this.cancel();
  };

  protected readonly cancel = (): void => {
    this.dispatchEvent(new CustomEvent('dialog-cancel', { bubbles: true, composed: true }));
  };
}
