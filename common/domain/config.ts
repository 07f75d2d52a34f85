/**
 * Validation of the hall's configuration (配置): services, zones, windows, staff accounts,
 * network printers and the settings sections. Pure: each check returns the value as it will be
 * stored (trimmed, normalized) or throws a 400 DomainError that names the field and says what
 * is expected, in Chinese and English. Checks that need the database (a name already taken, a
 * window still serving) live in the config service.
 */
import { ROLES, type Role } from '../vocabulary.js';
import { isValidDate, parseHours } from './calendar.js';
import { DomainError } from './errors.js';
import type {
  AlertSettings,
  AppointmentSettings,
  CalendarSettings,
  FairnessSettings,
  HallSettings,
  IssuingSettings,
  RatingSettings,
  VoiceSettings,
} from './settings.js';

const invalid = (field: string, zh: string, en: string) => new DomainError(400, 'invalid_config', zh, en, { field });

function text(field: string, labelZh: string, labelEn: string, value: unknown, { min = 1, max }: { min?: number; max: number }): string {
  const s = typeof value === 'string' ? value.trim() : '';
  if (s.length < min) throw invalid(field, `请填写${labelZh}。`, `Enter the ${labelEn}.`);
  if ([...s].length > max) throw invalid(field, `${labelZh}不能超过 ${max} 个字。`, `The ${labelEn} can be at most ${max} characters.`);
  return s;
}

function int(field: string, labelZh: string, labelEn: string, value: unknown, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw invalid(field, `${labelZh}应为 ${min} 到 ${max} 之间的整数。`, `The ${labelEn} must be a whole number from ${min} to ${max}.`);
  }
  return value;
}

export function checkHours(field: string, value: string): string {
  const ranges = parseHours(value);
  if (!ranges || ranges.length === 0) {
    throw invalid(
      field,
      '办理时间格式应为“08:30-12:00,13:30-17:30”（时段按先后排列、不重叠）。',
      'Hours look like "08:30-12:00,13:30-17:30" (in order, not overlapping).',
    );
  }
  return value.replace(/\s+/g, '');
}

// ---------------------------------------------------------------------------------------------
// Services, zones, windows

export interface ServiceInput {
  name: string;
  nameEn: string;
  prefix: string;
  zoneId: number | null;
  dailyQuota: number | null;
  /** Null: the hall's hours. */
  openingHours: string | null;
  expectedMinutes: number;
  enabled: boolean;
  sortOrder: number;
}

export function checkService(input: Partial<ServiceInput>, current?: ServiceInput): ServiceInput {
  const v = { ...current, ...input } as Partial<ServiceInput>;
  const prefix = typeof v.prefix === 'string' ? v.prefix.trim().toUpperCase() : '';
  if (!/^[A-Z]{1,2}$/.test(prefix))
    throw invalid(
      'prefix',
      '号码前缀应为一到两个大写字母，例如 A 或 SB。',
      'The ticket prefix is one or two capital letters, e.g. A or SB.',
    );
  const hours = v.openingHours == null || String(v.openingHours).trim() === '' ? null : checkHours('openingHours', String(v.openingHours));
  return {
    name: text('name', '事项名称', 'service name', v.name, { max: 40 }),
    nameEn: text('nameEn', '英文名称', 'English name', v.nameEn ?? '', { min: 0, max: 80 }),
    prefix,
    zoneId: v.zoneId ?? null,
    dailyQuota: v.dailyQuota == null ? null : int('dailyQuota', '每日号源', 'daily quota', v.dailyQuota, 1, 9999),
    openingHours: hours,
    expectedMinutes: int('expectedMinutes', '预计办理时长（分钟）', 'expected service time (minutes)', v.expectedMinutes ?? 10, 1, 240),
    enabled: v.enabled ?? true,
    sortOrder: int('sortOrder', '排序', 'sort order', v.sortOrder ?? 0, 0, 9999),
  };
}

export const ZONE_KINDS = ['theme', 'professional', 'special'] as const;
export type ZoneKind = (typeof ZONE_KINDS)[number];

export interface ZoneInput {
  name: string;
  nameEn: string;
  kind: ZoneKind;
  sortOrder: number;
}

