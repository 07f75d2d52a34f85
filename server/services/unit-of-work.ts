/**
 * The unit of work: how every state change runs, whichever service asks. One command is one store
 * transaction that
 *  - answers a retry from its idempotency key (a repeat returns the first result; the same key
 *    for a different request is refused; docs/design.md, invariant 1),
 *  - loads the hall and its configuration (HallContext) and checks the actor's hall,
 *  - lets the work `emit` events, each appended with the hall's next sequence number
 *    (docs/design.md, invariant 5) and turned into its realtime message (event-message.ts),
 *  - records the result under the idempotency key,
 * and publishes the events on the EventBus only after the commit: a command that fails publishes
 * nothing and writes nothing. What a command does (tickets, windows, bookings…) is its service's
 * business; this module knows only events and the hall.
 */
import { errors } from '../../common/domain/errors.js';
import type { Actor, Hall } from '../../common/domain/types.js';
import type { EventDraft } from '../store/repositories/events.js';
import type { Store, StoreTx } from '../store/store.js';
import type { EventBus, PublishedEvent } from './event-bus.js';
import { buildMessage, type EmitExtra } from './event-message.js';
import { assertHall, loadHall } from './guards.js';
import { HallContext } from './views.js';

export type Clock = () => number;

/** A client-chosen key that makes a command safe to retry, and a hash of what it asked. */
export interface Idempotency {
  key: string;
  requestHash: string;
}

/** What a command handler gets: the open transaction, the hall, the time, and `emit`. */
export interface CommandContext {
  tx: StoreTx;
  ctx: HallContext;
  hall: Hall;
  now: number;
  actor: Actor;
  emit: (draft: Omit<EventDraft, 'at' | 'actorKind' | 'actorId' | 'actorName'>, extra?: EmitExtra) => Promise<void>;
}

/** Idempotency keys are the actor's own: two clerks choosing the same key never see each other's result. */
export const actorScope = (actor: Actor): string => `${actor.kind}:${actor.id ?? actor.name}`;

export class UnitOfWork {
  constructor(
    private readonly store: Store,
    private readonly bus: EventBus,
    readonly clock: Clock = Date.now,
  ) {}

  /**
   * Runs `work` as one command in one transaction. With an idempotency key, a repeat returns the
   * first result instead of acting again; the same key for a different request is refused.
   */
  async command<T>(
    actor: Actor,
    hallId: number,
    idempotency: Idempotency | undefined,
    work: (c: CommandContext) => Promise<T>,
  ): Promise<T> {
    const published: PublishedEvent[] = [];
    const result = await this.store.transact(async (tx) => {
      const scope = actorScope(actor);
      if (idempotency) {
        const previous = await tx.idempotency.get(scope, idempotency.key);
        if (previous) {
          if (previous.requestHash !== idempotency.requestHash) throw errors.idempotencyMismatch();
          return JSON.parse(previous.response) as T;
        }
      }
      const hall = await loadHall(tx, hallId);
      assertHall(actor, hall.id);
      const now = this.clock();
      const ctx = await HallContext.load(tx, hall, now);
      const c: CommandContext = {
        tx,
        ctx,
        hall,
        now,
        actor,
        emit: async (draft, extra = {}) => {
          const record = await tx.events.append(hall.id, {
            ...draft,
            at: now,
            actorKind: actor.kind,
            actorId: actor.id,
            actorName: actor.name,
          });
          published.push(await buildMessage(tx, ctx, record, extra));
        },
      };
      const value = await work(c);
      if (idempotency) {
        await tx.idempotency.put({
          scope,
          key: idempotency.key,
          requestHash: idempotency.requestHash,
          statusCode: 200,
          response: JSON.stringify(value),
          createdAt: now,
        });
      }
      return value;
    });
    this.bus.publish(published);
    return result;
  }

  /** A consistent read outside any command (nothing is written, nothing published). */
  read<T>(work: (tx: StoreTx) => Promise<T>): Promise<T> {
    return this.store.read(work);
  }

  /** Resolves when the database answers (readiness), rejects when it cannot. */
  ping(): Promise<void> {
    return this.store.ping();
  }
}
