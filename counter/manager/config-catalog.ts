/**
 * The configuration lists of what the hall offers: services (事项), zones (服务区) and windows,
 * each a table with a form for a new one and for every change. Rendered inside
 * `<hq-config-view>`, which owns the dialog and reloads the configuration after each change.
 */
import { msg, str } from '@lit/localize';
import { html, type TemplateResult } from 'lit';
import type { ConfigView, ServiceConfig, WindowConfig, ZoneConfig } from '../../common/manager-protocol.js';
import type { ApiClient } from '../../common/ui/api.js';
import type { StaffUser } from '../../common/ui/session.js';
import { act, navigate } from './act.js';
import type { Dialogs } from './dialogs.js';
import type { FieldSpec, FormValue, FormValues } from './form-dialog.js';
import { modeLabel, named, zoneKindLabel } from './labels.js';

export interface ConfigContext {
  host: HTMLElement;
  api: ApiClient;
  dialogs: Dialogs;
  config: ConfigView;
  user: StaffUser | null;
  reload(): Promise<void>;
}

const reasonField = (): FieldSpec => ({ name: 'reason', label: msg('修改原因（记入审计日志）'), kind: 'text', maxLength: 200, wide: true });
const zoneOptions = (config: ConfigView, none: string) => [
  { value: '', label: none },
  ...config.zones.map((z) => ({ value: String(z.id), label: named(z) })),
];
const idOrNull = (v: unknown) => (v === '' || v === null || v === undefined ? null : Number(v));
const text = (v: FormValue | undefined) => String(v ?? '').trim();

/** Submits a change, then reloads the configuration. */
async function save(ctx: ConfigContext, send: () => Promise<unknown>): Promise<void> {
  await send();
  await ctx.reload();
}

// -----------------------------------------------------------------------------------------------
// Services

function serviceFields(config: ConfigView): FieldSpec[] {
  return [
    { name: 'name', label: msg('事项名称'), kind: 'text', required: true, maxLength: 40 },
    { name: 'nameEn', label: msg('英文名称'), kind: 'text', maxLength: 80 },
    { name: 'prefix', label: msg('号码前缀'), kind: 'text', required: true, maxLength: 2, hint: msg('一到两个大写字母，号码如 A001') },
    { name: 'zoneId', label: msg('服务区'), kind: 'select', options: zoneOptions(config, msg('不属于服务区')) },
    { name: 'dailyQuota', label: msg('每日号源'), kind: 'number', min: 1, max: 9999, placeholder: msg('不限'), hint: msg('留空为不限量') },
    { name: 'expectedMinutes', label: msg('预计办理时长（分钟）'), kind: 'number', required: true, min: 1, max: 240 },
    {
      name: 'openingHours',
      label: msg('办理时间'),
      kind: 'text',
      maxLength: 100,
      placeholder: config.hall.openingHours,
      hint: msg('如 08:30-12:00,13:30-17:30；留空为大厅时间'),
    },
    { name: 'sortOrder', label: msg('排序'), kind: 'number', min: 0, max: 9999 },
    { name: 'enabled', label: msg('启用（取号机可取号）'), kind: 'checkbox' },
    reasonField(),
  ];
}

const serviceBody = (v: FormValues) => ({
  name: text(v.name),
  nameEn: text(v.nameEn),
  prefix: text(v.prefix).toUpperCase(),
  zoneId: idOrNull(v.zoneId),
  dailyQuota: v.dailyQuota === null || v.dailyQuota === '' ? null : Number(v.dailyQuota),
  openingHours: text(v.openingHours) || null,
  expectedMinutes: Number(v.expectedMinutes),
  sortOrder: Number(v.sortOrder ?? 0),
  enabled: Boolean(v.enabled),
  reason: text(v.reason) || undefined,
});

function editService(ctx: ConfigContext, s: ServiceConfig | null) {
  const h = ctx.config.hall.id;
  ctx.dialogs.open({
    heading: s ? msg(str`修改事项：${s.name}`) : msg('新增事项'),
    sub: msg('取号机和手机取号页会立即显示修改后的事项。'),
    fields: serviceFields(ctx.config),
    values: s
      ? { ...s, zoneId: s.zoneId === null ? '' : String(s.zoneId), openingHours: s.openingHours ?? '', reason: '' }
      : {
          name: '',
          nameEn: '',
          prefix: '',
          zoneId: '',
          dailyQuota: null,
          expectedMinutes: 10,
          openingHours: '',
          sortOrder: ctx.config.services.length * 10,
          enabled: true,
          reason: '',
        },
    confirm: s ? msg('保存') : msg('新增'),
    done: s ? msg('事项已保存') : msg('事项已新增'),
    submit: (v) =>
      save(ctx, () =>
        s ? ctx.api.put(`/api/halls/${h}/services/${s.id}`, serviceBody(v)) : ctx.api.post(`/api/halls/${h}/services`, serviceBody(v)),
      ),
  });
}

