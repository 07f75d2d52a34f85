/**
 * The unit of work's contract (server/services/unit-of-work.ts), on a real SQLite file: events go
 * out only after the commit and never for a failed command; a failed command writes nothing; a
 * retry with the same idempotency key answers the first result without acting again, and the same
 * key for another request is refused; one command's events take consecutive sequence numbers
 * (docs/design.md, invariants 1, 5 and 8).
 */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { errors } from '../../common/domain/errors.js';
import type { Actor } from '../../common/domain/types.js';
import { EventBus, type PublishedEvent } from '../../server/services/event-bus.js';
import { actorScope, UnitOfWork, type CommandContext } from '../../server/services/unit-of-work.js';
import { SqliteStore } from '../../server/store/sqlite/store.js';
import { testClock, type TestClock } from '../helpers/clock.js';
import { fingerprint } from '../helpers/fingerprint.js';

let dir: string;
let store: SqliteStore;
let clock: TestClock;
let uow: UnitOfWork;
let hallId: number;
let otherHallId: number;
/** A second connection to the same file: it sees only what is committed. */
let reader: Database.Database;
/** Each batch the bus published, and how many of the hall's events were committed at that moment. */
let batches: { events: PublishedEvent[]; committedEvents: number }[];

const manager = (hall: number): Actor => ({ kind: 'user', id: 1, name: '王经理', role: 'manager', hallId: hall });
const committedEvents = (): number => (reader.prepare('SELECT COUNT(*) AS n FROM events WHERE hall_id = ?').get(hallId) as { n: number }).n;
const seqs = () => batches.map((b) => b.events.map((e) => e.record.seq));
const notice = (c: CommandContext, text: string) => c.emit({ type: 'hall:notice', data: { notice: text } }, { notice: text });

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'uow-test-'));
  store = SqliteStore.open(join(dir, 'hall.db'));
  clock = testClock();
  const hall = (code: string) => ({
    code,
    name: `${code} 大厅`,
    timezone: 'Asia/Shanghai',
    openingHours: '08:30-17:30',
    notice: '',
    settings: {},
  });
  [hallId, otherHallId] = await store.transact(async (tx) => [
    (await tx.halls.insert(hall('one'))).id,
    (await tx.halls.insert(hall('two'))).id,
  ]);
  reader = new Database(join(dir, 'hall.db'));
  batches = [];
  const bus = new EventBus((err) => {
    throw err;
  });
  bus.subscribe((events) => batches.push({ events, committedEvents: committedEvents() }));
  uow = new UnitOfWork(store, bus, clock);
});

