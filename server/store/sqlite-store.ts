/**
 * The SQLite implementation of the store (better-sqlite3 + drizzle-orm).
 *
 * better-sqlite3 is synchronous and there is one connection, so transactions are serialized by a
 * promise queue: a transaction holds the connection from BEGIN IMMEDIATE to COMMIT even when the
 * code in between awaits, and reads wait for it, so nobody sees half a change.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { and, asc, desc, eq, getTableColumns, gt, gte, inArray, lt, lte, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Device, Hall, User } from '../../common/domain/types.js';
import { resolveSettings } from '../../common/domain/settings.js';
import { openDatabase, type Db, type OpenedDatabase } from './database.js';
import { createPhoneRepo } from './phone-repo.js';
import { createAuditRepo } from './audit-repo.js';
import { createCaseRepo } from './cases-repo.js';
import { createRatingRepo } from './ratings-repo.js';
import { containsText } from './sql-text.js';
import { createStatsRepo } from './stats-repo.js';
import * as t from './schema.js';
import type {
  DeviceRepo,
  EventRecord,
  EventRepo,
  HallRepo,
  IdempotencyRepo,
  ServiceRepo,
  SessionRepo,
  Store,
  StoreTx,
  TicketRepo,
  UserRepo,
  WindowRepo,
  ZoneRepo,
} from './store.js';

interface Job {
  kind: 'write' | 'read';
  work: () => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/**
 * Runs store work one piece at a time, in arrival order, with group commit: write transactions
 * that queued up while the connection was busy run together under one BEGIN … COMMIT, each in its
 * own SAVEPOINT. A command that fails rolls back to its savepoint alone; nobody is answered before
 * the shared COMMIT has reached the disk, and if that COMMIT fails every command in it fails.
 * One fsync then serves many commands, which is what lets a hall take a morning rush.
 */
class Scheduler {
  private readonly queue: Job[] = [];
  private running = false;
  private scheduled = false;
  // Marks the async context of running work, to refuse a transaction started inside another:
  // it would wait for itself forever.
  private readonly context = new AsyncLocalStorage<true>();

  constructor(
    private readonly sqlite: OpenedDatabase['sqlite'],
    private readonly cache: ConfigCache,
    private readonly maxBatch = 64,
  ) {}

  run<T>(kind: Job['kind'], work: () => Promise<T>): Promise<T> {
    if (this.context.getStore()) {
      return Promise.reject(new Error('nested store transaction: use the open transaction instead'));
    }
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ kind, work, resolve: resolve as (v: unknown) => void, reject });
      // Start after the current I/O phase, so requests that arrived together commit together.
      if (!this.running && !this.scheduled) {
        this.scheduled = true;
        setImmediate(() => {
          this.scheduled = false;
          void this.drain();
        });
      }
    });
  }

  private async drain(): Promise<void> {
    this.running = true;
    try {
      while (this.queue.length > 0) {
        if (this.queue[0]!.kind === 'read') {
          const job = this.queue.shift()!;
          await this.context.run(true, () => job.work()).then(job.resolve, job.reject);
          continue;
        }
        let n = 0;
        while (n < this.queue.length && n < this.maxBatch && this.queue[n]!.kind === 'write') n++;
        await this.writeBatch(this.queue.splice(0, n));
      }
    } finally {
      this.running = false;
    }
  }

  private async writeBatch(jobs: Job[]): Promise<void> {
    const outcomes: { ok: boolean; value: unknown }[] = [];
    try {
      this.sqlite.exec('BEGIN IMMEDIATE');
    } catch (err) {
      for (const job of jobs) job.reject(err);
      return;
    }
    for (const job of jobs) {
      this.sqlite.exec('SAVEPOINT command');
      try {
        const value = await this.context.run(true, () => job.work());
        this.sqlite.exec('RELEASE command');
        outcomes.push({ ok: true, value });
      } catch (err) {
        if (this.sqlite.inTransaction) {
          this.sqlite.exec('ROLLBACK TO command');
          this.sqlite.exec('RELEASE command');
        }
        this.cache.clear();
        outcomes.push({ ok: false, value: err });
      }
    }
    try {
      if (!this.sqlite.inTransaction) throw new Error('transaction was lost before commit');
      this.sqlite.exec('COMMIT');
    } catch (err) {
      if (this.sqlite.inTransaction) this.sqlite.exec('ROLLBACK');
      this.cache.clear();
      for (const job of jobs) job.reject(err);
      return;
    }
    jobs.forEach((job, i) => (outcomes[i]!.ok ? job.resolve(outcomes[i]!.value) : job.reject(outcomes[i]!.value)));
  }
}

