/**
 * 差评整改: working the case each bad rating opened (common/domain/cases.ts has the rules).
 * Every step and appeal is one command with a note and who did it, recorded as a case step and
 * as a `case:updated` event (staff only), so the console and the audit log see it at once.
 *
 * An appeal is decided by someone other than the person who filed it (separation of duties),
 * unless the decider is an administrator. An approved appeal closes the case and excludes the
 * rating from statistics; the rating stays on record.
 */
import type { CaseStepView, CaseView } from '../../common/manager-protocol.js';
import type { CaseStatus } from '../../common/vocabulary.js';
import { serviceDay } from '../../common/domain/calendar.js';
import {
  applyAppeal,
  applyCaseStep,
  decideAppeal,
  isOverdue,
  nextAction,
  type AppealKind,
  type CaseAction,
} from '../../common/domain/cases.js';
import { DomainError, errors } from '../../common/domain/errors.js';
import type { Actor, Service } from '../../common/domain/types.js';
import type { CaseRecord, CaseStepRecord } from '../store/repositories/cases.js';
import { enqueueCaseStep, type CaseStepFacts } from './exchange/outbox.js';
import type { StoreTx } from '../store/store.js';
import { assertManager, assertManagerOf, isAdmin, loadHall } from './guards.js';
import type { CommandContext, Idempotency, UnitOfWork } from './unit-of-work.js';

/** The lists the console offers. */
export const CASE_VIEWS = ['active', 'overdue', 'appeals', 'closed', 'all'] as const;
export type CaseListView = (typeof CASE_VIEWS)[number];

const ACTIVE: CaseStatus[] = ['open', 'rectifying', 'replied', 'followed_up'];

const selfDecision = () =>
  new DomainError(
    403,
    'appeal_self_decision',
    '申诉须由提出人以外的管理员审核。',
    'An appeal is decided by a manager other than the one who filed it.',
  );

export class CaseService {
  constructor(private readonly uow: UnitOfWork) {}

  list(actor: Actor, hallId: number, view: CaseListView, beforeId?: number): Promise<CaseView[]> {
    return this.read(actor, hallId, async (tx, today, services) => {
      const filter =
        view === 'active'
          ? { statuses: ACTIVE }
          : view === 'overdue'
            ? { deadlineBefore: today }
            : view === 'appeals'
              ? { appealStatuses: ['pending' as const] }
              : view === 'closed'
                ? { statuses: ['closed' as CaseStatus] }
                : {};
      const cases = await tx.cases.list({ hallId, ...filter, ...(beforeId !== undefined ? { beforeId } : {}), limit: 200 });
      return cases.map((c) => caseView(c, today, services));
    });
  }

  get(actor: Actor, hallId: number, caseId: number): Promise<CaseView> {
    return this.read(actor, hallId, async (tx, today, services) => {
      const found = await loadCase(tx, hallId, caseId);
      return { ...caseView(found, today, services), steps: (await tx.cases.steps(caseId)).map(stepView) };
    });
  }

  /** A workflow step: rectify, reply, follow_up (回访), close — each with its note. */
  step(actor: Actor, hallId: number, caseId: number, action: CaseAction, note: string, idempotency?: Idempotency): Promise<CaseView> {
    return this.command(actor, hallId, caseId, idempotency, async (c, found) => {
      const next = applyCaseStep(found, action, note);
      await this.record(c, found, action, note.trim(), { status: next.status }, {}, { step: action, note: note.trim() });
      return next;
    });
  }

  /** 申诉: the rating was mistaken or malicious; a decision follows. */
  appeal(actor: Actor, hallId: number, caseId: number, kind: AppealKind, reason: string, idempotency?: Idempotency): Promise<CaseView> {
    return this.command(actor, hallId, caseId, idempotency, async (c, found) => {
      const next = applyAppeal(found, reason);
      await this.record(
        c,
        found,
        'appeal',
        reason.trim(),
        { appealStatus: next.appealStatus, appealKind: kind, appealReason: reason.trim() },
        { kind },
      );
      return next;
    });
  }