afterEach(async () => {
  reader.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('publishing', () => {
  it("publishes a command's events once, after its commit, with consecutive sequence numbers", async () => {
    const answer = await uow.command(manager(hallId), hallId, undefined, async (c) => {
      await notice(c, '一');
      await notice(c, '二');
      await notice(c, '三');
      // Nothing goes out while the transaction is open.
      expect(batches).toEqual([]);
      return 'done';
    });
    expect(answer).toBe('done');
    expect(seqs()).toEqual([[1, 2, 3]]);
    // Screens that hear of an event and ask for it find it committed.
    expect(batches[0]!.committedEvents).toBe(3);
    const [first] = batches[0]!.events;
    expect(first).toMatchObject({
      hallId,
      record: { seq: 1, type: 'hall:notice', actorKind: 'user', actorId: 1, actorName: '王经理', at: clock() },
      message: { seq: 1, type: 'hall:notice', notice: '一' },
      scope: { audience: 'public' },
    });

    // The next command goes on from the hall's last number.
    await uow.command(manager(hallId), hallId, undefined, async (c) => {
      await notice(c, '四');
      await notice(c, '五');
    });
    expect(seqs()).toEqual([
      [1, 2, 3],
      [4, 5],
    ]);
    expect(await store.read(async (tx) => (await tx.halls.get(hallId))!.lastSeq)).toBe(5);
  });

  it('a failed command writes nothing and publishes nothing, and takes no sequence number', async () => {
    await uow.command(manager(hallId), hallId, undefined, (c) => notice(c, '一'));
    const before = fingerprint(store);
    const refusal = errors.reasonRequired();

    const failed = uow.command(manager(hallId), hallId, { key: 'failing-0001', requestHash: 'h1' }, async (c) => {
      await c.tx.halls.update(hallId, { notice: '不该留下' });
      await notice(c, '二');
      await notice(c, '三');
      throw refusal;
    });
    await expect(failed).rejects.toBe(refusal);
    expect(fingerprint(store)).toBe(before);
    expect(await store.read((tx) => tx.idempotency.get(actorScope(manager(hallId)), 'failing-0001'))).toBeNull();

    // The marker: the next command's events are the next batch, numbered on from the first one.
    await uow.command(manager(hallId), hallId, undefined, (c) => notice(c, '四'));
    expect(seqs()).toEqual([[1], [2]]);
    expect(batches.flatMap((b) => b.events.map((e) => e.message.notice))).toEqual(['一', '四']);
  });

  it('commands committed together publish their own events only, the failed one none', async () => {
    const results = await Promise.allSettled([
      uow.command(manager(hallId), hallId, undefined, (c) => notice(c, '甲')),
      uow.command(manager(hallId), hallId, undefined, async (c) => {
        await notice(c, '乙');
        throw errors.reasonRequired();
      }),
      uow.command(manager(hallId), hallId, undefined, (c) => notice(c, '丙')),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(batches.flatMap((b) => b.events.map((e) => [e.record.seq, e.message.notice]))).toEqual([
      [1, '甲'],
      [2, '丙'],
    ]);
    // Both went out after the shared commit.
    expect(batches.map((b) => b.committedEvents)).toEqual([2, 2]);
  });
});

describe('idempotency', () => {
  it('a retry with the same key answers the first result and does not act again', async () => {
    let runs = 0;
    const work = async (c: CommandContext) => {
      runs++;
      await notice(c, `第${runs}次`);
      return { run: runs, at: c.now };
    };
    const first = await uow.command(manager(hallId), hallId, { key: 'retry-0001', requestHash: 'h1' }, work);
    clock.advance(5_000);
    const retry = await uow.command(manager(hallId), hallId, { key: 'retry-0001', requestHash: 'h1' }, work);
    expect(first).toEqual({ run: 1, at: Date.parse('2026-11-23T09:00:00+08:00') });
    expect(retry).toEqual(first);
    expect(runs).toBe(1);
    expect(seqs()).toEqual([[1]]);
    expect(committedEvents()).toBe(1);

    // Keys belong to their actor: another actor's same key is another command.
    const someoneElse: Actor = { kind: 'user', id: 2, name: '李经理', role: 'manager', hallId };
    expect(await uow.command(someoneElse, hallId, { key: 'retry-0001', requestHash: 'h1' }, work)).toEqual({ run: 2, at: clock() });
    expect(seqs()).toEqual([[1], [2]]);
  });

  it('the same key for a different request is refused, and nothing is done', async () => {
    let runs = 0;
    const work = async (c: CommandContext) => {
      runs++;
      await notice(c, '一');
      return runs;
    };
    await uow.command(manager(hallId), hallId, { key: 'mismatch-0001', requestHash: 'h1' }, work);
    const before = fingerprint(store);
    await expect(uow.command(manager(hallId), hallId, { key: 'mismatch-0001', requestHash: 'h2' }, work)).rejects.toMatchObject({
      statusCode: 422,
      code: 'idempotency_mismatch',
    });
    expect(runs).toBe(1);
    expect(fingerprint(store)).toBe(before);
    expect(seqs()).toEqual([[1]]);
  });
});

describe('the hall', () => {
  it('refuses an actor of another hall, and an unknown hall, before the work runs', async () => {
    let runs = 0;
    const work = async () => {
      runs++;
    };
    await expect(uow.command(manager(otherHallId), hallId, undefined, work)).rejects.toMatchObject({ statusCode: 403, code: 'wrong_hall' });
    await expect(uow.command(manager(hallId), 9999, undefined, work)).rejects.toMatchObject({ statusCode: 404, code: 'not_found' });
    expect(runs).toBe(0);
    expect(batches).toEqual([]);
  });

  it('gives the work the hall, its configuration and the time of the command', async () => {
    clock.set('2026-11-24T08:00:00+08:00');
    const seen = await uow.command(manager(hallId), hallId, undefined, async (c) => ({
      hall: c.hall.code,
      day: c.ctx.day,
      now: c.now,
    }));
    expect(seen).toEqual({ hall: 'one', day: '2026-11-24', now: Date.parse('2026-11-24T08:00:00+08:00') });
  });
});
