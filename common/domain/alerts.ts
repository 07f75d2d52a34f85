/**
 * Alerts for the hall manager (实时提醒): pure, from the state of the hall at a moment. Each alert
 * says what is wrong and what to do about it, in Chinese and English. Thresholds come from
 * settings.alerts. The table of cases is in test/domain/alerts.test.ts.
 *
 *  - wait_over_target: the longest wait of a service is over the target (critical at twice it).
 *  - service_unserved: an enabled service that no open window serves, while tickets wait
 *    (critical) or during its opening hours on a working day (warning).
 *  - window_paused_long: a window paused longer than pauseAlertMinutes.
 *  - device_offline: an active screen not heard from for deviceOfflineSeconds; a network printer
 *    that answered "unreachable" or "no answer" to the server's last question (or went silent),
 *    naming its address (one never asked yet is judged by nothing).
 *  - printer_paper: a printer out of paper (critical) or near its end (info), with the roll's
 *    width; cover open or an error (warning).
 *  - voice_missing: a board with no Chinese voice (calls are captioned and chimed, not spoken).
 *  - bad_rating: a 差评 case opened and not yet taken up; case_overdue: past its deadline.
 */
import type { Alert, AlertSeverity } from '../manager-protocol.js';
import type { DeviceKind, DeviceState, WindowStatus } from '../vocabulary.js';
import { isWorkingDay, localTime, withinHours } from './calendar.js';
import type { AlertSettings, CalendarSettings } from './settings.js';

export type { Alert, AlertKind, AlertSeverity } from '../manager-protocol.js';

export interface AlertState {
  now: number;
  timezone: string;
  hallOpeningHours: string;
  settings: { alerts: AlertSettings; calendar: CalendarSettings };
  services: { id: number; name: string; nameEn: string; enabled: boolean; openingHours: string | null }[];
  queues: { serviceId: number; waiting: number; oldestQueuedAt: number | null; openWindows: number }[];
  windows: { id: number; number: string; name: string; status: WindowStatus; pauseReason: string | null; statusChangedAt: number | null }[];
  devices: {
    id: number;
    kind: DeviceKind;
    name: string;
    status: 'pending' | 'active' | 'revoked';
    lastSeenAt: number | null;
    state: DeviceState;
    address: string | null;
    /** A printer placed at a window prints its rating slips. */
    windowId?: number | null;
    /** A printer's paper width (`paperWidth`: 58 or 80). */
    settings?: Record<string, unknown>;
  }[];
  /** Waiting tickets sent to one window (转至指定窗口), counted per window. */
  targeted?: { windowId: number; waiting: number }[];
  /** 差评 cases not closed, with what the manager needs to find them. */
  cases: { id: number; status: string; deadline: string; createdAt: number; ticketNumber: string; windowNumber: string | null }[];
}

const SEVERITY_ORDER: Record<AlertSeverity, number> = { critical: 0, warning: 1, info: 2 };
const KIND_ZH: Partial<Record<DeviceKind, string>> = {
  board: '综合屏',
  window_screen: '窗口屏',
  kiosk: '取号机',
  pad: '评价器',
  printer: '打印机',
};
const KIND_EN: Partial<Record<DeviceKind, string>> = {
  board: 'board',
  window_screen: 'window screen',
  kiosk: 'kiosk',
  pad: 'rating pad',
  printer: 'printer',
};

const mins = (ms: number) => Math.floor(ms / 60_000);

/** More offline devices than this are one alert (a switch or the Wi-Fi is down), naming the first few. */
export const OFFLINE_GROUP_AFTER = 3;

function groupOffline(offline: Alert[], devices: AlertState['devices']): Alert[] {
  if (offline.length <= OFFLINE_GROUP_AFTER) return offline;
  const byId = new Map(devices.map((d) => [d.id, d]));
  const names = offline.map((a) => byId.get(a.subject.id)!.name);
  const shown = names.slice(0, 4);
  const more = names.length - shown.length;
  return [
    {
      id: 'offline:many',
      kind: 'device_offline',
      severity: offline.some((a) => a.severity === 'critical') ? 'critical' : 'warning',
      since: null,
      subject: offline[0]!.subject,
      message: {
        zh: `${offline.length} 台设备离线或从未联网：${shown.join('、')}${more ? ` 等` : ''}。`,
        en: `${offline.length} devices are offline or have never connected: ${shown.join(', ')}${more ? ` and ${more} more` : ''}.`,
      },
      action: {
        zh: '多台设备同时离线时，先检查大厅网络（交换机、路由器、Wi-Fi）和供电；个别设备检查其网线和浏览器。在“设备”中可看到每台的最后联系时间。',
        en: 'When many devices drop at once, check the hall network (switch, router, Wi-Fi) and power first; for single devices, their cable and browser. Devices shows when each was last seen.',
      },
    },
  ];
}

