import { localized, msg, str } from '@lit/localize';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { BookingView, CheckInResult } from '../../../common/phone.js';
import { ActionController } from '../../../common/ui/action.js';
import { ApiClient, ApiRequestError, errorMessage, newIdempotencyKey } from '../../../common/ui/api.js';
import { ClockController } from '../../../common/ui/clock.js';
import { formatTime } from '../../../common/ui/format.js';
import { getLocale } from '../../../common/ui/i18n.js';
import { confirmBox } from '../confirm.js';
import { deviceMemory } from '../device-memory.js';
import { dayLabel, nameOf } from '../labels.js';
import '../phone-header.js';
import { phoneStyles } from '../phone-styles.js';

/** Refusals after which a normal number is the way forward. */
const OFFER_NORMAL = new Set(['check_in_too_early', 'check_in_too_late', 'booking_no_show']);

/**
 * A visitor's booking at /b/<code> (the booking's secret): its status, the 8-digit code for the
 * kiosk, the slot, the check-in window with "签到取号" once in the hall (too early or too late:
 * says when, and offers a normal number), and cancelling until its deadline.
 */
@localized()
@customElement('hq-booking-page')
export class BookingPage extends LitElement {
  @state() private booking: BookingView | null = null;
  @state() private problem = '';
  private readonly action = new ActionController(this);
  @state() private confirming = false;

  private readonly code = decodeURIComponent(location.pathname.split('/').filter(Boolean)[1] ?? '');
  private readonly api = new ApiClient();
  private readonly clock = new ClockController(this, 15_000);
  private checkInKey = newIdempotencyKey();

  static override styles = [
    phoneStyles,
    css`
      .code {
        text-align: center;
      }
      .code .label {
        font-size: 14px;
        color: var(--hq-text-dim);
      }
      .code .digits {
        display: block;
        margin: 4px 0 6px;
        font-size: 44px;
        font-weight: 700;
        letter-spacing: 0.08em;
      }
      .window {
        display: flex;
        align-items: baseline;
        justify-content: space-between;
        gap: 8px;
        margin-bottom: 6px;
      }
      .window strong {
        font-size: 22px;
        font-variant-numeric: tabular-nums;
      }
      .early {
        margin: 10px 0 0;
        padding: 10px 12px;
        border-radius: 10px;
        background: var(--hq-attention-soft);
        color: var(--hq-attention);
        font-size: 15px;
        line-height: 1.55;
      }
    `,
  ];

  override connectedCallback() {
    super.connectedCallback();
    void this.load();
  }

  private async load() {
    try {
      this.booking = await this.api.get<BookingView>(`/api/phone/bookings/${encodeURIComponent(this.code)}`);
      this.clock.setServerTime(this.booking.now);
      document.title = `${msg('我的预约')} · ${this.booking.hall.name}`;
      if (this.booking.status === 'cancelled' || this.booking.status === 'hall_closed') deviceMemory.forgetBooking(this.code);
      else
        deviceMemory.rememberBooking({
          code: this.code,
          service: nameOf(this.booking.service),
          date: this.booking.date,
          start: this.booking.start,
          hallCode: this.booking.hall.code,
        });
    } catch (err) {
      this.problem = errorMessage(err, getLocale());
    }
  }

  override render() {
    const b = this.booking;
    return html`<hq-phone-header
        .hall=${b?.hall.name ?? ''}
        .back=${b ? `/h/${encodeURIComponent(b.hall.code)}` : ''}
        .backLabel=${msg('取号')}
        @phone-language=${() => this.requestUpdate()}
      ></hq-phone-header>
      <main class="page">
        ${
          this.problem
            ? html`<section class="card" role="alert"><h1>${msg('找不到这个预约')}</h1><p class="note">${this.problem}</p></section>`
            : !b
              ? html`<p class="loading">${msg('正在加载…')}</p>`
              : this.renderBooking(b)
        }
      </main>`;
  }

  private renderBooking(b: BookingView) {
    const tz = b.hall.timezone;
    return html`${this.renderStatus(b)}
      ${
        b.status === 'booked'
          ? html`<section class="card code">
            <div class="label">${msg('预约码')}</div>
            <strong class="digits number" data-testid="booking-code">${b.code.slice(0, 4)} ${b.code.slice(4)}</strong>
            <p class="note">${msg('到大厅后在取号机输入预约码，或在本页签到取号。')}</p>
          </section>`
          : nothing
      }
      <section class="card">
        <dl class="facts">
          <dt>${msg('事项')}</dt>
          <dd>${nameOf(b.service)}</dd>
          <dt>${msg('日期')}</dt>
          <dd>${dayLabel(b.date)}</dd>
          <dt>${msg('时段')}</dt>
          <dd class="number">${b.start}–${b.end}</dd>
          <dt>${msg('手机')}</dt>
          <dd class="number">${b.phone}</dd>
        </dl>
      </section>
      ${b.status === 'booked' ? this.renderCheckIn(b) : nothing} ${b.status === 'booked' ? this.renderCancel(b) : nothing}
      <p class="note" style="margin:16px 4px 0">
        ${
          b.rules.noShowLimit > 0 && b.rules.blockDays > 0
            ? msg(str`预约后未按时签到记为未到；30 天内未到 ${b.rules.noShowLimit} 次，将暂停预约 ${b.rules.blockDays} 天。`)
            : msg('预约后未按时签到记为未到。')
        }
        ${msg(str`预约时间 ${formatTime(b.startsAt, tz)} 以大厅时间为准。`)}
      </p>`;
  }

