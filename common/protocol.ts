/**
 * What the server sends to screens: the public views of tickets, windows and queues, the hall
 * snapshot, and the realtime event maps. Shared by the server and every client, so a change here
 * is checked on both sides by the compiler.
 *
 * Nothing here carries personal data: no phone numbers, no ticket public codes (those are the
 * visitor's secret), no visitor names.
 */
import type {
  CallReason,
  DeviceKind,
  PriorityKind,
  TicketStatus,
  WindowMode,
  WindowStatus,
  Role,
  DeviceState,
  RatingChannel,
} from './vocabulary.js';

export interface TicketView {
  id: number;
  number: string;
  serviceId: number;
  status: TicketStatus;
  priority: PriorityKind;
  windowId: number | null;
  targetWindowId: number | null;
  issuedAt: number;
  queuedAt: number;
  calledAt: number | null;
  servingAt: number | null;
  finishedAt: number | null;
  noShowAt: number | null;
  heldAt: number | null;
  recallCount: number;
  callReason: CallReason | null;
  /** Services this ticket came from, oldest first (多窗联办). */
  transferredFrom: { serviceId: number; windowId: number | null; note: string }[];
}

export interface ClerkView {
  id: number;
  name: string;
  staffNo: string;
  photoUrl: string | null;
}

export interface WindowView {
  id: number;
  number: string;
  name: string;
  zoneId: number | null;
  mode: WindowMode;
  status: WindowStatus;
  pauseReason: string | null;
  statusChangedAt: number | null;
  /** The services the window serves now, in its order. */
  serviceIds: number[];
  clerk: ClerkView | null;
  backupClerk: ClerkView | null;
  /** The ticket called or being served here. */
  current: TicketView | null;
  printsRatingSlip: boolean;
}

export interface QueueView {
  serviceId: number;
  waiting: number;
  /** Queue time of the longest-waiting ticket, or null when nobody waits. */
  oldestQueuedAt: number | null;
  /** Estimated wait for a ticket taken now, in minutes. */
  estimateMinutes: number;
  /** Open windows that serve this service now; 0 is a problem a manager must see. */
  openWindows: number;
}

export interface ServiceView {
  id: number;
  zoneId: number | null;
  name: string;
  nameEn: string;
  prefix: string;
  dailyQuota: number | null;
  /** Tickets issued today (counts against the quota). */
  issuedToday: number;
  openingHours: string;
  expectedMinutes: number;
  enabled: boolean;
}

export interface ZoneView {
  id: number;
  name: string;
  nameEn: string;
  kind: string;
}

export interface VoiceView {
  language: 'zh-CN' | 'en';
  rate: number;
  repeat: number;
  chime: boolean;
}

export interface HallView {
  id: number;
  code: string;
  name: string;
  timezone: string;
  serviceDay: string;
  notice: string;
  openingHours: string;
  voice: VoiceView;
  noShowGraceMinutes: number;
}

/** One call as boards show and speak it. */
export interface CallView {
  seq: number;
  at: number;
  ticketId: number;
  number: string;
  serviceId: number;
  windowId: number;
  windowNumber: string;
  windowName: string;
  zoneId: number | null;
  recall: boolean;
  reason: CallReason | null;
  /** Caption to show, per language. */
  text: { 'zh-CN': string; en: string };
  /** What speech synthesis should say, per language (numbers spelled for the voice). */
  speech: { 'zh-CN': string; en: string };
}

export interface HallSnapshot {
  /** The hall's event sequence number this snapshot reflects. */
  seq: number;
  now: number;
  hall: HallView;
  zones: ZoneView[];
  services: ServiceView[];
  windows: WindowView[];
  queues: QueueView[];
  /** Newest first. */
  recentCalls: CallView[];
  /** 过号 tickets that can still come back, newest first. */
  missed: TicketView[];
  /** Waiting tickets: only in snapshots for staff. */
  waiting?: TicketView[];
  /** The zone a zone board's snapshot is limited to; null or absent: the whole hall. */
  zoneScope?: number | null;
  /** The hall's active screens with their last-seen time and reported state: only for staff. */
  devices?: DeviceStatusView[];
}

/** Settings a manager gives one screen (PUT /api/devices/:deviceId/settings). */
export interface DeviceSettings {
  /** The screen's language; absent: zh-CN (or the device's own choice). */
  language?: 'zh-CN' | 'en';
  /** Display only: no chime, no speech (quiet halls). */
  silent?: boolean;
}

/** One paired screen as staff see it in the snapshot. */
export interface DeviceStatusView {
  id: number;
  kind: DeviceKind;
  name: string;
  windowId: number | null;
  zoneId: number | null;
  lastSeenAt: number | null;
  /** Heard from within the hall's `alerts.deviceOfflineSeconds` when the snapshot was made. */
  online: boolean;
  /** What it last reported: voiceMissing, soundBlocked, silent, paper… */
  state: DeviceState;
  settings: DeviceSettings;
}