export function renderServices(ctx: ConfigContext): TemplateResult {
  const { config } = ctx;
  const zone = (id: number | null) => named(config.zones.find((z) => z.id === id)) || '—';
  return html`<div class="toolbar">
      <span class="muted">${msg(str`共 ${config.services.length} 个事项；停用的事项不再取号，已取的号照常办理。`)}</span>
      <span class="spacer"></span>
      <button class="btn primary" data-new="service" @click=${() => editService(ctx, null)}>${msg('新增事项')}</button>
    </div>
    <div class="table-wrap">
      <table>
        <thead>
          <tr>
            <th>${msg('前缀')}</th>
            <th>${msg('事项')}</th>
            <th>${msg('服务区')}</th>
            <th class="n">${msg('每日号源')}</th>
            <th>${msg('办理时间')}</th>
            <th class="n">${msg('预计时长')}</th>
            <th>${msg('状态')}</th>
            <th></th>
          </tr>
        </thead>
        <tbody>
          ${config.services.map(
            (s) => html`<tr data-service=${s.prefix}>
              <td class="num"><b>${s.prefix}</b></td>
              <td>${s.name}${s.nameEn ? html`<br /><span class="muted">${s.nameEn}</span>` : ''}</td>
              <td>${zone(s.zoneId)}</td>
              <td class="n num">${s.dailyQuota ?? msg('不限')}</td>
              <td class="muted">${s.openingHours ?? msg('同大厅')}</td>
              <td class="n num">${msg(str`${s.expectedMinutes} 分钟`)}</td>
              <td>${s.enabled ? html`<span class="pill ok">${msg('启用', { id: 'state-enabled' })}</span>` : html`<span class="pill">${msg('停用', { id: 'state-disabled' })}</span>`}</td>
              <td class="n">
                <button class="btn small" @click=${() => editService(ctx, s)}>${msg('修改')}</button>
                <button
                  class="btn small"
                  @click=${() => act(ctx.host, () => save(ctx, () => ctx.api.put(`/api/halls/${config.hall.id}/services/${s.id}`, { enabled: !s.enabled })), s.enabled ? msg(str`已停用 ${s.name}`) : msg(str`已启用 ${s.name}`))}
                >
                  ${s.enabled ? msg('停用') : msg('启用')}
                </button>
              </td>
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
}

// -----------------------------------------------------------------------------------------------
// Zones

function editZone(ctx: ConfigContext, z: ZoneConfig | null) {
  const h = ctx.config.hall.id;
  ctx.dialogs.open({
    heading: z ? msg(str`修改服务区：${z.name}`) : msg('新增服务区'),
    fields: [
      { name: 'name', label: msg('名称'), kind: 'text', required: true, maxLength: 30 },
      { name: 'nameEn', label: msg('英文名称'), kind: 'text', maxLength: 60 },
      {
        name: 'kind',
        label: msg('类型'),
        kind: 'select',
        options: ['theme', 'professional', 'special'].map((k) => ({ value: k, label: zoneKindLabel(k) })),
      },
      { name: 'sortOrder', label: msg('排序'), kind: 'number', min: 0, max: 9999 },
      reasonField(),
    ],
    values: z ? { ...z, reason: '' } : { name: '', nameEn: '', kind: 'theme', sortOrder: ctx.config.zones.length, reason: '' },
    confirm: z ? msg('保存') : msg('新增'),
    done: z ? msg('服务区已保存') : msg('服务区已新增'),
    submit: (v) => {
      const body = {
        name: text(v.name),
        nameEn: text(v.nameEn),
        kind: v.kind,
        sortOrder: Number(v.sortOrder ?? 0),
        reason: text(v.reason) || undefined,
      };
      return save(ctx, () => (z ? ctx.api.put(`/api/halls/${h}/zones/${z.id}`, body) : ctx.api.post(`/api/halls/${h}/zones`, body)));
    },
  });
}

export function renderZones(ctx: ConfigContext): TemplateResult {
  const { config } = ctx;
  const count = (z: ZoneConfig) => ({
    services: config.services.filter((s) => s.zoneId === z.id).length,
    windows: config.windows.filter((w) => w.zoneId === z.id).length,
  });
  return html`<div class="toolbar">
      <span class="muted">${msg('服务区把事项和窗口分组；分领域综合窗口办理所属服务区的全部事项，综合屏可只显示一个服务区。')}</span>
      <span class="spacer"></span>
      <button class="btn primary" @click=${() => editZone(ctx, null)}>${msg('新增服务区')}</button>
    </div>
    <div class="table-wrap">
      <table>
        <thead>
          <tr>
            <th>${msg('服务区')}</th>
            <th>${msg('类型')}</th>
            <th class="n">${msg('事项')}</th>
            <th class="n">${msg('窗口')}</th>
            <th></th>
          </tr>
        </thead>
        <tbody>
          ${config.zones.map((z) => {
            const c = count(z);
            return html`<tr>
              <td>${z.name}${z.nameEn ? html`<br /><span class="muted">${z.nameEn}</span>` : ''}</td>
              <td>${zoneKindLabel(z.kind)}</td>
              <td class="n num">${c.services}</td>
              <td class="n num">${c.windows}</td>
              <td class="n">
                <button class="btn small" @click=${() => editZone(ctx, z)}>${msg('修改')}</button>
                <button
                  class="btn small danger"
                  ?disabled=${c.services + c.windows > 0}
                  title=${c.services + c.windows > 0 ? msg('先把事项和窗口移到其他服务区') : ''}
                  @click=${() => act(ctx.host, () => save(ctx, () => ctx.api.delete(`/api/halls/${config.hall.id}/zones/${z.id}`)), msg(str`已删除 ${z.name}`))}
                >
                  ${msg('删除')}
                </button>
              </td>
            </tr>`;
          })}
        </tbody>
      </table>
    </div>`;
}

