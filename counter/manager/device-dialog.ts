/**
 * The one dialog for changing a device, offering what applies to its kind (the table in
 * common/device-fields.ts, which the server checks by too), and the dialog that adds a network
 * printer. A change goes where that setting lives:
 *  - name, window, a board's zone, a kiosk's printer: the device's binding, with a reason for the
 *    audit log (PUT /api/halls/:hallId/devices/:deviceId) — the only place a board's zone is set;
 *  - language and silent mode: the screen's settings (PUT /api/devices/:deviceId/settings);
 *  - a printer's name, address, paper width and window: PUT /api/printers/:printerId.
 * The device hears its change at once (a board moved to another zone reconnects to it).
 */
import { msg, str } from '@lit/localize';
import { DEVICE_FIELDS } from '../../common/device-fields.js';
import type { ConfigView, DeviceConfig } from '../../common/manager-protocol.js';
import type { ApiClient } from '../../common/ui/api.js';
import type { Dialogs } from './dialogs.js';
import type { FieldSpec, FormValues } from './form-dialog.js';
import { deviceKindLabel, named } from './labels.js';

export interface DeviceDialogContext {
  api: ApiClient;
  dialogs: Dialogs;
  config: ConfigView;
  reload(): Promise<void>;
}

const idOrNull = (v: unknown): number | null => (v === '' || v === null || v === undefined ? null : Number(v));

/** The window choices; `none` labels the empty choice (null when a window must be chosen). */
function windowOptions(config: ConfigView, none: string | null) {
  const windows = config.windows
    .filter((w) => w.enabled)
    .map((w) => ({ value: String(w.id), label: msg(str`${w.number}号窗口`) + ` · ${w.name}` }));
  return none === null ? [{ value: '', label: msg('请选择') }, ...windows] : [{ value: '', label: none }, ...windows];
}

/** The printers a kiosk can print on. */
export const activePrinters = (config: ConfigView): DeviceConfig[] =>
  config.devices.filter((d) => d.kind === 'printer' && d.status === 'active');

/** A printer select's choices: the empty one labelled `none`, then each printer by name and address. */
export function printerOptions(printers: readonly DeviceConfig[], none: string): { value: string; label: string }[] {
  return [{ value: '', label: none }, ...printers.map((p) => ({ value: String(p.id), label: `${p.name}（${p.address ?? ''}）` }))];
}

function printerFields(config: ConfigView): FieldSpec[] {
  return [
    { name: 'name', label: msg('名称'), kind: 'text', required: true, maxLength: 60, placeholder: msg('例如：入口取号机打印机') },
    {
      name: 'address',
      label: msg('地址'),
      kind: 'text',
      required: true,
      maxLength: 100,
      placeholder: '192.168.1.50:9100',
      hint: msg('打印机的 IP 地址，端口不填为 9100'),
    },
    {
      name: 'paperWidth',
      label: msg('纸宽'),
      kind: 'select',
      options: [
        { value: '80', label: msg('80 mm（常见）') },
        { value: '58', label: '58 mm' },
      ],
    },
    {
      name: 'windowId',
      label: msg('放在窗口（打印评价提示单）'),
      kind: 'select',
      options: windowOptions(config, msg('不放在窗口（取号机、导办台用）')),
      hint: msg('放在某个窗口的打印机，在该窗口办结时打印评价提示单'),
    },
  ];
}

/** Adds a network printer (ESC/POS on the hall's LAN, raw TCP port 9100). */
export function openAddPrinter(ctx: DeviceDialogContext): void {
  ctx.dialogs.open({
    heading: msg('添加网络打印机'),
    sub: msg('热敏打印机（ESC/POS）接在大厅局域网上；添加后在取号机上选择它，或放在窗口打印评价提示单。添加后点“检测”确认能连上。'),
    fields: printerFields(ctx.config),
    values: { name: '', address: '', paperWidth: '80', windowId: '' },
    confirm: msg('添加'),
    done: msg('打印机已添加'),
    submit: async (v) => {
      await ctx.api.post(`/api/halls/${ctx.config.hall.id}/printers`, {
        name: String(v.name).trim(),
        address: String(v.address).trim(),
        paperWidth: Number(v.paperWidth),
        windowId: idOrNull(v.windowId),
      });
      await ctx.reload();
    },
  });
}

