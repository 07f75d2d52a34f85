/**
 * Words the manager console shows for the domain's codes (window modes, roles, device kinds,
 * case statuses, audit events …), in the screen's language. Ticket and window words come from
 * the clerk console's labels.
 */
import { msg, str } from '@lit/localize';
import type { AuditEntry, CaseView } from '../../common/manager-protocol.js';
import type { AppealStatus, BookingStatus, CaseStatus, DeviceKind, PriorityKind, Role, WindowMode } from '../../common/vocabulary.js';
import { getLocale } from '../../common/ui/i18n.js';
import { priorityLabel } from '../clerk/labels.js';

export const isEnglish = (): boolean => getLocale() === 'en';

/** A name in the screen's language (the English one when there is one). */
export const named = (x: { name: string; nameEn?: string } | undefined | null): string =>
  !x ? '' : isEnglish() && x.nameEn ? x.nameEn : x.name;

export function modeLabel(mode: WindowMode): string {
  switch (mode) {
    case 'specialist':
      return msg('专窗');
    case 'zone':
      return msg('分领域综合窗口');
    case 'hall':
      return msg('无差别综合窗口');
  }
}

export function roleLabel(role: Role): string {
  switch (role) {
    case 'clerk':
      return msg('窗口人员');
    case 'manager':
      return msg('大厅管理员');
    case 'admin':
      return msg('系统管理员');
  }
}

export function deviceKindLabel(kind: DeviceKind): string {
  switch (kind) {
    case 'board':
      return msg('综合屏');
    case 'window_screen':
      return msg('窗口屏');
    case 'kiosk':
      return msg('取号机');
    case 'pad':
      return msg('评价器');
    case 'printer':
      return msg('打印机');
  }
}

export function zoneKindLabel(kind: string): string {
  switch (kind) {
    case 'theme':
      return msg('主题服务区');
    case 'professional':
      return msg('专业服务区');
    case 'special':
      return msg('特色窗口');
    default:
      return kind;
  }
}

/** A ticket's priority in words: the clerk console's, and 普通 for a normal ticket. */
export const priorityKindLabel = (p: PriorityKind): string => priorityLabel(p) ?? msg('普通');

export function caseStatusLabel(s: CaseStatus): string {
  switch (s) {
    case 'open':
      return msg('待整改');
    case 'rectifying':
      return msg('整改中');
    case 'replied':
      return msg('已答复');
    case 'followed_up':
      return msg('已回访');
    case 'closed':
      return msg('已结案');
  }
}

/** The button that takes a case to its next status. */
export function caseActionLabel(a: NonNullable<CaseView['nextAction']>): string {
  switch (a) {
    case 'rectify':
      return msg('开始整改');
    case 'reply':
      return msg('答复群众');
    case 'follow_up':
      return msg('完成回访');
    case 'close':
      return msg('结案');
  }
}

export function caseStepLabel(action: string): string {
  switch (action) {
    case 'rectify':
    case 'reply':
    case 'follow_up':
    case 'close':
      return caseActionLabel(action);
    case 'appeal':
      return msg('提出申诉');
    case 'appeal_approved':
      return msg('申诉通过');
    case 'appeal_rejected':
      return msg('申诉驳回');
    default:
      return action;
  }
}

export function appealLabel(s: AppealStatus): string {
  switch (s) {
    case 'none':
      return '';
    case 'pending':
      return msg('申诉审核中');
    case 'approved':
      return msg('申诉已通过');
    case 'rejected':
      return msg('申诉已驳回');
  }
}

export const appealKindLabel = (k: 'mistaken' | 'malicious' | null): string =>
  k === 'mistaken' ? msg('误评') : k === 'malicious' ? msg('恶意差评') : '';

export function ratingLevelLabel(level: number): string {
  switch (level) {
    case 5:
      return msg('非常满意');
    case 4:
      return msg('满意');
    case 3:
      return msg('基本满意');
    case 2:
      return msg('不满意');
    default:
      return msg('非常不满意');
  }
}

/** What an audit entry is, in a few words. */
export function auditAction(e: AuditEntry): string {
  const d = e.data;
  switch (e.type) {
    case 'window:status':
      return d.to === 'open' ? msg('开始服务') : d.to === 'paused' ? msg('暂停服务') : msg('结束服务');
    case 'window:services':
      return msg(str`调整办理事项（${modeLabel((d.mode as WindowMode) ?? 'specialist')}）`);
    case 'window:clerk':
      return d.action === 'assigned'
        ? msg('安排人员')
        : d.action === 'backup_set'
          ? msg('设置AB角')
          : d.action === 'sign_in'
            ? msg('人员签到')
            : msg('人员签退');
    case 'window:updated':
      return msg('修改窗口');
    case 'hall:notice':
      return msg('修改大厅公告');
    case 'hall:updated': {
      const entity =
        d.entity === 'service'
          ? msg('事项')
          : d.entity === 'zone'
            ? msg('服务区')
            : d.entity === 'settings'
              ? msg('设置')
              : msg('大厅信息');
      return d.action === 'created' ? msg(str`新增${entity}`) : d.action === 'removed' ? msg(str`删除${entity}`) : msg(str`修改${entity}`);
    }
    case 'config:changed':
      if (d.what === 'appointment_slot')
        return d.action === 'created' ? msg('新增预约时段') : d.action === 'deleted' ? msg('删除预约时段') : msg('修改预约时段');
      return d.action === 'created'
        ? msg('新增人员账号')
        : d.action === 'disabled'
          ? msg('停用人员账号')
          : d.action === 'enabled'
            ? msg('启用人员账号')
            : d.action === 'password_reset'
              ? msg('重置密码')
              : msg('修改人员账号');
    case 'device:updated':
      return d.action === 'approved'
        ? msg('批准设备配对')
        : d.action === 'revoked'
          ? msg('停用设备')
          : d.action === 'added'
            ? msg('添加打印机')
            : msg('修改设备');
    case 'case:updated':
      return msg(str`差评整改：${caseStepLabel(String(d.action))}`);
    case 'ticket:called':
      return msg('非顺序叫号');
    case 'ticket:cancelled':
      return msg('取消号票');
    case 'ticket:transferred':
      return msg('转移号票');
    case 'ticket:issued':
      return msg('取号', { id: 'stat-issued' });
    default:
      return e.type;
  }
}