export function checkZone(input: Partial<ZoneInput>, current?: ZoneInput): ZoneInput {
  const v = { ...current, ...input } as Partial<ZoneInput>;
  if (!ZONE_KINDS.includes(v.kind as ZoneKind))
    throw invalid('kind', '服务区类型应为主题、专业或特色。', 'The zone kind is theme, professional or special.');
  return {
    name: text('name', '服务区名称', 'zone name', v.name, { max: 30 }),
    nameEn: text('nameEn', '英文名称', 'English name', v.nameEn ?? '', { min: 0, max: 60 }),
    kind: v.kind as ZoneKind,
    sortOrder: int('sortOrder', '排序', 'sort order', v.sortOrder ?? 0, 0, 9999),
  };
}

export interface WindowInput {
  number: string;
  name: string;
  zoneId: number | null;
  printsRatingSlip: boolean;
  enabled: boolean;
}

export function checkWindow(input: Partial<WindowInput>, current?: WindowInput): WindowInput {
  const v = { ...current, ...input } as Partial<WindowInput>;
  const number = typeof v.number === 'string' ? v.number.trim() : '';
  if (!/^[0-9A-Za-z-]{1,6}$/.test(number)) {
    throw invalid(
      'number',
      '窗口号应为 1–6 位数字或字母（语音会播报“请到 N 号窗口”）。',
      'A window number is 1–6 digits or letters (it is spoken: "please go to window N").',
    );
  }
  return {
    number,
    name: text('name', '窗口名称', 'window name', v.name, { max: 40 }),
    zoneId: v.zoneId ?? null,
    printsRatingSlip: v.printsRatingSlip ?? false,
    enabled: v.enabled ?? true,
  };
}

// ---------------------------------------------------------------------------------------------
// Staff accounts

export interface UserInput {
  username: string;
  displayName: string;
  staffNo: string;
  role: Role;
}

export function checkUser(input: Partial<UserInput>, current?: UserInput): UserInput {
  const v = { ...current, ...input } as Partial<UserInput>;
  const username = typeof v.username === 'string' ? v.username.trim() : '';
  if (!/^[A-Za-z0-9_.-]{3,32}$/.test(username)) {
    throw invalid('username', '登录名应为 3–32 位字母、数字或 _ . -。', 'A user name is 3–32 letters, digits or _ . -');
  }
  if (!ROLES.includes(v.role as Role))
    throw invalid('role', '角色应为窗口人员、大厅管理员或系统管理员。', 'The role is clerk, manager or admin.');
  return {
    username,
    displayName: text('displayName', '姓名', 'name', v.displayName, { max: 30 }),
    staffNo: text('staffNo', '工号', 'staff number', v.staffNo ?? '', { min: 0, max: 20 }),
    role: v.role as Role,
  };
}

/** At least 8 characters with a letter and a digit; the demo password is not accepted for real accounts. */
export function checkPassword(password: unknown): string {
  const p = typeof password === 'string' ? password : '';
  if (p.length < 8 || p.length > 128 || !/[A-Za-z]/.test(p) || !/\d/.test(p)) {
    throw invalid(
      'password',
      '密码至少 8 位，且同时包含字母和数字。',
      'A password has at least 8 characters with both letters and digits.',
    );
  }
  return p;
}

// ---------------------------------------------------------------------------------------------
// Network printers

/** "host:port" (IPv4 or a host name; port 9100 when left out). */
export function checkPrinterAddress(address: unknown): string {
  const a = typeof address === 'string' ? address.trim() : '';
  const m = /^([A-Za-z0-9.-]{1,253})(?::(\d{1,5}))?$/.exec(a);
  const port = m?.[2] ? Number(m[2]) : 9100;
  const host = m?.[1] ?? '';
  const ipv4 = /^\d{1,3}(\.\d{1,3}){3}$/.test(host);
  const validHost = ipv4
    ? host.split('.').every((o) => Number(o) <= 255)
    : /^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*$/.test(host);
  if (!m || !validHost || port < 1 || port > 65535) {
    throw invalid(
      'address',
      '打印机地址应为“IP:端口”，例如 192.168.1.50:9100。',
      'A printer address is "IP:port", e.g. 192.168.1.50:9100.',
    );
  }
  return `${host}:${port}`;
}

// ---------------------------------------------------------------------------------------------
// Settings sections

export const SETTINGS_SECTIONS = ['voice', 'fairness', 'rating', 'calendar', 'alerts', 'issuing', 'appointment'] as const;
export type SettingsSection = (typeof SETTINGS_SECTIONS)[number];

type Checker<K extends keyof HallSettings> = (merged: HallSettings[K]) => HallSettings[K];

