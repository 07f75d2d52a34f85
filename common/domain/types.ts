/**
 * Domain entities as the domain rules see them. The store maps rows to these shapes;
 * the rules never see a database row or a request.
 */
import type { HallSettings } from './settings.js';
import type {
  DeviceKind,
  DeviceState,
  PriorityKind,
  Role,
  TicketSource,
  TicketStatus,
  TransferStep,
  WindowMode,
  WindowStatus,
  CallReason,
} from '../vocabulary.js';

export type * from '../vocabulary.js';

export interface Hall {
  id: number;
  code: string;
  name: string;
  timezone: string;
  openingHours: string;
  notice: string;
  settings: HallSettings;
  lastSeq: number;
  /** 行政区划代码 (12 digits) and 统一社会信用代码, reported with every rating; null until configured. */
  regionCode: string | null;
  orgCode: string | null;
}

export interface Zone {
  id: number;
  hallId: number;
  name: string;
  nameEn: string;
  kind: string;
  sortOrder: number;
}

export interface Service {
  id: number;
  hallId: number;
  zoneId: number | null;
  name: string;
  nameEn: string;
  prefix: string;
  dailyQuota: number | null;
  openingHours: string | null;
  expectedMinutes: number;
  enabled: boolean;
  sortOrder: number;
}

/** A service a window serves, with its order (tier) and weight. */
export interface ServedService {
  serviceId: number;
  tier: number;
  weight: number;
}

export interface Window {
  id: number;
  hallId: number;
  zoneId: number | null;
  number: string;
  name: string;
  mode: WindowMode;
  status: WindowStatus;
  pauseReason: string | null;
  statusChangedAt: number | null;
  clerkId: number | null;
  backupClerkId: number | null;
  priorityStreak: number;
  printsRatingSlip: boolean;
  enabled: boolean;
}

export interface Ticket {
  id: number;
  hallId: number;
  serviceDay: string;
  prefix: string;
  seq: number;
  number: string;
  publicCode: string;
  serviceId: number;
  originalServiceId: number;
  priority: PriorityKind;
  source: TicketSource;
  status: TicketStatus;
  issuedAt: number;
  queuedAt: number;
  targetWindowId: number | null;
  windowId: number | null;
  clerkId: number | null;
  calledAt: number | null;
  firstCalledAt: number | null;
  servingAt: number | null;
  finishedAt: number | null;
  noShowAt: number | null;
  heldAt: number | null;
  cancelledAt: number | null;
  cancelReason: string | null;
  recallCount: number;
  callReason: CallReason | null;
  transfers: TransferStep[];
  phone: string | null;
  bookingId: number | null;
  printStatus: string | null;
  ratingStatus: string | null;
  ratingDeadline: number | null;
  version: number;
}

export interface User {
  id: number;
  hallId: number | null;
  username: string;
  displayName: string;
  staffNo: string;
  role: Role;
  passwordHash: string;
  photoUrl: string | null;
  disabled: boolean;
  failedLogins: number;
  lockedUntil: number | null;
}

export interface Device {
  id: number;
  hallId: number;
  kind: DeviceKind;
  name: string;
  status: 'pending' | 'active' | 'revoked';
  pairingCode: string | null;
  pairingExpiresAt: number | null;
  windowId: number | null;
  zoneId: number | null;
  printerId: number | null;
  address: string | null;
  settings: Record<string, unknown>;
  state: DeviceState;
  lastSeenAt: number | null;
}

/** Who did something: recorded on every event. */
export type Actor =
  | { kind: 'user'; id: number; name: string; role: Role; hallId: number | null }
  | { kind: 'device'; id: number; name: string; deviceKind: DeviceKind; hallId: number }
  | { kind: 'visitor'; id: null; name: string }
  | { kind: 'system'; id: null; name: string };

export const SYSTEM: Actor = { kind: 'system', id: null, name: 'system' };