type HallRow = typeof t.halls.$inferSelect;
const toHall = (row: HallRow): Hall => ({
  id: row.id,
  code: row.code,
  name: row.name,
  timezone: row.timezone,
  openingHours: row.openingHours,
  notice: row.notice,
  settings: resolveSettings(row.settings),
  lastSeq: row.lastSeq,
});

type DeviceRow = typeof t.devices.$inferSelect;
const toDevice = ({ tokenHash: _omit, createdAt: _c, ...device }: DeviceRow): Device => device;

type UserRow = typeof t.users.$inferSelect;
const toUser = ({ createdAt: _c, ...user }: UserRow): User => user;

type EventRow = typeof t.events.$inferSelect;
const toEvent = (row: EventRow): EventRecord => ({
  ...row,
  type: row.type as EventRecord['type'],
  ticketId: row.ticketId ?? null,
  windowId: row.windowId ?? null,
  reason: row.reason ?? null,
});

export class SqliteStore implements Store {
  private readonly scheduler: Scheduler;
  private readonly tx: StoreTx;
  readonly sqlite: OpenedDatabase['sqlite'];
  readonly db: Db;

  constructor(opened: OpenedDatabase) {
    this.sqlite = opened.sqlite;
    this.db = opened.db;
    const cache = new ConfigCache();
    this.tx = createRepos(this.db, cache);
    this.scheduler = new Scheduler(this.sqlite, cache);
  }

  static open(file: string): SqliteStore {
    return new SqliteStore(openDatabase(file));
  }

  transact<T>(work: (tx: StoreTx) => Promise<T>): Promise<T> {
    return this.scheduler.run('write', () => work(this.tx));
  }

  read<T>(work: (tx: StoreTx) => Promise<T>): Promise<T> {
    return this.scheduler.run('read', () => work(this.tx));
  }

  async ping(): Promise<void> {
    await this.scheduler.run('read', async () => {
      this.sqlite.prepare('SELECT 1').get();
    });
  }

  async backup(file: string): Promise<void> {
    // The SQLite online backup API copies pages while writers continue.
    await this.sqlite.backup(file);
  }

  async close(): Promise<void> {
    await this.scheduler.run('read', async () => {
      if (this.sqlite.open) this.sqlite.close();
    });
  }
}

/**
 * Per-hall configuration (zones, services, windows, window services) read by every command and
 * snapshot. Any write to those tables clears its entry, and so does any rollback, so the cache
 * never holds what the database does not.
 */
export class ConfigCache {
  private readonly entries = new Map<string, unknown>();

  get<T>(key: string, load: () => T): T {
    if (this.entries.has(key)) return this.entries.get(key) as T;
    const value = load();
    this.entries.set(key, value);
    return value;
  }

  invalidate(prefix: string): void {
    for (const key of this.entries.keys()) if (key.startsWith(prefix)) this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }
}

