/**
 * The domain's words (see docs/design.md), shared by the server and every screen.
 * Each list is a runtime constant so schemas and UIs enumerate the same values.
 */

export const TICKET_STATUSES = [
  'waiting', // 等候中
  'called', // 已叫号
  'serving', // 办理中
  'held', // 挂起
  'no_show', // 过号
  'done', // 已办结
  'cancelled', // 已取消
] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

/** 绿色通道 kinds and appointments are called before normal tickets, within fairness limits. */
export const PRIORITY_KINDS = ['normal', 'elderly', 'disabled', 'military', 'pregnant', 'appointment'] as const;
export type PriorityKind = (typeof PRIORITY_KINDS)[number];

export const TICKET_SOURCES = ['kiosk', 'phone', 'staff', 'appointment'] as const;
export type TicketSource = (typeof TICKET_SOURCES)[number];

export const WINDOW_STATUSES = ['open', 'paused', 'closed'] as const;
export type WindowStatus = (typeof WINDOW_STATUSES)[number];

/** specialist: its listed services; zone: 分领域综合窗口 (a zone's services); hall: 无差别综合窗口. */
export const WINDOW_MODES = ['specialist', 'zone', 'hall'] as const;
export type WindowMode = (typeof WINDOW_MODES)[number];

export const ROLES = ['admin', 'manager', 'clerk'] as const;
export type Role = (typeof ROLES)[number];

export const DEVICE_KINDS = ['board', 'window_screen', 'kiosk', 'pad', 'printer'] as const;
export type DeviceKind = (typeof DEVICE_KINDS)[number];

/**
 * pad (评价器), phone (补评 on the visitor's phone), slip (the QR on a printed rating slip), and
 * assumed: the hall's local rule that counts a service unrated after N days (off by default, marked in reports).
 */
export const RATING_CHANNELS = ['pad', 'phone', 'slip', 'assumed'] as const;
export type RatingChannel = (typeof RATING_CHANNELS)[number];

/** 非常满意 5, 满意 4, 基本满意 3, 不满意 2, 非常不满意 1; 2 and 1 are 差评. */
export const RATING_LEVELS = [5, 4, 3, 2, 1] as const;
export type RatingLevel = (typeof RATING_LEVELS)[number];
export const isBadRating = (level: number): boolean => level <= 2;

export const CASE_STATUSES = ['open', 'rectifying', 'replied', 'followed_up', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** Who attached a 办件: the clerk console or the business system (一窗受理) through the API. */
export const CASE_FILE_SOURCES = ['clerk', 'api'] as const;
export type CaseFileSource = (typeof CASE_FILE_SOURCES)[number];

/** 上报: a message to the provincial platform is a rating or a 差评 case step. */
export const OUTBOX_TYPES = ['rating', 'case'] as const;
export type OutboxType = (typeof OUTBOX_TYPES)[number];
/** pending (waiting or being retried), acknowledged (2xx or 409), dead (given up after 24 h; a manager may send it again). */
export const OUTBOX_STATUSES = ['pending', 'acknowledged', 'dead'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

export const APPEAL_STATUSES = ['none', 'pending', 'approved', 'rejected'] as const;
export type AppealStatus = (typeof APPEAL_STATUSES)[number];

/** hall_closed: the hall made the day non-working after it was booked; cancelled by the hall, never a no-show. */
export const BOOKING_STATUSES = ['booked', 'checked_in', 'cancelled', 'no_show', 'hall_closed'] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];

/** Why a call did not take the oldest ticket: shown to visitors so the order is explained. */
export const CALL_REASONS = ['priority', 'appointment', 'transfer', 'manager', 'requeue'] as const;
export type CallReason = (typeof CALL_REASONS)[number];

/** One step of a ticket's transfer chain (转移 / 多窗联办). */
export interface TransferStep {
  at: number;
  fromServiceId: number;
  toServiceId: number;
  fromWindowId: number | null;
  toWindowId: number | null;
  note: string;
  byUserId: number | null;
}

/** What a device last reported about itself. */
export interface DeviceState {
  online?: boolean;
  /** A board without a Chinese voice still chimes and captions, but the manager must know. */
  voiceMissing?: boolean;
  /** Printer paper state from DLE EOT. */
  paper?: 'ok' | 'near_end' | 'out';
  coverOpen?: boolean;
  printerError?: string | null;
  userAgent?: string;
  [key: string]: unknown;
}
