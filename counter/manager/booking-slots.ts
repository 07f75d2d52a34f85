import { localized, msg, str } from '@lit/localize';
import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { ConfigView, ServiceConfig } from '../../common/manager-protocol.js';
import type { AppointmentSlotView } from '../../common/phone.js';
import { errorMessage, type ApiClient } from '../../common/ui/api.js';
import { getLocale } from '../../common/ui/i18n.js';
// The same pure rule the server checks a slot with, to check several weekdays before sending any.
import { checkSlot } from '../../common/domain/booking.js';
import { DomainError } from '../../common/domain/errors.js';
import { navigate } from './act.js';
import { Dialogs, FieldError } from './dialogs.js';
import type { FieldSpec } from './form-dialog.js';
import { isEnglish, named, WEEKDAYS, weekdayName } from './labels.js';
import { viewStyles } from './styles.js';

interface Row {
  start: string;
  end: string;
  /** The slot of this time on each weekday (1–7), if any. */
  byDay: Map<number, AppointmentSlotView>;
}

/** "9:00" and "9：00" as typed → "09:00"; anything else as typed (the server says what is wrong). */
export const hhmm = (typed: unknown): string => {
  const t = (typeof typed === 'string' ? typed : '').trim().replace('：', ':');
  return /^\d:\d\d$/.test(t) ? `0${t}` : t;
};

/** The slots of one service as rows of equal times, in time order. */
export function slotRows(slots: AppointmentSlotView[]): Row[] {
  const rows = new Map<string, Row>();
  for (const s of slots) {
    const key = `${s.start}-${s.end}`;
    const row = rows.get(key) ?? { start: s.start, end: s.end, byDay: new Map() };
    row.byDay.set(s.weekday, s);
    rows.set(key, row);
  }
  return [...rows.values()].sort((a, b) => a.start.localeCompare(b.start) || a.end.localeCompare(b.end));
}

/**
 * 预约时段: the weekly appointment slots of each service. Services on the left (with how many
 * slots they have); on the right the chosen service's week as a grid, a row per time range and a
 * column per weekday: a cell is that slot's capacity (click to change or remove it) or empty (click
 * to add the same times on that day). "新增时段" adds one time range on several weekdays at once,
 * each checked by the server's own rule first. Bookings already made keep their times.
 *
 * @fires m-navigate - to another service (`bookings/slots/<serviceId>`)
 */
@localized()
@customElement('hq-booking-slots')
export class BookingSlots extends LitElement {
  @property({ attribute: false }) api!: ApiClient;
  @property({ attribute: false }) config!: ConfigView;
  /** The service shown (from the route), or 0 for the first that takes appointments. */
  @property({ type: Number }) serviceId = 0;
  /** Raised when slots changed anywhere: reload. */
  @property({ type: Number }) rev = 0;

  @state() private slots: AppointmentSlotView[] | null = null;
  @state() private error = '';
  private readonly dialogs = new Dialogs(this);
  private loadedRev = -1;

