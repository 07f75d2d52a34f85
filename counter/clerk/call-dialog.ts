import { localized, msg } from '@lit/localize';
import { html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { formText } from '../../common/ui/form.js';
import { DeskDialog } from './desk-dialog.js';

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
export class CallDialog extends DeskDialog {
  /** Number to prefill (chosen in the waiting list). */
  @property() number = '';

  @state() private reason = '';
  @state() private hint = '';

  override firstUpdated() {
    const field = this.renderRoot.querySelector<HTMLInputElement>(this.number ? 'textarea' : 'input[name=number]');
    field?.focus();
  }

  override render() {
    return this.frame(
      {
        title: msg('选呼'),
        sub: msg('不按顺序呼叫指定号码，须填写原因，原因将被记录。'),
        hint: this.hint,
        confirm: msg('呼叫'),
        onSubmit: (e) => this.submit(e),
      },
      html`<label class="field"
          >${msg('号码')}
          <input name="number" .value=${this.number} placeholder="A012" autocomplete="off" maxlength="12" />
        </label>
        <div class="chips" aria-label=${msg('常用原因')}>
          ${CALL_REASONS.map(
            (r) =>
              html`<button type="button" class="chip" aria-pressed=${this.reason === r.value} @click=${() => (this.reason = r.value)}>${r.label()}</button>`,
          )}
        </div>
        <label class="field"
          >${msg('原因（必填）')}
          <textarea name="reason" maxlength="200" .value=${this.reason} @input=${(e: Event) => (this.reason = (e.target as HTMLTextAreaElement).value)}></textarea>
        </label>`,
    );
  }

  private submit(e: Event) {
    e.preventDefault();
    const data = new FormData(e.target as HTMLFormElement);
    const number = formText(data, 'number').trim().toUpperCase();
    const reason = this.reason.trim();
    if (!/^[A-Z]{1,2}\d{1,6}$/.test(number)) {
      this.hint = msg('请输入号码，例如 A012。');
      return;
    }
    if (!reason) {
      this.hint = msg('选呼必须填写原因。');
      return;
    }
    this.submitCommand({ kind: 'call', number, reason });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'hq-call-dialog': CallDialog;
  }
}