// -----------------------------------------------------------------------------------------------
// Windows

function editWindow(ctx: ConfigContext, w: WindowConfig | null) {
  const h = ctx.config.hall.id;
  ctx.dialogs.open({
    heading: w ? msg(str`修改 ${w.number} 号窗口`) : msg('新增窗口'),
    sub: w
      ? msg('办理的事项和人员在“窗口调度”中调整。')
      : msg('新窗口为关闭状态，办理所属服务区的全部事项（无服务区时办理大厅全部事项），可在“窗口调度”中调整。'),
    fields: [
      { name: 'number', label: msg('窗口号'), kind: 'text', required: true, maxLength: 6, hint: msg('语音播报“请到 N 号窗口”') },
      { name: 'name', label: msg('窗口名称'), kind: 'text', required: true, maxLength: 40 },
      { name: 'zoneId', label: msg('服务区'), kind: 'select', options: zoneOptions(ctx.config, msg('不属于服务区')) },
      { name: 'printsRatingSlip', label: msg('办结时打印评价提示（无评价器的窗口）'), kind: 'checkbox', wide: true },
      reasonField(),
    ],
    values: w
      ? {
          number: w.number,
          name: w.name,
          zoneId: w.zoneId === null ? '' : String(w.zoneId),
          printsRatingSlip: w.printsRatingSlip,
          reason: '',
        }
      : { number: '', name: '', zoneId: '', printsRatingSlip: false, reason: '' },
    confirm: w ? msg('保存') : msg('新增'),
    done: w ? msg('窗口已保存') : msg('窗口已新增'),
    submit: (v) => {
      const body = {
        number: text(v.number),
        name: text(v.name),
        zoneId: idOrNull(v.zoneId),
        printsRatingSlip: Boolean(v.printsRatingSlip),
        reason: text(v.reason) || undefined,
      };
      return save(ctx, () => (w ? ctx.api.put(`/api/halls/${h}/windows/${w.id}`, body) : ctx.api.post(`/api/halls/${h}/windows`, body)));
    },
  });
}

export function renderWindows(ctx: ConfigContext): TemplateResult {
  const { config } = ctx;
  const zone = (id: number | null) => named(config.zones.find((z) => z.id === id)) || '—';
  const person = (id: number | null) => config.users.find((u) => u.id === id)?.displayName ?? '—';
  return html`<div class="toolbar">
      <span class="muted">${msg('停用窗口前请先让人员签退并关闭窗口；停用的窗口不再显示在大厅屏幕上。')}</span>
      <span class="spacer"></span>
      <button class="btn primary" @click=${() => editWindow(ctx, null)}>${msg('新增窗口')}</button>
    </div>
    <div class="table-wrap">
      <table>
        <thead>
          <tr>
            <th>${msg('窗口')}</th>
            <th>${msg('服务区')}</th>
            <th>${msg('类型')}</th>
            <th>${msg('人员')}</th>
            <th>${msg('评价提示')}</th>
            <th>${msg('状态')}</th>
            <th></th>
          </tr>
        </thead>
        <tbody>
          ${config.windows.map(
            (w) => html`<tr data-window=${w.number}>
              <td><b class="num">${w.number}</b> ${w.name}</td>
              <td>${zone(w.zoneId)}</td>
              <td>${modeLabel(w.mode)}</td>
              <td>${person(w.clerkId)}${w.backupClerkId ? html`<span class="muted"> · ${msg('AB角')} ${person(w.backupClerkId)}</span>` : ''}</td>
              <td>${w.printsRatingSlip ? msg('打印') : '—'}</td>
              <td>${w.enabled ? html`<span class="pill ok">${msg('在用')}</span>` : html`<span class="pill">${msg('已停用')}</span>`}</td>
              <td class="n">
                <button class="btn small" @click=${() => editWindow(ctx, w)}>${msg('修改')}</button>
                <button class="btn small" ?disabled=${!w.enabled} @click=${() => navigate(ctx.host, `dispatch/${w.id}`)}>${msg('调度')}</button>
                <button
                  class="btn small"
                  @click=${() => act(ctx.host, () => save(ctx, () => ctx.api.put(`/api/halls/${config.hall.id}/windows/${w.id}`, { enabled: !w.enabled })), w.enabled ? msg(str`${w.number} 号窗口已停用`) : msg(str`${w.number} 号窗口已启用`))}
                >
                  ${w.enabled ? msg('停用') : msg('启用')}
                </button>
              </td>
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
}
