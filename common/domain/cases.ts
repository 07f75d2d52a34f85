/**
 * 差评整改: the workflow of the case every bad rating opens. Pure; the table of every transition
 * is in test/domain/cases.test.ts.
 *
 *   open ──rectify──▶ rectifying ──reply──▶ replied ──follow_up (回访)──▶ followed_up ──close──▶ closed
 *
 * Every step carries a note (what was done) and who did it. Beside the steps, a case can be
 * appealed (申诉) as mistaken or malicious, with a reason: none/rejected → pending → approved or
 * rejected. An approved appeal closes the case and excludes the rating from statistics; the
 * rating itself stays on record. A closed case takes no more steps or appeals.
 */
import type { AppealStatus, CaseStatus } from '../vocabulary.js';
import { DomainError } from './errors.js';

export const CASE_ACTIONS = ['rectify', 'reply', 'follow_up', 'close'] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

export const CASE_FLOW: Record<CaseAction, { from: CaseStatus; to: CaseStatus }> = {
  rectify: { from: 'open', to: 'rectifying' },
  reply: { from: 'rectifying', to: 'replied' },
  follow_up: { from: 'replied', to: 'followed_up' },
  close: { from: 'followed_up', to: 'closed' },
};

export const APPEAL_KINDS = ['mistaken', 'malicious'] as const;
export type AppealKind = (typeof APPEAL_KINDS)[number];

export interface CaseState {
  status: CaseStatus;
  appealStatus: AppealStatus;
}

/** The one step that moves a case on from its status, or null when it is closed. */
export function nextAction(status: CaseStatus): CaseAction | null {
  return CASE_ACTIONS.find((a) => CASE_FLOW[a].from === status) ?? null;
}

const STATUS_ZH: Record<CaseStatus, string> = {
  open: '待整改',
  rectifying: '整改中',
  replied: '已答复',
  followed_up: '已回访',
  closed: '已办结',
};
const ACTION_ZH: Record<CaseAction, string> = { rectify: '开始整改', reply: '答复群众', follow_up: '回访', close: '办结' };

export const caseErrors = {
  noteRequired: () =>
    new DomainError(
      400,
      'case_note_required',
      '请填写处理说明（做了什么、结果如何）。',
      'Write a note: what was done and with what result.',
    ),
  illegalStep: (status: CaseStatus, action: CaseAction) =>
    new DomainError(
      409,
      'case_illegal_step',
      `案件当前为“${STATUS_ZH[status]}”，不能执行“${ACTION_ZH[action]}”。${nextAction(status) ? `下一步应为“${ACTION_ZH[nextAction(status)!]}”。` : ''}`,
      `A case that is ${status} cannot take the step "${action}".${nextAction(status) ? ` The next step is "${nextAction(status)}".` : ''}`,
      { status, action, next: nextAction(status) },
    ),
  closed: () => new DomainError(409, 'case_closed', '案件已办结，不能再处理或申诉。', 'The case is closed; no more steps or appeals.'),
  appealPending: () =>
    new DomainError(409, 'appeal_pending', '已有申诉在审核中，请等待审核结果。', 'An appeal is already waiting for a decision.'),
  appealApprovedAlready: () => new DomainError(409, 'appeal_decided', '申诉已通过，不能再次申诉。', 'The appeal was already approved.'),
  noAppeal: () => new DomainError(409, 'no_pending_appeal', '没有待审核的申诉。', 'There is no appeal waiting for a decision.'),
  appealReasonRequired: () =>
    new DomainError(400, 'appeal_reason_required', '申诉必须写明理由和依据。', 'An appeal needs its reason and grounds.'),
};

/** The status after a workflow step; throws a 4xx DomainError the manager can act on. */
export function applyCaseStep(state: CaseState, action: CaseAction, note: string): CaseState {
  if (!note.trim()) throw caseErrors.noteRequired();
  if (state.status === 'closed') throw caseErrors.closed();
  const flow = CASE_FLOW[action];
  if (state.status !== flow.from) throw caseErrors.illegalStep(state.status, action);
  return { ...state, status: flow.to };
}

/** Files an appeal (申诉): the case waits for a decision; its steps may go on meanwhile. */
export function applyAppeal(state: CaseState, reason: string): CaseState {
  if (!reason.trim()) throw caseErrors.appealReasonRequired();
  if (state.status === 'closed') throw caseErrors.closed();
  if (state.appealStatus === 'pending') throw caseErrors.appealPending();
  if (state.appealStatus === 'approved') throw caseErrors.appealApprovedAlready();
  return { ...state, appealStatus: 'pending' };
}

/**
 * Decides a pending appeal. Approved: the case closes and its rating leaves the statistics
 * (`excludeRating`). Rejected: the case goes on where it was.
 */
export function decideAppeal(state: CaseState, approve: boolean, note: string): CaseState & { excludeRating: boolean } {
  if (!note.trim()) throw caseErrors.noteRequired();
  if (state.appealStatus !== 'pending') throw caseErrors.noAppeal();
  if (approve) return { status: 'closed', appealStatus: 'approved', excludeRating: true };
  return { status: state.status, appealStatus: 'rejected', excludeRating: false };
}

/** A case still open after its deadline day (hall-local dates compare as text). */
export const isOverdue = (c: { status: CaseStatus; deadline: string }, today: string): boolean =>
  c.status !== 'closed' && today > c.deadline;
