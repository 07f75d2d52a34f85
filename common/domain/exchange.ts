/**
 * The rules of the 好差评 and 办件 exchange (docs/rating-exchange.md), pure: what a rating and a
 * 差评 case step say to the provincial platform, when a failed delivery is tried again, which
 * codes are well-formed, and how an applicant's name and ID number are masked before they are
 * stored. Tested as tables in test/domain/exchange.test.ts.
 */
import { localTime } from './calendar.js';
import { DomainError } from './errors.js';

/** The platform's names of the five levels (GB/T 39735 好差评 levels). */
export const LEVEL_NAMES: Record<number, string> = { 5: '非常满意', 4: '满意', 3: '基本满意', 2: '不满意', 1: '非常不满意' };

/** After this long a message that was never acknowledged is given up (dead-lettered). */
export const GIVE_UP_AFTER_MS = 24 * 3600_000;
/** The first retry waits this long; each next one twice as long, at most `MAX_RETRY_DELAY_MS`. */
export const FIRST_RETRY_DELAY_MS = 30_000;
export const MAX_RETRY_DELAY_MS = 3600_000;

/**
 * How long to wait before attempt `attempt + 1`, after `attempt` failed attempts (1, 2, …):
 * 30 s, 1 min, 2 min … capped at an hour, each spread ±50 % by `random` (0 ≤ random < 1) so that a
 * platform coming back is not hit by every hall at once.
 */
export function retryDelayMs(attempt: number, random: number): number {
  const base = Math.min(FIRST_RETRY_DELAY_MS * 2 ** Math.max(0, attempt - 1), MAX_RETRY_DELAY_MS);
  return Math.round(base * (0.5 + random));
}

/** What a failed attempt leads to: another attempt at `nextAttemptAt`, or giving up. */
export function afterFailure(
  message: { createdAt: number; attempts: number },
  now: number,
  random: number,
): { dead: true } | { dead: false; nextAttemptAt: number } {
  const next = now + retryDelayMs(message.attempts, random);
  if (next - message.createdAt > GIVE_UP_AFTER_MS) return { dead: true };
  return { dead: false, nextAttemptAt: next };
}

/** 2xx acknowledges; 409 means "already received" and acknowledges too. */
export const isAcknowledged = (status: number): boolean => (status >= 200 && status < 300) || status === 409;

/** ISO 8601 with the hall's UTC offset, e.g. 2026-12-07T10:15:02.113+08:00 (offsets are whole minutes). */
export function isoWithOffset(ms: number, timezone: string): string {
  const minuteStart = Math.floor(ms / 60_000) * 60_000;
  const local = localTime(ms, timezone);
  const offset = Math.round((Date.parse(`${local.date}T00:00:00Z`) + local.minutes * 60_000 - minuteStart) / 60_000);
  const within = ms - minuteStart;
  const seconds = `${pad(Math.floor(within / 1000), 2)}.${pad(within % 1000, 3)}`;
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${local.date}T${pad(Math.floor(local.minutes / 60), 2)}:${pad(local.minutes % 60, 2)}:${seconds}${sign}${pad(Math.floor(abs / 60), 2)}:${pad(abs % 60, 2)}`;
}
const pad = (n: number, width: number) => String(n).padStart(width, '0');

// ------------------------------------------------------------------------------------------------
// Codes

/** 事项编码: 8–40 capital letters, digits or hyphens (provinces differ; none uses other characters). */
const SERVICE_CODE = /^[0-9A-Z][0-9A-Z-]{6,38}[0-9A-Z]$/;
/** 办件编号: the business system's number, 1–64 letters, digits, hyphens or underscores. */
const CASE_NUMBER = /^[0-9A-Za-z][0-9A-Za-z_-]{0,63}$/;
/** 行政区划代码 as statistics use it: 12 digits (6 of GB/T 2260, 3 township, 3 village). */
const REGION_CODE = /^\d{12}$/;

export const isServiceCode = (code: string): boolean => SERVICE_CODE.test(code);
export const isCaseNumber = (number: string): boolean => CASE_NUMBER.test(number);
export const isRegionCode = (code: string): boolean => REGION_CODE.test(code);

/** GB 32100 统一社会信用代码: 18 characters from this alphabet, the last a check character. */
const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export function isOrgCode(code: string): boolean {
  if (!/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(code)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_ALPHABET.indexOf(code[i]!) * USCC_WEIGHTS[i]!;
  const check = (31 - (sum % 31)) % 31;
  return USCC_ALPHABET[check] === code[17];
}

export const exchangeErrors = {
  serviceCode: (code: string) =>
    new DomainError(
      400,
      'service_code_invalid',
      `事项编码“${code}”格式不正确：应为 8–40 位大写字母、数字或连字符。`,
      `The service code "${code}" is not valid: 8–40 capital letters, digits or hyphens.`,
      { field: 'serviceCode' },
    ),
  caseNumber: (number: string) =>
    new DomainError(
      400,
      'case_number_invalid',
      `办件编号“${number}”格式不正确：应为 1–64 位字母、数字、连字符或下划线。`,
      `The case number "${number}" is not valid: 1–64 letters, digits, hyphens or underscores.`,
      { field: 'caseNumber' },
    ),
  regionCode: () =>
    new DomainError(400, 'region_code_invalid', '行政区划代码应为 12 位数字。', 'The region code is 12 digits.', { field: 'regionCode' }),
  orgCode: () =>
    new DomainError(
      400,
      'org_code_invalid',
      '统一社会信用代码不正确：应为 18 位，且校验位正确（GB 32100）。',
      'The unified social credit code is not valid: 18 characters with a correct check character (GB 32100).',
      { field: 'orgCode' },
    ),
  idNumber: () =>
    new DomainError(
      400,
      'id_number_invalid',
      '身份证号码格式不正确：应为 18 位（最后一位可为 X）或 15 位数字。',
      'The ID number is not valid: 18 characters (the last may be X) or 15 digits.',
      { field: 'applicantIdNumber' },
    ),
};

// ------------------------------------------------------------------------------------------------
// Masking: the full values are never stored

/** 张三 → 张*, 张三丰 → 张*丰, 欧阳小锋 → 欧**锋; a name of one character stays as it is. */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length <= 1) return chars.join('');
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars.at(-1)}`;
}

