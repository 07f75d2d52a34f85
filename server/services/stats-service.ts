/**
 * Statistics reports (统计分析) for a date range, and their exports. The figures come from
 * common/domain/stats.ts; here they get their labels (service names, window numbers, clerks,
 * hours) and become tables, the same tables for CSV and .xlsx, so an export shows exactly the
 * numbers of the API and the screen.
 */
import {
  STAT_DIMENSIONS,
  type StatDimension,
  type StatFigures,
  type StatRowView,
  type StatsReport,
} from '../../common/manager-protocol.js';
import { addDays, isValidDate } from '../../common/domain/calendar.js';
import { DomainError } from '../../common/domain/errors.js';
import { StatsBuilder } from '../../common/domain/stats.js';
import type { Actor } from '../../common/domain/types.js';
import type { Store } from '../store/store.js';
import { assertManagerOf, loadHall } from './guards.js';
import { writeCsv, writeXlsx, type Cell, type Sheet } from './spreadsheet.js';

export interface StatsQuery {
  from: string;
  to: string;
  serviceId?: number;
  windowId?: number;
  clerkId?: number;
}

/** The longest range a report covers. */
export const MAX_RANGE_DAYS = 366;

const rangeError = () =>
  new DomainError(
    400,
    'invalid_range',
    '日期范围应为“开始日期 ≤ 结束日期”，格式 YYYY-MM-DD，最长一年。',
    'The range is from ≤ to, as YYYY-MM-DD, at most a year.',
  );

export function checkRange(from: string, to: string): void {
  if (!isValidDate(from) || !isValidDate(to) || from > to) throw rangeError();
  if (addDays(from, MAX_RANGE_DAYS - 1) < to) throw rangeError();
}

/** Lets timers, sockets and other requests run before going on. */
export const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export class StatsService {
  /** Reports only read: the store, never a command. */
  constructor(private readonly store: Store) {}

  async report(actor: Actor, hallId: number, q: StatsQuery): Promise<StatsReport> {
    checkRange(q.from, q.to);
    const { store } = this;
    const { hall, services, windows, users } = await store.read(async (tx) => {
      assertManagerOf(actor, hallId);
      const hall = await loadHall(tx, hallId);
      return { hall, services: await tx.services.list(hallId), windows: await tx.windows.list(hallId), users: await tx.users.list(hallId) };
    });
    const waitTargetMinutes = hall.settings.alerts.waitTargetMinutes;
    const builder = new StatsBuilder({ timezone: hall.timezone, waitTargetMinutes });
    // One short read per day, with the event loop free in between: a year's report never holds
    // the database, or the clerks' calls, for long.
    for (let day = q.from; day <= q.to; day = addDays(day, 1)) {
      await store.read((tx) =>
        tx.stats.eachTicket({ hallId, serviceDay: day, serviceId: q.serviceId, windowId: q.windowId, clerkId: q.clerkId }, (t) =>
          builder.add(t),
        ),
      );
      await yieldToEventLoop();
    }
    const stats = await builder.resultInSteps(yieldToEventLoop);
    const serviceBy = new Map(services.map((s) => [s.id, s]));
    const windowBy = new Map(windows.map((w) => [w.id, w]));
    const userBy = new Map(users.map((u) => [u.id, u]));
    const two = (n: number) => String(n).padStart(2, '0');
    const label = (dimension: StatDimension, key: number | string | null): [string, string] => {
      switch (dimension) {
        case 'service': {
          const s = serviceBy.get(Number(key));
          return s ? [`${s.name}（${s.prefix}）`, `${s.nameEn || s.name} (${s.prefix})`] : [`事项 #${key}`, `Service #${key}`];
        }
        case 'window': {
          if (key === null) return ['未到窗口', 'Not at a window'];
          const w = windowBy.get(Number(key));
          return w ? [`${w.number}号窗口`, `Window ${w.number}`] : [`窗口 #${key}`, `Window #${key}`];
        }
        case 'clerk': {
          if (key === null) return ['未叫号', 'Not called'];
          const u = userBy.get(Number(key));
          return u
            ? [`${u.displayName}${u.staffNo ? `（${u.staffNo}）` : ''}`, `${u.displayName}${u.staffNo ? ` (${u.staffNo})` : ''}`]
            : [`人员 #${key}`, `Staff #${key}`];
        }
        case 'hour': {
          const h = Number(key);
          const text = `${two(h)}:00–${two(h + 1)}:00`;
          return [text, text];
        }
        case 'day':
          return [String(key), String(key)];
      }
    };
    const by = Object.fromEntries(
      STAT_DIMENSIONS.map((d) => [
        d,
        stats.by[d].map((row): StatRowView => {
          const [zh, en] = label(d, row.key);
          return { ...row, label: zh, labelEn: en };
        }),
      ]),
    ) as Record<StatDimension, StatRowView[]>;
    const named: [StatDimension, number | undefined | null, string, string][] = [
      ['service', q.serviceId, '事项', 'Service'],
      ['window', q.windowId, '窗口', 'Window'],
      ['clerk', q.clerkId, '人员', 'Clerk'],
    ];
    const parts = named
      .filter(([, id]) => id != null)
      .map(([d, id, zh, en]) => ({ zh: `${zh}：${label(d, id!)[0]}`, en: `${en}: ${label(d, id!)[1]}` }));
    return {
      hall: { id: hall.id, name: hall.name, timezone: hall.timezone },
      from: q.from,
      to: q.to,
      filter: { serviceId: q.serviceId ?? null, windowId: q.windowId ?? null, clerkId: q.clerkId ?? null },
      filterLabel: parts.length ? { zh: parts.map((p) => p.zh).join('；'), en: parts.map((p) => p.en).join('; ') } : null,
      waitTargetMinutes,
      totals: stats.totals,
      by,
    };
  }

  /** The report as a file: CSV of one breakdown (with a totals row), or .xlsx with every breakdown. */
  async export(
    actor: Actor,
    hallId: number,
    q: StatsQuery,
    format: 'csv' | 'xlsx',
    dimension: StatDimension,
    lang: 'zh-CN' | 'en',
  ): Promise<{ body: Buffer | string; filename: string; contentType: string }> {
    const report = await this.report(actor, hallId, q);
    const base = `${lang === 'en' ? 'statistics' : '统计'}-${report.from}_${report.to}`;
    if (format === 'csv') {
      const sheet = statSheet(report, dimension, lang);
      return { body: writeCsv(sheet.header, sheet.rows), filename: `${base}-${dimension}.csv`, contentType: 'text/csv; charset=utf-8' };
    }
    const sheets = [summarySheet(report, lang), ...STAT_DIMENSIONS.map((d) => statSheet(report, d, lang))];
    return {
      body: Buffer.from(writeXlsx(sheets)),
      filename: `${base}.xlsx`,
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    };
  }
}