  private renderStatus(b: BookingView) {
    switch (b.status) {
      case 'booked':
        return html`<section class="card state ok" data-testid="booking-status"><p class="title">${msg('预约成功')}</p><p class="note" style="margin:0">${dayLabel(b.date)} ${b.start}–${b.end}</p></section>`;
      case 'checked_in':
        return html`<section class="card state ok" data-testid="booking-status">
          <p class="title">${msg('已签到')}</p>
          ${b.ticket ? html`<div class="actions"><a class="btn" href=${`/t/${encodeURIComponent(b.ticket.publicCode)}`}>${msg(str`查看号票 ${b.ticket.number}`)}</a></div>` : nothing}
        </section>`;
      case 'cancelled':
        return html`<section class="card state" data-testid="booking-status"><p class="title">${msg('预约已取消')}</p><div class="actions"><a class="btn secondary" href=${`/h/${encodeURIComponent(b.hall.code)}/book`}>${msg('重新预约')}</a></div></section>`;
      case 'hall_closed':
        return html`<section class="card state attention" data-testid="booking-status">
          <p class="title">${msg('大厅当日不办公，预约已取消')}</p>
          <p class="note" style="margin:0">${msg('由大厅取消，不计为未到。欢迎改约其他日期。')}</p>
          <div class="actions"><a class="btn secondary" href=${`/h/${encodeURIComponent(b.hall.code)}/book`}>${msg('重新预约')}</a></div>
        </section>`;
      case 'no_show':
        return html`<section class="card state attention" data-testid="booking-status">
          <p class="title">${msg('预约已失效')}</p>
          <p class="note" style="margin:0">${msg('未在签到时间内签到，记为一次未到。')}</p>
        </section>`;
    }
  }

  private renderCheckIn(b: BookingView) {
    const tz = b.hall.timezone;
    const now = this.clock.now;
    const timing = now < b.checkIn.opensAt ? 'early' : now > b.checkIn.closesAt ? 'late' : 'open';
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: tz }).format(now) === b.date;
    const from = formatTime(b.checkIn.opensAt, tz);
    const until = formatTime(b.checkIn.closesAt, tz);
    const normal = html`<a class="btn secondary" href=${`/h/${encodeURIComponent(b.hall.code)}?service=${b.service.id}`}>${msg('现在取普通号')}</a>`;
    return html`<section class="card" data-testid="check-in">
      <div class="window"><h2 style="margin:0">${msg('签到时间')}</h2><strong>${from}–${until}</strong></div>
      ${
        !today && timing === 'early'
          ? html`<p class="note">${msg(str`请于 ${dayLabel(b.date)} 到大厅签到，签到后优先叫号。`)}</p>`
          : timing === 'early'
            ? html`<p class="early" role="status" data-testid="too-early">${msg(str`还没到签到时间，请于 ${from} 以后签到。着急办理的话，也可以现在取普通号排队。`)}</p>
              <div class="actions">
                <button class="btn" disabled>${msg('签到取号')}</button>
                ${normal}
              </div>`
            : timing === 'late'
              ? html`<p class="early" role="status">${msg(str`已超过签到时间（${until}），本次预约已失效；您可以取普通号排队。`)}</p>
                <div class="actions">${normal}</div>`
              : html`<p class="note">${msg('到达大厅后点击签到，系统将为您取预约号，优先叫号。')}</p>
                <div class="actions"><button class="btn" data-testid="check-in-button" ?disabled=${this.action.busy} @click=${() => void this.checkIn()}>${this.action.busy ? msg('正在签到…') : msg('我已到大厅，签到取号')}</button></div>`
      }
      ${
        this.action.error
          ? html`<p class="error" role="alert">${this.action.error}</p>
            ${OFFER_NORMAL.has(this.action.errorCode) && timing === 'open' ? html`<div class="actions">${normal}</div>` : nothing}`
          : nothing
      }
    </section>`;
  }

  private renderCancel(b: BookingView) {
    const tz = b.hall.timezone;
    const until = `${dayLabel(new Intl.DateTimeFormat('en-CA', { timeZone: tz }).format(b.cancelUntil))} ${formatTime(b.cancelUntil, tz)}`;
    const cancellable = b.cancellable && this.clock.now <= b.cancelUntil;
    if (!cancellable)
      return html`<p class="note" style="margin:12px 4px 0">${msg(str`取消时限（${until}）已过，如不能前来将记为未到。`)}</p>`;
    return html`<section class="card">
      <p class="note" style="margin:0">${msg(str`不能按时前来？请在 ${until} 前取消，把时段留给其他群众。`)}</p>
      ${
        this.confirming
          ? confirmBox({
              question: msg('确定取消这个预约吗？'),
              busy: this.action.busy,
              onKeep: () => (this.confirming = false),
              onConfirm: () => void this.cancel(),
            })
          : html`<div class="actions"><button class="btn danger" data-testid="cancel" @click=${() => (this.confirming = true)}>${msg('取消预约')}</button></div>`
      }
    </section>`;
  }

  private async checkIn() {
    await this.action.run(
      async () => {
        const result = await this.api.post<CheckInResult>(
          `/api/phone/bookings/${encodeURIComponent(this.code)}/check-in`,
          {},
          { idempotencyKey: this.checkInKey },
        );
        location.assign(`/t/${encodeURIComponent(result.issued.publicCode)}`);
      },
      (err) => {
        // A refusal is final for this key; a network failure keeps it, so a retry is the same check-in.
        if (err instanceof ApiRequestError) this.checkInKey = newIdempotencyKey();
        return this.load();
      },
    );
  }

  private async cancel() {
    await this.action.run(
      async () => {
        this.booking = await this.api.post<BookingView>(`/api/phone/bookings/${encodeURIComponent(this.code)}/cancel`);
        this.confirming = false;
        deviceMemory.forgetBooking(this.code);
      },
      () => this.load(),
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'hq-booking-page': BookingPage;
  }
}
