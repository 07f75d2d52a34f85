/**
 * What the manager console (管理后台) and the manager API exchange: the live view with its
 * alerts, the configuration, statistics, 差评 cases and the audit log. Shared by the server and
 * the console so both sides are checked by the compiler.
 */
import type { AppealStatus, CaseStatus, DeviceKind, DeviceState, Role, WindowMode, WindowStatus } from './vocabulary.js';

// ---------------------------------------------------------------------------------------------
// Live hall

export type AlertSeverity = 'critical' | 'warning' | 'info';
export type AlertKind =
  | 'wait_over_target'
  | 'service_unserved'
  | 'window_paused_long'
  | 'window_tickets_stranded'
  | 'device_offline'
  | 'printer_paper'
  | 'voice_missing'
  | 'bad_rating'
  | 'case_overdue';

export interface Alert {
  /** Stable while the condition lasts (e.g. "wait:12"), so a screen can keep its place. */
  id: string;
  kind: AlertKind;
  severity: AlertSeverity;
  /** When the condition began, if known. */
  since: number | null;
  subject: { type: 'service' | 'window' | 'device' | 'case'; id: number };
  message: { zh: string; en: string };
  /** What to do about it. */
  action: { zh: string; en: string };
}

export interface WindowToday {
  called: number;
  served: number;
  noShows: number;
}

/** What the live hall shows beside the snapshot: alerts, today's counts per window, case counts. */
export interface LiveView {
  now: number;
  /** The hall's wait target (settings.alerts), for marking long waits. */
  waitTargetMinutes: number;
  alerts: Alert[];
  windowsToday: Record<string, WindowToday>;
  cases: { open: number; overdue: number; appeals: number };
}

// ---------------------------------------------------------------------------------------------
// Configuration

export interface ZoneConfig {
  id: number;
  name: string;
  nameEn: string;
  kind: string;
  sortOrder: number;
}

export interface ServiceConfig {
  id: number;
  zoneId: number | null;
  name: string;
  nameEn: string;
  prefix: string;
  dailyQuota: number | null;
  /** Null: the hall's hours. */
  openingHours: string | null;
  expectedMinutes: number;
  enabled: boolean;
  sortOrder: number;
}

export interface WindowConfig {
  id: number;
  number: string;
  name: string;
  zoneId: number | null;
  mode: WindowMode;
  status: WindowStatus;
  clerkId: number | null;
  backupClerkId: number | null;
  printsRatingSlip: boolean;
  enabled: boolean;
  /** The explicit service rows (specialist windows, or tiers of comprehensive ones). */
  rows: { serviceId: number; tier: number; weight: number }[];
}

export interface UserConfig {
  id: number;
  hallId: number | null;
  username: string;
  displayName: string;
  staffNo: string;
  role: Role;
  disabled: boolean;
  /** Locked after repeated failed sign-ins, until this time. */
  lockedUntil: number | null;
  /** Windows a clerk may staff. */
  windowIds: number[];
}

export interface DeviceConfig {
  id: number;
  hallId: number;
  kind: DeviceKind;
  name: string;
  status: 'pending' | 'active' | 'revoked';
  pairingCode: string | null;
  windowId: number | null;
  zoneId: number | null;
  printerId: number | null;
  address: string | null;
  settings: Record<string, unknown>;
  state: DeviceState;
  lastSeenAt: number | null;
}

export interface ConfigView {
  hall: { id: number; code: string; name: string; timezone: string; openingHours: string; notice: string };
  /** Every settings section, resolved over the defaults. */
  settings: Record<string, Record<string, unknown>>;
  zones: ZoneConfig[];
  services: ServiceConfig[];
  windows: WindowConfig[];
  users: UserConfig[];
  devices: DeviceConfig[];
}

// ---------------------------------------------------------------------------------------------
// Statistics

export const STAT_DIMENSIONS = ['service', 'window', 'clerk', 'hour', 'day'] as const;
export type StatDimension = (typeof STAT_DIMENSIONS)[number];

export interface StatFigures {
  issued: number;
  served: number;
  noShows: number;
  cancelled: number;
  open: number;
  /** Tickets that were called (the ones with a wait). */
  called: number;
  waitAvgMinutes: number | null;
  waitP90Minutes: number | null;
  serviceAvgMinutes: number | null;
  serviceP90Minutes: number | null;
  waitsOverTarget: number;
  /** Counted ratings by level: index 0 is level 5 (非常满意) … index 4 is level 1 (非常不满意). */
  ratings: [number, number, number, number, number];
  rated: number;
  /** Ratings excluded by an approved appeal (kept on record, not counted). */
  excludedRatings: number;
  /** 好评率 in percent (levels 5–3 over counted ratings). */
  satisfactionPercent: number | null;
  /** 参评率 in percent (counted ratings over served). */
  participationPercent: number | null;
}

export interface StatRow extends StatFigures {
  /** Service, window or clerk id; hour 0–23; day 'YYYY-MM-DD'; null: not at a window (never called). */
  key: number | string | null;
}

export interface StatRowView extends StatRow {
  /** What the row is, for people: the service name, "3号窗口", the clerk, "09:00–10:00", the date. */
  label: string;
  labelEn: string;
}

export interface StatsReport {
  hall: { id: number; name: string; timezone: string };
  from: string;
  to: string;
  filter: { serviceId: number | null; windowId: number | null; clerkId: number | null };
  /** The filter in words ("事项：社保参保登记（A）；窗口：1号窗口"), null for the whole hall. */
  filterLabel: { zh: string; en: string } | null;
  waitTargetMinutes: number;
  totals: StatFigures;
  by: Record<StatDimension, StatRowView[]>;
}

// ---------------------------------------------------------------------------------------------
// 差评 cases

export interface CaseStepView {
  id: number;
  action: string;
  fromStatus: string | null;
  toStatus: string | null;
  note: string;
  userName: string;
  at: number;
}

export interface CaseView {
  id: number;
  status: CaseStatus;
  deadline: string;
  overdue: boolean;
  /** The workflow step that moves the case on, or null when closed. */
  nextAction: 'rectify' | 'reply' | 'follow_up' | 'close' | null;
  appealStatus: AppealStatus;
  appealKind: 'mistaken' | 'malicious' | null;
  appealReason: string | null;
  createdAt: number;
  updatedAt: number;
  rating: { level: number; reasons: string[]; comment: string; channel: string; excluded: boolean; createdAt: number };
  ticket: { id: number; number: string; serviceId: number; serviceDay: string };
  serviceName: string;
  serviceNameEn: string;
  window: { id: number; number: string } | null;
  clerk: { id: number; name: string } | null;
  steps?: CaseStepView[];
}

// ---------------------------------------------------------------------------------------------
// Audit log

export interface AuditEntry {
  seq: number;
  type: string;
  at: number;
  actorKind: string;
  actorId: number | null;
  actorName: string;
  ticketId: number | null;
  windowId: number | null;
  reason: string | null;
  data: Record<string, unknown>;
}

export interface AuditPage {
  entries: AuditEntry[];
  /** Pass as `beforeSeq` for the next (older) page; null when this was the last. */
  nextBeforeSeq: number | null;
}

// ---------------------------------------------------------------------------------------------
// A ticket found by its number (补打号票)

export interface TicketLookupView {
  ticket: import('./protocol.js').TicketView;
  /** The hall-local service day it belongs to. */
  serviceDay: string;
  serviceName: string;
  serviceNameEn: string;
  /** The window of its last call, if any. */
  windowNumber: string | null;
  /** printed, failed (an e-ticket), pending, or null (no printer was involved). */
  printStatus: string | null;
}