/** Keeps the first 3 and the last 4 characters: 110101199003071234 → 110***********1234. */
export function maskIdNumber(id: string): string {
  const value = id.trim().toUpperCase();
  if (!/^(\d{17}[\dX]|\d{15})$/.test(value)) throw exchangeErrors.idNumber();
  return `${value.slice(0, 3)}${'*'.repeat(value.length - 7)}${value.slice(-4)}`;
}

/** A phone number for whoever may not see it whole: 138****5678. */
export const maskPhone = (phone: string): string => (phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : '****');

// ------------------------------------------------------------------------------------------------
// The messages

export type ExchangeChannel = 'pad' | 'phone' | 'slip' | 'assumed';

/** What a rating message carries (`data` of `type: "rating"`). */
export interface RatingMessageData {
  ratingId: number;
  level: number;
  levelName: string;
  reasons: string[];
  comment: string;
  channel: ExchangeChannel;
  ratedAt: string;
  ticketNumber: string;
  serviceCode: string;
  serviceName: string;
  caseNumbers: string[];
  windowNumber: string | null;
  clerkNo: string | null;
  department: string;
}

export interface RatingFacts {
  rating: { id: number; level: number; reasons: string[]; comment: string; channel: ExchangeChannel; createdAt: number };
  ticketNumber: string;
  service: { name: string; code: string | null; department: string | null };
  /** The 办件 of the visit, in the order they were attached. */
  caseFiles: { caseNumber: string; serviceCode: string; serviceName: string; department: string }[];
  windowNumber: string | null;
  clerkNo: string | null;
  timezone: string;
}

/** A rating as the platform receives it; the first 办件 names the 事项 when there is one. */
export function ratingMessageData(f: RatingFacts): RatingMessageData {
  const first = f.caseFiles[0];
  return {
    ratingId: f.rating.id,
    level: f.rating.level,
    levelName: LEVEL_NAMES[f.rating.level] ?? '',
    reasons: f.rating.reasons,
    comment: f.rating.comment,
    channel: f.rating.channel,
    ratedAt: isoWithOffset(f.rating.createdAt, f.timezone),
    ticketNumber: f.ticketNumber,
    serviceCode: first?.serviceCode ?? f.service.code ?? '',
    serviceName: first?.serviceName ?? f.service.name,
    caseNumbers: f.caseFiles.map((c) => c.caseNumber),
    windowNumber: f.windowNumber,
    clerkNo: f.clerkNo || null,
    department: first?.department ?? f.service.department ?? '',
  };
}

/** The 差评 steps the platform hears about. */
export const REPORTED_CASE_STEPS = ['rectify', 'reply', 'follow_up', 'reopen', 'close', 'appeal_decided'] as const;
export type ReportedCaseStep = (typeof REPORTED_CASE_STEPS)[number];

export interface CaseMessageData {
  caseId: number;
  ratingId: number;
  step: ReportedCaseStep;
  at: string;
  note: string;
  deadline: string;
  result?: { reached: boolean; satisfied: boolean | null };
  appeal?: { kind: 'mistaken' | 'malicious'; approved: boolean };
}

export function caseMessageData(f: {
  caseId: number;
  ratingId: number;
  step: ReportedCaseStep;
  at: number;
  note: string;
  deadline: string;
  timezone: string;
  result?: { reached: boolean; satisfied: boolean | null };
  appeal?: { kind: 'mistaken' | 'malicious'; approved: boolean };
}): CaseMessageData {
  return {
    caseId: f.caseId,
    ratingId: f.ratingId,
    step: f.step,
    at: isoWithOffset(f.at, f.timezone),
    note: f.note,
    deadline: f.deadline,
    ...(f.result ? { result: f.result } : {}),
    ...(f.appeal ? { appeal: f.appeal } : {}),
  };
}
