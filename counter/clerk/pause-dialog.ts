import { localized, msg } from '@lit/localize';
import { html, LitElement } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { base, deskTheme } from '../../common/ui/theme.js';
import { PAUSE_REASONS, type DeskCommand } from './actions.js';
import { controlStyles, dialogStyles } from './desk-styles.js';

/**
 * 暂停服务 with a reason: a usual one in one tap (or its number key), or any other text.
 * Boards show the window as paused with the reason.
 *
 * @fires dialog-submit - detail: the pause command
 * @fires dialog-cancel
 */
@localized()
@customElement('hq-pause-dialog')
export class PauseDialog extends LitElement {
  @state() private other = '';
  @state() private hint = '';

  static override styles = [deskTheme, base, controlStyles, dialogStyles];

  override connectedCallback() {
    super.connectedCallback();
    this.addEventListener('keydown', this.onKey);
  }

  override disconnectedCallback() {
    this.removeEventListener('keydown', this.onKey);
    super.disconnectedCallback();
  }

  override firstUpdated() {
    this.renderRoot.querySelector<HTMLElement>('.chip')?.focus();
  }

  override render() {
    return html`<div class="scrim" @click=${(e: Event) => e.target === e.currentTarget && this.cancel()}>
      <form class="dialog" role="dialog" aria-modal="true" aria-labelledby="title" @submit=${this.submitOther}>
        <h2 id="title">${msg('暂停服务')}</h2>
        <p class="sub">${msg('请选择暂停原因，大厅屏幕会显示本窗口暂停。')}</p>
        <div class="chips">
          ${PAUSE_REASONS.map(
            (r, i) => html`<button type="button" class="chip" @click=${() => this.send(r.value)}><kbd>${i + 1}</kbd> ${r.label()}</button>`,
          )}
        </div>
        <label class="field"
          >${msg('其他原因')}
          <input name="other" maxlength="100" .value=${this.other} @input=${(e: Event) => (this.other = (e.target as HTMLInputElement).value)} />
        </label>
        <p class="hint" role="alert">${this.hint}</p>
        <footer>
          <button type="button" class="btn" @click=${this.cancel}>${msg('取消')} <kbd>Esc</kbd></button>
          <button class="btn primary">${msg('暂停')}</button>
        </footer>
      </form>
    </div>`;
  }

  private readonly onKey = (e: KeyboardEvent) => {
    const target = e.composedPath()[0] as HTMLElement | undefined;
    if (target?.tagName === 'INPUT') return;
    const reason = PAUSE_REASONS[Number(e.key) - 1];
    if (reason) {
      e.preventDefault();
      this.send(reason.value);
    }
  };

  private submitOther(e: Event) {
    e.preventDefault();
    const text = this.other.trim();
    if (!text) {
      this.hint = msg('请选择或填写暂停原因。');
      return;
    }
    this.send(text);
  }

  private send(reason: string) {
    this.dispatchEvent(new CustomEvent<DeskCommand>('dialog-submit', { detail: { kind: 'pause', reason }, bubbles: true, composed: true }));
  }

  private cancel() {
    this.dispatchEvent(new CustomEvent('dialog-cancel', { bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'hq-pause-dialog': PauseDialog;
  }
}