/** The thing an audit entry is about: a ticket number, a window, a service, a person. */
export function auditSubject(e: AuditEntry, windowNumber: (id: number) => string | null): string {
  const d = e.data;
  const parts: string[] = [];
  if (typeof d.number === 'string') parts.push(d.number);
  const w = e.windowId !== null ? windowNumber(e.windowId) : null;
  if (w) parts.push(msg(str`${w}号窗口`));
  if (typeof d.name === 'string' && d.name) parts.push(d.name);
  if (typeof d.section === 'string') parts.push(settingsSectionLabel(d.section));
  if (typeof d.notice === 'string') parts.push(`“${d.notice.slice(0, 30)}”`);
  if (d.what === 'appointment_slot' && typeof d.weekday === 'number')
    parts.push(`${weekdayName(d.weekday)} ${String(d.start)}–${String(d.end)}`);
  if (e.type === 'device:updated' && typeof d.kind === 'string' && typeof d.name !== 'string')
    parts.push(`${deviceKindLabel(d.kind as DeviceKind)} #${typeof d.deviceId === 'number' ? d.deviceId : ''}`);
  return parts.join(' · ');
}

export function settingsSectionLabel(section: string): string {
  switch (section) {
    case 'voice':
      return msg('语音播报');
    case 'fairness':
      return msg('叫号规则');
    case 'rating':
      return msg('评价设置');
    case 'calendar':
      return msg('工作日历');
    case 'alerts':
      return msg('提醒阈值');
    case 'issuing':
      return msg('取号规则');
    default:
      return section;
  }
}

/** "12 分钟" / "1 小时 5 分钟" */
export function minutesText(minutes: number): string {
  if (minutes < 60) return msg(str`${minutes} 分钟`);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m ? msg(str`${h} 小时 ${m} 分钟`) : msg(str`${h} 小时`);
}

/** 1 = Monday … 7 = Sunday. */
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
export const weekdayName = (d: number): string =>
  [msg('周一'), msg('周二'), msg('周三'), msg('周四'), msg('周五'), msg('周六'), msg('周日')][d - 1] ?? String(d);

export function bookingStatusLabel(s: BookingStatus): string {
  switch (s) {
    case 'booked':
      return msg('已预约');
    case 'checked_in':
      return msg('已签到');
    case 'cancelled':
      return msg('已取消');
    case 'no_show':
      return msg('未到（爽约）');
    case 'hall_closed':
      return msg('大厅停办取消');
  }
}

/** What a visitor notification was. */
export function notificationKindLabel(kind: string): string {
  switch (kind) {
    case 'booking_confirmed':
      return msg('预约成功');
    case 'booking_reminder':
      return msg('预约提醒');
    case 'booking_closed':
      return msg('停办取消');
    case 'ticket_near':
      return msg('即将叫到');
    case 'ticket_called':
      return msg('已叫号');
    default:
      return kind;
  }
}

export function notificationStatusLabel(status: string): string {
  switch (status) {
    case 'sent':
      return msg('已发出');
    case 'failed':
      return msg('发送失败');
    case 'skipped':
      return msg('未发送');
    default:
      return status;
  }
}

/** Why a print did not come out, in words a manager can act on. */
export function printProblemLabel(problem: string | null): string {
  switch (problem) {
    case null:
      return '';
    case 'paper_out':
      return msg('缺纸：装入新纸卷后再试');
    case 'cover_open':
      return msg('纸仓盖未关：合上后再试');
    case 'printer_error':
      return msg('打印机故障：关机重启后再试');
    case 'offline':
      return msg('无法连接打印机：检查电源、网线和地址');
    case 'timeout':
      return msg('打印机不应答：可能卡纸或死机，重启后再试');
    case 'expired':
      return msg('排队等打印太久，已放弃：稍后再试');
    case 'no_printer':
      return msg('没有可用的打印机：请选择一台');
    default:
      return problem;
  }
}

/** A screen's language setting. */
export const languageLabel = (language: string | undefined | null): string =>
  language === 'en' ? 'English' : language === 'zh-CN' ? msg('中文') : msg('默认（中文）');

/** A configuration field's name, as the console's forms call it (the audit log's "field: old → new"). */
export function fieldLabel(key: string): string {
  const labels: Record<string, () => string> = {
    name: () => msg('名称'),
    nameEn: () => msg('英文名称'),
    prefix: () => msg('号码字头'),
    zoneId: () => msg('服务区'),
    dailyQuota: () => msg('每日号源'),
    openingHours: () => msg('办理时间'),
    expectedMinutes: () => msg('预计办理时长（分钟）'),
    enabled: () => msg('启用', { id: 'state-enabled' }),
    sortOrder: () => msg('排序'),
    number: () => msg('窗口号'),
    kind: () => msg('类型'),
    notice: () => msg('大厅公告'),
    displayName: () => msg('姓名'),
    staffNo: () => msg('工号'),
    roles: () => msg('角色'),
    windowIds: () => msg('可登录窗口'),
  };
  return labels[key]?.() ?? key;
}
