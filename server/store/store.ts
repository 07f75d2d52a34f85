/**
 * The storage boundary. The domain service and the routes see only these interfaces and the
 * repository interfaces in repositories/ (one file per repository, named as its key in `StoreTx`).
 * SQLite (sqlite/) is one implementation, and a PostgreSQL store can be another without touching
 * either; both pass the contract suite in test/store/contract/. Every method is async for that
 * reason, even though SQLite answers synchronously.
 *
 * All writes happen inside `transact`: atomic, and serialized with every other transaction.
 */
import type { AuditRepo } from './repositories/audit.js';
import type { CaseFileRepo } from './repositories/case-files.js';
import type { CaseRepo } from './repositories/cases.js';
import type { DeviceRepo } from './repositories/devices.js';
import type { EventRepo } from './repositories/events.js';
import type { ExchangeRepo } from './repositories/exchange.js';
import type { HallRepo } from './repositories/halls.js';
import type { IdempotencyRepo } from './repositories/idempotency.js';
import type { OutboxRepo } from './repositories/outbox.js';
import type { PhoneRepo } from './repositories/phone.js';
import type { RatingRepo } from './repositories/ratings.js';
import type { ServiceRepo } from './repositories/services.js';
import type { SessionRepo } from './repositories/sessions.js';
import type { StatsRepo } from './repositories/stats.js';
import type { TicketRepo } from './repositories/tickets.js';
import type { UserRepo } from './repositories/users.js';
import type { WindowRepo } from './repositories/windows.js';
import type { ZoneRepo } from './repositories/zones.js';

export interface Store {
  /** Runs `work` atomically. Transactions never interleave; nesting is an error. */
  transact<T>(work: (tx: StoreTx) => Promise<T>): Promise<T>;
  /** Runs `work` against committed data, never in the middle of a transaction. */
  read<T>(work: (tx: StoreTx) => Promise<T>): Promise<T>;
  /** Throws when the database cannot answer (for /api/health). */
  ping(): Promise<void>;
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
  ratings: RatingRepo;
  phone: PhoneRepo;
  stats: StatsRepo;
  cases: CaseRepo;
  audit: AuditRepo;
  /** 办件 attached to tickets. */
  caseFiles: CaseFileRepo;
  /** Messages to the provincial 好差评 platform. */
  outbox: OutboxRepo;
  /** A hall's endpoint, secret and API keys of the exchange. */
  exchange: ExchangeRepo;
}
