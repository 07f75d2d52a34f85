import { localized, msg, str } from '@lit/localize';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import {
  STAT_DIMENSIONS,
  type StatDimension,
  type StatFigures,
  type StatRowView,
  type StatsReport,
} from '../../common/manager-protocol.js';
import { errorMessage, type ApiClient } from '../../common/ui/api.js';
import { getLocale } from '../../common/ui/i18n.js';
import { addDays, weekdayOf } from '../../common/domain/calendar.js';
import './chart.js';
import type { HallStore } from './hall-store.js';
import { isEnglish, named, ratingLevelLabel } from './labels.js';
import { viewStyles } from './styles.js';

type Range = 'today' | 'yesterday' | 'week' | 'month' | 'days30' | 'custom';

const dimensionLabel = (d: StatDimension) =>
  d === 'service'
    ? msg('按事项')
    : d === 'window'
      ? msg('按窗口')
      : d === 'clerk'
        ? msg('按人员')
        : d === 'hour'
          ? msg('按时段')
          : msg('按日期');
const keyHeader = (d: StatDimension) =>
  d === 'service' ? msg('事项') : d === 'window' ? msg('窗口') : d === 'clerk' ? msg('人员') : d === 'hour' ? msg('时段') : msg('日期');
/** Minutes and percentages always with one decimal, so a column reads evenly. */
const fixed = (n: number | null) => (n === null ? '—' : n.toFixed(1));
const pct = (n: number | null) => (n === null ? '—' : `${n.toFixed(1)}%`);
const LEVEL_COLORS = ['#16865a', '#5aa469', '#c9a227', '#e07b39', '#c8261c'];

/** The table's columns: [name, header, value]. The same figures as the exports. */
const columns = (): [string, string, (f: StatFigures) => string][] => [
  ['issued', msg('取号', { id: 'stat-issued' }), (f) => String(f.issued)],
  ['served', msg('办结数'), (f) => String(f.served)],
  ['noShows', msg('过号'), (f) => String(f.noShows)],
  ['cancelled', msg('取消数'), (f) => String(f.cancelled)],
  ['waitAvgMinutes', msg('平均等候'), (f) => fixed(f.waitAvgMinutes)],
  ['waitP90Minutes', msg('90%等候'), (f) => fixed(f.waitP90Minutes)],
  ['waitsOverTarget', msg('超时等候'), (f) => String(f.waitsOverTarget)],
  ['serviceAvgMinutes', msg('平均办理'), (f) => fixed(f.serviceAvgMinutes)],
  ['serviceP90Minutes', msg('90%办理'), (f) => fixed(f.serviceP90Minutes)],
  ['rated', msg('评价'), (f) => String(f.rated)],
  ['bad', msg('差评'), (f) => String(f.ratings[3] + f.ratings[4])],
  ['satisfactionPercent', msg('好评率'), (f) => pct(f.satisfactionPercent)],
  ['participationPercent', msg('参评率'), (f) => pct(f.participationPercent)],
];

/**
 * 统计分析: a date range (today, this week, this month … or any range up to a year), narrowed to
 * a service, window or clerk if wanted; the key figures; charts of arrivals by hour, the wait
 * over the day, the day-by-day trend and the rating mix; a table per service, window, clerk,
 * hour or day; and the same numbers as Excel (.xlsx) or CSV.
 */
@localized()
@customElement('hq-stats-view')
export class StatsView extends LitElement {
  @property({ attribute: false }) store!: HallStore;
  @property({ attribute: false }) api!: ApiClient;

  @state() private range: Range = 'today';
  @state() private from = '';
  @state() private to = '';
  @state() private filter: { serviceId: string; windowId: string; clerkId: string } = { serviceId: '', windowId: '', clerkId: '' };
  @state() private dimension: StatDimension = 'service';
  @state() private report: StatsReport | null = null;
  @state() private loading = false;
  @state() private error = '';

