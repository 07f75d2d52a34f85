import { localized, msg, str } from '@lit/localize';
import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { ManagerBookingView } from '../../common/phone.js';
import type { ServiceView } from '../../common/protocol.js';
import { errorMessage, type ApiClient } from '../../common/ui/api.js';
import { formatTime } from '../../common/ui/format.js';
import { getLocale } from '../../common/ui/i18n.js';
import { BOOKING_STATUSES, type BookingStatus } from '../../common/vocabulary.js';
import { addDays, weekdayOf } from '../../common/domain/calendar.js';
import { navigate } from './act.js';
import { bookingStatusLabel, named, weekdayName } from './labels.js';
import { viewStyles } from './styles.js';

const STATUS_CLASS: Record<BookingStatus, string> = { booked: 'info', checked_in: 'ok', cancelled: '', no_show: 'danger', hall_closed: '' };

/** "13812345678" → "138 1234 5678", easier to read out on the phone; anything else as it is. */
export const groupPhone = (phone: string): string =>
  /^1\d{10}$/.test(phone) ? `${phone.slice(0, 3)} ${phone.slice(3, 7)} ${phone.slice(7)}` : phone;

/**
 * 当日预约: the appointments of one day, for the manager who calls visitors back or checks who is
 * coming: slot, service, the visitor's phone number in full (only here, as the API gives it to
 * managers), booking code, status, check-in time and the ticket it became. Filter by service,
 * status or a phone number / code; ←/→ buttons move a day. Reloads when bookings change.
 *
 * @fires m-navigate - to another date (`bookings/day/YYYY-MM-DD`)
 */
@localized()
@customElement('hq-booking-day')
export class BookingDay extends LitElement {
  @property({ attribute: false }) api!: ApiClient;
  @property({ type: Number }) hallId = 0;
  @property() timezone = 'Asia/Shanghai';
  /** The date shown, YYYY-MM-DD (hall-local). */
  @property() date = '';
  /** The hall's services, for names and the filter. */
  @property({ attribute: false }) services: ServiceView[] = [];
  /** Raised when bookings changed: reload. */
  @property({ type: Number }) rev = 0;

  @state() private bookings: ManagerBookingView[] | null = null;
  @state() private error = '';
  @state() private serviceId = '';
  @state() private status: BookingStatus | '' = '';
  @state() private query = '';
  private loaded = '';

  static override styles = [
    ...viewStyles,
    css`
      .kpis {
        grid-template-columns: repeat(5, minmax(0, 1fr));
      }
      .toolbar .btn,
      .toolbar input,
      .toolbar select {
        min-height: 40px;
        box-sizing: border-box;
        padding-top: 6px;
        padding-bottom: 6px;
      }
      .toolbar input[type='search'] {
        width: 220px;
      }
      .day-name {
        font-size: 17px;
        font-weight: 600;
        min-width: 64px;
      }
      td.phone {
        font-family: var(--hq-number-font);
        font-variant-numeric: tabular-nums;
        font-size: 15px;
        white-space: nowrap;
        user-select: all;
      }
      td.slot {
        white-space: nowrap;
        font-weight: 600;
      }
      tr.cancelled td {
        color: var(--hq-text-dim);
      }
      tr.cancelled td.phone {
        text-decoration: line-through;
      }
      .note {
        margin: 10px 2px 0;
      }
    `,
  ];

  protected override willUpdate(changed: PropertyValues<this>): void {
    const key = `${this.hallId}/${this.date}/${this.rev}`;
    if (this.hallId && this.date && key !== this.loaded) {
      const dateChanged = !this.loaded.startsWith(`${this.hallId}/${this.date}/`);
      this.loaded = key;
      if (dateChanged) this.bookings = null;
      void this.load();
    }
    if (changed.has('date')) this.error = '';
  }

  private async load() {
    const date = this.date;
    try {
      const list = await this.api.get<ManagerBookingView[]>(`/api/halls/${this.hallId}/bookings?date=${date}`);
      if (date !== this.date) return;
      this.bookings = list.sort((a, b) => a.start.localeCompare(b.start) || a.serviceId - b.serviceId || a.createdAt - b.createdAt);
      this.error = '';
    } catch (err) {
      this.error = errorMessage(err, getLocale());
    }
  }

  private get shown(): ManagerBookingView[] {
    const q = this.query.replace(/\s/g, '');
    return (this.bookings ?? []).filter(
      (b) =>
        (!this.serviceId || String(b.serviceId) === this.serviceId) &&
        (!this.status || b.status === this.status) &&
        (!q || b.phone.includes(q) || b.code.includes(q) || (b.ticketNumber ?? '').includes(q.toUpperCase())),
    );
  }

