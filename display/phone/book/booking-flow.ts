import { localized, msg, str } from '@lit/localize';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { BookingOptionsView, BookingView, PhoneHallView, PhoneServiceView } from '../../../common/phone.js';
import { ActionController } from '../../../common/ui/action.js';
import { ApiClient, errorMessage, RetryKey } from '../../../common/ui/api.js';
import { getLocale } from '../../../common/ui/i18n.js';
import { deviceMemory } from '../device-memory.js';
import { dayLabel, nameOf } from '../labels.js';
import '../phone-header.js';
import '../phone-number.js';
import { isPhone } from '../phone-number.js';
import { phoneStyles } from '../phone-styles.js';
import { bookingRulesText } from './booking-rules.js';

type Step = 'service' | 'slot' | 'confirm';

/**
 * 预约 at /h/<hallCode>/book: choose a service that takes appointments, a date (from the next day,
 * the hall's working days) and a slot with free places, then the phone number and the rules;
 * then the booking's own page (/b/<code>). Full slots and refusals (already booked that day,
 * blocked after no-shows, until when) are said plainly.
 */
@localized()
@customElement('hq-booking-flow')
export class BookingFlow extends LitElement {
  @state() private hall: PhoneHallView | null = null;
  @state() private options: BookingOptionsView | null = null;
  @state() private step: Step = 'service';
  @state() private date = '';
  @state() private start = '';
  @state() private digits = '';
  private readonly action = new ActionController(this);
  @state() private problem = '';

  private readonly hallCode = decodeURIComponent(location.pathname.split('/').filter(Boolean)[1] ?? '');
  private readonly api = new ApiClient();
  private readonly attempt = new RetryKey();

  static override styles = [
    phoneStyles,
    css`
      button.choice {
        font-size: 17px;
        font-weight: 600;
      }
      .chosen {
        display: flex;
        align-items: center;
        gap: 10px;
      }
      .chosen strong {
        flex: 1;
        font-size: 18px;
      }
      .chosen button {
        min-height: 40px;
        padding: 0 12px;
        border: 1px solid var(--hq-line);
        border-radius: 999px;
        background: var(--hq-bg-raised);
        color: var(--hq-accent);
        font-size: 14px;
      }
      h2.step {
        margin: 20px 4px 10px;
        font-size: 16px;
        color: var(--hq-text-dim);
      }
      .days {
        display: flex;
        gap: 8px;
        overflow-x: auto;
        padding: 2px 2px 8px;
        scrollbar-width: none;
      }
      .day {
        flex: none;
        display: grid;
        gap: 2px;
        min-width: 84px;
        min-height: 64px;
        padding: 8px 10px;
        border: 1.5px solid var(--hq-line);
        border-radius: 12px;
        background: var(--hq-bg-raised);
        color: var(--hq-text);
        font-size: 15px;
        font-weight: 600;
        text-align: center;
      }
      .day small {
        font-size: 12px;
        font-weight: 500;
        color: var(--hq-text-dim);
      }
      .day[aria-pressed='true'] {
        border-color: var(--hq-accent);
        background: var(--hq-accent);
        color: #fff;
      }
      .day[aria-pressed='true'] small {
        color: rgb(255 255 255 / 85%);
      }
      .day[disabled] {
        opacity: 0.5;
      }
      .slots {
        display: grid;
        grid-template-columns: 1fr 1fr;
        gap: 8px;
      }
      .slot {
        display: grid;
        gap: 2px;
        min-height: 64px;
        padding: 8px;
        border: 1.5px solid var(--hq-line);
        border-radius: 12px;
        background: var(--hq-bg-raised);
        color: var(--hq-text);
        font-size: 17px;
        font-weight: 600;
        font-variant-numeric: tabular-nums;
      }
      .slot small {
        font-size: 13px;
        font-weight: 500;
        color: var(--hq-ok);
      }
      .slot[disabled] {
        background: var(--hq-bg-sunken);
        color: var(--hq-text-dim);
      }
      .slot[disabled] small {
        color: var(--hq-text-dim);
      }
      .slot[aria-pressed='true'] {
        border-color: var(--hq-accent);
        background: color-mix(in srgb, var(--hq-accent) 10%, #fff);
        color: var(--hq-accent);
      }
      dl.facts.summary {
        margin-bottom: 18px;
      }
    `,
  ];