type AlertDevice = AlertState['devices'][number];

/**
 * A network printer's alerts. The server asks printers for their status (with each job and every
 * minute), so "offline" is what the printer last answered, or no answer for longer than the
 * offline time; one that was never asked is judged by nothing yet. Each names the printer and its
 * address and says what to do, then to press 检测 (check) in Devices to confirm. A printer that
 * cannot be reached is always its own alert, never folded into "many devices offline": what it
 * stops (tickets on paper) matters more than the network's story.
 */
function printerAlerts(d: AlertDevice, label: { zh: string; en: string }, silent: boolean): Alert[] {
  const state = d.state ?? {};
  const at = d.address ? { zh: `（${d.address}）`, en: ` (${d.address})` } : { zh: '', en: '' };
  const who = { zh: `${label.zh}${at.zh}`, en: `The ${label.en}${at.en}` };
  // What stops working: a printer at a window prints its rating slips; any other one, tickets.
  const loses = d.windowId
    ? { zh: '评价提示单打不出来', en: 'rating slips cannot be printed' }
    : { zh: '号票改为电子票', en: 'tickets fall back to e-tickets' };
  const confirm = { zh: '然后在“配置 › 设备”中点“检测”确认。', en: 'then press Check in Configuration › Devices to confirm.' };
  const out: Alert[] = [];
  const unreachable = state.online === false || (d.lastSeenAt !== null && silent);
  if (unreachable) {
    const noAnswer = state.online === false && state.problem === 'timeout';
    out.push({
      id: `offline:${d.id}`,
      kind: 'device_offline',
      severity: 'critical',
      since: d.lastSeenAt,
      subject: { type: 'device', id: d.id },
      message: noAnswer
        ? { zh: `${who.zh}连接后不应答，${loses.zh}。`, en: `${who.en} accepts a connection but does not answer; ${loses.en}.` }
        : { zh: `${who.zh}无法连接，${loses.zh}。`, en: `${who.en} cannot be reached; ${loses.en}.` },
      action: noAnswer
        ? {
            zh: `打印机可能卡纸、死机或出错：看它的指示灯，关机十秒再开机；${confirm.zh}`,
            en: `It may be jammed, hung or in an error state: look at its lights and power it off for ten seconds; ${confirm.en}`,
          }
        : {
            zh: `检查打印机电源是否打开、网线是否插好${d.address ? `、它的地址是否仍是 ${d.address}（打印机自检页上有）` : ''}；${confirm.zh}`,
            en: `Check that it is switched on and its network cable is in${d.address ? `, and that its address is still ${d.address} (see its self-test page)` : ''}; ${confirm.en}`,
          },
    });
    return out; // its paper and cover are not known while it cannot be reached
  }
  const width = d.settings?.paperWidth === 58 ? 58 : 80;
  if (state.paper === 'out' || state.paper === 'near_end') {
    const empty = state.paper === 'out';
    out.push({
      id: `paper:${d.id}`,
      kind: 'printer_paper',
      severity: empty ? 'critical' : 'info',
      since: null,
      subject: { type: 'device', id: d.id },
      message: empty
        ? { zh: `${who.zh}缺纸，${loses.zh}。`, en: `${who.en} is out of paper; ${loses.en}.` }
        : { zh: `${who.zh}纸将用完。`, en: `${who.en} is running out of paper.` },
      action: empty
        ? {
            zh: `立即装入一卷 ${width} mm 热敏纸并合上纸仓盖，${confirm.zh}`,
            en: `Load a new ${width} mm thermal roll now and close the cover; ${confirm.en}`,
          }
        : { zh: `准备一卷 ${width} mm 热敏纸，空闲时更换。`, en: `Have a ${width} mm thermal roll ready and change it at a quiet moment.` },
    });
  }
  if (state.coverOpen || state.printerError) {
    out.push({
      id: `printer:${d.id}`,
      kind: 'printer_paper',
      severity: 'warning',
      since: null,
      subject: { type: 'device', id: d.id },
      message: {
        zh: `${who.zh}${state.coverOpen ? '纸仓盖未关' : `故障：${String(state.printerError)}`}，${loses.zh}。`,
        en: `${who.en} ${state.coverOpen ? 'has its cover open' : `reports an error: ${String(state.printerError)}`}; ${loses.en}.`,
      },
      action: {
        zh: `合上纸仓盖；仍报错时关机重启打印机，${confirm.zh}`,
        en: `Close the cover; if the error stays, power the printer off and on, ${confirm.en}`,
      },
    });
  }
  return out;
}

