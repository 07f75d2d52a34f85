import { localized, msg, str } from '@lit/localize';
import { css, html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { viewStyles } from './styles.js';

export interface Option {
  value: string;
  label: string;
  /** Shown but not choosable, with why. */
  disabled?: boolean;
}

interface Common {
  name: string;
  label: string;
  hint?: string;
  /** Spans the whole row. */
  wide?: boolean;
}
export type FieldSpec =
  | (Common & {
      kind: 'text' | 'password' | 'textarea' | 'date';
      required?: boolean;
      placeholder?: string;
      maxLength?: number;
      rows?: number;
    })
  | (Common & { kind: 'number'; required?: boolean; min?: number; max?: number; step?: number; placeholder?: string })
  | (Common & { kind: 'select'; options: Option[]; required?: boolean })
  | (Common & { kind: 'checkbox' })
  | (Common & { kind: 'checks'; options: Option[] });

export type FormValue = string | number | boolean | string[] | null;
export type FormValues = Record<string, FormValue>;

/**
 * A modal form from a list of field descriptions, for every "new / change / why" in the manager
 * console. Required fields are checked here; the server's answer (shown in `error`) has the
 * final word: under the field it names (`errorField`), or under the form. Esc or a click outside
 * cancels; Enter in a field submits.
 *
 * @fires form-submit - detail: the values (numbers as numbers, empty numbers as null)
 * @fires form-cancel
 */
@localized()
@customElement('hq-form-dialog')
export class FormDialog extends LitElement {
  @property() heading = '';
  /** One line under the heading: what this does. */
  @property() sub = '';
  @property({ attribute: false }) fields: FieldSpec[] = [];
  @property({ attribute: false }) values: FormValues = {};
  @property() confirm = '';
  /** A refusal to show (from the server), in the screen's language. */
  @property() error = '';
  /** The field the refusal is about: it is shown there, and that field gets the focus. */
  @property() errorField = '';
  @property({ type: Boolean }) busy = false;
  /** Extra content under the fields (e.g. a list the form acts on). */
  @property({ attribute: false }) extra: TemplateResult | null = null;

  @state() private local = '';
  private draft: FormValues = {};

  static override styles = [
    ...viewStyles,
    css`
      .dialog {
        width: min(640px, 100%);
      }
    `,
  ];

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('values')) this.draft = { ...this.values };
  }

  protected override firstUpdated(): void {
    const first = this.renderRoot.querySelector<HTMLElement>('input:not([type=checkbox]), select, textarea');
    first?.focus();
  }

  protected override updated(changed: PropertyValues<this>): void {
    if ((changed.has('error') || changed.has('errorField')) && this.error && this.atField) {
      this.renderRoot.querySelector<HTMLElement>(`[name="${this.errorField}"]`)?.focus();
    }
  }

  /** The refusal names one of this form's fields. */
  private get atField(): boolean {
    return !!this.errorField && this.fields.some((f) => f.name === this.errorField);
  }

  override render() {
    return html`<div class="scrim" @click=${(e: Event) => e.target === e.currentTarget && this.cancel()} @keydown=${this.onKey}>
      <form class="dialog" role="dialog" aria-modal="true" aria-labelledby="title" novalidate @submit=${this.submit}>
        <h2 id="title">${this.heading}</h2>
        ${this.sub ? html`<p class="sub">${this.sub}</p>` : nothing}
        <div class="form-grid">${this.fields.map((f) => this.renderField(f))}</div>
        ${this.extra ?? nothing}
        <p class="hint" role="alert">${this.local || (this.atField ? '' : this.error)}</p>
        <footer>
          <button type="button" class="btn" @click=${this.cancel}>${msg('取消')} <kbd>Esc</kbd></button>
          <button class="btn primary" ?disabled=${this.busy}>${this.busy ? msg('正在保存…') : this.confirm || msg('保存')}</button>
        </footer>
      </form>
    </div>`;
  }

  private renderField(f: FieldSpec): TemplateResult {
    const error = !this.local && this.atField && f.name === this.errorField ? this.error : '';
    return fieldTemplate(f, this.draft[f.name], (value) => (this.draft = { ...this.draft, [f.name]: value }), this.textareaKey, error);
  }

  private readonly submit = (e: Event) => {
    e.preventDefault();
    if (this.busy) return;
    const missing = this.fields.find(
      (f) =>
        'required' in f &&
        f.required &&
        (this.draft[f.name] === null || this.draft[f.name] === undefined || String(this.draft[f.name]).trim() === ''),
    );
    if (missing) {
      this.local = msg(str`请填写“${missing.label}”。`);
      return;
    }
    this.local = '';
    this.dispatchEvent(new CustomEvent<FormValues>('form-submit', { detail: { ...this.draft }, bubbles: true, composed: true }));
  };

  private readonly cancel = () => {
    this.dispatchEvent(new CustomEvent('form-cancel', { bubbles: true, composed: true }));
  };

  private readonly onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      this.cancel();
    }
  };

  /** Ctrl+Enter in a text area submits; Enter alone is a new line. */
  private readonly textareaKey = (e: KeyboardEvent) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      this.renderRoot.querySelector('form')?.requestSubmit();
    }
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'hq-form-dialog': FormDialog;
  }
}

