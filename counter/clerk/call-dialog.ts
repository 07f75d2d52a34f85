import { localized, msg } from '@lit/localize';
import { html, LitElement } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { base, deskTheme } from '../../common/ui/theme.js';
import type { DeskCommand } from './actions.js';
import { controlStyles, dialogStyles } from './desk-styles.js';

/** Usual reasons to call out of order (stored in Chinese, shown in the screen's language). */
const CALL_REASONS: readonly { value: string; label: () => string }[] = [
  { value: '绿色通道', label: () => msg('绿色通道') },
  { value: '预约群众', label: () => msg('预约群众') },
  { value: '多窗联办', label: () => msg('多窗联办') },
  { value: '现场协调', label: () => msg('现场协调') },
];

/**
 * 选呼: call a specific number out of the queue order. A reason is required; it is recorded with
 * the call and shown to visitors as an out-of-order call.
 *
 * @fires dialog-submit - detail: the call command
 * @fires dialog-cancel
 */
@localized()
@customElement('hq-call-dialog')
export class CallDialog extends LitElement {
  /** Number to prefill (chosen in the waiting list). */
  @property() number = '';

  @state() private reason = '';
  @state() private hint = '';

  static override styles = [deskTheme, base, controlStyles, dialogStyles];

  override firstUpdated() {
    const field = this.renderRoot.querySelector<HTMLInputElement>(this.number ? 'textarea' : 'input[name=number]');
    field?.focus();
  }

  override render() {
    return html`<div class="scrim" @click=${(e: Event) => e.target === e.currentTarget && this.cancel()}>
      <form class="dialog" role="dialog" aria-modal="true" aria-labelledby="title" @submit=${this.submit}>
        <h2 id="title">${msg('选呼')}</h2>
        <p class="sub">${msg('不按顺序呼叫指定号码，须填写原因，原因将被记录。')}</p>
        <label class="field"
          >${msg('号码')}
          <input name="number" .value=${this.number} placeholder="A012" autocomplete="off" maxlength="12" />
        </label>
        <div class="chips" aria-label=${msg('常用原因')}>
          ${CALL_REASONS.map(
            (r) => html`<button type="button" class="chip" aria-pressed=${this.reason === r.value} @click=${() => (this.reason = r.value)}>${r.label()}</button>`,
          )}
        </div>
        <label class="field"
          >${msg('原因（必填）')}
          <textarea name="reason" maxlength="200" .value=${this.reason} @input=${(e: Event) => (this.reason = (e.target as HTMLTextAreaElement).value)}></textarea>
        </label>
        <p class="hint" role="alert">${this.hint}</p>
        <footer>
          <button type="button" class="btn" @click=${this.cancel}>${msg('取消')} <kbd>Esc</kbd></button>
          <button class="btn primary">${msg('呼叫')}</button>
        </footer>
      </form>
    </div>`;
  }

  private submit(e: Event) {
    e.preventDefault();
    const data = new FormData(e.target as HTMLFormElement);
    const number = String(data.get('number') ?? '').trim().toUpperCase();
    const reason = this.reason.trim();
    if (!/^[A-Z]{1,2}\d{1,6}$/.test(number)) {
      this.hint = msg('请输入号码，例如 A012。');
      return;
    }
    if (!reason) {
      this.hint = msg('选呼必须填写原因。');
      return;
    }
    this.dispatchEvent(new CustomEvent<DeskCommand>('dialog-submit', { detail: { kind: 'call', number, reason }, bubbles: true, composed: true }));
  }

  private cancel() {
    this.dispatchEvent(new CustomEvent('dialog-cancel', { bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'hq-call-dialog': CallDialog;
  }
}