  static override styles = [
    ...viewStyles,
    css`
      .layout {
        display: grid;
        grid-template-columns: 290px minmax(0, 1fr);
        gap: 16px;
        align-items: start;
      }
      .services {
        display: grid;
        gap: 2px;
        padding: 6px;
        max-height: calc(100vh - 190px);
        overflow: auto;
      }
      .services button {
        display: grid;
        grid-template-columns: 34px minmax(0, 1fr) auto;
        align-items: center;
        gap: 6px;
        padding: 8px 10px;
        border-radius: 8px;
        border: 1px solid transparent;
        background: none;
        text-align: left;
        color: var(--hq-text);
        font-size: 14px;
      }
      .services button[aria-current='true'] {
        background: color-mix(in srgb, var(--hq-accent) 10%, #fff);
        border-color: var(--hq-accent);
      }
      .services .prefix {
        font-family: var(--hq-number-font);
        font-weight: 700;
        font-size: 16px;
      }
      .services .nm {
        overflow: hidden;
        white-space: nowrap;
        text-overflow: ellipsis;
      }
      .week th.day {
        text-align: center;
        width: 11%;
      }
      .week th.day.off {
        color: color-mix(in srgb, var(--hq-text-dim) 60%, transparent);
      }
      .week th.day small {
        display: block;
        font-weight: 400;
        font-size: 12px;
      }
      .week td {
        text-align: center;
        padding: 6px;
      }
      .week td.time {
        text-align: left;
        white-space: nowrap;
        font-family: var(--hq-number-font);
        font-weight: 700;
        font-size: 16px;
      }
      .cell {
        width: 100%;
        min-height: 40px;
        border-radius: 8px;
        border: 1px solid color-mix(in srgb, var(--hq-accent) 35%, var(--hq-line));
        background: color-mix(in srgb, var(--hq-accent) 9%, #fff);
        color: var(--hq-accent);
        font-size: 15px;
        font-weight: 600;
      }
      .cell.outside {
        border-color: color-mix(in srgb, var(--hq-warn) 55%, var(--hq-line));
        background: color-mix(in srgb, var(--hq-warn) 10%, #fff);
        color: var(--hq-warn);
      }
      .cell.empty {
        border-style: dashed;
        border-color: var(--hq-line);
        background: none;
        color: color-mix(in srgb, var(--hq-text-dim) 55%, transparent);
        font-weight: 400;
      }
      .cell.empty:hover,
      .cell:hover {
        border-color: var(--hq-accent);
        color: var(--hq-accent);
      }
      .cell:focus-visible {
        outline: 3px solid color-mix(in srgb, var(--hq-accent) 40%, transparent);
      }
      .rules {
        margin-top: 14px;
      }
      .rules ul {
        margin: 6px 0 0;
        padding-left: 20px;
        display: grid;
        gap: 4px;
        color: var(--hq-text-dim);
        font-size: 14px;
      }
      .rules a.btn {
        display: inline-block;
        margin-top: 10px;
        text-decoration: none;
      }
      .legend {
        display: flex;
        gap: 14px;
        align-items: center;
        font-size: 13px;
        color: var(--hq-text-dim);
        margin-top: 10px;
      }
      .legend i {
        display: inline-block;
        width: 14px;
        height: 14px;
        border-radius: 4px;
        vertical-align: -2px;
        margin-right: 4px;
        border: 1px solid;
      }
      .remove {
        justify-self: start;
      }
    `,
  ];

  protected override willUpdate(_changed: PropertyValues<this>): void {
    if (this.rev !== this.loadedRev) {
      this.loadedRev = this.rev;
      void this.load();
    }
  }

  private async load() {
    try {
      this.slots = await this.api.get<AppointmentSlotView[]>(`/api/halls/${this.config.hall.id}/appointment-slots`);
      this.error = '';
    } catch (err) {
      this.error = errorMessage(err, getLocale());
    }
  }

  private get services(): ServiceConfig[] {
    const withSlots = new Set((this.slots ?? []).map((s) => s.serviceId));
    return this.config.services.filter((s) => s.enabled || withSlots.has(s.id));
  }

  private get selected(): ServiceConfig | undefined {
    const list = this.services;
    const withSlots = new Set((this.slots ?? []).map((s) => s.serviceId));
    return list.find((s) => s.id === this.serviceId) ?? list.find((s) => withSlots.has(s.id)) ?? list[0];
  }

  private get openWeekdays(): Set<number> {
    return new Set(((this.config.settings.calendar?.openWeekdays as number[] | undefined) ?? [1, 2, 3, 4, 5]).map(Number));
  }

  override render() {
    if (this.slots === null) return html`<div class="empty" role="status">${this.error || msg('正在加载预约时段…')}</div>`;
    const service = this.selected;
    return html`<div class="layout">
        <div class="card services" role="navigation" aria-label=${msg('事项')}>
          ${this.services.map((s) => {
            const n = this.slots!.filter((x) => x.serviceId === s.id).length;
            return html`<button aria-current=${s.id === service?.id ? 'true' : 'false'} data-service=${s.prefix} @click=${() => navigate(this, `bookings/slots/${s.id}`)}>
              <span class="prefix">${s.prefix}</span><span class="nm" title=${named(s)}>${named(s)}</span>
              ${n ? html`<span class="pill info">${msg(str`${n} 个`)}</span>` : html`<span class="pill">${msg('不可约')}</span>`}
            </button>`;
          })}
        </div>
        <div>${service ? this.renderWeek(service) : html`<div class="empty">${msg('还没有事项。')}</div>`} ${this.renderRules()}</div>
      </div>
      ${this.dialogs.render()}`;
  }