// -----------------------------------------------------------------------------------------------
// Tables

/** The figure columns of every table, in order: [header zh, header en, value]. */
export const FIGURE_COLUMNS: [string, string, (f: StatFigures) => Cell][] = [
  ['取号', 'Issued', (f) => f.issued],
  ['办结', 'Served', (f) => f.served],
  ['过号', 'No-shows', (f) => f.noShows],
  ['取消', 'Cancelled', (f) => f.cancelled],
  ['未完成', 'Open', (f) => f.open],
  ['平均等候（分钟）', 'Average wait (min)', (f) => f.waitAvgMinutes],
  ['90%等候（分钟）', 'P90 wait (min)', (f) => f.waitP90Minutes],
  ['平均办理（分钟）', 'Average service (min)', (f) => f.serviceAvgMinutes],
  ['90%办理（分钟）', 'P90 service (min)', (f) => f.serviceP90Minutes],
  ['超时等候', 'Waits over target', (f) => f.waitsOverTarget],
  ['非常满意', 'Very satisfied', (f) => f.ratings[0]],
  ['满意', 'Satisfied', (f) => f.ratings[1]],
  ['基本满意', 'Fairly satisfied', (f) => f.ratings[2]],
  ['不满意', 'Dissatisfied', (f) => f.ratings[3]],
  ['非常不满意', 'Very dissatisfied', (f) => f.ratings[4]],
  ['评价数', 'Ratings', (f) => f.rated],
  ['好评率（%）', 'Satisfaction (%)', (f) => f.satisfactionPercent],
  ['参评率（%）', 'Participation (%)', (f) => f.participationPercent],
];

const DIMENSION_NAMES: Record<StatDimension, [string, string]> = {
  service: ['按事项', 'By service'],
  window: ['按窗口', 'By window'],
  clerk: ['按人员', 'By clerk'],
  hour: ['按时段', 'By hour'],
  day: ['按日期', 'By day'],
};
const KEY_HEADERS: Record<StatDimension, [string, string]> = {
  service: ['事项', 'Service'],
  window: ['窗口', 'Window'],
  clerk: ['人员', 'Clerk'],
  hour: ['时段', 'Hour'],
  day: ['日期', 'Date'],
};

export function statSheet(report: StatsReport, dimension: StatDimension, lang: 'zh-CN' | 'en'): Sheet {
  const en = lang === 'en';
  const header = [KEY_HEADERS[dimension][en ? 1 : 0], ...FIGURE_COLUMNS.map((c) => c[en ? 1 : 0])];
  const rows: Cell[][] = report.by[dimension].map((row) => [en ? row.labelEn : row.label, ...FIGURE_COLUMNS.map((c) => c[2](row))]);
  rows.push([en ? 'Total' : '合计', ...FIGURE_COLUMNS.map((c) => c[2](report.totals))]);
  return { name: DIMENSION_NAMES[dimension][en ? 1 : 0], header, rows };
}

function summarySheet(report: StatsReport, lang: 'zh-CN' | 'en'): Sheet {
  const en = lang === 'en';
  const rows: Cell[][] = [
    [en ? 'Hall' : '大厅', report.hall.name],
    [en ? 'From' : '开始日期', report.from],
    [en ? 'To' : '结束日期', report.to],
    [en ? 'Filter' : '筛选', report.filterLabel ? report.filterLabel[en ? 'en' : 'zh'] : en ? 'Whole hall' : '全大厅'],
    [en ? 'Wait target (min)' : '等候目标（分钟）', report.waitTargetMinutes],
    ...FIGURE_COLUMNS.map(([zh, enName, value]): Cell[] => [en ? enName : zh, value(report.totals)]),
    [
      en ? 'Ratings excluded by an approved appeal (kept on record)' : '申诉核准、不计入统计的评价（记录保留）',
      report.totals.excludedRatings,
    ],
  ];
  return { name: en ? 'Summary' : '汇总', header: [en ? 'Figure' : '指标', en ? 'Value' : '数值'], rows };
}
