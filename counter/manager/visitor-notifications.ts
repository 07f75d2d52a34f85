import { localized, msg, str } from '@lit/localize';
import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { NotificationView } from '../../common/phone.js';
import { errorMessage, type ApiClient } from '../../common/ui/api.js';
import { getLocale } from '../../common/ui/i18n.js';
import { isEnglish, notificationKindLabel, notificationStatusLabel } from './labels.js';
import { viewStyles } from './styles.js';

/** Reloaded this often while shown: notifications are sent in the background, without an event. */
const RELOAD_MS = 30_000;

/**
 * 通知记录: the latest notifications to visitors (booking confirmed, reminder, "you are N away",
 * called) with what each was about and whether it went out. A failed one says why (the hall's
 * SMS gateway refused or did not answer); no phone number is shown here.
 */
@localized()
@customElement('hq-visitor-notifications')
export class VisitorNotifications extends LitElement {
  @property({ attribute: false }) api!: ApiClient;
  @property({ type: Number }) hallId = 0;
  @property() timezone = 'Asia/Shanghai';
  /** Raised when bookings changed (a confirmation follows): reload. */
  @property({ type: Number }) rev = 0;

  @state() private list: NotificationView[] | null = null;
  @state() private error = '';
  @state() private failedOnly = false;
  private timer: ReturnType<typeof setInterval> | null = null;

  static override styles = [
    ...viewStyles,
    css`
      .note {
        margin: 10px 2px 0;
      }
      td.err {
        color: var(--hq-danger);
        font-size: 13px;
        max-width: 360px;
        overflow-wrap: anywhere;
      }
    `,
  ];

  override connectedCallback(): void {
    super.connectedCallback();
    this.timer = setInterval(() => void this.load(), RELOAD_MS);
  }

  override disconnectedCallback(): void {
    if (this.timer) clearInterval(this.timer);
    super.disconnectedCallback();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if ((changed.has('hallId') || changed.has('rev')) && this.hallId) void this.load();
  }

  private async load() {
    try {
      this.list = await this.api.get<NotificationView[]>(`/api/halls/${this.hallId}/notifications`);
      this.error = '';
    } catch (err) {
      this.error = errorMessage(err, getLocale());
    }
  }

  override render() {
    const all = this.list ?? [];
    const failed = all.filter((n) => n.status === 'failed').length;
    const shown = this.failedOnly ? all.filter((n) => n.status === 'failed') : all;
    return html`<div class="toolbar">
        <span class="muted">${msg(str`最近 ${all.length} 条`)}</span>
        <span class="spacer"></span>
        <label class="check"><input type="checkbox" name="failed" .checked=${this.failedOnly} @change=${(e: Event) => (this.failedOnly = (e.target as HTMLInputElement).checked)} />${msg(str`只看发送失败（${failed}）`)}</label>
        <button class="btn small" @click=${() => void this.load()}>${msg('刷新')}</button>
      </div>
      ${this.error ? html`<p class="error-line" role="alert">${this.error}</p>` : nothing}
      <div class="table-wrap">
        ${
          this.list === null
            ? html`<div class="empty" role="status">${this.error ? '' : msg('正在加载…')}</div>`
            : shown.length === 0
              ? html`<div class="empty">${this.failedOnly ? msg('没有发送失败的通知。') : msg('还没有发出过通知。')}</div>`
              : html`<table>
                <thead>
                  <tr>
                    <th>${msg('时间')}</th>
                    <th>${msg('通知')}</th>
                    <th>${msg('关于')}</th>
                    <th>${msg('结果')}</th>
                    <th>${msg('原因')}</th>
                  </tr>
                </thead>
                <tbody>
                  ${shown.map(
                    (n) => html`<tr data-kind=${n.kind}>
                      <td class="num muted">${this.when(n.createdAt)}</td>
                      <td>${notificationKindLabel(n.kind)}</td>
                      <td>${this.about(n)}</td>
                      <td><span class="pill ${n.status === 'sent' ? 'ok' : n.status === 'failed' ? 'danger' : ''}">${notificationStatusLabel(n.status)}</span></td>
                      <td class="err">${n.error ?? ''}</td>
                    </tr>`,
                  )}
                </tbody>
              </table>`
        }
      </div>
      <p class="hint-line note">${msg('群众手机收到的通知：预约成功、预约提醒、“还有几位叫到您”、叫号。发送渠道（短信网关）由服务器的 NOTIFY_WEBHOOK_URL 设置；未设置时只写入服务器日志。')}</p>`;
  }

  private about(n: NotificationView) {
    if (n.booking) {
      const service = isEnglish() && n.booking.serviceNameEn ? n.booking.serviceNameEn : n.booking.serviceName;
      return html`${service} · <span class="num">${n.booking.date} ${n.booking.start}–${n.booking.end}</span>${n.ticketNumber ? html` · <b class="num">${n.ticketNumber}</b>` : nothing}`;
    }
    return n.ticketNumber ? html`${msg('号票')} <b class="num">${n.ticketNumber}</b>` : '—';
  }

  private when(ms: number): string {
    return new Date(ms).toLocaleString(isEnglish() ? 'en-GB' : 'zh-CN', {
      timeZone: this.timezone,
      hour12: false,
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'hq-visitor-notifications': VisitorNotifications;
  }
}