function createRepos(db: Db, cache: ConfigCache): StoreTx {
  const q = preparedQueries(db);
  const halls: HallRepo = {
    async get(id) {
      const row = q.hallById.get({ id });
      return row ? toHall(row) : null;
    },
    async byCode(code) {
      const row = db.select().from(t.halls).where(eq(t.halls.code, code)).get();
      return row ? toHall(row) : null;
    },
    async list() {
      return db.select().from(t.halls).orderBy(asc(t.halls.id)).all().map(toHall);
    },
    async insert(hall) {
      const row = db
        .insert(t.halls)
        .values({ ...hall, settings: hall.settings ?? {}, createdAt: Date.now() })
        .returning()
        .get();
      return toHall(row);
    },
    async update(id, patch) {
      if (Object.keys(patch).length === 0) return;
      db.update(t.halls).set(patch).where(eq(t.halls.id, id)).run();
    },
    async storedSettings(id) {
      const row = db.select({ settings: t.halls.settings }).from(t.halls).where(eq(t.halls.id, id)).get();
      return row?.settings ?? {};
    },
  };

  const zones: ZoneRepo = {
    async list(hallId) {
      return cache.get(`zones:${hallId}`, () => q.zonesOfHall.all({ hallId })).slice();
    },
    async get(id) {
      return db.select().from(t.zones).where(eq(t.zones.id, id)).get() ?? null;
    },
    async insert(zone) {
      cache.invalidate('zones:');
      return db.insert(t.zones).values(zone).returning().get();
    },
    async update(id, patch) {
      cache.invalidate('zones:');
      if (Object.keys(patch).length) db.update(t.zones).set(patch).where(eq(t.zones.id, id)).run();
    },
    async remove(id) {
      cache.invalidate('zones:');
      db.delete(t.zones).where(eq(t.zones.id, id)).run();
    },
  };

  const services: ServiceRepo = {
    async list(hallId) {
      return cache.get(`services:${hallId}`, () => q.servicesOfHall.all({ hallId })).slice();
    },
    async get(id) {
      return db.select().from(t.services).where(eq(t.services.id, id)).get() ?? null;
    },
    async insert(service) {
      cache.invalidate('services:');
      return db.insert(t.services).values(service).returning().get();
    },
    async update(id, patch) {
      cache.invalidate('services:');
      if (Object.keys(patch).length) db.update(t.services).set(patch).where(eq(t.services.id, id)).run();
    },
  };

  const windows: WindowRepo = {
    async list(hallId) {
      return cache.get(`windows:${hallId}`, () => q.windowsOfHall.all({ hallId }).sort(byWindowNumber)).slice();
    },
    async get(id) {
      return db.select().from(t.windows).where(eq(t.windows.id, id)).get() ?? null;
    },
    async insert(window) {
      cache.invalidate('windows:');
      return db.insert(t.windows).values(window).returning().get();
    },
    async update(id, patch) {
      cache.invalidate('windows:');
      const row = Object.keys(patch).length
        ? db.update(t.windows).set(patch).where(eq(t.windows.id, id)).returning().get()
        : db.select().from(t.windows).where(eq(t.windows.id, id)).get();
      if (!row) throw new Error(`window ${id} vanished during update`);
      return row;
    },
    async servedRows(windowId) {
      return db
        .select({ serviceId: t.windowServices.serviceId, tier: t.windowServices.tier, weight: t.windowServices.weight })
        .from(t.windowServices)
        .where(eq(t.windowServices.windowId, windowId))
        .orderBy(asc(t.windowServices.tier), asc(t.windowServices.serviceId))
        .all();
    },
    async servedRowsByHall(hallId) {
      const rows = cache.get(`served:${hallId}`, () => q.servedRowsOfHall.all({ hallId }));
      const map = new Map<number, { serviceId: number; tier: number; weight: number }[]>();
      for (const { windowId, ...row } of rows) {
        const list = map.get(windowId) ?? [];
        list.push(row);
        map.set(windowId, list);
      }
      return map;
    },
    async setServedRows(windowId, rows) {
      cache.invalidate('served:');
      db.delete(t.windowServices).where(eq(t.windowServices.windowId, windowId)).run();
      if (rows.length)
        db.insert(t.windowServices)
          .values(rows.map((r) => ({ ...r, windowId })))
          .run();
    },
    async permittedWindowIds(userId) {
      return db
        .select({ windowId: t.userWindows.windowId })
        .from(t.userWindows)
        .where(eq(t.userWindows.userId, userId))
        .all()
        .map((r) => r.windowId);
    },
    async setPermittedWindowIds(userId, windowIds) {
      db.delete(t.userWindows).where(eq(t.userWindows.userId, userId)).run();
      if (windowIds.length)
        db.insert(t.userWindows)
          .values(windowIds.map((windowId) => ({ userId, windowId })))
          .run();
    },
  };

  const notCancelled = ne(t.tickets.status, 'cancelled');
  const tickets: TicketRepo = {
    async get(id) {
      return q.ticketById.get({ id }) ?? null;
    },
    async byCode(publicCode) {
      return q.ticketByCode.get({ publicCode }) ?? null;
    },
    async byNumber(hallId, serviceDay, number) {
      return (
        db
          .select()
          .from(t.tickets)
          .where(and(eq(t.tickets.hallId, hallId), eq(t.tickets.serviceDay, serviceDay), eq(t.tickets.number, number)))
          .get() ?? null
      );
    },
    async waiting(hallId, serviceDay) {
      return db
        .select()
        .from(t.tickets)
        .where(and(eq(t.tickets.hallId, hallId), eq(t.tickets.serviceDay, serviceDay), eq(t.tickets.status, 'waiting')))
        .all();
    },
    async waitingCandidates(hallId, serviceDay) {
      return q.waitingCandidates
        .all({ hallId, serviceDay })
        .map((r) => ({ ...r, requeued: r.requeued === 1, transferred: r.transferred === 1 }));
    },
    async atWindow(windowId, statuses) {
      return q.ticketsAtWindow.all({ windowId }).filter((row) => statuses.includes(row.status));
    },
    async list(f) {
      const where: SQL[] = [eq(t.tickets.hallId, f.hallId), eq(t.tickets.serviceDay, f.serviceDay)];
      if (f.statuses?.length) where.push(inArray(t.tickets.status, f.statuses));
      if (f.serviceIds?.length) where.push(inArray(t.tickets.serviceId, f.serviceIds));
      if (f.windowId !== undefined) where.push(eq(t.tickets.windowId, f.windowId));
      const q = db
        .select()
        .from(t.tickets)
        .where(and(...where))
        .orderBy(asc(t.tickets.queuedAt), asc(t.tickets.id));
      return (f.limit ? q.limit(f.limit) : q).all();
    },
    async staleBefore(hallId, serviceDay, statuses, limit) {
      return db
        .select()
        .from(t.tickets)
        .where(and(eq(t.tickets.hallId, hallId), lt(t.tickets.serviceDay, serviceDay), inArray(t.tickets.status, statuses)))
        .orderBy(asc(t.tickets.serviceDay), asc(t.tickets.id))
        .limit(limit)
        .all();
    },
    async insert(ticket) {
      return q.insertTicket.get(ticket);
    },
    async update(id, expectedVersion, patch) {
      const current = q.ticketById.get({ id });
      if (!current || current.version !== expectedVersion) return null;
      return q.updateTicket.get({ ...current, ...patch, id, expectedVersion }) ?? null;
    },
    async countIssued(serviceId, serviceDay) {
      return q.countIssued.get({ serviceId, serviceDay })?.n ?? 0;
    },
    async issuedCounts(hallId, serviceDay) {
      const rows = db
        .select({ serviceId: t.tickets.originalServiceId, n: sql<number>`count(*)` })
        .from(t.tickets)
        .where(and(eq(t.tickets.hallId, hallId), eq(t.tickets.serviceDay, serviceDay), notCancelled))
        .groupBy(t.tickets.originalServiceId)
        .all();
      return new Map(rows.map((r) => [r.serviceId, r.n]));
    },
    async nextSeq(hallId, serviceDay, prefix) {
      return q.nextSeq.get({ hallId, serviceDay, prefix }).lastSeq;
    },
    async queueCounts(hallId, serviceDay, serviceIds) {
      if (serviceIds) return serviceIds.map((serviceId) => ({ serviceId, ...q.queueOfService.get({ serviceId, serviceDay })! }));
      return q.queueOfHall.all({ hallId, serviceDay });
    },
    async recentDurations(serviceDay, serviceIds, perService) {
      const map = new Map<number, number[]>();
      for (const serviceId of serviceIds) {
        map.set(
          serviceId,
          q.recentDurations.all({ serviceId, serviceDay, limit: perService }).map((r) => r.duration),
        );
      }
      return map;
    },
    async countAhead(ticket, boostBefore) {
      const rank = ticket.priority !== 'normal' || ticket.queuedAt <= boostBefore ? 0 : 1;
      const row = q.countAhead.get({
        id: ticket.id,
        serviceId: ticket.serviceId,
        serviceDay: ticket.serviceDay,
        boostBefore,
        rank,
        queuedAt: ticket.queuedAt,
        issuedAt: ticket.issuedAt,
      });
      return row?.n ?? 0;
    },
  };

  const events: EventRepo = {
    async append(hallId, draft) {
      const seqRow = q.nextEventSeq.get({ hallId });
      if (!seqRow) throw new Error(`hall ${hallId} does not exist`);
      const row = q.insertEvent.get({
        hallId,
        seq: seqRow.seq,
        type: draft.type,
        at: draft.at,
        actorKind: draft.actorKind,
        actorId: draft.actorId,
        actorName: draft.actorName,
        ticketId: draft.ticketId ?? null,
        windowId: draft.windowId ?? null,
        reason: draft.reason ?? null,
        data: draft.data ?? {},
      });
      return toEvent(row);
    },
    async since(hallId, afterSeq, limit) {
      return db
        .select()
        .from(t.events)
        .where(and(eq(t.events.hallId, hallId), gt(t.events.seq, afterSeq)))
        .orderBy(asc(t.events.seq))
        .limit(limit)
        .all()
        .map(toEvent);
    },
    async query(q) {
      const where: SQL[] = [eq(t.events.hallId, q.hallId)];
      if (q.types?.length) where.push(inArray(t.events.type, q.types));
      if (q.actorKinds?.length) where.push(inArray(t.events.actorKind, q.actorKinds));
      if (q.fromAt !== undefined) where.push(gte(t.events.at, q.fromAt));
      if (q.toAt !== undefined) where.push(lte(t.events.at, q.toAt));
      if (q.beforeSeq !== undefined) where.push(lt(t.events.seq, q.beforeSeq));
      if (q.text) where.push(containsText(q.text, [t.events.actorName, t.events.reason, t.events.data, t.events.type]));
      return db
        .select()
        .from(t.events)
        .where(and(...where))
        .orderBy(desc(t.events.seq))
        .limit(q.limit)
        .all()
        .map(toEvent);
    },
  };

  const idempotency: IdempotencyRepo = {
    async get(scope, key) {
      return (
        db
          .select()
          .from(t.idempotencyKeys)
          .where(and(eq(t.idempotencyKeys.scope, scope), eq(t.idempotencyKeys.key, key)))
          .get() ?? null
      );
    },
    async put(record) {
      db.insert(t.idempotencyKeys).values(record).run();
    },
    async purgeBefore(at) {
      return db.delete(t.idempotencyKeys).where(lt(t.idempotencyKeys.createdAt, at)).run().changes;
    },
  };

  const users: UserRepo = {
    async get(id) {
      const row = q.userById.get({ id });
      return row ? toUser(row) : null;
    },
    async byUsername(username) {
      const row = db.select().from(t.users).where(eq(t.users.username, username)).get();
      return row ? toUser(row) : null;
    },
    async list(hallId) {
      const q = db.select().from(t.users);
      const rows = hallId === null ? q.all() : q.where(or(eq(t.users.hallId, hallId), sql`${t.users.hallId} IS NULL`)).all();
      return rows.map(toUser).sort((a, b) => a.id - b.id);
    },
    async insert(user) {
      return toUser(
        db
          .insert(t.users)
          .values({ ...user, createdAt: Date.now() })
          .returning()
          .get(),
      );
    },
    async update(id, patch) {
      if (Object.keys(patch).length) db.update(t.users).set(patch).where(eq(t.users.id, id)).run();
    },
  };

  const sessions: SessionRepo = {
    async get(tokenHash) {
      return db.select().from(t.sessions).where(eq(t.sessions.tokenHash, tokenHash)).get() ?? null;
    },
    async insert(session) {
      db.insert(t.sessions).values(session).run();
    },
    async remove(tokenHash) {
      db.delete(t.sessions).where(eq(t.sessions.tokenHash, tokenHash)).run();
    },
    async removeForUser(userId) {
      db.delete(t.sessions).where(eq(t.sessions.userId, userId)).run();
    },
    async extend(tokenHash, expiresAt) {
      db.update(t.sessions).set({ expiresAt }).where(eq(t.sessions.tokenHash, tokenHash)).run();
    },
    async purgeExpired(now) {
      return db.delete(t.sessions).where(lt(t.sessions.expiresAt, now)).run().changes;
    },
  };

  const devices: DeviceRepo = {
    async get(id) {
      const row = db.select().from(t.devices).where(eq(t.devices.id, id)).get();
      return row ? toDevice(row) : null;
    },
    async byTokenHash(tokenHash) {
      const row = q.deviceByToken.get({ tokenHash });
      return row ? toDevice(row) : null;
    },
    async byPairingCode(hallId, code) {
      const row = db
        .select()
        .from(t.devices)
        .where(and(eq(t.devices.hallId, hallId), eq(t.devices.pairingCode, code), eq(t.devices.status, 'pending')))
        .get();
      return row ? toDevice(row) : null;
    },
    async list(hallId) {
      return db.select().from(t.devices).where(eq(t.devices.hallId, hallId)).orderBy(asc(t.devices.id)).all().map(toDevice);
    },
    async insert(device) {
      return toDevice(
        db
          .insert(t.devices)
          .values({ ...device, createdAt: Date.now() })
          .returning()
          .get(),
      );
    },
    async update(id, patch) {
      if (Object.keys(patch).length) db.update(t.devices).set(patch).where(eq(t.devices.id, id)).run();
    },
  };

  return {
    halls,
    zones,
    services,
    windows,
    tickets,
    events,
    idempotency,
    users,
    sessions,
    devices,
    ratings: createRatingRepo(db),
    phone: createPhoneRepo(db),
    stats: createStatsRepo(db),
    cases: createCaseRepo(db),
    audit: createAuditRepo(db),
  };
}