export const EVENT_TYPES = [
  'ticket:issued',
  'ticket:called',
  'ticket:recalled',
  'ticket:started',
  'ticket:finished',
  'ticket:no_show',
  'ticket:requeued',
  'ticket:held',
  'ticket:resumed',
  'ticket:transferred',
  'ticket:cancelled',
  'ticket:printed',
  'ticket:expired',
  'window:status',
  'window:services',
  'window:clerk',
  'window:updated',
  'hall:notice',
  'hall:updated',
  'device:updated',
  'rating:requested',
  'rating:submitted',
  'rating:expired',
  'case:updated',
  'config:changed',
  'booking:updated',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** One realtime message: the event plus the resulting state of what it touched. */
export interface RealtimeEvent {
  seq: number;
  type: EventType;
  at: number;
  reason: string | null;
  ticket?: TicketView;
  window?: WindowView;
  queues?: QueueView[];
  call?: CallView;
  notice?: string;
  /** Event-specific public facts (e.g. the window a ticket was transferred to). */
  data?: Record<string, unknown>;
  /** Services created or changed by a manager (hall:updated), to upsert. */
  services?: ServiceView[];
  /** Zones created or changed (hall:updated), to upsert; `removedZoneIds` to drop. */
  zones?: ZoneView[];
  removedZoneIds?: number[];
  /** The hall's name, hours or voice after a change (hall:updated). */
  hall?: HallView;
  /** Windows taken out of service (window:updated with the window disabled), to drop. */
  removedWindowIds?: number[];
}

export type ServerToClientEvents = {
  [K in EventType]: (event: RealtimeEvent) => void;
} & {
  /** The device was revoked or the session ended: the screen must show why. */
  'session:ended': (info: { code: string; message: string; messageEn: string }) => void;
};

export type Ack<T> = (reply: { ok: true; data: T } | { ok: false; error: ApiError }) => void;

export interface SyncReply {
  snapshot: HallSnapshot;
  /** Events after the client's last seen sequence (bounded), for catch-up without re-announcing. */
  missed: RealtimeEvent[];
  /** True when more events were missed than are replayed: rely on the snapshot. */
  truncated: boolean;
}

export interface HeartbeatInfo {
  state?: DeviceState;
}

export interface ClientToServerEvents {
  /** Ask for the current snapshot and the events after `lastSeq`. */
  'hall:sync': (request: { lastSeq: number | null }, ack: Ack<SyncReply>) => void;
  'device:heartbeat': (info: HeartbeatInfo, ack?: Ack<{ at: number }>) => void;
}

/** Who a socket belongs to, decided by the server at connection. */
export interface SocketIdentity {
  kind: 'device' | 'staff' | 'visitor';
  hallId: number;
  deviceKind?: DeviceKind;
  role?: Role;
  windowId?: number | null;
  zoneId?: number | null;
}

/** Every error response of the API, and every refused socket acknowledgement. */
export interface ApiError {
  statusCode: number;
  code: string;
  message: string;
  messageEn: string;
  details?: Record<string, unknown>;
}

/** What a visitor's phone shows for their own ticket (public, by the ticket's secret code). */
export interface TicketStatusView {
  hall: { id: number; name: string; timezone: string };
  ticket: TicketView;
  serviceName: string;
  serviceNameEn: string;
  /** Tickets before this one in its service queue (waiting tickets only). */
  ahead: number;
  /** Estimated minutes until called, and the range to show; null once called. */
  estimate: { minutes: number; low: number; high: number } | null;
  /** Where to go, once called (or held at a window). */
  window: { id: number; number: string; name: string } | null;
  /** A missed ticket can be re-queued at a window until this time. */
  requeueUntil: number | null;
}

/** The clerk console's view of its window. */
export interface WindowDetail {
  window: WindowView;
  /** Waiting tickets this window may call, in the order "call next" would take them now. */
  waiting: TicketView[];
  held: TicketView[];
  /** 过号 tickets of this window's services still within the grace. */
  missed: TicketView[];
  today: { called: number; served: number; noShow: number; transferred: number; averageServiceMinutes: number | null };
}

/** The reason a visitor picks when none of the hall's listed reasons fits; it needs a comment. */
export const OTHER_RATING_REASON = '其他';

/** What a rating pad shows when a service is finished at its window: public facts only. */
export interface RatingRequestView {
  ticketId: number;
  number: string;
  serviceName: string;
  serviceNameEn: string;
  windowId: number;
  windowNumber: string;
  /** Who served the visitor. */
  clerk: { name: string; staffNo: string } | null;
  /** After this time the pad returns to idle and the ticket is recorded as not rated. */
  deadline: number;
  /** The hall's reasons for a bad rating; OTHER_RATING_REASON is always allowed besides. */
  reasons: string[];
}

/** A rating pad's screen: its window, the clerk on duty, and the rating it is asking for, if any. */
export interface PadState {
  now: number;
  hall: { id: number; name: string; timezone: string };
  window: { id: number; number: string; name: string; status: WindowStatus };
  clerk: ClerkView | null;
  pending: RatingRequestView | null;
}

/** A stored rating, as its submitter sees it. */
export interface RatingView {
  id: number;
  ticketId: number;
  level: number;
  reasons: string[];
  comment: string;
  channel: RatingChannel;
  createdAt: number;
}

export interface RatingResult {
  rating: RatingView;
  /** The 差评 case a bad rating opened, with its deadline (hall-local date). */
  case: { id: number; deadline: string } | null;
}
