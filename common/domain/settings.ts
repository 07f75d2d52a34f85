/**
 * Per-hall settings with their defaults. A hall stores only what it changed; `resolveSettings`
 * fills in the rest, so adding a setting never needs a data migration.
 */

export interface FairnessSettings {
  /** At most this many priority calls in a row at one window while normal tickets wait. */
  priorityStreakLimit: number;
  /** A normal ticket waiting this long is boosted to the priority class. */
  boostAfterMinutes: number;
  /** A missed (过号) ticket may be re-queued by the clerk within this many minutes. */
  noShowGraceMinutes: number;
  /** Where a re-queued ticket goes: behind everyone (end) or back at its issue time (original). */
  requeuePosition: 'end' | 'original';
}

export interface VoiceSettings {
  /** Spoken language of the board's calls. */
  language: 'zh-CN' | 'en';
  /** Placeholders: {number} {window} {windowName} {service}. */
  templateZh: string;
  templateEn: string;
  /** digits: "A 零 一 二"; number: "A 十二". */
  numberReading: 'digits' | 'number';
  /** Speech rate, 0.5 to 2. */
  rate: number;
  /** How many times each call is spoken. */
  repeat: number;
  chime: boolean;
}

export interface IssuingSettings {
  /** Issue a number even when no open window serves the service right now. */
  allowWhenNoWindowOpen: boolean;
  /** Visitors may declare a 绿色通道 priority at the kiosk themselves. */
  selfDeclaredPriority: boolean;
  /** Staff may issue outside opening hours. */
  staffIgnoresHours: boolean;
  /** 扫码取号: the hall QR page may issue e-tickets. */
  phoneTaking: boolean;
  /** Phone e-tickets only while fewer than this many wait (null: no limit). */
  phoneMaxAhead: number | null;
  /** Phone e-tickets only within opening hours (false: any time of a working day). */
  phoneOnlyInHours: boolean;
  /** "You are N away": notify a phone or appointment ticket once this many or fewer wait before it (0: never). */
  notifyAhead: number;
  /** Text printed at the bottom of a ticket. */
  ticketNotice: string;
}

export interface RatingSettings {
  badReasons: string[];
  /** Seconds the pad waits for a rating before recording "not rated". */
  padTimeoutSeconds: number;
  /** Working days to close a 差评 case. */
  caseDeadlineWorkingDays: number;
  /** Days a visitor may still rate a finished ticket from the phone (补评). */
  laterRatingDays: number;
}

export interface CalendarSettings {
  /** Weekdays the hall opens, 1 = Monday … 7 = Sunday ("周末不打烊" halls add 6 and 7). */
  openWeekdays: number[];
  /** Hall-local dates that are not working days (holidays). */
  nonWorkingDays: string[];
  /** Weekend dates that are working days (调休上班). */
  extraWorkingDays: string[];
}

export interface AlertSettings {
  /** A wait longer than this raises an alert. */
  waitTargetMinutes: number;
  /** A window paused longer than this raises an alert. */
  pauseAlertMinutes: number;
  /** A device not heard from for this long is offline. */
  deviceOfflineSeconds: number;
}

export interface AppointmentSettings {
  enabled: boolean;
  /** Book from the next day up to this many working days ahead. */
  maxDaysAhead: number;
  /** Cancelling is possible until this many minutes before the slot. */
  cancelBeforeMinutes: number;
  checkInEarlyMinutes: number;
  checkInLateMinutes: number;
  /** This many no-shows in a month block new bookings ... */
  noShowLimit: number;
  /** ... for this many days. */
  blockDays: number;
  /** Remind the visitor this many minutes before the slot (0: no reminder). */
  reminderMinutes: number;
}

export interface HallSettings {
  fairness: FairnessSettings;
  voice: VoiceSettings;
  issuing: IssuingSettings;
  rating: RatingSettings;
  calendar: CalendarSettings;
  alerts: AlertSettings;
  appointment: AppointmentSettings;
}

export const DEFAULT_SETTINGS: HallSettings = {
  fairness: {
    priorityStreakLimit: 3,
    boostAfterMinutes: 45,
    noShowGraceMinutes: 30,
    requeuePosition: 'end',
  },
  voice: {
    language: 'zh-CN',
    templateZh: '请{number}号到{window}号窗口办理',
    templateEn: 'Number {number}, please go to window {window}',
    numberReading: 'digits',
    rate: 0.9,
    repeat: 2,
    chime: true,
  },
  issuing: {
    allowWhenNoWindowOpen: true,
    selfDeclaredPriority: false,
    staffIgnoresHours: true,
    phoneTaking: true,
    phoneMaxAhead: null,
    phoneOnlyInHours: true,
    notifyAhead: 3,
    ticketNotice: '请留意叫号，过号请到窗口重新排队。',
  },
  rating: {
    badReasons: ['服务态度差', '办理效率低', '一次性告知不到位', '材料要求不清'],
    padTimeoutSeconds: 60,
    caseDeadlineWorkingDays: 5,
    laterRatingDays: 7,
  },
  calendar: { openWeekdays: [1, 2, 3, 4, 5], nonWorkingDays: [], extraWorkingDays: [] },
  alerts: { waitTargetMinutes: 30, pauseAlertMinutes: 20, deviceOfflineSeconds: 90 },
  appointment: {
    enabled: true,
    maxDaysAhead: 7,
    cancelBeforeMinutes: 60,
    checkInEarlyMinutes: 30,
    checkInLateMinutes: 15,
    noShowLimit: 3,
    blockDays: 30,
    reminderMinutes: 120,
  },
};

export type SettingsPatch = { [K in keyof HallSettings]?: Partial<HallSettings[K]> };

/**
 * The stored partial settings merged over the defaults, one section at a time. The result shares
 * arrays with the defaults: treat settings as read-only and replace a section to change it.
 */
export function resolveSettings(stored: SettingsPatch | null | undefined): HallSettings {
  const out = { ...DEFAULT_SETTINGS };
  if (!stored) return out;
  for (const key of Object.keys(out) as (keyof HallSettings)[]) {
    const section = stored[key];
    if (section && typeof section === 'object') (out as Record<string, unknown>)[key] = { ...DEFAULT_SETTINGS[key], ...section };
  }
  return out;
}
