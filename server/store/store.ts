/**
 * The storage boundary. The domain service and the routes see only these interfaces; SQLite
 * (sqlite-store.ts) is one implementation, and a PostgreSQL store can be another without touching
 * either. Every method is async for that reason, even though SQLite answers synchronously.
 *
 * All writes happen inside `transact`: atomic, and serialized with every other transaction.
 */
import type { Device, Hall, ServedService, Service, Ticket, User, Window, Zone } from '../../common/domain/types.js';
import type { SettingsPatch } from '../../common/domain/settings.js';
import type { Candidate } from '../../common/domain/routing.js';
import type { TicketStatus } from '../../common/vocabulary.js';
import type { EventType } from '../../common/protocol.js';

export interface Store {
  /** Runs `work` atomically. Transactions never interleave; nesting is an error. */
  transact<T>(work: (tx: StoreTx) => Promise<T>): Promise<T>;
  /** Runs `work` against committed data, never in the middle of a transaction. */
  read<T>(work: (tx: StoreTx) => Promise<T>): Promise<T>;
  /** Throws when the database cannot answer (for /api/health). */
  ping(): Promise<void>;
  /** Writes a consistent copy of the database to `file` while the hall keeps running. */
  backup(file: string): Promise<void>;
  close(): Promise<void>;
}

export interface StoreTx {
  halls: HallRepo;
  zones: ZoneRepo;
  services: ServiceRepo;
  windows: WindowRepo;
  tickets: TicketRepo;
  events: EventRepo;
  idempotency: IdempotencyRepo;
  users: UserRepo;
  sessions: SessionRepo;
  devices: DeviceRepo;
  ratings: import('./ratings-repo.js').RatingRepo;
  phone: import('./phone-repo.js').PhoneRepo;
  stats: import('./stats-repo.js').StatsRepo;
  cases: import('./cases-repo.js').CaseRepo;
  audit: import('./audit-repo.js').AuditRepo;
}

export type NewHall = Pick<Hall, 'code' | 'name' | 'timezone' | 'openingHours' | 'notice'> & { settings?: SettingsPatch };
export type HallPatch = Partial<Pick<Hall, 'name' | 'timezone' | 'openingHours' | 'notice'>> & { settings?: SettingsPatch };

export interface HallRepo {
  get(id: number): Promise<Hall | null>;
  byCode(code: string): Promise<Hall | null>;
  list(): Promise<Hall[]>;
  insert(hall: NewHall): Promise<Hall>;
  update(id: number, patch: HallPatch): Promise<void>;
  /** The settings as stored (only what the hall changed). */
  storedSettings(id: number): Promise<SettingsPatch>;
}

export type NewZone = Omit<Zone, 'id'>;
export interface ZoneRepo {
  list(hallId: number): Promise<Zone[]>;
  get(id: number): Promise<Zone | null>;
  insert(zone: NewZone): Promise<Zone>;
  update(id: number, patch: Partial<NewZone>): Promise<void>;
  remove(id: number): Promise<void>;
}

export type NewService = Omit<Service, 'id'>;
export interface ServiceRepo {
  list(hallId: number): Promise<Service[]>;
  get(id: number): Promise<Service | null>;
  insert(service: NewService): Promise<Service>;
  update(id: number, patch: Partial<NewService>): Promise<void>;
}

export type NewWindow = Omit<Window, 'id' | 'priorityStreak' | 'statusChangedAt'> & { statusChangedAt?: number | null };
export type WindowPatch = Partial<Omit<Window, 'id' | 'hallId'>>;
export interface WindowRepo {
  list(hallId: number): Promise<Window[]>;
  get(id: number): Promise<Window | null>;
  insert(window: NewWindow): Promise<Window>;
  update(id: number, patch: WindowPatch): Promise<Window>;
  /** The explicit service rows of a window (specialist windows, or tiers of comprehensive ones). */
  servedRows(windowId: number): Promise<ServedService[]>;
  servedRowsByHall(hallId: number): Promise<Map<number, ServedService[]>>;
  setServedRows(windowId: number, rows: ServedService[]): Promise<void>;
  /** Windows a clerk may staff. */
  permittedWindowIds(userId: number): Promise<number[]>;
  setPermittedWindowIds(userId: number, windowIds: number[]): Promise<void>;
}

export type NewTicket = Omit<Ticket, 'id' | 'version'>;
export interface TicketFilter {
  hallId: number;
  serviceDay: string;
  statuses?: TicketStatus[];
  serviceIds?: number[];
  windowId?: number;
  limit?: number;
}
export interface QueueCount {
  serviceId: number;
  waiting: number;
  oldestQueuedAt: number | null;
}

export type AheadOf = Pick<Ticket, 'id' | 'serviceId' | 'serviceDay' | 'priority' | 'queuedAt' | 'issuedAt'>;

