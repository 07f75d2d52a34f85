/**
 * The ticket lifecycle (docs/design.md): waiting → called → serving → done, with the side roads
 * no-show (过号) and re-queue, hold (挂起) and resume (回呼), transfer (转移) and cancel.
 * `applyAction` is pure: it checks the transition and returns the fields to change, or throws a
 * DomainError the clerk can act on. test/domain/lifecycle.test.ts holds the full table.
 */
import type { CallReason, TicketStatus, TransferStep } from '../vocabulary.js';
import { localTime } from './calendar.js';
import { errors } from './errors.js';
import type { FairnessSettings } from './settings.js';
import type { Ticket } from './types.js';

export const TICKET_ACTIONS = ['call', 'recall', 'start', 'finish', 'no_show', 'requeue', 'hold', 'resume', 'transfer', 'cancel'] as const;
export type TicketAction = (typeof TICKET_ACTIONS)[number];

/** From which statuses each action is allowed, and the status it leads to. */
export const TRANSITIONS: Record<TicketAction, { from: readonly TicketStatus[]; to: TicketStatus }> = {
  call: { from: ['waiting'], to: 'called' },
  recall: { from: ['called'], to: 'called' },
  start: { from: ['called'], to: 'serving' },
  finish: { from: ['serving'], to: 'done' },
  no_show: { from: ['called'], to: 'no_show' },
  requeue: { from: ['no_show'], to: 'waiting' },
  hold: { from: ['serving'], to: 'held' },
  resume: { from: ['held'], to: 'called' },
  transfer: { from: ['waiting', 'serving', 'held'], to: 'waiting' },
  cancel: { from: ['waiting', 'no_show'], to: 'cancelled' },
};

export const canApply = (status: TicketStatus, action: TicketAction): boolean => TRANSITIONS[action].from.includes(status);

/** Statuses in which a ticket occupies its window: a window has at most one. */
export const ACTIVE_AT_WINDOW: readonly TicketStatus[] = ['called', 'serving'];

export type ActionInput =
  | { action: 'call'; windowId: number; clerkId: number | null; reason: CallReason | null }
  | { action: 'recall' }
  | { action: 'start' }
  | { action: 'finish' }
  | { action: 'no_show' }
  | {
      action: 'requeue';
      fairness: Pick<FairnessSettings, 'noShowGraceMinutes' | 'requeuePosition'>;
      timezone: string;
    }
  | { action: 'hold' }
  | { action: 'resume'; clerkId: number | null }
  | {
      action: 'transfer';
      toServiceId: number;
      toWindowId: number | null;
      note: string;
      byUserId: number | null;
    }
  | { action: 'cancel'; reason: string };

export type TicketPatch = Partial<
  Pick<
    Ticket,
    | 'status'
    | 'windowId'
    | 'clerkId'
    | 'calledAt'
    | 'firstCalledAt'
    | 'servingAt'
    | 'finishedAt'
    | 'noShowAt'
    | 'heldAt'
    | 'cancelledAt'
    | 'cancelReason'
    | 'recallCount'
    | 'callReason'
    | 'queuedAt'
    | 'serviceId'
    | 'targetWindowId'
    | 'transfers'
  >
>;

/** When a missed ticket can no longer be re-queued. */
export const graceEndsAt = (noShowAt: number, graceMinutes: number): number => noShowAt + graceMinutes * 60_000;

export function applyAction(ticket: Ticket, input: ActionInput, now: number): TicketPatch {
  const rule = TRANSITIONS[input.action];
  if (!rule.from.includes(ticket.status)) throw errors.illegalTransition(ticket.status, input.action);
  const to = rule.to;

  switch (input.action) {
    case 'call':
      return {
        status: to,
        windowId: input.windowId,
        clerkId: input.clerkId,
        calledAt: now,
        firstCalledAt: ticket.firstCalledAt ?? now,
        callReason: input.reason,
        targetWindowId: null,
      };
    case 'recall':
      return { recallCount: ticket.recallCount + 1 };
    case 'start':
      return { status: to, servingAt: now };
    case 'finish':
      return { status: to, finishedAt: now };
    case 'no_show':
      return { status: to, noShowAt: now };
    case 'requeue': {
      const until = graceEndsAt(ticket.noShowAt ?? now, input.fairness.noShowGraceMinutes);
      if (now > until) throw errors.graceExpired(localTime(until, input.timezone).hhmm);
      return {
        status: to,
        queuedAt: input.fairness.requeuePosition === 'end' ? now : ticket.queuedAt,
        windowId: null,
        clerkId: null,
        calledAt: null,
        callReason: null,
      };
    }
    case 'hold':
      return { status: to, heldAt: now };
    case 'resume':
      return { status: to, calledAt: now, clerkId: input.clerkId ?? ticket.clerkId, callReason: null };
    case 'transfer': {
      if (input.toServiceId === ticket.serviceId && input.toWindowId === null && ticket.status === 'waiting') {
        throw errors.invalidInput('请选择要转往的其他事项或窗口。', 'Choose another service or window to transfer to.');
      }
      const step: TransferStep = {
        at: now,
        fromServiceId: ticket.serviceId,
        toServiceId: input.toServiceId,
        fromWindowId: ticket.windowId,
        toWindowId: input.toWindowId,
        note: input.note,
        byUserId: input.byUserId,
      };
      // The visitor keeps the number and the original queue time (the issue time).
      return {
        status: to,
        serviceId: input.toServiceId,
        targetWindowId: input.toWindowId,
        windowId: null,
        clerkId: null,
        calledAt: null,
        servingAt: null,
        heldAt: null,
        callReason: null,
        transfers: [...ticket.transfers, step],
      };
    }
    case 'cancel':
      if (!input.reason.trim()) throw errors.reasonRequired();
      return { status: to, cancelledAt: now, cancelReason: input.reason.trim() };
  }
}