  override render() {
    const all = this.bookings ?? [];
    const count = (s: BookingStatus) => all.filter((b) => b.status === s).length;
    const names = new Map(this.services.map((s) => [s.id, s]));
    const shown = this.shown;
    return html`<div class="toolbar" role="toolbar" aria-label=${msg('日期')}>
        <button class="btn small" data-day="prev" @click=${() => this.go(addDays(this.date, -1))} aria-label=${msg('前一天')}>‹ ${msg('前一天')}</button>
        <input type="date" name="date" aria-label=${msg('日期')} .value=${this.date} @change=${(e: Event) => (e.target as HTMLInputElement).value && this.go((e.target as HTMLInputElement).value)} />
        <span class="day-name">${this.date ? weekdayName(weekdayOf(this.date)) : ''}</span>
        <button class="btn small" data-day="next" @click=${() => this.go(addDays(this.date, 1))} aria-label=${msg('后一天')}>${msg('后一天')} ›</button>
        <span class="spacer"></span>
        <select name="service" aria-label=${msg('事项')} @change=${(e: Event) => (this.serviceId = (e.target as HTMLSelectElement).value)}>
          <option value="">${msg('全部事项')}</option>
          ${this.services.map((s) => html`<option value=${s.id} ?selected=${this.serviceId === String(s.id)}>${s.prefix} ${named(s)}</option>`)}
        </select>
        <select name="status" aria-label=${msg('状态')} @change=${(e: Event) => (this.status = (e.target as HTMLSelectElement).value as BookingStatus | '')}>
          <option value="">${msg('全部状态')}</option>
          ${BOOKING_STATUSES.map((s) => html`<option value=${s} ?selected=${this.status === s}>${bookingStatusLabel(s)}</option>`)}
        </select>
        <input type="search" name="q" placeholder=${msg('手机号、预约码或号码')} aria-label=${msg('查找')} .value=${this.query} @input=${(e: Event) => (this.query = (e.target as HTMLInputElement).value)} />
      </div>
      <div class="kpis">
        <div class="kpi"><span>${msg('预约人数')}</span><b>${all.length - count('cancelled') - count('hall_closed')}</b><small>${msg('人')}</small></div>
        <div class="kpi"><span>${msg('已签到')}</span><b>${count('checked_in')}</b></div>
        <div class="kpi"><span>${msg('待签到')}</span><b>${count('booked')}</b></div>
        <div class="kpi ${count('no_show') ? 'bad' : ''}"><span>${msg('未到（爽约）')}</span><b>${count('no_show')}</b></div>
        <div class="kpi"><span>${msg('已取消')}</span><b>${count('cancelled') + count('hall_closed')}</b></div>
      </div>
      ${this.error ? html`<p class="error-line" role="alert">${this.error}</p>` : nothing}
      <div class="table-wrap">
        ${
          this.bookings === null
            ? html`<div class="empty" role="status">${this.error ? '' : msg('正在加载预约…')}</div>`
            : shown.length === 0
              ? html`<div class="empty">${all.length ? msg('没有符合条件的预约。') : msg(str`${this.date} 没有预约。`)}</div>`
              : html`<table>
                <thead>
                  <tr>
                    <th>${msg('时段')}</th>
                    <th>${msg('事项')}</th>
                    <th>${msg('手机号')}</th>
                    <th>${msg('预约码')}</th>
                    <th>${msg('状态')}</th>
                    <th>${msg('签到时间')}</th>
                    <th>${msg('号码')}</th>
                    <th>${msg('预约于')}</th>
                  </tr>
                </thead>
                <tbody>
                  ${shown.map(
                    (b) => html`<tr data-booking=${b.code} class=${b.status}>
                      <td class="slot num">${b.start}–${b.end}</td>
                      <td>${names.get(b.serviceId)?.prefix ?? ''} ${named(names.get(b.serviceId)) || b.serviceName}</td>
                      <td class="phone">${groupPhone(b.phone)}</td>
                      <td class="num">${b.code}</td>
                      <td><span class="pill ${STATUS_CLASS[b.status]}">${bookingStatusLabel(b.status)}</span></td>
                      <td class="num">${b.checkedInAt ? formatTime(b.checkedInAt, this.timezone) : '—'}</td>
                      <td class="num"><b>${b.ticketNumber ?? '—'}</b></td>
                      <td class="muted num">${this.when(b.createdAt)}</td>
                    </tr>`,
                  )}
                </tbody>
              </table>`
        }
      </div>
      <p class="hint-line note">${msg('手机号只在这里完整显示，供联系群众使用；其他页面和通知日志中均为隐藏号码。')}</p>`;
  }

  /** "11-30 14:05" in the hall's time. */
  private when(ms: number): string {
    const parts = new Intl.DateTimeFormat('en-CA', {
      timeZone: this.timezone,
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hour12: false,
    }).formatToParts(new Date(ms));
    const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
    return `${get('month')}-${get('day')} ${get('hour')}:${get('minute')}`;
  }

  private go(date: string) {
    navigate(this, `bookings/day/${date}`);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'hq-booking-day': BookingDay;
  }
}