  static override styles = [
    ...viewStyles,
    css`
      .filters {
        display: flex;
        flex-wrap: wrap;
        gap: 10px;
        align-items: end;
        margin-bottom: 14px;
      }
      .filters .field select {
        width: 120px;
      }
      .filters .field input {
        width: 142px;
      }
      .kpis {
        grid-template-columns: repeat(8, minmax(0, 1fr));
      }
      .charts {
        display: grid;
        grid-template-columns: repeat(3, minmax(0, 1fr));
        gap: 14px;
        margin-bottom: 14px;
      }
      .charts.four {
        grid-template-columns: repeat(2, minmax(0, 1fr));
      }
      .card h3 {
        margin-bottom: 8px;
      }
      .mix {
        display: flex;
        height: 34px;
        border-radius: 8px;
        overflow: hidden;
        margin: 8px 0 12px;
        background: var(--hq-bg-sunken);
      }
      .mix span {
        display: grid;
        place-items: center;
        color: #fff;
        font-size: 13px;
        font-weight: 700;
        min-width: 0;
      }
      .mix-legend {
        display: grid;
        gap: 6px;
        font-size: 14px;
      }
      .mix-legend div {
        display: grid;
        grid-template-columns: 14px 1fr auto auto;
        gap: 8px;
        align-items: center;
      }
      .mix-legend i {
        width: 12px;
        height: 12px;
        border-radius: 3px;
      }
      .mix-legend .n {
        text-align: right;
        min-width: 3em;
      }
      .mix-total {
        margin: 8px 0 0;
        padding-top: 10px;
        border-top: 1px solid var(--hq-line);
        font-weight: 600;
      }
      .export {
        display: flex;
        gap: 8px;
      }
      a.btn {
        text-decoration: none;
      }
      td.name {
        max-width: 260px;
        overflow: hidden;
        text-overflow: ellipsis;
        white-space: nowrap;
      }
      tr.total td {
        font-weight: 700;
        background: var(--hq-bg);
      }
      .loading {
        opacity: 0.55;
      }
    `,
  ];

  // Not connectedCallback: this view is loaded lazily, and properties set before its definition
  // arrived are applied with the first update.
  protected override firstUpdated(): void {
    if (!this.store.config) void this.store.loadConfig();
    this.setRange('today');
  }

  private get today(): string {
    return this.store.snapshot?.hall.serviceDay ?? new Date().toISOString().slice(0, 10);
  }

  private setRange(range: Range) {
    const today = this.today;
    this.range = range;
    if (range === 'today') [this.from, this.to] = [today, today];
    else if (range === 'yesterday') [this.from, this.to] = [addDays(today, -1), addDays(today, -1)];
    else if (range === 'week') [this.from, this.to] = [addDays(today, 1 - weekdayOf(today)), today];
    else if (range === 'month') [this.from, this.to] = [`${today.slice(0, 8)}01`, today];
    else if (range === 'days30') [this.from, this.to] = [addDays(today, -29), today];
    if (this.from && this.to) void this.load();
  }

  private get query(): string {
    const q = new URLSearchParams({ from: this.from, to: this.to });
    for (const [k, v] of Object.entries(this.filter)) if (v) q.set(k, v);
    return q.toString();
  }

  private async load() {
    this.loading = true;
    this.error = '';
    try {
      this.report = await this.api.get<StatsReport>(`/api/halls/${this.store.hallId}/stats?${this.query}`, { timeoutMs: 60_000 });
    } catch (err) {
      this.error = errorMessage(err, getLocale());
    } finally {
      this.loading = false;
    }
  }

  override render() {
    return html`${this.renderFilters()} ${this.error ? html`<p class="error-line" role="alert">${this.error}</p>` : nothing}
      ${this.report ? html`<div class=${this.loading ? 'loading' : ''}>${this.renderKpis(this.report)} ${this.renderCharts(this.report)} ${this.renderTable(this.report)}</div>` : html`<div class="empty" role="status">${msg('正在统计…')}</div>`}`;
  }