export interface TicketRepo {
  get(id: number): Promise<Ticket | null>;
  byCode(publicCode: string): Promise<Ticket | null>;
  byNumber(hallId: number, serviceDay: string, number: string): Promise<Ticket | null>;
  /** Waiting tickets of a hall's service day, in no particular order. */
  waiting(hallId: number, serviceDay: string): Promise<Ticket[]>;
  /** The same tickets with only what the routing policy reads: cheap enough for every call. */
  waitingCandidates(hallId: number, serviceDay: string): Promise<Candidate[]>;
  /** Tickets at a window in the given statuses (called/serving/held). */
  atWindow(windowId: number, statuses: TicketStatus[]): Promise<Ticket[]>;
  list(filter: TicketFilter): Promise<Ticket[]>;
  /** Tickets of service days before `serviceDay` still in the given statuses, oldest first. */
  staleBefore(hallId: number, serviceDay: string, statuses: TicketStatus[], limit: number): Promise<Ticket[]>;
  insert(ticket: NewTicket): Promise<Ticket>;
  /** Optimistic update: applies only if the ticket still has `expectedVersion`; else null. */
  update(id: number, expectedVersion: number, patch: Partial<NewTicket>): Promise<Ticket | null>;
  /** Issued today for a service, not counting cancelled tickets (a cancelled e-ticket frees its place). */
  countIssued(serviceId: number, serviceDay: string): Promise<number>;
  issuedCounts(hallId: number, serviceDay: string): Promise<Map<number, number>>;
  /** Reserves the next sequence number for a prefix; never hands out the same one twice. */
  nextSeq(hallId: number, serviceDay: string, prefix: string): Promise<number>;
  /** Waiting counts of the given services (all of the hall's when omitted). */
  queueCounts(hallId: number, serviceDay: string, serviceIds?: number[]): Promise<QueueCount[]>;
  /** Durations (ms) of the latest finished services of each given service, newest first. */
  recentDurations(serviceDay: string, serviceIds: number[], perService: number): Promise<Map<number, number[]>>;
  /**
   * How many waiting tickets of the ticket's service are ahead of it, by the rule of
   * `peopleAhead` in common/domain/routing.ts (priority or waiting since `boostBefore` first, then
   * queue order), counted in the database instead of loading the queue.
   */
  countAhead(ticket: AheadOf, boostBefore: number): Promise<number>;
}

export interface EventDraft {
  type: EventType;
  at: number;
  actorKind: string;
  actorId: number | null;
  actorName: string;
  ticketId?: number | null;
  windowId?: number | null;
  reason?: string | null;
  data?: Record<string, unknown>;
}

export interface EventRecord extends Required<EventDraft> {
  hallId: number;
  seq: number;
}

export interface EventQuery {
  hallId: number;
  types?: string[];
  fromAt?: number;
  toAt?: number;
  actorKinds?: string[];
  text?: string;
  beforeSeq?: number;
  limit: number;
}

export interface EventRepo {
  /** Appends an event with the hall's next sequence number. */
  append(hallId: number, draft: EventDraft): Promise<EventRecord>;
  /** Events with seq > afterSeq, oldest first, at most `limit`. */
  since(hallId: number, afterSeq: number, limit: number): Promise<EventRecord[]>;
  /** Newest first. */
  query(q: EventQuery): Promise<EventRecord[]>;
}

export interface IdempotencyRecord {
  scope: string;
  key: string;
  requestHash: string;
  statusCode: number;
  response: string;
  createdAt: number;
}
export interface IdempotencyRepo {
  get(scope: string, key: string): Promise<IdempotencyRecord | null>;
  put(record: IdempotencyRecord): Promise<void>;
  purgeBefore(at: number): Promise<number>;
}

export type NewUser = Omit<User, 'id' | 'failedLogins' | 'lockedUntil'>;
export interface UserRepo {
  get(id: number): Promise<User | null>;
  byUsername(username: string): Promise<User | null>;
  list(hallId: number | null): Promise<User[]>;
  insert(user: NewUser): Promise<User>;
  update(id: number, patch: Partial<Omit<User, 'id'>>): Promise<void>;
}

export interface Session {
  tokenHash: string;
  userId: number;
  csrfToken: string;
  createdAt: number;
  expiresAt: number;
}
export interface SessionRepo {
  get(tokenHash: string): Promise<Session | null>;
  insert(session: Session): Promise<void>;
  remove(tokenHash: string): Promise<void>;
  removeForUser(userId: number): Promise<void>;
  extend(tokenHash: string, expiresAt: number): Promise<void>;
  purgeExpired(now: number): Promise<number>;
}

export type NewDevice = Omit<Device, 'id' | 'lastSeenAt'> & { tokenHash: string | null };
export interface DeviceRepo {
  get(id: number): Promise<Device | null>;
  byTokenHash(tokenHash: string): Promise<Device | null>;
  byPairingCode(hallId: number, code: string): Promise<Device | null>;
  list(hallId: number): Promise<Device[]>;
  insert(device: NewDevice): Promise<Device>;
  update(id: number, patch: Partial<Omit<NewDevice, 'hallId'>> & { lastSeenAt?: number | null }): Promise<void>;
}