/** Window "2" before "10"; non-numeric numbers after, alphabetically. */
function byWindowNumber(a: { number: string }, b: { number: string }): number {
  const na = Number(a.number);
  const nb = Number(b.number);
  if (Number.isFinite(na) && Number.isFinite(nb)) return na - nb;
  if (Number.isFinite(na)) return -1;
  if (Number.isFinite(nb)) return 1;
  return a.number.localeCompare(b.number, 'zh-CN');
}

/**
 * Queries on the hot paths (every command and snapshot), built and prepared once per connection
 * instead of per call.
 */
function preparedQueries(db: Db) {
  const p = sql.placeholder;
  const waitingOf = and(
    eq(t.tickets.serviceId, p('serviceId')),
    eq(t.tickets.serviceDay, p('serviceDay')),
    eq(t.tickets.status, 'waiting'),
  );
  const rankSql = sql`(CASE WHEN ${t.tickets.priority} != 'normal' OR ${t.tickets.queuedAt} <= ${p('boostBefore')} THEN 0 ELSE 1 END)`;
  /** Every column of a table as a placeholder of the same name, for prepared inserts and updates. */
  const placeholders = (columns: string[]) => Object.fromEntries(columns.map((c) => [c, p(c)]));
  const ticketColumns = Object.keys(getTableColumns(t.tickets)).filter((c) => c !== 'id' && c !== 'version');
  const eventColumns = Object.keys(getTableColumns(t.events));
  return {
    insertTicket: db
      .insert(t.tickets)
      .values(placeholders(ticketColumns) as never)
      .returning()
      .prepare(),
    updateTicket: db
      .update(t.tickets)
      .set({ ...placeholders(ticketColumns.filter((c) => c !== 'hallId')), version: sql`${t.tickets.version} + 1` })
      .where(and(eq(t.tickets.id, p('id')), eq(t.tickets.version, p('expectedVersion'))))
      .returning()
      .prepare(),
    nextSeq: db
      .insert(t.ticketCounters)
      .values({ hallId: p('hallId'), serviceDay: p('serviceDay'), prefix: p('prefix'), lastSeq: 1 } as never)
      .onConflictDoUpdate({
        target: [t.ticketCounters.hallId, t.ticketCounters.serviceDay, t.ticketCounters.prefix],
        set: { lastSeq: sql`${t.ticketCounters.lastSeq} + 1` },
      })
      .returning({ lastSeq: t.ticketCounters.lastSeq })
      .prepare(),
    nextEventSeq: db
      .update(t.halls)
      .set({ lastSeq: sql`${t.halls.lastSeq} + 1` })
      .where(eq(t.halls.id, p('hallId')))
      .returning({ seq: t.halls.lastSeq })
      .prepare(),
    insertEvent: db
      .insert(t.events)
      .values(placeholders(eventColumns) as never)
      .returning()
      .prepare(),
    hallById: db
      .select()
      .from(t.halls)
      .where(eq(t.halls.id, p('id')))
      .prepare(),
    zonesOfHall: db
      .select()
      .from(t.zones)
      .where(eq(t.zones.hallId, p('hallId')))
      .orderBy(asc(t.zones.sortOrder), asc(t.zones.id))
      .prepare(),
    servicesOfHall: db
      .select()
      .from(t.services)
      .where(eq(t.services.hallId, p('hallId')))
      .orderBy(asc(t.services.sortOrder), asc(t.services.id))
      .prepare(),
    windowsOfHall: db
      .select()
      .from(t.windows)
      .where(eq(t.windows.hallId, p('hallId')))
      .prepare(),
    servedRowsOfHall: db
      .select({
        windowId: t.windowServices.windowId,
        serviceId: t.windowServices.serviceId,
        tier: t.windowServices.tier,
        weight: t.windowServices.weight,
      })
      .from(t.windowServices)
      .innerJoin(t.windows, eq(t.windows.id, t.windowServices.windowId))
      .where(eq(t.windows.hallId, p('hallId')))
      .orderBy(asc(t.windowServices.tier), asc(t.windowServices.serviceId))
      .prepare(),
    userById: db
      .select()
      .from(t.users)
      .where(eq(t.users.id, p('id')))
      .prepare(),
    deviceByToken: db
      .select()
      .from(t.devices)
      .where(eq(t.devices.tokenHash, p('tokenHash')))
      .prepare(),
    ticketById: db
      .select()
      .from(t.tickets)
      .where(eq(t.tickets.id, p('id')))
      .prepare(),
    waitingCandidates: db
      .select({
        id: t.tickets.id,
        serviceId: t.tickets.serviceId,
        priority: t.tickets.priority,
        queuedAt: t.tickets.queuedAt,
        issuedAt: t.tickets.issuedAt,
        targetWindowId: t.tickets.targetWindowId,
        requeued: sql<number>`${t.tickets.noShowAt} IS NOT NULL`,
        transferred: sql<number>`json_array_length(${t.tickets.transfers}) > 0`,
      })
      .from(t.tickets)
      .where(and(eq(t.tickets.hallId, p('hallId')), eq(t.tickets.serviceDay, p('serviceDay')), eq(t.tickets.status, 'waiting')))
      .prepare(),
    ticketByCode: db
      .select()
      .from(t.tickets)
      .where(eq(t.tickets.publicCode, p('publicCode')))
      .prepare(),
    ticketsAtWindow: db
      .select()
      .from(t.tickets)
      .where(and(eq(t.tickets.windowId, p('windowId')), inArray(t.tickets.status, ['called', 'serving', 'held'])))
      .orderBy(asc(t.tickets.calledAt))
      .prepare(),
    countIssued: db
      .select({ n: sql<number>`count(*)` })
      .from(t.tickets)
      .where(
        and(eq(t.tickets.originalServiceId, p('serviceId')), eq(t.tickets.serviceDay, p('serviceDay')), ne(t.tickets.status, 'cancelled')),
      )
      .prepare(),
    queueOfService: db
      .select({ waiting: sql<number>`count(*)`, oldestQueuedAt: sql<number | null>`min(${t.tickets.queuedAt})` })
      .from(t.tickets)
      .where(waitingOf)
      .prepare(),
    queueOfHall: db
      .select({
        serviceId: t.tickets.serviceId,
        waiting: sql<number>`count(*)`,
        oldestQueuedAt: sql<number | null>`min(${t.tickets.queuedAt})`,
      })
      .from(t.tickets)
      .where(and(eq(t.tickets.hallId, p('hallId')), eq(t.tickets.serviceDay, p('serviceDay')), eq(t.tickets.status, 'waiting')))
      .groupBy(t.tickets.serviceId)
      .prepare(),
    recentDurations: db
      .select({ duration: sql<number>`${t.tickets.finishedAt} - ${t.tickets.servingAt}` })
      .from(t.tickets)
      .where(
        and(
          eq(t.tickets.serviceId, p('serviceId')),
          eq(t.tickets.serviceDay, p('serviceDay')),
          eq(t.tickets.status, 'done'),
          sql`${t.tickets.servingAt} IS NOT NULL`,
        ),
      )
      .orderBy(desc(t.tickets.finishedAt))
      .limit(p('limit'))
      .prepare(),
    countAhead: db
      .select({ n: sql<number>`count(*)` })
      .from(t.tickets)
      .where(
        and(
          waitingOf,
          sql`${t.tickets.targetWindowId} IS NULL`,
          ne(t.tickets.id, p('id')),
          sql`(${rankSql} < ${p('rank')} OR (${rankSql} = ${p('rank')} AND (${t.tickets.queuedAt}, ${t.tickets.issuedAt}, ${t.tickets.id}) < (${p('queuedAt')}, ${p('issuedAt')}, ${p('id')})))`,
        ),
      )
      .prepare(),
  };
}