const checkVoice: Checker<'voice'> = (v: VoiceSettings) => {
  if (v.language !== 'zh-CN' && v.language !== 'en')
    throw invalid('language', '播报语言应为中文或英文。', 'The spoken language is Chinese or English.');
  for (const [field, template] of [
    ['templateZh', v.templateZh],
    ['templateEn', v.templateEn],
  ] as const) {
    const t = text(field, '播报模板', 'announcement template', template, { max: 80 });
    if (!t.includes('{number}') || !t.includes('{window}')) {
      throw invalid(
        field,
        '播报模板必须包含 {number}（号码）和 {window}（窗口号）。',
        'An announcement template must contain {number} and {window}.',
      );
    }
  }
  if (v.numberReading !== 'digits' && v.numberReading !== 'number')
    throw invalid('numberReading', '号码读法应为逐位或整数读法。', 'Numbers are read digit by digit or as a number.');
  if (typeof v.rate !== 'number' || !(v.rate >= 0.5 && v.rate <= 2))
    throw invalid('rate', '语速应在 0.5 到 2 之间。', 'The speech rate is from 0.5 to 2.');
  int('repeat', '播报次数', 'repeat count', v.repeat, 1, 3);
  return {
    ...v,
    templateZh: v.templateZh.trim(),
    templateEn: v.templateEn.trim(),
    rate: Math.round(v.rate * 10) / 10,
    chime: Boolean(v.chime),
  };
};

const checkFairness: Checker<'fairness'> = (v: FairnessSettings) => {
  int('priorityStreakLimit', '连续优先呼叫上限', 'priority streak limit', v.priorityStreakLimit, 1, 10);
  int('boostAfterMinutes', '等候提级时间（分钟）', 'boost after (minutes)', v.boostAfterMinutes, 5, 240);
  int('noShowGraceMinutes', '过号重排时限（分钟）', 'no-show grace (minutes)', v.noShowGraceMinutes, 0, 240);
  if (v.requeuePosition !== 'end' && v.requeuePosition !== 'original')
    throw invalid('requeuePosition', '过号重排位置应为队尾或原位置。', 'A re-queued ticket goes to the end or back to its place.');
  return v;
};

export const OTHER_REASON = '其他';

const checkRating: Checker<'rating'> = (v: RatingSettings) => {
  if (!Array.isArray(v.badReasons)) throw invalid('badReasons', '请填写差评原因。', 'Enter the bad-rating reasons.');
  const reasons = v.badReasons.map((r) => (typeof r === 'string' ? r.trim() : '')).filter((r) => r !== '');
  if (reasons.length < 1 || reasons.length > 12)
    throw invalid('badReasons', '差评原因应有 1 到 12 项。', 'List 1 to 12 bad-rating reasons.');
  if (new Set(reasons).size !== reasons.length) throw invalid('badReasons', '差评原因不能重复。', 'A reason is listed twice.');
  for (const r of reasons) {
    if ([...r].length > 20) throw invalid('badReasons', `差评原因“${r}”超过 20 个字。`, `The reason "${r}" is longer than 20 characters.`);
    if (r === OTHER_REASON)
      throw invalid('badReasons', '“其他”由评价器自动提供，无需添加。', '"其他" (other) is always offered by the pad; do not list it.');
  }
  int('padTimeoutSeconds', '评价器等待时间（秒）', 'pad timeout (seconds)', v.padTimeoutSeconds, 10, 600);
  int('caseDeadlineWorkingDays', '差评整改期限（工作日）', 'case deadline in working days', v.caseDeadlineWorkingDays, 1, 30);
  int('laterRatingDays', '补评期限（天）', 'days to rate later', v.laterRatingDays, 0, 30);
  return { ...v, badReasons: reasons };
};

const checkCalendar: Checker<'calendar'> = (v: CalendarSettings) => {
  const weekdays = Array.isArray(v.openWeekdays) ? [...new Set(v.openWeekdays)].sort() : [];
  if (weekdays.length === 0 || !weekdays.every((d) => Number.isInteger(d) && d >= 1 && d <= 7)) {
    throw invalid('openWeekdays', '请至少选择一个开放的星期。', 'Choose at least one weekday the hall opens.');
  }
  const dates = (field: 'nonWorkingDays' | 'extraWorkingDays', list: unknown) => {
    if (!Array.isArray(list)) throw invalid(field, '日期应为 YYYY-MM-DD 列表。', 'Dates are a list of YYYY-MM-DD.');
    const out = [...new Set(list.map((d) => (typeof d === 'string' ? d.trim() : '')))].sort();
    if (out.length > 400) throw invalid(field, '日期最多 400 个。', 'At most 400 dates.');
    for (const d of out)
      if (!isValidDate(d)) throw invalid(field, `“${d}”不是有效日期（应为 YYYY-MM-DD）。`, `"${d}" is not a date (YYYY-MM-DD).`);
    return out;
  };
  const non = dates('nonWorkingDays', v.nonWorkingDays);
  const extra = dates('extraWorkingDays', v.extraWorkingDays);
  const both = non.find((d) => extra.includes(d));
  if (both)
    throw invalid(
      'extraWorkingDays',
      `${both} 不能既是休息日又是调休上班日。`,
      `${both} cannot be both a holiday and an extra working day.`,
    );
  return { openWeekdays: weekdays, nonWorkingDays: non, extraWorkingDays: extra };
};

