/**
 * One form dialog at a time for a view, as a Lit reactive controller: the view opens a spec
 * (fields, values, what to do on submit) and renders `dialogs.render()`; the controller shows the
 * server's refusal in the dialog and keeps it open, or closes it and reports success.
 */
import type { ReactiveController, ReactiveControllerHost, TemplateResult } from 'lit';
import { html, nothing } from 'lit';
import { ApiRequestError, errorMessage } from '../../common/ui/api.js';
import { getLocale } from '../../common/ui/i18n.js';
import { toast } from './act.js';
import './form-dialog.js';
import type { FieldSpec, FormValues } from './form-dialog.js';

export interface DialogSpec {
  heading: string;
  sub?: string;
  fields: FieldSpec[];
  values?: FormValues;
  confirm?: string;
  extra?: TemplateResult;
  submit(values: FormValues): Promise<unknown>;
  /** Said when it worked. */
  done?: string;
  /** The form's field for a field the server names, when their names differ (default: the same name). */
  fieldOf?: (apiField: string) => string | undefined;
}

/** A refusal found before anything was sent (in the screen's language), about one field. */
export class FieldError extends Error {
  constructor(
    message: string,
    readonly field: string,
  ) {
    super(message);
  }
}

/**
 * The field a refusal is about: `details.field` (the domain's checks), or the first of
 * `details.fields` ("body.start", from schema validation), without its location.
 */
export function refusedField(err: unknown): string {
  if (err instanceof FieldError) return err.field;
  if (!(err instanceof ApiRequestError)) return '';
  const details = err.error.details as { field?: unknown; fields?: unknown } | undefined;
  if (typeof details?.field === 'string') return details.field;
  if (Array.isArray(details?.fields) && typeof details.fields[0] === 'string')
    return details.fields[0].replace(/^(body|querystring|params)\.?/, '').split('.')[0] ?? '';
  return '';
}

export class Dialogs implements ReactiveController {
  spec: DialogSpec | null = null;
  private error = '';
  private errorField = '';
  private busy = false;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  hostConnected(): void {}

  open(spec: DialogSpec): void {
    this.spec = spec;
    this.error = '';
    this.errorField = '';
    this.busy = false;
    this.host.requestUpdate();
  }

  close(): void {
    this.spec = null;
    this.host.requestUpdate();
  }

  render(): TemplateResult | typeof nothing {
    const s = this.spec;
    if (!s) return nothing;
    return html`<hq-form-dialog
      .heading=${s.heading}
      .sub=${s.sub ?? ''}
      .fields=${s.fields}
      .values=${s.values ?? {}}
      .confirm=${s.confirm ?? ''}
      .extra=${s.extra ?? null}
      .error=${this.error}
      .errorField=${this.errorField}
      ?busy=${this.busy}
      @form-cancel=${() => this.close()}
      @form-submit=${(e: CustomEvent<FormValues>) => void this.submit(s, e.detail)}
    ></hq-form-dialog>`;
  }

  private async submit(spec: DialogSpec, values: FormValues) {
    this.busy = true;
    this.error = '';
    this.errorField = '';
    this.host.requestUpdate();
    try {
      await spec.submit(values);
      if (this.spec === spec) this.spec = null;
      if (spec.done) toast(this.host, spec.done, 'ok');
    } catch (err) {
      this.error = err instanceof FieldError ? err.message : errorMessage(err, getLocale());
      const field = refusedField(err);
      this.errorField = (field && (spec.fieldOf?.(field) ?? field)) || '';
    } finally {
      this.busy = false;
      this.host.requestUpdate();
    }
  }
}
