import { localized, msg, str } from '@lit/localize';
import { html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { ServiceView, TicketView, WindowView, ZoneView } from '../../common/protocol.js';
import { formText } from '../../common/ui/form.js';
import type { DeskCommand } from './actions.js';
import { DeskDialog } from './desk-dialog.js';
import { serviceName, windowLabel, windowStatusLabel } from './labels.js';

/**
 * 转移 / 多窗联办: sends the ticket at this window to another service's queue or to one window,
 * with a note for the next clerk. The visitor keeps the number and original time.
 *
 * @fires dialog-submit - detail: the transfer command
 * @fires dialog-cancel
 */
@localized()
@customElement('hq-transfer-dialog')
export class TransferDialog extends DeskDialog {
  /** The ticket to transfer (current or held). */
  @property({ attribute: false }) ticket!: TicketView;
  @property({ attribute: false }) services: ServiceView[] = [];
  @property({ attribute: false }) zones: ZoneView[] = [];
  @property({ attribute: false }) windows: WindowView[] = [];
  /** This window: not a target. */
  @property({ type: Number }) windowId = 0;

  @state() private target: 'service' | 'window' = 'service';
  @state() private hint = '';

  override firstUpdated() {
    this.renderRoot.querySelector<HTMLElement>('select')?.focus();
  }

  override render() {
    const names = new Map(this.services.map((s) => [s.id, s]));
    const byZone = this.zones.map((z) => ({ zone: z, services: this.services.filter((s) => s.zoneId === z.id && s.enabled) }));
    const noZone = this.services.filter((s) => s.enabled && !this.zones.some((z) => z.id === s.zoneId));
    const targets = this.windows.filter((w) => w.id !== this.windowId);
    return this.frame(
      {
        title: msg(str`转移 ${this.ticket.number}`),
        sub: `${serviceName(names, this.ticket.serviceId)} · ${msg('群众保留原号码和取号时间')}`,
        hint: this.hint,
        confirm: msg('确认转移'),
        onSubmit: (e) => this.submit(e),
      },
      html`<div class="chips" role="radiogroup" aria-label=${msg('转移到')}>
          <button type="button" class="chip" aria-pressed=${this.target === 'service'} @click=${() => this.choose('service')}>${msg('转到其他事项')}</button>
          <button type="button" class="chip" aria-pressed=${this.target === 'window'} @click=${() => this.choose('window')}>${msg('转到指定窗口')}</button>
        </div>
        ${
          this.target === 'service'
            ? html`<label class="field"
              >${msg('目标事项')}
              <select name="service">
                <option value="">${msg('请选择事项')}</option>
                ${byZone.map(
                  ({ zone, services }) =>
                    html`<optgroup label=${zone.name}>
                      ${services.map((s) => html`<option value=${s.id}>${s.prefix} · ${serviceName(names, s.id)}</option>`)}
                    </optgroup>`,
                )}
                ${noZone.map((s) => html`<option value=${s.id}>${s.prefix} · ${serviceName(names, s.id)}</option>`)}
              </select></label
            >`
            : html`<label class="field"
              >${msg('目标窗口')}
              <select name="window">
                <option value="">${msg('请选择窗口')}</option>
                ${targets.map((w) => html`<option value=${w.id}>${windowLabel(w)}（${windowStatusLabel(w.status)}）</option>`)}
              </select></label
            >`
        }
        <label class="field"
          >${msg('交接说明（给下一位工作人员）')}
          <textarea name="note" maxlength="200" placeholder=${msg('例如：材料已收，需办理户籍迁移')}></textarea>
        </label>`,
    );
  }

  private choose(target: 'service' | 'window') {
    this.target = target;
    this.hint = '';
  }

  private submit(e: Event) {
    e.preventDefault();
    const data = new FormData(e.target as HTMLFormElement);
    const id = Number(formText(data, this.target));
    if (!id) {
      this.hint = this.target === 'service' ? msg('请选择要转到的事项。') : msg('请选择要转到的窗口。');
      return;
    }
    const note = formText(data, 'note').trim();
    const command: DeskCommand =
      this.target === 'service'
        ? { kind: 'transfer', ticketId: this.ticket.id, toServiceId: id, note }
        : { kind: 'transfer', ticketId: this.ticket.id, toWindowId: id, note };
    this.submitCommand(command);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'hq-transfer-dialog': TransferDialog;
  }
}