const checkAlerts: Checker<'alerts'> = (v: AlertSettings) => {
  int('waitTargetMinutes', '等候目标（分钟）', 'wait target (minutes)', v.waitTargetMinutes, 5, 240);
  int('pauseAlertMinutes', '暂停提醒（分钟）', 'pause alert (minutes)', v.pauseAlertMinutes, 5, 240);
  int('deviceOfflineSeconds', '设备离线判定（秒）', 'device offline after (seconds)', v.deviceOfflineSeconds, 30, 3600);
  return v;
};

const checkIssuing: Checker<'issuing'> = (v: IssuingSettings) => {
  if (v.phoneMaxAhead !== null) int('phoneMaxAhead', '手机取号等候上限', 'phone limit of people ahead', v.phoneMaxAhead, 1, 9999);
  int('notifyAhead', '“还有几位”提醒', '"you are N away" notice', v.notifyAhead, 0, 20);
  return {
    ...v,
    allowWhenNoWindowOpen: Boolean(v.allowWhenNoWindowOpen),
    selfDeclaredPriority: Boolean(v.selfDeclaredPriority),
    staffIgnoresHours: Boolean(v.staffIgnoresHours),
    phoneTaking: Boolean(v.phoneTaking),
    phoneOnlyInHours: Boolean(v.phoneOnlyInHours),
    ticketNotice: text('ticketNotice', '号票提示语', 'ticket notice', v.ticketNotice ?? '', { min: 0, max: 60 }),
  };
};

const checkAppointment: Checker<'appointment'> = (v: AppointmentSettings) => {
  int('maxDaysAhead', '可预约天数（工作日）', 'days ahead to book (working days)', v.maxDaysAhead, 1, 60);
  int('cancelBeforeMinutes', '取消截止（开始前分钟）', 'cancel until (minutes before)', v.cancelBeforeMinutes, 0, 1440);
  int('checkInEarlyMinutes', '最早签到（开始前分钟）', 'check in from (minutes before)', v.checkInEarlyMinutes, 0, 240);
  int('checkInLateMinutes', '最晚签到（开始后分钟）', 'check in until (minutes after)', v.checkInLateMinutes, 0, 240);
  int('noShowLimit', '爽约次数上限（30 天内，0 为不限制）', 'no-shows allowed in 30 days (0: no limit)', v.noShowLimit, 0, 20);
  int('blockDays', '爽约后暂停预约天数', 'days blocked after the no-shows', v.blockDays, 1, 365);
  int('reminderMinutes', '预约提醒（开始前分钟，0 为不提醒）', 'reminder (minutes before, 0: none)', v.reminderMinutes, 0, 2880);
  return { ...v, enabled: Boolean(v.enabled) };
};

const CHECKERS: { [K in SettingsSection]: Checker<K> } = {
  voice: checkVoice,
  fairness: checkFairness,
  rating: checkRating,
  calendar: checkCalendar,
  alerts: checkAlerts,
  issuing: checkIssuing,
  appointment: checkAppointment,
};

/**
 * A section of the settings after a change: the patch over the current values, checked whole.
 * A key the section does not have is refused by name (a typo must not look saved), so nothing
 * but the section's own fields is ever stored.
 */
export function checkSettingsSection<K extends SettingsSection>(
  section: K,
  current: HallSettings[K],
  patch: Record<string, unknown>,
): HallSettings[K] {
  const unknown = Object.keys(patch).filter((k) => !(k in (current as object)));
  if (unknown.length) {
    throw new DomainError(
      400,
      'invalid_config',
      `“${section}”设置中没有 ${unknown.join('、')} 这一项，请检查拼写。`,
      `The ${section} settings have no ${unknown.join(', ')}; check the spelling.`,
      { field: unknown[0], section, unknown },
    );
  }
  return CHECKERS[section]({ ...current, ...patch });
}
