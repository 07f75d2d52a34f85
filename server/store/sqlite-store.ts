/**
 * The SQLite implementation of the store (better-sqlite3 + drizzle-orm).
 *
 * better-sqlite3 is synchronous and there is one connection, so transactions are serialized by a
 * promise queue: a transaction holds the connection from BEGIN IMMEDIATE to COMMIT even when the
 * code in between awaits, and reads wait for it, so nobody sees half a change.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { and, asc, desc, eq, gt, gte, inArray, like, lt, lte, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Device, Hall, User } from '../domain/types.js';
import { resolveSettings, type SettingsPatch } from '../domain/settings.js';
import { openDatabase, type Db, type OpenedDatabase } from './database.js';
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

/** Runs async work one piece at a time, in arrival order. */
class Serializer {
  private tail: Promise<unknown> = Promise.resolve();
  // Marks the async context of running work, to refuse a transaction started inside another:
  // it would wait for itself forever.
  private readonly context = new AsyncLocalStorage<true>();

  run<T>(work: () => Promise<T>): Promise<T> {
    if (this.context.getStore()) {
      return Promise.reject(new Error('nested store transaction: use the open transaction instead'));
    }
    const result = this.tail.then(() => this.context.run(true, work));
    this.tail = result.catch(() => undefined);
    return result;
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
  private readonly serializer = new Serializer();
  private readonly tx: StoreTx;
  readonly sqlite: OpenedDatabase['sqlite'];
  readonly db: Db;

  constructor(opened: OpenedDatabase) {
    this.sqlite = opened.sqlite;
    this.db = opened.db;
    this.tx = createRepos(this.db);
  }

  static open(file: string): SqliteStore {
    return new SqliteStore(openDatabase(file));
  }

  transact<T>(work: (tx: StoreTx) => Promise<T>): Promise<T> {
    return this.serializer.run(async () => {
      this.sqlite.exec('BEGIN IMMEDIATE');
      try {
        const result = await work(this.tx);
        this.sqlite.exec('COMMIT');
        return result;
      } catch (err) {
        if (this.sqlite.inTransaction) this.sqlite.exec('ROLLBACK');
        throw err;
      }
    });
  }

  read<T>(work: (tx: StoreTx) => Promise<T>): Promise<T> {
    return this.serializer.run(() => work(this.tx));
  }

  async ping(): Promise<void> {
    await this.serializer.run(async () => {
      this.sqlite.prepare('SELECT 1').get();
    });
  }

  async backup(file: string): Promise<void> {
    // The SQLite online backup API copies pages while writers continue.
    await this.sqlite.backup(file);
  }

  async close(): Promise<void> {
    await this.serializer.run(async () => {
      if (this.sqlite.open) this.sqlite.close();
    });
  }
}

function createRepos(db: Db): StoreTx {
  const halls: HallRepo = {
    async get(id) {
      const row = db.select().from(t.halls).where(eq(t.halls.id, id)).get();
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
      return (row?.settings ?? {}) as SettingsPatch;
    },
  };

  const zones: ZoneRepo = {
    async list(hallId) {
      return db.select().from(t.zones).where(eq(t.zones.hallId, hallId)).orderBy(asc(t.zones.sortOrder), asc(t.zones.id)).all();
    },
    async get(id) {
      return db.select().from(t.zones).where(eq(t.zones.id, id)).get() ?? null;
    },
    async insert(zone) {
      return db.insert(t.zones).values(zone).returning().get();
    },
    async update(id, patch) {
      if (Object.keys(patch).length) db.update(t.zones).set(patch).where(eq(t.zones.id, id)).run();
    },
    async remove(id) {
      db.delete(t.zones).where(eq(t.zones.id, id)).run();
    },
  };

  const services: ServiceRepo = {
    async list(hallId) {
      return db
        .select()
        .from(t.services)
        .where(eq(t.services.hallId, hallId))
        .orderBy(asc(t.services.sortOrder), asc(t.services.id))
        .all();
    },
    async get(id) {
      return db.select().from(t.services).where(eq(t.services.id, id)).get() ?? null;
    },
    async insert(service) {
      return db.insert(t.services).values(service).returning().get();
    },
    async update(id, patch) {
      if (Object.keys(patch).length) db.update(t.services).set(patch).where(eq(t.services.id, id)).run();
    },
  };

  const windows: WindowRepo = {
    async list(hallId) {
      return db.select().from(t.windows).where(eq(t.windows.hallId, hallId)).all().sort(byWindowNumber);
    },
    async get(id) {
      return db.select().from(t.windows).where(eq(t.windows.id, id)).get() ?? null;
    },
    async insert(window) {
      return db.insert(t.windows).values(window).returning().get();
    },
    async update(id, patch) {
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
      const rows = db
        .select({
          windowId: t.windowServices.windowId,
          serviceId: t.windowServices.serviceId,
          tier: t.windowServices.tier,
          weight: t.windowServices.weight,
        })
        .from(t.windowServices)
        .innerJoin(t.windows, eq(t.windows.id, t.windowServices.windowId))
        .where(eq(t.windows.hallId, hallId))
        .orderBy(asc(t.windowServices.tier), asc(t.windowServices.serviceId))
        .all();
      const map = new Map<number, { serviceId: number; tier: number; weight: number }[]>();
      for (const { windowId, ...row } of rows) {
        const list = map.get(windowId) ?? [];
        list.push(row);
        map.set(windowId, list);
      }
      return map;
    },
    async setServedRows(windowId, rows) {
      db.delete(t.windowServices).where(eq(t.windowServices.windowId, windowId)).run();
      if (rows.length) db.insert(t.windowServices).values(rows.map((r) => ({ ...r, windowId }))).run();
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
      if (windowIds.length) db.insert(t.userWindows).values(windowIds.map((windowId) => ({ userId, windowId }))).run();
    },
  };

  const notCancelled = ne(t.tickets.status, 'cancelled');
  const tickets: TicketRepo = {
    async get(id) {
      return db.select().from(t.tickets).where(eq(t.tickets.id, id)).get() ?? null;
    },
    async byCode(publicCode) {
      return db.select().from(t.tickets).where(eq(t.tickets.publicCode, publicCode)).get() ?? null;
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
    async atWindow(windowId, statuses) {
      return db
        .select()
        .from(t.tickets)
        .where(and(eq(t.tickets.windowId, windowId), inArray(t.tickets.status, statuses)))
        .orderBy(asc(t.tickets.calledAt))
        .all();
    },
    async list(f) {
      const where: SQL[] = [eq(t.tickets.hallId, f.hallId), eq(t.tickets.serviceDay, f.serviceDay)];
      if (f.statuses?.length) where.push(inArray(t.tickets.status, f.statuses));
      if (f.serviceIds?.length) where.push(inArray(t.tickets.serviceId, f.serviceIds));
      if (f.windowId !== undefined) where.push(eq(t.tickets.windowId, f.windowId));
      const q = db.select().from(t.tickets).where(and(...where)).orderBy(asc(t.tickets.queuedAt), asc(t.tickets.id));
      return (f.limit ? q.limit(f.limit) : q).all();
    },
    async insert(ticket) {
      return db.insert(t.tickets).values(ticket).returning().get();
    },
    async update(id, expectedVersion, patch) {
      return (
        db
          .update(t.tickets)
          .set({ ...patch, version: sql`${t.tickets.version} + 1` })
          .where(and(eq(t.tickets.id, id), eq(t.tickets.version, expectedVersion)))
          .returning()
          .get() ?? null
      );
    },
    async countIssued(serviceId, serviceDay) {
      const row = db
        .select({ n: sql<number>`count(*)` })
        .from(t.tickets)
        .where(and(eq(t.tickets.originalServiceId, serviceId), eq(t.tickets.serviceDay, serviceDay), notCancelled))
        .get();
      return row?.n ?? 0;
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
      const row = db
        .insert(t.ticketCounters)
        .values({ hallId, serviceDay, prefix, lastSeq: 1 })
        .onConflictDoUpdate({
          target: [t.ticketCounters.hallId, t.ticketCounters.serviceDay, t.ticketCounters.prefix],
          set: { lastSeq: sql`${t.ticketCounters.lastSeq} + 1` },
        })
        .returning({ lastSeq: t.ticketCounters.lastSeq })
        .get();
      return row.lastSeq;
    },
    async queueCounts(hallId, serviceDay) {
      return db
        .select({
          serviceId: t.tickets.serviceId,
          waiting: sql<number>`count(*)`,
          oldestQueuedAt: sql<number | null>`min(${t.tickets.queuedAt})`,
        })
        .from(t.tickets)
        .where(and(eq(t.tickets.hallId, hallId), eq(t.tickets.serviceDay, serviceDay), eq(t.tickets.status, 'waiting')))
        .groupBy(t.tickets.serviceId)
        .all();
    },
    async recentDurations(hallId, serviceDay, perService) {
      const rows = db
        .select({
          serviceId: t.tickets.serviceId,
          duration: sql<number>`${t.tickets.finishedAt} - ${t.tickets.servingAt}`,
        })
        .from(t.tickets)
        .where(
          and(
            eq(t.tickets.hallId, hallId),
            eq(t.tickets.serviceDay, serviceDay),
            eq(t.tickets.status, 'done'),
            sql`${t.tickets.servingAt} IS NOT NULL`,
          ),
        )
        .orderBy(desc(t.tickets.finishedAt))
        .limit(perService * 50)
        .all();
      const map = new Map<number, number[]>();
      for (const r of rows) {
        const list = map.get(r.serviceId) ?? [];
        if (list.length < perService) list.push(r.duration);
        map.set(r.serviceId, list);
      }
      return map;
    },
  };

  const events: EventRepo = {
    async append(hallId, draft) {
      const seqRow = db
        .update(t.halls)
        .set({ lastSeq: sql`${t.halls.lastSeq} + 1` })
        .where(eq(t.halls.id, hallId))
        .returning({ seq: t.halls.lastSeq })
        .get();
      if (!seqRow) throw new Error(`hall ${hallId} does not exist`);
      const row = db
        .insert(t.events)
        .values({
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
        })
        .returning()
        .get();
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
      if (q.text) {
        const pattern = `%${q.text.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
        where.push(
          or(
            sql`${t.events.actorName} LIKE ${pattern} ESCAPE '\\'`,
            sql`${t.events.reason} LIKE ${pattern} ESCAPE '\\'`,
            sql`${t.events.data} LIKE ${pattern} ESCAPE '\\'`,
            like(t.events.type, pattern),
          )!,
        );
      }
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
      const row = db.select().from(t.users).where(eq(t.users.id, id)).get();
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
      return toUser(db.insert(t.users).values({ ...user, createdAt: Date.now() }).returning().get());
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
      const row = db.select().from(t.devices).where(eq(t.devices.tokenHash, tokenHash)).get();
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
      return toDevice(db.insert(t.devices).values({ ...device, createdAt: Date.now() }).returning().get());
    },
    async update(id, patch) {
      if (Object.keys(patch).length) db.update(t.devices).set(patch).where(eq(t.devices.id, id)).run();
    },
  };

  return { halls, zones, services, windows, tickets, events, idempotency, users, sessions, devices };
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