  private renderWeek(service: ServiceConfig) {
    const slots = this.slots!.filter((s) => s.serviceId === service.id);
    const rows = slotRows(slots);
    const open = this.openWeekdays;
    const capacity = slots.reduce((n, s) => n + (open.has(s.weekday) ? s.capacity : 0), 0);
    return html`<section class="card" aria-label=${msg('每周时段')}>
      <header>
        <h2>${service.prefix} ${named(service)}</h2>
        <span class="muted">${slots.length ? msg(str`每周 ${slots.length} 个时段，开放日共可约 ${capacity} 人`) : msg('未设置时段：群众无法预约此事项。')}</span>
        <span class="spacer"></span>
        <button class="btn primary" data-new="slot" @click=${() => this.add(service, null, null)}>${msg('新增时段')}</button>
      </header>
      ${
        rows.length === 0
          ? html`<div class="empty">${msg('点“新增时段”设置每周的预约时段，例如周一至周五 09:00–10:00，每个时段 6 人。')}</div>`
          : html`<table class="week">
            <thead>
              <tr>
                <th>${msg('时段')}</th>
                ${WEEKDAYS.map((d) => html`<th class="day ${open.has(d) ? '' : 'off'}">${weekdayName(d)}${open.has(d) ? nothing : html`<small>${msg('休息')}</small>`}</th>`)}
              </tr>
            </thead>
            <tbody>
              ${rows.map(
                (row) => html`<tr data-time=${`${row.start}-${row.end}`}>
                  <td class="time">${row.start}–${row.end}</td>
                  ${WEEKDAYS.map((d) => {
                    const slot = row.byDay.get(d);
                    return html`<td>
                      ${
                        slot
                          ? html`<button
                            class="cell ${slot.outsideHours ? 'outside' : ''}"
                            data-weekday=${d}
                            title=${slot.outsideHours ? msg('此时段不在事项的办理时间内') : msg('修改或删除')}
                            aria-label=${msg(str`${weekdayName(d)} ${row.start}–${row.end}，${slot.capacity} 人`)}
                            @click=${() => this.edit(service, slot)}
                          >
                            ${msg(str`${slot.capacity} 人`)}
                          </button>`
                          : html`<button class="cell empty" data-weekday=${d} aria-label=${msg(str`在${weekdayName(d)}添加 ${row.start}–${row.end}`)} @click=${() => this.add(service, row, d)}>+</button>`
                      }
                    </td>`;
                  })}
                </tr>`,
              )}
            </tbody>
          </table>
          <div class="legend">
            <span><i style="border-color:var(--hq-accent);background:color-mix(in srgb,var(--hq-accent) 9%,#fff)"></i>${msg('可预约人数')}</span>
            <span><i style="border-color:var(--hq-warn);background:color-mix(in srgb,var(--hq-warn) 10%,#fff)"></i>${msg('不在事项办理时间内')}</span>
            <span>${msg('休息日的时段不开放预约。')}</span>
          </div>`
      }
    </section>`;
  }

  private renderRules() {
    const a = (this.config.settings.appointment ?? {}) as Record<string, number | boolean>;
    return html`<section class="card rules">
      <header><h3>${msg('预约规则')}</h3>${a.enabled === false ? html`<span class="pill danger">${msg('大厅未开放预约')}</span>` : html`<span class="pill ok">${msg('已开放预约')}</span>`}</header>
      <ul>
        <li>${msg(str`可预约次日起 ${a.maxDaysAhead ?? 7} 个工作日内的时段（按工作日历，跳过休息日）。`)}</li>
        <li>${msg('同一手机号每天每个事项只能预约一次。')}</li>
        <li>${msg(str`时段开始前 ${a.cancelBeforeMinutes ?? 60} 分钟之前可以取消。`)}</li>
        <li>${msg(str`签到时间：时段开始前 ${a.checkInEarlyMinutes ?? 30} 分钟至结束后 ${a.checkInLateMinutes ?? 15} 分钟，签到后优先叫号。`)}</li>
        <li>${msg(str`30 天内爽约 ${a.noShowLimit ?? 3} 次，暂停预约 ${a.blockDays ?? 30} 天。`)}</li>
      </ul>
      <a class="btn small" href="#/config/alerts" data-testid="edit-rules">${msg('修改预约规则')}</a>
    </section>`;
  }

  private slotFields(withWeekdays: boolean): FieldSpec[] {
    return [
      withWeekdays
        ? {
            name: 'weekdays',
            label: msg('星期'),
            kind: 'checks',
            options: WEEKDAYS.map((d) => ({ value: String(d), label: weekdayName(d) })),
          }
        : {
            name: 'weekday',
            label: msg('星期'),
            kind: 'select',
            options: WEEKDAYS.map((d) => ({ value: String(d), label: weekdayName(d) })),
          },
      {
        name: 'start',
        label: msg('开始时间'),
        kind: 'text',
        required: true,
        maxLength: 5,
        placeholder: '09:00',
        hint: msg('24 小时制，如 09:00、13:30'),
      },
      { name: 'end', label: msg('结束时间'), kind: 'text', required: true, maxLength: 5, placeholder: '10:00' },
      { name: 'capacity', label: msg('可预约人数'), kind: 'number', required: true, min: 1, max: 500, hint: msg('每个时段 1 到 500 人') },
    ];
  }