  private renderFilters() {
    const s = this.store.snapshot;
    const users = (this.store.config?.users ?? []).filter((u) => u.role !== 'admin');
    const ranges: [Range, string][] = [
      ['today', msg('今天')],
      ['yesterday', msg('昨天')],
      ['week', msg('本周')],
      ['month', msg('本月')],
      ['days30', msg('近30天')],
    ];
    const select = (
      name: 'serviceId' | 'windowId' | 'clerkId',
      label: string,
      options: { value: string; label: string }[],
    ) => html`<label class="field"
      >${label}
      <select
        name=${name}
        @change=${(e: Event) => {
          this.filter = { ...this.filter, [name]: (e.target as HTMLSelectElement).value };
          void this.load();
        }}
      >
        <option value="">${msg('全部')}</option>
        ${options.map((o) => html`<option value=${o.value} ?selected=${this.filter[name] === o.value}>${o.label}</option>`)}
      </select></label
    >`;
    return html`<div class="filters">
      <div class="chips" role="group" aria-label=${msg('日期范围')}>
        ${ranges.map(([r, label]) => html`<button class="chip" data-range=${r} aria-pressed=${this.range === r ? 'true' : 'false'} @click=${() => this.setRange(r)}>${label}</button>`)}
      </div>
      <label class="field"
        >${msg('开始日期')}<input
          type="date"
          name="from"
          .value=${this.from}
          @change=${(e: Event) => {
            this.from = (e.target as HTMLInputElement).value;
            this.range = 'custom';
            void this.load();
          }}
      /></label>
      <label class="field"
        >${msg('结束日期')}<input
          type="date"
          name="to"
          .value=${this.to}
          @change=${(e: Event) => {
            this.to = (e.target as HTMLInputElement).value;
            this.range = 'custom';
            void this.load();
          }}
      /></label>
      ${select(
        'serviceId',
        msg('事项'),
        (s?.services ?? []).map((x) => ({ value: String(x.id), label: `${x.prefix} ${named(x)}` })),
      )}
      ${select(
        'windowId',
        msg('窗口'),
        (s?.windows ?? []).map((w) => ({ value: String(w.id), label: msg(str`${w.number}号窗口`) })),
      )}
      ${select(
        'clerkId',
        msg('人员'),
        users.map((u) => ({ value: String(u.id), label: u.displayName })),
      )}
    </div>`;
  }

  private renderKpis(r: StatsReport) {
    const t = r.totals;
    const kpi = (name: string, label: string, value: string, unit = '') =>
      html`<div class="kpi" data-kpi=${name}><span>${label}</span><b>${value}</b>${unit ? html`<small>${unit}</small>` : nothing}</div>`;
    return html`<div class="kpis">
      ${kpi('issued', msg('取号', { id: 'stat-issued' }), String(t.issued))} ${kpi('served', msg('办结数'), String(t.served))} ${kpi('noShows', msg('过号'), String(t.noShows))}
      ${kpi('waitAvgMinutes', msg('平均等候'), fixed(t.waitAvgMinutes), msg('分钟'))} ${kpi('waitP90Minutes', msg('90%等候不超过'), fixed(t.waitP90Minutes), msg('分钟'))}
      ${kpi('waitsOverTarget', msg(str`等候超过 ${r.waitTargetMinutes} 分钟`), String(t.waitsOverTarget), msg('人'))} ${kpi('satisfactionPercent', msg('好评率'), pct(t.satisfactionPercent))}
      ${kpi('participationPercent', msg('参评率'), pct(t.participationPercent))}
    </div>`;
  }

  private renderCharts(r: StatsReport) {
    // Every hour from the first to the last with tickets, so a quiet hour shows as a gap, not missing.
    const byHour = new Map(r.by.hour.map((h) => [Number(h.key), h]));
    const keys = [...byHour.keys()];
    const span = keys.length ? Array.from({ length: Math.max(...keys) - Math.min(...keys) + 1 }, (_, i) => Math.min(...keys) + i) : [];
    const hours = span.map((h) => byHour.get(h) ?? null);
    const hourLabels = span.map((h) => `${String(h).padStart(2, '0')}:00`);
    const days = r.by.day;
    const manyDays = days.length > 1;
    const target = r.waitTargetMinutes;
    return html`<div class="charts ${manyDays ? 'four' : ''}">
      <section class="card" data-chart="arrivals">
        <h3>${msg('到访时段分布（取号人数）')}</h3>
        ${
          hours.length
            ? html`<hq-chart .labels=${hourLabels} .series=${[{ label: msg('取号', { id: 'stat-issued' }), values: hours.map((h) => h?.issued ?? 0), color: '#1b5fc1', bars: true }]} .unit=${msg('人')}></hq-chart>`
            : html`<div class="empty">${msg('没有数据')}</div>`
        }
      </section>
      <section class="card" data-chart="wait">
        <h3>${msg('等候时长（按取号时段）')}</h3>
        ${
          hours.length
            ? html`<hq-chart
              .labels=${hourLabels}
              .unit=${msg('分钟')}
              .series=${[
                { label: msg('平均'), values: hours.map((h) => h?.waitAvgMinutes ?? null), color: '#1b5fc1' },
                { label: msg('90%'), values: hours.map((h) => h?.waitP90Minutes ?? null), color: '#b86e00' },
                { label: msg(str`目标 ${target} 分钟`), values: hours.map(() => target), color: '#c8261c', dashed: true },
              ]}
            ></hq-chart>`
            : html`<div class="empty">${msg('没有数据')}</div>`
        }
      </section>
      ${
        manyDays
          ? html`<section class="card" data-chart="days">
            <h3>${msg('每日取号与办结')}</h3>
            <hq-chart
              .labels=${days.map((d) => String(d.key).slice(5))}
              .unit=${msg('人')}
              .series=${[
                { label: msg('取号', { id: 'stat-issued' }), values: days.map((d) => d.issued), color: '#9bbce8', bars: true },
                { label: msg('办结'), values: days.map((d) => d.served), color: '#16865a' },
              ]}
            ></hq-chart>
          </section>`
          : nothing
      }
      ${this.renderMix(r.totals)}
    </div>`;
  }