  override connectedCallback() {
    super.connectedCallback();
    void this.loadHall();
  }

  private async loadHall() {
    try {
      this.hall = await this.api.get<PhoneHallView>(`/api/phone/halls/${encodeURIComponent(this.hallCode)}`);
      document.title = `${msg('预约办理')} · ${this.hall.hall.name}`;
    } catch (err) {
      this.problem = errorMessage(err, getLocale());
    }
  }

  override render() {
    const h = this.hall;
    return html`<hq-phone-header .hall=${h?.hall.name ?? ''} .back=${`/h/${encodeURIComponent(this.hallCode)}`} .backLabel=${msg('取号')} @phone-language=${() => this.requestUpdate()}></hq-phone-header>
      <main class="page">
        ${
          this.problem
            ? html`<section class="card" role="alert"><h1>${msg('无法打开预约页面')}</h1><p class="note">${this.problem}</p></section>`
            : !h
              ? html`<p class="loading">${msg('正在加载…')}</p>`
              : html`<h1>${msg('预约办理')}</h1>
                <p class="lead">${msg('选择事项和时段，预约成功后凭预约码到大厅签到，签到后优先叫号。')}</p>
                ${this.step === 'service' ? this.renderServices(h) : this.renderSlots(h)}`
        }
      </main>`;
  }

  private renderServices(h: PhoneHallView) {
    if (!h.appointments)
      return html`<section class="card"><p class="note" style="margin:0">${msg('本大厅暂未开通预约办理，请到大厅取号。')}</p></section>`;
    const bookable = h.services.filter((s) => s.bookable);
    if (bookable.length === 0)
      return html`<section class="card"><p class="note" style="margin:0">${msg('暂无可预约的事项，请到大厅取号办理。')}</p></section>`;
    return html`<h2 class="step">${msg('1. 选择事项')}</h2>
      <ul class="list">
        ${bookable.map(
          (s) => html`<li>
            <button class="row choice" data-prefix=${s.prefix} @click=${() => void this.chooseService(s)}><span class="text">${nameOf(s)}</span><span class="go" aria-hidden="true">›</span></button>
          </li>`,
        )}
      </ul>`;
  }

  private renderSlots(h: PhoneHallView) {
    const o = this.options;
    if (!o) return html`<p class="loading">${msg('正在加载…')}</p>`;
    const day = o.days.find((d) => d.date === this.date);
    const slot = day?.slots.find((s) => s.start === this.start);
    return html`<section class="card chosen">
        <strong>${nameOf(o.service)}</strong>
        <button @click=${() => this.restart()}>${msg('更换事项')}</button>
      </section>
      ${
        o.days.length === 0
          ? html`<section class="card"><p class="note" style="margin:0">${msg('近期没有可预约的时段，请改日再试或到大厅取号。')}</p></section>`
          : html`<h2 class="step">${msg('2. 选择日期')}</h2>
            <div class="days" role="group" aria-label=${msg('选择日期')}>
              ${o.days.map((d) => {
                const left = d.slots.reduce((n, s) => n + s.remaining, 0);
                return html`<button class="day" data-date=${d.date} aria-pressed=${d.date === this.date ? 'true' : 'false'} ?disabled=${left === 0} @click=${() => this.chooseDay(d.date)}>
                  ${dayLabel(d.date)}<small>${left > 0 ? msg(str`余 ${left}`) : msg('已约满')}</small>
                </button>`;
              })}
            </div>
            ${
              day
                ? html`<h2 class="step">${msg('3. 选择时段')}</h2>
                  <div class="slots" role="group" aria-label=${msg('选择时段')}>
                    ${day.slots.map(
                      (
                        s,
                      ) => html`<button class="slot" data-start=${s.start} aria-pressed=${s.start === this.start ? 'true' : 'false'} ?disabled=${s.remaining === 0} @click=${() => this.chooseSlot(s.start)}>
                        ${s.start}–${s.end}<small>${s.remaining > 0 ? msg(str`余 ${s.remaining} 个`) : msg('已约满')}</small>
                      </button>`,
                    )}
                  </div>`
                : nothing
            }`
      }
      ${day && slot ? this.renderConfirm(h, o, day.date, slot.start, slot.end) : nothing}`;
  }

