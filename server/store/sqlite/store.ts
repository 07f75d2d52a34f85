/**
 * The SQLite implementation of the store (better-sqlite3 + drizzle-orm).
 *
 * better-sqlite3 is synchronous and there is one connection, so transactions are serialized by a
 * promise queue: a transaction holds the connection from BEGIN IMMEDIATE to COMMIT even when the
 * code in between awaits, and reads wait for it, so nobody sees half a change.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Store, StoreTx } from '../store.js';
import { ConfigCache } from './config-cache.js';
import { openDatabase, type Db, type OpenedDatabase } from './database.js';
import { createAuditRepo } from './repositories/audit.js';
import { createCaseFileRepo } from './repositories/case-files.js';
import { createExchangeRepo } from './repositories/exchange.js';
import { createOutboxRepo } from './repositories/outbox.js';
import { createCaseRepo } from './repositories/cases.js';
import { createDeviceRepo } from './repositories/devices.js';
import { createEventRepo } from './repositories/events.js';
import { createHallRepo } from './repositories/halls.js';
import { createIdempotencyRepo } from './repositories/idempotency.js';
import { createPhoneRepo } from './repositories/phone.js';
import { createRatingRepo } from './repositories/ratings.js';
import { createServiceRepo } from './repositories/services.js';
import { createSessionRepo } from './repositories/sessions.js';
import { createStatsRepo } from './repositories/stats.js';
import { createTicketRepo } from './repositories/tickets.js';
import { createUserRepo } from './repositories/users.js';
import { createWindowRepo } from './repositories/windows.js';
import { createZoneRepo } from './repositories/zones.js';

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

  /**
   * Writes a consistent copy of the database to `file` while the hall keeps running: SQLite's
   * online backup API copies pages while writers continue. Not part of `Store`: each engine has
   * its own way (PostgreSQL: pg_dump, base backups).
   */
  async backup(file: string): Promise<void> {
    await this.sqlite.backup(file);
  }

  async close(): Promise<void> {
    await this.scheduler.run('read', async () => {
      if (this.sqlite.open) this.sqlite.close();
    });
  }
}

/** Every repository over the one connection; their statements are prepared here, once. */
function createRepos(db: Db, cache: ConfigCache): StoreTx {
  return {
    halls: createHallRepo(db),
    zones: createZoneRepo(db, cache),
    services: createServiceRepo(db, cache),
    windows: createWindowRepo(db, cache),
    tickets: createTicketRepo(db),
    events: createEventRepo(db),
    idempotency: createIdempotencyRepo(db),
    users: createUserRepo(db),
    sessions: createSessionRepo(db),
    devices: createDeviceRepo(db),
    ratings: createRatingRepo(db),
    phone: createPhoneRepo(db),
    stats: createStatsRepo(db),
    cases: createCaseRepo(db),
    audit: createAuditRepo(db),
    caseFiles: createCaseFileRepo(db),
    outbox: createOutboxRepo(db),
    exchange: createExchangeRepo(db),
  };
}