  private renderMix(t: StatFigures) {
    const total = t.rated;
    return html`<section class="card" data-chart="ratings">
      <h3>${msg('评价构成')}</h3>
      <div class="mix" role="img" aria-label=${msg(str`共 ${total} 条评价`)}>
        ${
          total
            ? t.ratings.map((n, i) =>
                n
                  ? html`<span style="flex:${n};background:${LEVEL_COLORS[i]}" title=${`${ratingLevelLabel(5 - i)} ${n}`}>${n / total >= 0.08 ? `${Math.round((n / total) * 100)}%` : ''}</span>`
                  : nothing,
              )
            : nothing
        }
      </div>
      <div class="mix-legend">
        ${t.ratings.map(
          (n, i) => html`<div>
            <i style="background:${LEVEL_COLORS[i]}"></i><span>${ratingLevelLabel(5 - i)}</span><span class="n num">${n}</span><span class="n num muted">${total ? `${Math.round((n / total) * 1000) / 10}%` : '—'}</span>
          </div>`,
        )}
        <p class="mix-total">${msg(str`共 ${total} 条评价，好评率 ${pct(t.satisfactionPercent)}，差评 ${t.ratings[3] + t.ratings[4]} 条`)}</p>
        ${t.excludedRatings ? html`<p class="hint-line">${msg(str`另有 ${t.excludedRatings} 条经申诉核实后不计入统计。`)}</p>` : nothing}
      </div>
    </section>`;
  }

  private renderTable(r: StatsReport) {
    const rows = r.by[this.dimension];
    const cols = columns();
    const base = `/api/halls/${this.store.hallId}/stats/export?${this.query}&lang=${isEnglish() ? 'en' : 'zh-CN'}`;
    const label = (row: StatRowView) => (isEnglish() ? row.labelEn : row.label);
    return html`<div class="toolbar">
        <div class="tabs" role="tablist" style="margin:0;border:none">
          ${STAT_DIMENSIONS.map((d) => html`<button role="tab" data-dim=${d} aria-selected=${this.dimension === d ? 'true' : 'false'} @click=${() => (this.dimension = d)}>${dimensionLabel(d)}</button>`)}
        </div>
        <span class="spacer"></span>
        <span class="muted">${msg(str`${r.from} 至 ${r.to}`)}</span>
        <div class="export">
          <a class="btn" data-export="xlsx" href=${`${base}&format=xlsx`} download>${msg('导出 Excel')}</a>
          <a class="btn" data-export="csv" href=${`${base}&format=csv&dimension=${this.dimension}`} download>${msg('导出 CSV')}</a>
        </div>
      </div>
      <div class="table-wrap">
        <table data-table=${this.dimension}>
          <thead>
            <tr>
              <th>${keyHeader(this.dimension)}</th>
              ${cols.map(([, h]) => html`<th class="n">${h}</th>`)}
            </tr>
          </thead>
          <tbody>
            ${rows.length === 0 ? html`<tr><td colspan=${cols.length + 1} class="empty">${msg('这个范围内没有号票。')}</td></tr>` : nothing}
            ${rows.map(
              (row) => html`<tr data-key=${String(row.key)}>
                <td class="name" title=${label(row)}>${label(row)}</td>
                ${cols.map(([name, , value]) => html`<td class="n num" data-col=${name}>${value(row)}</td>`)}
              </tr>`,
            )}
            <tr class="total" data-key="total">
              <td>${msg('合计')}</td>
              ${cols.map(([name, , value]) => html`<td class="n num" data-col=${name}>${value(r.totals)}</td>`)}
            </tr>
          </tbody>
        </table>
      </div>
      <p class="hint-line">
        ${msg(str`时长单位为分钟；“90%等候”指九成群众的等候不超过此时长；超时指等候超过 ${r.waitTargetMinutes} 分钟；好评率 = 非常满意、满意、基本满意 ÷ 全部评价；参评率 = 评价 ÷ 办结。`)}
      </p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'hq-stats-view': StatsView;
  }
}