/**
 * One field of a form: its label, control and hint, wired to `set`. Shared by the dialog and the
 * settings pages, so every form in the console looks and behaves the same.
 */
export function fieldTemplate(
  f: FieldSpec,
  v: FormValue | undefined,
  set: (value: FormValue) => void,
  onTextareaKey?: (e: KeyboardEvent) => void,
  error = '',
): TemplateResult {
  const wide = f.wide || f.kind === 'textarea' || f.kind === 'checks' ? 'wide' : '';
  // A refusal about this field replaces its hint, in the danger colour, read out at once.
  const hint = error
    ? html`<span class="field-error" role="alert">${error}</span>`
    : f.hint
      ? html`<span class="hint-line">${f.hint}</span>`
      : nothing;
  const invalid = error ? 'true' : 'false';
  switch (f.kind) {
    case 'checkbox':
      return html`<div class=${wide}>
        <label class="check"><input type="checkbox" name=${f.name} aria-invalid=${invalid} .checked=${Boolean(v)} @change=${(e: Event) => set((e.target as HTMLInputElement).checked)} />${f.label}</label>${hint}
      </div>`;
    case 'checks': {
      const chosen = new Set(Array.isArray(v) ? v : []);
      return html`<fieldset class="wide" name=${f.name} tabindex="-1" aria-invalid=${invalid}>
        <legend>${f.label}</legend>
        <div class="checks">
          ${f.options.map(
            (o) => html`<label class="check"
              ><input
                type="checkbox"
                value=${o.value}
                ?disabled=${o.disabled}
                .checked=${chosen.has(o.value)}
                @change=${(e: Event) => {
                  // What is ticked now, read from the boxes: the form may not re-render between clicks.
                  const boxes = (e.target as HTMLElement).closest('.checks')!.querySelectorAll<HTMLInputElement>('input[type=checkbox]');
                  set([...boxes].filter((b) => b.checked).map((b) => b.value));
                }}
              />${o.label}</label
            >`,
          )}
        </div>
        ${hint}
      </fieldset>`;
    }
    case 'select':
      return html`<label class="field ${wide}"
        >${f.label}
        <select name=${f.name} aria-invalid=${invalid} @change=${(e: Event) => set((e.target as HTMLSelectElement).value)}>
          ${f.options.map((o) => html`<option value=${o.value} ?disabled=${o.disabled} ?selected=${String(v ?? '') === o.value}>${o.label}</option>`)}
        </select>
        ${hint}</label
      >`;
    case 'textarea':
      return html`<label class="field wide"
        >${f.label}
        <textarea name=${f.name} aria-invalid=${invalid} rows=${f.rows ?? 3} maxlength=${f.maxLength ?? 1000} placeholder=${f.placeholder ?? ''} .value=${String(v ?? '')} @input=${(e: Event) => set((e.target as HTMLTextAreaElement).value)} @keydown=${onTextareaKey ?? nothing}></textarea>
        ${hint}</label
      >`;
    case 'number':
      return html`<label class="field ${wide}"
        >${f.label}
        <input
          name=${f.name}
          aria-invalid=${invalid}
          type="number"
          inputmode="numeric"
          min=${f.min ?? ''}
          max=${f.max ?? ''}
          step=${f.step ?? 1}
          placeholder=${f.placeholder ?? ''}
          .value=${v === null || v === undefined ? '' : String(v)}
          @input=${(e: Event) => {
            const raw = (e.target as HTMLInputElement).value;
            set(raw === '' ? null : Number(raw));
          }}
        />
        ${hint}</label
      >`;
    default:
      return html`<label class="field ${wide}"
        >${f.label}
        <input
          name=${f.name}
          aria-invalid=${invalid}
          type=${f.kind}
          maxlength=${'maxLength' in f && f.maxLength ? f.maxLength : 200}
          placeholder=${'placeholder' in f ? (f.placeholder ?? '') : ''}
          autocomplete=${f.kind === 'password' ? 'new-password' : 'off'}
          .value=${String(v ?? '')}
          @input=${(e: Event) => set((e.target as HTMLInputElement).value)}
        />
        ${hint}</label
      >`;
  }
}