/** The dialog for one device, with the fields its kind has. */
export function openDeviceDialog(ctx: DeviceDialogContext, d: DeviceConfig): void {
  const c = ctx.config;
  const applies = DEVICE_FIELDS[d.kind];
  if (applies.network) return openPrinterDialog(ctx, d);
  const fields: FieldSpec[] = [{ name: 'name', label: msg('名称'), kind: 'text', required: true, maxLength: 60 }];
  if (applies.window)
    fields.push({
      name: 'windowId',
      label: msg('所在窗口'),
      kind: 'select',
      options: windowOptions(c, applies.window === 'required' ? null : msg('不在窗口')),
      required: applies.window === 'required',
    });
  if (applies.zone)
    fields.push({
      name: 'zoneId',
      label: msg('显示的服务区'),
      kind: 'select',
      options: [{ value: '', label: msg('整个大厅') }, ...c.zones.map((z) => ({ value: String(z.id), label: named(z) }))],
      hint: msg('只显示和播报这个服务区的叫号'),
    });
  if (applies.printer) {
    fields.push({
      name: 'printerId',
      label: msg('号票打印机'),
      kind: 'select',
      options: printerOptions(activePrinters(c), msg('不打印（电子票）')),
    });
  }
  if (applies.language) {
    fields.push({
      name: 'language',
      label: msg('屏幕语言'),
      kind: 'select',
      options: [
        { value: '', label: msg('默认（中文）') },
        { value: 'zh-CN', label: msg('中文') },
        { value: 'en', label: 'English' },
      ],
    });
  }
  if (applies.silent) fields.push({ name: 'silent', label: msg('静音：只显示叫号，不播放提示音和语音'), kind: 'checkbox', wide: true });
  fields.push({ name: 'reason', label: msg('原因（记入审计日志）'), kind: 'text', maxLength: 200, wide: true });

  const language = d.settings.language === 'en' || d.settings.language === 'zh-CN' ? d.settings.language : '';
  const before: FormValues = {
    name: d.name,
    windowId: d.windowId ? String(d.windowId) : '',
    zoneId: d.zoneId ? String(d.zoneId) : '',
    printerId: d.printerId ? String(d.printerId) : '',
    language,
    silent: d.settings.silent === true,
  };
  ctx.dialogs.open({
    heading: msg(str`${deviceKindLabel(d.kind)}：${d.name}`),
    sub: msg('保存后设备立即生效，无需刷新：综合屏换服务区后会重新连接并只显示该服务区。'),
    fields,
    values: { ...before, reason: '' },
    confirm: msg('保存'),
    done: msg('设备已保存，设备已立即生效'),
    submit: async (v) => {
      const changed = (k: string) => fields.some((f) => f.name === k) && String(v[k] ?? '') !== String(before[k] ?? '');
      const binding: Record<string, unknown> = {};
      if (changed('name')) binding.name = String(v.name).trim();
      for (const k of ['windowId', 'zoneId', 'printerId']) if (changed(k)) binding[k] = idOrNull(v[k]);
      const settings: Record<string, unknown> = {};
      if (changed('language')) settings.language = v.language ? v.language : null;
      if (changed('silent')) settings.silent = Boolean(v.silent);
      if (Object.keys(binding).length)
        await ctx.api.put(`/api/halls/${c.hall.id}/devices/${d.id}`, { ...binding, reason: String(v.reason ?? '').trim() || undefined });
      if (Object.keys(settings).length) await ctx.api.put(`/api/devices/${d.id}/settings`, settings);
      await ctx.reload();
    },
  });
}

function openPrinterDialog(ctx: DeviceDialogContext, p: DeviceConfig): void {
  const before: FormValues = {
    name: p.name,
    address: p.address ?? '',
    paperWidth: String(p.settings.paperWidth === 58 ? 58 : 80),
    windowId: p.windowId ? String(p.windowId) : '',
  };
  ctx.dialogs.open({
    heading: msg(str`打印机：${p.name}`),
    sub: msg('换了打印机或它的地址后，点“检测”确认能连上。'),
    fields: printerFields(ctx.config),
    values: before,
    confirm: msg('保存'),
    done: msg('打印机已保存'),
    submit: async (v) => {
      const body: Record<string, unknown> = {};
      if (String(v.name).trim() !== before.name) body.name = String(v.name).trim();
      if (String(v.address).trim() !== before.address) body.address = String(v.address).trim();
      if (String(v.paperWidth) !== before.paperWidth) body.paperWidth = Number(v.paperWidth);
      if (String(v.windowId ?? '') !== before.windowId) body.windowId = idOrNull(v.windowId);
      if (Object.keys(body).length) await ctx.api.put(`/api/printers/${p.id}`, body);
      await ctx.reload();
    },
  });
}