  decide(actor: Actor, hallId: number, caseId: number, approve: boolean, note: string, idempotency?: Idempotency): Promise<CaseView> {
    return this.command(actor, hallId, caseId, idempotency, async (c, found) => {
      const next = decideAppeal(found, approve, note);
      if (!isAdmin(actor)) {
        const filed = (await c.tx.cases.steps(caseId)).filter((s) => s.action === 'appeal').at(-1);
        if (filed?.userId === actor.id) throw selfDecision();
      }
      if (next.excludeRating) await c.tx.cases.setRatingExcluded(found.ratingId, true);
      await this.record(
        c,
        found,
        approve ? 'appeal_approved' : 'appeal_rejected',
        note.trim(),
        { status: next.status, appealStatus: next.appealStatus },
        { excluded: next.excludeRating },
        { step: 'appeal_decided', note: note.trim(), appeal: { kind: found.appealKind ?? 'mistaken', approved: approve } },
      );
      return next;
    });
  }

  private async record(
    c: CommandContext,
    found: CaseRecord,
    action: string,
    note: string,
    patch: Partial<Pick<CaseRecord, 'status' | 'appealStatus' | 'appealKind' | 'appealReason'>>,
    extra: Record<string, unknown> = {},
    /** What the provincial platform hears of this step (docs/rating-exchange.md); filing an appeal is internal. */
    report: CaseStepFacts | null = null,
  ) {
    const user = c.actor.kind === 'user' ? c.actor : null;
    await c.tx.cases.update(found.id, { ...patch, updatedAt: c.now });
    await c.tx.cases.addStep({
      caseId: found.id,
      action,
      fromStatus: found.status,
      toStatus: patch.status ?? found.status,
      note,
      userId: user?.id ?? null,
      userName: user?.name ?? c.actor.name,
      at: c.now,
    });
    const facts = {
      caseId: found.id,
      ratingId: found.ratingId,
      ticketId: found.ticket.id,
      number: found.ticket.number,
      windowId: found.windowId,
      action,
      from: found.status,
      status: patch.status ?? found.status,
      appealStatus: patch.appealStatus ?? found.appealStatus,
      deadline: found.deadline,
      ...extra,
    };
    if (report) await enqueueCaseStep(c, found, report);
    await c.emit(
      { type: 'case:updated', ticketId: found.ticket.id, windowId: found.windowId, reason: note, data: facts },
      { publicData: facts },
    );
  }

  private command(
    actor: Actor,
    hallId: number,
    caseId: number,
    idempotency: Idempotency | undefined,
    work: (c: CommandContext, found: CaseRecord) => Promise<unknown>,
  ): Promise<CaseView> {
    return this.uow
      .command(actor, hallId, idempotency, async (c) => {
        assertManager(actor);
        await work(c, await loadCase(c.tx, hallId, caseId));
        return caseId;
      })
      .then(() => this.get(actor, hallId, caseId));
  }

  private read<T>(
    actor: Actor,
    hallId: number,
    work: (tx: StoreTx, today: string, services: Map<number, Service>) => Promise<T>,
  ): Promise<T> {
    return this.uow.read(async (tx) => {
      assertManagerOf(actor, hallId);
      const hall = await loadHall(tx, hallId);
      const services = new Map((await tx.services.list(hallId)).map((s) => [s.id, s]));
      return work(tx, serviceDay(this.uow.clock(), hall.timezone), services);
    });
  }
}

async function loadCase(tx: StoreTx, hallId: number, caseId: number): Promise<CaseRecord> {
  const found = await tx.cases.get(caseId);
  if (!found || found.hallId !== hallId) throw errors.notFound('差评案件', 'Case');
  return found;
}

function caseView(c: CaseRecord, today: string, services: Map<number, Service>): CaseView {
  const service = services.get(c.ticket.serviceId);
  return {
    id: c.id,
    status: c.status,
    deadline: c.deadline,
    overdue: isOverdue(c, today),
    nextAction: nextAction(c.status),
    appealStatus: c.appealStatus,
    appealKind: c.appealKind,
    appealReason: c.appealReason,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    rating: c.rating,
    ticket: c.ticket,
    serviceName: service?.name ?? '',
    serviceNameEn: service?.nameEn ?? '',
    window: c.windowId !== null && c.windowNumber !== null ? { id: c.windowId, number: c.windowNumber } : null,
    clerk: c.clerkId !== null && c.clerkName !== null ? { id: c.clerkId, name: c.clerkName } : null,
  };
}

const stepView = (s: CaseStepRecord): CaseStepView => ({
  id: s.id,
  action: s.action,
  fromStatus: s.fromStatus,
  toStatus: s.toStatus,
  note: s.note,
  userName: s.userName,
  at: s.at,
});