  /** Adds one time range on one or several weekdays; every weekday is checked before any is sent. */
  private add(service: ServiceConfig, row: Row | null, weekday: number | null) {
    const open = [...this.openWeekdays].sort();
    this.dialogs.open({
      heading: msg(str`新增预约时段：${named(service)}`),
      sub: msg('每周的这些日子都开放这个时段；休息日（工作日历）不开放。'),
      fields: this.slotFields(true),
      values: {
        weekdays: (weekday ? [weekday] : open).map(String),
        start: row?.start ?? '09:00',
        end: row?.end ?? '10:00',
        capacity: row ? ([...row.byDay.values()][0]?.capacity ?? 6) : 6,
      },
      confirm: msg('新增'),
      fieldOf: (f) => (f === 'weekday' ? 'weekdays' : f),
      submit: async (v) => {
        const days = (v.weekdays as string[]).map(Number).sort();
        if (days.length === 0) throw new FieldError(msg('请至少选择一天。'), 'weekdays');
        const input = (d: number) => ({ weekday: d, start: hhmm(v.start), end: hhmm(v.end), capacity: Number(v.capacity) });
        const url = `/api/halls/${this.config.hall.id}/appointment-slots`;
        if (days.length === 1) {
          // One day: the server checks it, and its refusal is shown at the field.
          await this.api.post(url, { serviceId: service.id, ...input(days[0]!) });
          await this.load();
          return;
        }
        // Several days: all are checked by the same rule first, so none is added when one cannot be.
        const mine = this.slots!.filter((s) => s.serviceId === service.id);
        for (const d of days) this.precheck(input(d), mine, d);
        const added: number[] = [];
        try {
          for (const d of days) {
            await this.api.post(url, { serviceId: service.id, ...input(d) });
            added.push(d);
          }
        } catch (err) {
          // Someone else changed the slots meanwhile: say which days were added and which not.
          await this.load();
          const day = days[added.length]!;
          const done = added.length ? msg(str`（已新增：${added.map(weekdayName).join('、')}）`) : '';
          throw new FieldError(`${weekdayName(day)}：${errorMessage(err, getLocale())}${done}`, 'weekdays');
        }
        await this.load();
      },
      done: msg('预约时段已新增，群众手机上立即可约'),
    });
  }

  private edit(service: ServiceConfig, slot: AppointmentSlotView) {
    this.dialogs.open({
      heading: msg(str`修改预约时段：${named(service)}`),
      sub: msg('已经约好的群众保留原来的时间；修改只影响之后的预约。'),
      fields: this.slotFields(false),
      values: { weekday: String(slot.weekday), start: slot.start, end: slot.end, capacity: slot.capacity },
      confirm: msg('保存'),
      extra: html`<button type="button" class="btn small danger remove" data-remove @click=${() => this.removeSlot(service, slot)}>${msg('删除此时段')}</button>`,
      submit: async (v) => {
        const input = { weekday: Number(v.weekday), start: hhmm(v.start), end: hhmm(v.end), capacity: Number(v.capacity) };
        await this.api.put(`/api/appointment-slots/${slot.id}`, input);
        await this.load();
      },
      done: msg('预约时段已保存'),
    });
  }

  private removeSlot(service: ServiceConfig, slot: AppointmentSlotView) {
    this.dialogs.open({
      heading: msg(str`删除 ${weekdayName(slot.weekday)} ${slot.start}–${slot.end}？`),
      sub: msg(str`“${named(service)}”以后不再开放这个时段；已经约好的群众照常办理。`),
      fields: [],
      confirm: msg('删除时段'),
      submit: async () => {
        await this.api.delete(`/api/appointment-slots/${slot.id}`);
        await this.load();
      },
      done: msg('预约时段已删除'),
    });
  }

  /** The server's own rule, before anything is sent: a refusal says the day, at the weekdays. */
  private precheck(input: { weekday: number; start: string; end: string; capacity: number }, others: AppointmentSlotView[], day: number) {
    try {
      checkSlot(input, others);
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      const text = isEnglish() ? err.messageEn : err.messageZh;
      const field = typeof err.details?.field === 'string' ? err.details.field : '';
      // Times and capacity are the same for every day: those stay at their own field.
      throw field === 'start' && err.code === 'slot_overlap'
        ? new FieldError(`${weekdayName(day)}：${text}`, 'weekdays')
        : new FieldError(text, field);
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'hq-booking-slots': BookingSlots;
  }
}
