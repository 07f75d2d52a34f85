/**
 * Making the messages of the 好差评 exchange (docs/rating-exchange.md), inside the command that
 * makes what they report: a rating and its message, a case step and its message, commit or fail
 * together (docs/design.md, invariant 9). The message id is made here, once; the deliverer
 * (deliverer.ts) only sends. What a message says is the pure rule in common/domain/exchange.ts.
 */
import { randomUUID } from 'node:crypto';
import { caseMessageData, ratingMessageData, type ReportedCaseStep } from '../../../common/domain/exchange.js';
import type { Ticket } from '../../../common/domain/types.js';
import type { CaseRecord } from '../../store/repositories/cases.js';
import type { Rating } from '../../store/repositories/ratings.js';
import type { CommandContext } from '../unit-of-work.js';

/** The message of a rating, made in the rating's own command. */
export async function enqueueRating(c: CommandContext, rating: Rating, ticket: Ticket): Promise<void> {
  const service = c.ctx.serviceById.get(ticket.serviceId);
  const window = ticket.windowId !== null ? c.ctx.windowById.get(ticket.windowId) : undefined;
  const [caseFiles, clerk] = await Promise.all([
    c.tx.caseFiles.ofTicket(ticket.id),
    ticket.clerkId !== null ? c.tx.users.get(ticket.clerkId) : Promise.resolve(null),
  ]);
  const data = ratingMessageData({
    rating,
    ticketNumber: ticket.number,
    // A service has no 事项编码 of its own until it adopts one from the county's catalogue; a
    // 办件 attached by the business system names its 事项 meanwhile.
    service: { name: service?.name ?? '', code: null, department: null },
    caseFiles,
    windowNumber: window?.number ?? null,
    clerkNo: clerk?.staffNo ?? null,
    timezone: c.hall.timezone,
  });
  await c.tx.outbox.insert({
    hallId: c.hall.id,
    messageId: randomUUID(),
    type: 'rating',
    ratingId: rating.id,
    caseId: null,
    data: { ...data },
    serviceDay: c.ctx.day,
    createdAt: c.now,
  });
}

/** What a case step's message adds beyond the case: the 回访 result, or the appeal decision. */
export interface CaseStepFacts {
  step: ReportedCaseStep;
  note: string;
  result?: { reached: boolean; satisfied: boolean | null };
  appeal?: { kind: 'mistaken' | 'malicious'; approved: boolean };
}

/** The message of a 差评 case step, made in the step's own command. */
export async function enqueueCaseStep(c: CommandContext, found: CaseRecord, facts: CaseStepFacts): Promise<void> {
  const data = caseMessageData({
    caseId: found.id,
    ratingId: found.ratingId,
    step: facts.step,
    at: c.now,
    note: facts.note,
    deadline: found.deadline,
    timezone: c.hall.timezone,
    ...(facts.result ? { result: facts.result } : {}),
    ...(facts.appeal ? { appeal: facts.appeal } : {}),
  });
  await c.tx.outbox.insert({
    hallId: c.hall.id,
    messageId: randomUUID(),
    type: 'case',
    ratingId: found.ratingId,
    caseId: found.id,
    data: { ...data },
    serviceDay: c.ctx.day,
    createdAt: c.now,
  });
}
