import { localized, msg } from '@lit/localize';
import { html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { PAUSE_REASONS } from './actions.js';
import { DeskDialog } from './desk-dialog.js';

/**
 * 暂停服务 with a reason: a usual one in one tap (or its number key), or any other text.
 * Boards show the window as paused with the reason.
 *
 * @fires dialog-submit - detail: the pause command
 * @fires dialog-cancel
 */
@localized()
@customElement('hq-pause-dialog')
export class PauseDialog extends DeskDialog {
  @state() private other = '';
  @state() private hint = '';

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
    return this.frame(
      {
        title: msg('暂停服务'),
        sub: msg('请选择暂停原因，大厅屏幕会显示本窗口暂停。'),
        hint: this.hint,
        confirm: msg('暂停'),
        onSubmit: (e) => this.submitOther(e),
      },
      html`<div class="chips">
          ${PAUSE_REASONS.map(
            (r, i) => html`<button type="button" class="chip" @click=${() => this.send(r.value)}><kbd>${i + 1}</kbd> ${r.label()}</button>`,
          )}
        </div>
        <label class="field"
          >${msg('其他原因')}
          <input name="other" maxlength="100" .value=${this.other} @input=${(e: Event) => (this.other = (e.target as HTMLInputElement).value)} />
        </label>`,
    );
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
    this.submitCommand({ kind: 'pause', reason });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'hq-pause-dialog': PauseDialog;
  }
}