  private renderConfirm(h: PhoneHallView, o: BookingOptionsView, date: string, start: string, end: string) {
    return html`<h2 class="step">${msg('4. 填写手机号并确认')}</h2>
      <section class="card">
        <dl class="facts summary">
          <dt>${msg('事项')}</dt>
          <dd>${nameOf(o.service)}</dd>
          <dt>${msg('时间')}</dt>
          <dd>${dayLabel(date)} ${start}–${end}</dd>
        </dl>
        <hq-phone-number
          .digits=${this.digits}
          .purpose=${msg('用于签到、预约提醒和叫号提醒，不会公开。')}
          @phone-input=${(e: CustomEvent<{ digits: string }>) => {
            this.digits = e.detail.digits;
            this.action.clear();
          }}
        ></hq-phone-number>
        <p class="note">${bookingRulesText(o.rules, start, end)}</p>
        ${this.action.error ? html`<p class="error" role="alert">${this.action.error}</p>` : nothing}
        <div class="actions">
          <button class="btn" data-testid="book" ?disabled=${!isPhone(this.digits) || this.action.busy} @click=${() => void this.book(h, o, date, start)}>${this.action.busy ? msg('正在提交…') : msg('确认预约')}</button>
        </div>
      </section>`;
  }

  private async chooseService(s: PhoneServiceView) {
    this.action.clear();
    this.step = 'slot';
    this.options = null;
    try {
      this.options = await this.api.get<BookingOptionsView>(`/api/phone/halls/${encodeURIComponent(this.hallCode)}/services/${s.id}/slots`);
      const first = this.options.days.find((d) => d.slots.some((x) => x.remaining > 0));
      this.date = first?.date ?? '';
      this.start = '';
    } catch (err) {
      this.step = 'service';
      this.problem = errorMessage(err, getLocale());
    }
  }

  private chooseDay(date: string) {
    this.date = date;
    this.start = '';
    this.action.clear();
  }

  private chooseSlot(start: string) {
    this.start = start;
    this.action.clear();
  }

  private restart() {
    this.step = 'service';
    this.options = null;
    this.date = '';
    this.start = '';
    this.action.clear();
  }

  private async book(h: PhoneHallView, o: BookingOptionsView, date: string, start: string) {
    if (this.action.busy) return;
    const request = { serviceId: o.service.id, date, start, phone: this.digits };
    const key = this.attempt.for(request);
    await this.action.run(
      async () => {
        const booking = await this.api.post<BookingView>(`/api/phone/halls/${encodeURIComponent(this.hallCode)}/bookings`, request, {
          idempotencyKey: key,
        });
        deviceMemory.rememberBooking({
          code: booking.publicCode,
          service: nameOf(booking.service),
          date: booking.date,
          start: booking.start,
          hallCode: h.hall.code,
        });
        location.assign(`/b/${encodeURIComponent(booking.publicCode)}`);
      },
      async () => {
        // Places may have gone meanwhile: show the slots as they are now.
        const chosen = this.start;
        this.options = await this.api
          .get<BookingOptionsView>(`/api/phone/halls/${encodeURIComponent(this.hallCode)}/services/${o.service.id}/slots`)
          .catch(() => this.options);
        this.start = chosen;
      },
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'hq-booking-flow': BookingFlow;
  }
}
