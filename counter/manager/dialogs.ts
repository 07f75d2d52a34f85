/**
 * One form dialog at a time for a view, as a Lit reactive controller: the view opens a spec
 * (fields, values, what to do on submit) and renders `dialogs.render()`; the controller shows the
 * server's refusal in the dialog and keeps it open, or closes it and reports success.
 */
import type { ReactiveController, ReactiveControllerHost, TemplateResult } from 'lit';
import { html, nothing } from 'lit';
import { errorMessage } from '../../common/ui/api.js';
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
}

export class Dialogs implements ReactiveController {
  spec: DialogSpec | null = null;
  private error = '';
  private busy = false;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  hostConnected(): void {}

  open(spec: DialogSpec): void {
    this.spec = spec;
    this.error = '';
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
      ?busy=${this.busy}
      @form-cancel=${() => this.close()}
      @form-submit=${(e: CustomEvent<FormValues>) => void this.submit(s, e.detail)}
    ></hq-form-dialog>`;
  }

  private async submit(spec: DialogSpec, values: FormValues) {
    this.busy = true;
    this.error = '';
    this.host.requestUpdate();
    try {
      await spec.submit(values);
      if (this.spec === spec) this.spec = null;
      if (spec.done) toast(this.host, spec.done, 'ok');
    } catch (err) {
      this.error = errorMessage(err, getLocale());
    } finally {
      this.busy = false;
      this.host.requestUpdate();
    }
  }
}
