import { localized, msg, str } from '@lit/localize';
import { css, html, LitElement, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { DEVICE_FIELDS } from '../../common/device-fields.js';
import type { ConfigView, DeviceConfig } from '../../common/manager-protocol.js';
import type { DeviceStatusView } from '../../common/protocol.js';
import { errorMessage, type ApiClient } from '../../common/ui/api.js';
import { formatTime } from '../../common/ui/format.js';
import { getLocale } from '../../common/ui/i18n.js';
import type { DeviceKind, DeviceState } from '../../common/vocabulary.js';
import type { PrinterView } from '../../common/printing.js';
import { toast } from './act.js';
import { activePrinters, openAddPrinter, openDeviceDialog, printerOptions } from './device-dialog.js';
import { Dialogs } from './dialogs.js';
import type { FieldSpec, FormValues } from './form-dialog.js';
import { deviceKindLabel, named, printProblemLabel } from './labels.js';
import { viewStyles } from './styles.js';

/** How often the list re-reads when each device was last heard from (heartbeats raise no event). */
const RELOAD_MS = 15_000;
const GROUPS: DeviceKind[] = ['board', 'window_screen', 'pad', 'kiosk', 'printer'];

interface CheckResult {
  at: number;
  view?: PrinterView;
  error?: string;
}

/**
 * 设备: approve the six-digit code a new screen shows (and say where it belongs: a window screen
 * or pad to its window, a board to a zone, a kiosk to its printer); the devices by kind with their
 * live state (online or not and since when, no Chinese voice, sound not enabled, silent, language;
 * a printer's paper and cover); one dialog per device with what applies to its kind (common/
 * device-fields.ts); network printers added by address and checked (检测) on the spot; revoke.
 * The state comes from the staff snapshot's screens (live through device events) and a reload of
 * the last-seen times every 15 s. `#/config/devices/<id>` marks one device.
 */
@localized()
@customElement('hq-config-devices')
export class ConfigDevices extends LitElement {
  @property({ attribute: false }) config!: ConfigView;
  @property({ attribute: false }) api!: ApiClient;
  @property({ attribute: false }) reload: () => Promise<void> = async () => {};
  /** The staff snapshot's screens, kept live by device events. */
  @property({ attribute: false }) screens: DeviceStatusView[] | undefined = undefined;
  @property({ type: Number }) now = Date.now();
  /** A device to mark and scroll to (from an alert). */
  @property({ type: Number }) focusId = 0;

  @state() private code = '';
  @state() private error = '';
  @state() private busy = false;
  private readonly dialogs = new Dialogs(this);
  @state() private pairingValues: FormValues = {};
  /** Last-seen times and states read from the server, by device. */
  @state() private heard = new Map<number, { lastSeenAt: number | null; state: DeviceState }>();
  @state() private checks = new Map<number, CheckResult>();
  @state() private checking = new Set<number>();
  @state() private kindFilter: DeviceKind | '' = '';
  @state() private troubleOnly = false;
  private timer: ReturnType<typeof setInterval> | null = null;
  private scrolledTo = 0;

  static override styles = [
    ...viewStyles,
    css`
      .pair {
        display: grid;
        grid-template-columns: 240px minmax(0, 1fr);
        gap: 18px;
        margin-bottom: 16px;
        align-items: start;
      }
      .code {
        font-family: var(--hq-number-font);
        font-size: 30px;
        letter-spacing: 0.2em;
        width: 100%;
        text-align: center;
        padding: 8px;
      }
      .found {
        display: grid;
        gap: 12px;
      }
      .pending {
        display: flex;
        gap: 8px;
        flex-wrap: wrap;
      }
      .state {
        display: flex;
        gap: 6px;
        flex-wrap: wrap;
      }
      tr.group th {
        background: var(--hq-bg);
        color: var(--hq-text);
        font-size: 14px;
        position: static;
      }
      tr.group th .muted {
        font-weight: 400;
        margin-left: 8px;
      }
      tr.group th button {
        float: right;
      }
      td.name b {
        display: block;
        font-weight: 600;
      }
      td.name span {
        font-size: 13px;
      }
      tr[data-focus='true'] td {
        background: color-mix(in srgb, var(--hq-warn) 10%, #fff);
      }
      tr[data-focus='true'] td:first-child {
        box-shadow: inset 4px 0 0 var(--hq-warn);
      }
      .checked {
        margin-top: 4px;
        font-size: 13px;
        color: var(--hq-text-dim);
      }
      .checked.bad {
        color: var(--hq-danger);
        font-weight: 600;
      }
      td.actions {
        white-space: nowrap;
        text-align: right;
      }
      td.actions .btn + .btn {
        margin-left: 6px;
      }
    `,
  ];

  override connectedCallback(): void {
    super.connectedCallback();
    void this.loadHeard();
    this.timer = setInterval(() => void this.loadHeard(), RELOAD_MS);
  }

  override disconnectedCallback(): void {
    if (this.timer) clearInterval(this.timer);
    super.disconnectedCallback();
  }

  protected override updated(): void {
    if (this.focusId && this.focusId !== this.scrolledTo) {
      const row = this.renderRoot.querySelector(`tr[data-device="${this.focusId}"]`);
      if (row) {
        this.scrolledTo = this.focusId;
        row.scrollIntoView({ block: 'center' });
      }
    }
  }

  private async loadHeard() {
    try {
      const list = await this.api.get<DeviceConfig[]>(`/api/halls/${this.config.hall.id}/devices`);
      this.heard = new Map(list.map((d) => [d.id, { lastSeenAt: d.lastSeenAt, state: d.state }]));
    } catch {
      /* the snapshot still says what it knows */
    }
  }

  private get offlineSeconds(): number {
    return Number(this.config.settings.alerts?.deviceOfflineSeconds ?? 90);
  }

  /** The freshest of what the snapshot (live events) and the last reload say about a device. */
  private live(d: DeviceConfig): { lastSeenAt: number | null; state: DeviceState; online: boolean; settings: Record<string, unknown> } {
    const screen = this.screens?.find((x) => x.id === d.id);
    const heard = this.heard.get(d.id);
    const candidates = [
      { lastSeenAt: d.lastSeenAt, state: d.state },
      ...(heard ? [heard] : []),
      ...(screen ? [{ lastSeenAt: screen.lastSeenAt, state: screen.state }] : []),
    ];
    const freshest = candidates.reduce((a, b) => ((b.lastSeenAt ?? 0) >= (a.lastSeenAt ?? 0) ? b : a));
    // A state change without being heard (a printer that stopped answering) is in the snapshot.
    const state = screen && (screen.lastSeenAt ?? 0) >= (freshest.lastSeenAt ?? 0) ? screen.state : freshest.state;
    const recent = freshest.lastSeenAt !== null && this.now - freshest.lastSeenAt <= this.offlineSeconds * 1000;
    const online = d.kind === 'printer' ? recent && state.online !== false : recent;
    return { lastSeenAt: freshest.lastSeenAt, state, online, settings: { ...d.settings, ...(screen?.settings ?? {}) } };
  }

  override render() {
    const devices = this.config.devices.filter((d) => d.status !== 'revoked');
    const revoked = this.config.devices.length - devices.length;
    const pending = devices.filter((d) => d.status === 'pending');
    const active = devices.filter((d) => d.status === 'active');
    return html`${this.renderPairing(pending)}
      <div class="toolbar">
        <h2>${msg('已配对设备')}</h2>
        <span class="muted">${msg(str`共 ${active.length} 台，${active.filter((d) => this.live(d).online).length} 台在线`)}${revoked ? ` · ${msg(str`另有 ${revoked} 台已停用`)}` : ''}</span>
        <span class="spacer"></span>
        <div class="chips" role="group" aria-label=${msg('筛选')}>
          ${(['', ...GROUPS] as const).map(
            (k) =>
              html`<button class="chip" data-kind-filter=${k || 'all'} aria-pressed=${this.kindFilter === k ? 'true' : 'false'} @click=${() => (this.kindFilter = k)}>${k ? deviceKindLabel(k) : msg('全部')}</button>`,
          )}
          <button class="chip" data-trouble aria-pressed=${this.troubleOnly ? 'true' : 'false'} @click=${() => (this.troubleOnly = !this.troubleOnly)}>${msg(str`只看异常（${active.filter((d) => this.trouble(d)).length}）`)}</button>
        </div>
        <button class="btn" data-add-printer @click=${() => openAddPrinter(this.dialogContext)}>${msg('添加网络打印机')}</button>
      </div>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th>${msg('设备')}</th>
              <th>${msg('状态')}</th>
              <th>${msg('最后联系')}</th>
              <th></th>
            </tr>
          </thead>
          ${GROUPS.filter((k) => !this.kindFilter || k === this.kindFilter).map((kind) =>
            this.renderGroup(
              kind,
              active.filter((d) => d.kind === kind && (!this.troubleOnly || this.trouble(d))),
            ),
          )}
        </table>
      </div>
      ${this.dialogs.render()}`;
  }

  private get dialogContext() {
    return { api: this.api, dialogs: this.dialogs, config: this.config, reload: () => this.reload() };
  }

  /** Something a manager should look at: offline, no voice, sound not enabled, paper, cover, error. */
  private trouble(d: DeviceConfig): boolean {
    const live = this.live(d);
    const st = live.state ?? {};
    if (d.kind === 'printer' && live.lastSeenAt === null && st.online === undefined) return false; // never checked yet
    return (
      !live.online ||
      !!st.voiceMissing ||
      !!st.soundBlocked ||
      st.paper === 'out' ||
      st.paper === 'near_end' ||
      !!st.coverOpen ||
      !!st.printerError
    );
  }

  private renderGroup(kind: DeviceKind, list: DeviceConfig[]) {
    if (list.length === 0 && (kind !== 'printer' || this.troubleOnly)) return nothing;
    const online = list.filter((d) => this.live(d).online).length;
    return html`<tbody data-group=${kind}>
      <tr class="group">
        <th colspan="4">
          ${deviceKindLabel(kind)}<span class="muted">${msg(str`${list.length} 台 · ${online} 台在线`)}</span>
        </th>
      </tr>
      ${list.length === 0 ? html`<tr><td colspan="4" class="muted">${msg('还没有网络打印机。取号机和窗口的热敏打印机在这里按 IP 地址添加。')}</td></tr>` : list.map((d) => this.renderDevice(d))}
    </tbody>`;
  }

  private renderDevice(d: DeviceConfig) {
    const c = this.config;
    const live = this.live(d);
    const binding = [
      d.windowId ? msg(str`${c.windows.find((w) => w.id === d.windowId)?.number ?? '?'}号窗口`) : '',
      d.kind === 'board' ? (d.zoneId ? named(c.zones.find((z) => z.id === d.zoneId)) : msg('整个大厅')) : '',
      d.kind === 'kiosk'
        ? d.printerId
          ? `${msg('打印机')} ${c.devices.find((p) => p.id === d.printerId)?.name ?? ''}`
          : msg('无打印机（电子票）')
        : '',
      d.address ?? '',
      d.kind === 'printer' ? `${d.settings.paperWidth === 58 ? 58 : 80} mm` : '',
    ].filter(Boolean);
    const check = this.checks.get(d.id);
    return html`<tr data-device=${d.id} data-kind=${d.kind} data-focus=${d.id === this.focusId ? 'true' : 'false'}>
      <td class="name"><b>${d.name}</b><span class="muted">${binding.join(' · ') || '—'}</span></td>
      <td>
        <div class="state">${this.statePills(d, live)}</div>
        ${check ? this.renderCheck(check) : nothing}
      </td>
      <td class="muted num">${this.seen(live.lastSeenAt)}</td>
      <td class="actions">
        ${
          d.kind === 'printer'
            ? html`<button class="btn small" data-check ?disabled=${this.checking.has(d.id)} @click=${() => void this.check(d)}>${this.checking.has(d.id) ? msg('正在检测…') : msg('检测')}</button>`
            : nothing
        }
        <button class="btn small" data-edit @click=${() => openDeviceDialog(this.dialogContext, d)}>${msg('修改')}</button>
        <button class="btn small danger" @click=${() => this.revoke(d)}>${msg('停用')}</button>
      </td>
    </tr>`;
  }

  private statePills(d: DeviceConfig, live: ReturnType<ConfigDevices['live']>) {
    const st = live.state ?? {};
    const pills: TemplateResult[] = [];
    if (d.kind === 'printer') {
      if (live.lastSeenAt === null && st.online === undefined) pills.push(html`<span class="pill">${msg('未检测')}</span>`);
      else if (st.online === false)
        pills.push(html`<span class="pill danger">${st.problem === 'timeout' ? msg('不应答') : msg('无法连接')}</span>`);
      else if (!live.online) pills.push(html`<span class="pill danger">${msg('离线')}</span>`);
      else pills.push(html`<span class="pill ok">${msg('在线')}</span>`);
      if (st.online !== false && st.paper) {
        pills.push(
          st.paper === 'out'
            ? html`<span class="pill danger">${msg('缺纸')}</span>`
            : st.paper === 'near_end'
              ? html`<span class="pill warn">${msg('纸将用完')}</span>`
              : html`<span class="pill ok">${msg('纸正常')}</span>`,
        );
      }
      if (st.online !== false && st.coverOpen) pills.push(html`<span class="pill warn">${msg('纸仓盖未关')}</span>`);
      if (st.online !== false && st.printerError) pills.push(html`<span class="pill warn">${msg('故障')}</span>`);
      return pills;
    }
    pills.push(
      live.online
        ? html`<span class="pill ok">${msg('在线')}</span>`
        : live.lastSeenAt === null
          ? html`<span class="pill danger">${msg('从未联网')}</span>`
          : html`<span class="pill danger">${msg('离线')}</span>`,
    );
    if (st.voiceMissing) pills.push(html`<span class="pill warn" title=${msg('叫号只显示和提示音，不播报')}>${msg('无中文语音')}</span>`);
    if (st.soundBlocked)
      pills.push(html`<span class="pill warn" title=${msg('浏览器未允许播放声音：在该屏上点一下即可')}>${msg('声音未启用')}</span>`);
    if (live.settings.silent === true || st.silent === true) pills.push(html`<span class="pill info">${msg('静音')}</span>`);
    if (live.settings.language === 'en') pills.push(html`<span class="pill info">English</span>`);
    if (d.kind === 'kiosk' && st.paper === 'out') pills.push(html`<span class="pill danger">${msg('缺纸')}</span>`);
    else if (d.kind === 'kiosk' && st.paper === 'near_end') pills.push(html`<span class="pill warn">${msg('纸将用完')}</span>`);
    return pills;
  }

  private renderCheck(check: CheckResult) {
    const time = formatTime(check.at, this.config.hall.timezone, true);
    if (check.error) return html`<div class="checked bad" role="status">${msg(str`检测 ${time}：`)}${check.error}</div>`;
    const v = check.view!;
    // Unreachable: what to do. Answered: paper and cover, each with what to do when it stops printing.
    const parts =
      v.online === false
        ? [printProblemLabel(v.problem === 'timeout' ? 'timeout' : 'offline')]
        : [
            msg('在线'),
            v.paper === 'out' ? printProblemLabel('paper_out') : v.paper === 'near_end' ? msg('纸将用完') : msg('纸正常'),
            v.coverOpen ? printProblemLabel('cover_open') : msg('纸仓盖已合上'),
            ...(v.problem && v.problem !== 'paper_out' && v.problem !== 'cover_open' ? [printProblemLabel(v.problem)] : []),
          ];
    const bad = v.online === false || v.paper === 'out' || v.coverOpen || v.problem !== null;
    return html`<div class="checked ${bad ? 'bad' : ''}" role="status" data-check-result>${msg(str`检测 ${time}：`)}${parts.join(' · ')}</div>`;
  }

  /** 检测: asks the printer for its status now (DLE EOT), without printing. */
  private async check(d: DeviceConfig) {
    this.checking = new Set([...this.checking, d.id]);
    try {
      const view = await this.api.post<PrinterView>(`/api/printers/${d.id}/check`);
      this.checks = new Map(this.checks).set(d.id, { at: Date.now(), view });
      void this.loadHeard();
    } catch (err) {
      this.checks = new Map(this.checks).set(d.id, { at: Date.now(), error: errorMessage(err, getLocale()) });
    } finally {
      const next = new Set(this.checking);
      next.delete(d.id);
      this.checking = next;
    }
  }

  /** "刚刚", "5 分钟前", or the date and time. */
  private seen(at: number | null): string {
    if (at === null) return msg('从未');
    const s = Math.max(0, Math.round((this.now - at) / 1000));
    if (s < 60) return msg('刚刚');
    if (s < 3600) return msg(str`${Math.floor(s / 60)} 分钟前`);
    return new Date(at).toLocaleString(getLocale() === 'en' ? 'en-GB' : 'zh-CN', {
      hour12: false,
      timeZone: this.config.hall.timezone,
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    });
  }

  private renderPairing(pending: DeviceConfig[]) {
    const found = pending.find((d) => d.pairingCode === this.code.trim());
    return html`<section class="card pair" aria-label=${msg('批准配对')}>
      <div>
        <h2>${msg('批准配对')}</h2>
        <p class="hint-line">${msg('新设备打开后屏幕上会显示六位配对码，在这里输入。')}</p>
        <input
          class="code"
          name="pairing-code"
          inputmode="numeric"
          maxlength="6"
          autocomplete="off"
          aria-label=${msg('配对码')}
          placeholder="000000"
          .value=${this.code}
          @input=${(e: Event) => {
            this.code = (e.target as HTMLInputElement).value.replace(/\D/g, '');
            this.error = '';
            this.pairingValues = {};
          }}
          @keydown=${(e: KeyboardEvent) => e.key === 'Enter' && this.code.length === 6 && void this.approve(found)}
        />
        ${
          pending.length
            ? html`<p class="hint-line">${msg('等待批准')}：</p>
              <div class="pending">${pending.map((d) => html`<span class="pill info">${deviceKindLabel(d.kind)} ${d.pairingCode}</span>`)}</div>`
            : nothing
        }
      </div>
      <div class="found">${this.code.length === 6 ? this.renderApproveForm(found) : html`<p class="muted">${msg('输入配对码后，在这里选择设备的名称和位置。')}</p>`}</div>
    </section>`;
  }

  private renderApproveForm(device: DeviceConfig | undefined) {
    const kind = device?.kind;
    const fields = this.bindingFields(kind, true);
    const v = this.pairingValues;
    return html`<div>
        <h3>${device ? msg(str`${deviceKindLabel(device.kind)}，配对码 ${this.code}`) : msg(str`配对码 ${this.code}`)}</h3>
        ${device ? nothing : html`<p class="hint-line">${msg('列表中没有这个配对码（可能刚出现），仍可批准；窗口屏和评价器需选择窗口。')}</p>`}
      </div>
      <div class="form-grid">
        ${fields.map((f) =>
          f.kind === 'select'
            ? html`<label class="field"
                >${f.label}
                <select name=${f.name} @change=${(e: Event) => (this.pairingValues = { ...this.pairingValues, [f.name]: (e.target as HTMLSelectElement).value })}>
                  ${f.options.map((o) => html`<option value=${o.value} ?selected=${String(v[f.name] ?? '') === o.value}>${o.label}</option>`)}
                </select></label
              >`
            : html`<label class="field"
                >${f.label}<input name=${f.name} maxlength="60" .value=${String(v[f.name] ?? '')} @input=${(e: Event) => (this.pairingValues = { ...this.pairingValues, [f.name]: (e.target as HTMLInputElement).value })}
              /></label>`,
        )}
      </div>
      <p class="error-line" role="alert">${this.error}</p>
      <div><button class="btn primary" data-approve ?disabled=${this.busy} @click=${() => void this.approve(device)}>${msg('批准配对')}</button></div>`;
  }

  /** Where a device of this kind belongs (all of them when the kind is not known). */
  private bindingFields(kind: DeviceConfig['kind'] | undefined, withName: boolean): (FieldSpec & { kind: 'select' | 'text' })[] {
    const c = this.config;
    const applies = kind ? DEVICE_FIELDS[kind] : null;
    const windows = c.windows.filter((w) => w.enabled).map((w) => ({ value: String(w.id), label: msg(str`${w.number}号窗口`) }));
    const fields: (FieldSpec & { kind: 'select' | 'text' })[] = [];
    if (withName) fields.push({ name: 'name', label: msg('名称'), kind: 'text', maxLength: 60 });
    if (!applies || applies.window === 'required')
      fields.push({ name: 'windowId', label: msg('所在窗口'), kind: 'select', options: [{ value: '', label: msg('请选择') }, ...windows] });
    if (!applies || applies.zone)
      fields.push({
        name: 'zoneId',
        label: msg('显示的服务区'),
        kind: 'select',
        options: [{ value: '', label: msg('整个大厅') }, ...c.zones.map((z) => ({ value: String(z.id), label: named(z) }))],
      });
    if (!applies || applies.printer) {
      fields.push({
        name: 'printerId',
        label: msg('号票打印机'),
        kind: 'select',
        options: printerOptions(activePrinters(c), msg('不打印（电子票）')),
      });
    }
    return fields;
  }

  private async approve(_device: DeviceConfig | undefined) {
    const v = this.pairingValues;
    const id = (k: string) => (v[k] ? Number(v[k]) : null);
    this.busy = true;
    this.error = '';
    try {
      const approved = await this.api.post<DeviceConfig>(`/api/halls/${this.config.hall.id}/devices/approve`, {
        code: this.code,
        name: String(v.name ?? '').trim(),
        windowId: id('windowId'),
        zoneId: id('zoneId'),
        printerId: id('printerId'),
      });
      toast(this, msg(str`已批准：${approved.name}`));
      this.code = '';
      this.pairingValues = {};
      await this.reload();
    } catch (err) {
      this.error = errorMessage(err, getLocale());
    } finally {
      this.busy = false;
    }
  }

  private revoke(d: DeviceConfig) {
    this.dialogs.open({
      heading: msg(str`停用${deviceKindLabel(d.kind)}：${d.name}`),
      sub: msg('停用后设备的令牌立即失效，屏幕会显示已被停用；要再用须重新配对。'),
      fields: [],
      confirm: msg('停用设备'),
      done: msg(str`已停用 ${d.name}`),
      submit: async () => {
        await this.api.post(`/api/devices/${d.id}/revoke`);
        await this.reload();
      },
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'hq-config-devices': ConfigDevices;
  }
}