export function computeAlerts(s: AlertState): Alert[] {
  const alerts: Alert[] = [];
  const { alerts: limits, calendar } = s.settings;
  const local = localTime(s.now, s.timezone);
  const workingDay = isWorkingDay(local.date, calendar);
  const queueOf = new Map(s.queues.map((q) => [q.serviceId, q]));

  for (const service of s.services) {
    if (!service.enabled) continue;
    const q = queueOf.get(service.id);
    const waiting = q?.waiting ?? 0;
    const name = { zh: service.name, en: service.nameEn || service.name };
    if (q?.oldestQueuedAt != null && waiting > 0) {
      const waited = mins(s.now - q.oldestQueuedAt);
      if (waited > limits.waitTargetMinutes) {
        alerts.push({
          id: `wait:${service.id}`,
          kind: 'wait_over_target',
          severity: waited >= 2 * limits.waitTargetMinutes ? 'critical' : 'warning',
          since: q.oldestQueuedAt + limits.waitTargetMinutes * 60_000,
          subject: { type: 'service', id: service.id },
          message: {
            zh: `“${name.zh}”最长已等候 ${waited} 分钟（目标 ${limits.waitTargetMinutes} 分钟），${waiting} 人在等。`,
            en: `"${name.en}": the longest wait is ${waited} min (target ${limits.waitTargetMinutes} min), ${waiting} waiting.`,
          },
          action: {
            zh:
              q.openWindows === 0
                ? '开放一个办理此事项的窗口，或在“窗口调度”中把它分配给开放的窗口。'
                : '再开放一个办理此事项的窗口，或让综合窗口优先办理此事项（窗口调度中调到第一顺位）。',
            en:
              q.openWindows === 0
                ? 'Open a window that serves it, or assign it to an open window in Reassignment.'
                : 'Open another window for it, or move it to the first place of a comprehensive window in Reassignment.',
          },
        });
      }
    }
    if ((q?.openWindows ?? 0) === 0) {
      const inHours = workingDay && withinHours(service.openingHours ?? s.hallOpeningHours, local.minutes);
      if (waiting > 0 || inHours) {
        alerts.push({
          id: `unserved:${service.id}`,
          kind: 'service_unserved',
          severity: waiting > 0 ? 'critical' : 'warning',
          since: null,
          subject: { type: 'service', id: service.id },
          message: {
            zh: `“${name.zh}”没有开放的窗口办理${waiting > 0 ? `，${waiting} 人在等` : ''}。`,
            en: `No open window serves "${name.en}"${waiting > 0 ? `; ${waiting} waiting` : ''}.`,
          },
          action: {
            zh: '在“窗口调度”中把此事项分配给一个开放的窗口，或开放一个能办理它的窗口；不再办理时在配置中停用此事项。',
            en: 'Assign it to an open window in Reassignment, or open a window that serves it; disable the service if it is not offered today.',
          },
        });
      }
    }
  }

  for (const w of s.windows) {
    if (w.status !== 'paused' || w.statusChangedAt === null) continue;
    const paused = mins(s.now - w.statusChangedAt);
    if (paused < limits.pauseAlertMinutes) continue;
    const reason = w.pauseReason ? { zh: `（${w.pauseReason}）`, en: ` (${w.pauseReason})` } : { zh: '', en: '' };
    alerts.push({
      id: `paused:${w.id}`,
      kind: 'window_paused_long',
      severity: 'warning',
      since: w.statusChangedAt + limits.pauseAlertMinutes * 60_000,
      subject: { type: 'window', id: w.id },
      message: {
        zh: `${w.number}号窗口已暂停 ${paused} 分钟${reason.zh}。`,
        en: `Window ${w.number} has been paused for ${paused} min${reason.en}.`,
      },
      action: {
        zh: '联系窗口人员恢复服务，或安排AB角顶岗；短时无法恢复时把它的事项调给其他窗口。',
        en: 'Ask the clerk to resume, or let the backup (AB角) take over; if it stays paused, give its services to other windows.',
      },
    });
  }

  // Tickets sent to a window that is closed: only that window may call them, so nobody will.
  const windowById = new Map(s.windows.map((w) => [w.id, w]));
  for (const { windowId, waiting } of s.targeted ?? []) {
    const w = windowById.get(windowId);
    if (!w || w.status !== 'closed' || waiting === 0) continue;
    alerts.push({
      id: `stranded:${w.id}`,
      kind: 'window_tickets_stranded',
      severity: 'critical',
      since: null,
      subject: { type: 'window', id: w.id },
      message: {
        zh: `${waiting} 张号票指定到 ${w.number}号窗口，但该窗口已关闭，没有人会叫到它们。`,
        en: `${waiting} waiting ticket(s) were sent to window ${w.number}, which is closed: nobody will call them.`,
      },
      action: {
        zh: '开放该窗口，或在“事项排队”中把这些号票移到其他窗口或事项。',
        en: 'Open the window, or move these tickets to another window or service from the queues.',
      },
    });
  }

  const offline: Alert[] = [];
  for (const d of s.devices) {
    if (d.status !== 'active') continue;
    const label = { zh: `${KIND_ZH[d.kind] ?? d.kind}“${d.name}”`, en: `${KIND_EN[d.kind] ?? d.kind} "${d.name}"` };
    const silentMs = d.lastSeenAt === null ? Infinity : s.now - d.lastSeenAt;
    const state = d.state ?? {};
    if (d.kind === 'printer') {
      alerts.push(...printerAlerts(d, label, silentMs > limits.deviceOfflineSeconds * 1000));
      continue;
    }
    if (silentMs > limits.deviceOfflineSeconds * 1000) {
      offline.push({
        id: `offline:${d.id}`,
        kind: 'device_offline',
        severity: d.kind === 'kiosk' ? 'critical' : 'warning',
        since: d.lastSeenAt,
        subject: { type: 'device', id: d.id },
        message: {
          zh: d.lastSeenAt === null ? `${label.zh}从未联网。` : `${label.zh}已离线 ${mins(silentMs)} 分钟。`,
          en:
            d.lastSeenAt === null ? `The ${label.en} has never connected.` : `The ${label.en} has been offline for ${mins(silentMs)} min.`,
        },
        action: {
          zh: '检查设备电源和网络（网线、Wi-Fi），必要时重启浏览器；恢复联网后会自动重连并显示最新状态。',
          en: 'Check its power and network (cable, Wi-Fi) and restart its browser if needed; it reconnects and catches up by itself.',
        },
      });
    }
    if (d.kind === 'kiosk' && (state.paper === 'out' || state.paper === 'near_end')) {
      const out = state.paper === 'out';
      alerts.push({
        id: `paper:${d.id}`,
        kind: 'printer_paper',
        severity: out ? 'critical' : 'info',
        since: null,
        subject: { type: 'device', id: d.id },
        message: {
          zh: `${label.zh}${out ? '缺纸，号票改为电子票' : '纸将用完'}。`,
          en: `The ${label.en} is ${out ? 'out of paper; tickets fall back to e-tickets' : 'running out of paper'}.`,
        },
        action: {
          zh: out ? '立即更换热敏纸卷。' : '准备一卷热敏纸，空闲时更换。',
          en: out ? 'Load a new thermal paper roll now.' : 'Have a thermal roll ready and change it at a quiet moment.',
        },
      });
    }
    if (d.kind === 'board' && state.voiceMissing) {
      alerts.push({
        id: `voice:${d.id}`,
        kind: 'voice_missing',
        severity: 'warning',
        since: null,
        subject: { type: 'device', id: d.id },
        message: {
          zh: `${label.zh}没有中文语音，叫号只显示和提示音，不播报。`,
          en: `The ${label.en} has no Chinese voice: calls are shown and chimed, not spoken.`,
        },
        action: {
          zh: '在该屏的系统中安装中文（普通话）语音包并打开声音，然后刷新页面。',
          en: 'Install a Chinese (Mandarin) voice on that screen, turn its sound on, then reload the page.',
        },
      });
    }
  }

  alerts.push(...groupOffline(offline, s.devices));

  for (const c of s.cases) {
    const where = c.windowNumber ? { zh: `${c.windowNumber}号窗口`, en: `window ${c.windowNumber}` } : { zh: '', en: '' };
    if (c.status !== 'closed' && local.date > c.deadline) {
      alerts.push({
        id: `overdue:${c.id}`,
        kind: 'case_overdue',
        severity: 'warning',
        since: null,
        subject: { type: 'case', id: c.id },
        message: {
          zh: `差评整改已逾期（期限 ${c.deadline}）：${where.zh}${c.ticketNumber}。`,
          en: `A bad-rating case is overdue (due ${c.deadline}): ${c.ticketNumber}${where.en ? ` at ${where.en}` : ''}.`,
        },
        action: {
          zh: '在“差评整改”中尽快完成整改、答复和回访并办结。',
          en: 'Finish its rectification, reply and follow-up call in Cases, then close it.',
        },
      });
    } else if (c.status === 'open') {
      alerts.push({
        id: `bad:${c.id}`,
        kind: 'bad_rating',
        severity: 'info',
        since: c.createdAt,
        subject: { type: 'case', id: c.id },
        message: {
          zh: `新差评：${where.zh}${c.ticketNumber}，须在 ${c.deadline} 前办结。`,
          en: `New bad rating: ${c.ticketNumber}${where.en ? ` at ${where.en}` : ''}, to be closed by ${c.deadline}.`,
        },
        action: {
          zh: '在“差评整改”中查看原因，联系当事人开始整改。',
          en: 'Read its reasons in Cases and start the rectification with the clerk.',
        },
      });
    }
  }

  return alerts.sort(
    (a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || (a.since ?? 0) - (b.since ?? 0) || a.id.localeCompare(b.id),
  );
}
