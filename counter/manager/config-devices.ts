import { localized, msg, str } from '@lit/localize';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { ConfigView, DeviceConfig } from '../../common/manager-protocol.js';
import { errorMessage, type ApiClient } from '../../common/ui/api.js';
import { getLocale } from '../../common/ui/i18n.js';
import { toast } from './act.js';
import { Dialogs } from './dialogs.js';
import type { FieldSpec, FormValues } from './form-dialog.js';
import { deviceKindLabel, named } from './labels.js';
import { viewStyles } from './styles.js';

/**
 * 设备: approve the six-digit code a new screen shows (and say where it belongs: a window screen
 * or pad to its window, a board to a zone, a kiosk to its printer), rename and re-bind devices,
 * add a network printer by its address, revoke a device. Online state, paper and voice come from
 * the devices' heartbeats.
 */
@localized()
@customElement('hq-config-devices')
export class ConfigDevices extends LitElement {
  @property({ attribute: false }) config!: ConfigView;
  @property({ attribute: false }) api!: ApiClient;
  @property({ attribute: false }) reload: () => Promise<void> = async () => {};

  @state() private code = '';
  @state() private error = '';
  @state() private busy = false;
  private readonly dialogs = new Dialogs(this);
  @state() private pairingValues: FormValues = {};

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
    `,
  ];

  private get offlineSeconds(): number {
    return Number(this.config.settings.alerts?.deviceOfflineSeconds ?? 90);
  }

  override render() {
    const devices = this.config.devices.filter((d) => d.status !== 'revoked');
    const revoked = this.config.devices.length - devices.length;
    const pending = devices.filter((d) => d.status === 'pending');
    return html`${this.renderPairing(pending)}
      <div class="toolbar">
        <h2>${msg('已配对设备')}</h2>
        <span class="muted">${revoked ? msg(str`另有 ${revoked} 台已停用`) : ''}</span>
        <span class="spacer"></span>
        <button class="btn" @click=${this.addPrinter}>${msg('添加网络打印机')}</button>
      </div>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th>${msg('设备')}</th>
              <th>${msg('类型')}</th>
              <th>${msg('绑定')}</th>
              <th>${msg('状态')}</th>
              <th>${msg('最后联系')}</th>
              <th></th>
            </tr>
          </thead>
          <tbody>
            ${devices.filter((d) => d.status === 'active').map((d) => this.renderDevice(d))}
          </tbody>
        </table>
      </div>
      ${this.dialogs.render()}`;
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
        ${pending.length
          ? html`<p class="hint-line">${msg('等待批准')}：</p>
              <div class="pending">${pending.map((d) => html`<span class="pill info">${deviceKindLabel(d.kind)} ${d.pairingCode}</span>`)}</div>`
          : nothing}
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
    const windows = c.windows.filter((w) => w.enabled).map((w) => ({ value: String(w.id), label: msg(str`${w.number}号窗口`) }));
    const fields: (FieldSpec & { kind: 'select' | 'text' })[] = [];
    if (withName) fields.push({ name: 'name', label: msg('名称'), kind: 'text', maxLength: 60 });
    if (!kind || kind === 'window_screen' || kind === 'pad') fields.push({ name: 'windowId', label: msg('所在窗口'), kind: 'select', options: [{ value: '', label: msg('请选择') }, ...windows] });
    if (!kind || kind === 'board') fields.push({ name: 'zoneId', label: msg('显示的服务区'), kind: 'select', options: [{ value: '', label: msg('整个大厅') }, ...c.zones.map((z) => ({ value: String(z.id), label: named(z) }))] });
    if (!kind || kind === 'kiosk') {
      const printers = c.devices.filter((d) => d.kind === 'printer' && d.status === 'active');
      fields.push({ name: 'printerId', label: msg('号票打印机'), kind: 'select', options: [{ value: '', label: msg('不打印（电子票）') }, ...printers.map((p) => ({ value: String(p.id), label: `${p.name} (${p.address ?? ''})` }))] });
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

  private renderDevice(d: DeviceConfig) {
    const c = this.config;
    const online = d.lastSeenAt !== null && Date.now() - d.lastSeenAt <= this.offlineSeconds * 1000;
    const printerWithoutHeartbeat = d.kind === 'printer' && d.lastSeenAt === null;
    const binding = [
      d.windowId ? msg(str`${c.windows.find((w) => w.id === d.windowId)?.number ?? '?'}号窗口`) : '',
      d.kind === 'board' ? (d.zoneId ? named(c.zones.find((z) => z.id === d.zoneId)) : msg('整个大厅')) : '',
      d.printerId ? `${msg('打印机')} ${c.devices.find((p) => p.id === d.printerId)?.name ?? ''}` : '',
      d.address ?? '',
    ].filter(Boolean);
    const st = d.state ?? {};
    return html`<tr data-device=${d.id}>
      <td>${d.name}</td>
      <td>${deviceKindLabel(d.kind)}</td>
      <td class="muted">${binding.join(' · ') || '—'}</td>
      <td>
        <div class="state">
        ${printerWithoutHeartbeat ? html`<span class="pill">${msg('网络打印')}</span>` : online ? html`<span class="pill ok">${msg('在线')}</span>` : html`<span class="pill danger">${msg('离线')}</span>`}
        ${st.paper === 'out' ? html`<span class="pill danger">${msg('缺纸')}</span>` : st.paper === 'near_end' ? html`<span class="pill warn">${msg('纸将用完')}</span>` : nothing}
        ${st.voiceMissing ? html`<span class="pill warn">${msg('无中文语音')}</span>` : nothing}
        </div>
      </td>
      <td class="muted num">${d.lastSeenAt ? new Date(d.lastSeenAt).toLocaleString(getLocale() === 'en' ? 'en-GB' : 'zh-CN', { hour12: false }) : msg('从未')}</td>
      <td class="n">
        <button class="btn small" @click=${() => this.edit(d)}>${msg('修改')}</button>
        <button class="btn small danger" @click=${() => this.revoke(d)}>${msg('停用')}</button>
      </td>
    </tr>`;
  }

  private edit(d: DeviceConfig) {
    const fields = this.bindingFields(d.kind, true).filter((f) => d.kind !== 'printer' || f.name === 'name');
    this.dialogs.open({
      heading: msg(str`修改${deviceKindLabel(d.kind)}：${d.name}`),
      fields: [...fields, { name: 'reason', label: msg('原因（记入审计日志）'), kind: 'text', maxLength: 200, wide: true }],
      values: { name: d.name, windowId: d.windowId ? String(d.windowId) : '', zoneId: d.zoneId ? String(d.zoneId) : '', printerId: d.printerId ? String(d.printerId) : '', reason: '' },
      done: msg('设备已保存'),
      submit: async (v) => {
        const id = (k: string) => (v[k] ? Number(v[k]) : null);
        await this.api.put(`/api/halls/${this.config.hall.id}/devices/${d.id}`, {
          name: String(v.name ?? ''),
          ...(fields.some((f) => f.name === 'windowId') ? { windowId: id('windowId') } : {}),
          ...(fields.some((f) => f.name === 'zoneId') ? { zoneId: id('zoneId') } : {}),
          ...(fields.some((f) => f.name === 'printerId') ? { printerId: id('printerId') } : {}),
          reason: String(v.reason ?? '').trim() || undefined,
        });
        await this.reload();
      },
    });
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

  private readonly addPrinter = () => {
    this.dialogs.open({
      heading: msg('添加网络打印机'),
      sub: msg('热敏打印机（ESC/POS）接在大厅局域网上，填写它的 IP 地址；添加后在取号机上选择它。'),
      fields: [
        { name: 'name', label: msg('名称'), kind: 'text', required: true, maxLength: 60, placeholder: msg('例如：入口取号机打印机') },
        { name: 'address', label: msg('地址'), kind: 'text', required: true, maxLength: 100, placeholder: '192.168.1.50:9100', hint: msg('端口不填为 9100') },
      ],
      confirm: msg('添加'),
      done: msg('打印机已添加'),
      submit: async (v) => {
        await this.api.post(`/api/halls/${this.config.hall.id}/printers`, { name: String(v.name), address: String(v.address) });
        await this.reload();
      },
    });
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'hq-config-devices': ConfigDevices;
  }
}
