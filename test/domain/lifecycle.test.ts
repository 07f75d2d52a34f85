/**
 * The ticket lifecycle (docs/design.md): every status × action pair, written out independently of the
 * code's own table, and the fields each allowed action sets.
 */
import { describe, expect, it } from 'vitest';
import { TICKET_STATUSES, type TicketStatus } from '../../common/vocabulary.js';
import { DomainError } from '../../common/domain/errors.js';
import { applyAction, TICKET_ACTIONS, type ActionInput, type TicketAction } from '../../common/domain/lifecycle.js';
import type { Ticket } from '../../common/domain/types.js';

const NOW = Date.parse('2026-11-23T10:00:00+08:00');
const MIN = 60_000;

/** The allowed transitions, as docs/design.md states them. Everything else must be refused. */
const ALLOWED: Record<string, TicketStatus> = {
  'waiting call': 'called',
  'called recall': 'called',
  'called start': 'serving',
  'serving finish': 'done',
  'called no_show': 'no_show',
  'no_show requeue': 'waiting',
  'serving hold': 'held',
  'held resume': 'called',
  'waiting transfer': 'waiting',
  'serving transfer': 'waiting',
  'held transfer': 'waiting',
  'waiting cancel': 'cancelled',
  'no_show cancel': 'cancelled',
};

function ticket(status: TicketStatus, extra: Partial<Ticket> = {}): Ticket {
  return {
    id: 1,
    hallId: 1,
    serviceDay: '2026-11-23',
    prefix: 'A',
    seq: 12,
    number: 'A012',
    publicCode: 'abcdefghjkmnpqrs',
    serviceId: 10,
    originalServiceId: 10,
    priority: 'normal',
    source: 'kiosk',
    status,
    issuedAt: NOW - 30 * MIN,
    queuedAt: NOW - 30 * MIN,
    targetWindowId: null,
    windowId: status === 'waiting' ? null : 3,
    clerkId: status === 'waiting' ? null : 7,
    calledAt: status === 'waiting' ? null : NOW - 5 * MIN,
    firstCalledAt: status === 'waiting' ? null : NOW - 5 * MIN,
    servingAt: null,
    finishedAt: null,
    noShowAt: status === 'no_show' ? NOW - 10 * MIN : null,
    heldAt: null,
    cancelledAt: null,
    cancelReason: null,
    recallCount: 0,
    callReason: null,
    transfers: [],
    phone: null,
    bookingId: null,
    printStatus: null,
    ratingStatus: null,
    ratingDeadline: null,
    version: 0,
    ...extra,
  };
}

const input = (action: TicketAction): ActionInput => {
  switch (action) {
    case 'call':
      return { action, windowId: 3, clerkId: 7, reason: null };
    case 'requeue':
      return { action, fairness: { noShowGraceMinutes: 30, requeuePosition: 'end' }, timezone: 'Asia/Shanghai' };
    case 'resume':
      return { action, clerkId: 7 };
    case 'transfer':
      return { action, toServiceId: 11, toWindowId: null, note: '需补充材料', byUserId: 7 };
    case 'cancel':
      return { action, reason: '重复取号' };
    default:
      return { action };
  }
};

describe('every status × action', () => {
  for (const status of TICKET_STATUSES) {
    for (const action of TICKET_ACTIONS) {
      const to = ALLOWED[`${status} ${action}`];
      it(`${status} --${action}--> ${to ?? 'refused'}`, () => {
        if (to) {
          expect(applyAction(ticket(status), input(action), NOW).status ?? status).toBe(to);
        } else {
          let error: unknown;
          try {
            applyAction(ticket(status), input(action), NOW);
          } catch (e) {
            error = e;
          }
          expect(error).toBeInstanceOf(DomainError);
          expect((error as DomainError).statusCode).toBe(409);
          expect((error as DomainError).code).toBe('illegal_transition');
          expect((error as DomainError).messageZh).toMatch(/不能执行/);
        }
      });
    }
  }
});

describe('what each action records', () => {
  it('call sets window, clerk, times and reason, and clears a transfer target', () => {
    const patch = applyAction(
      ticket('waiting', { targetWindowId: 3 }),
      { action: 'call', windowId: 3, clerkId: 7, reason: 'priority' },
      NOW,
    );
    expect(patch).toMatchObject({
      status: 'called',
      windowId: 3,
      clerkId: 7,
      calledAt: NOW,
      firstCalledAt: NOW,
      callReason: 'priority',
      targetWindowId: null,
    });
  });

  it('a second call keeps the first call time', () => {
    const patch = applyAction(ticket('waiting', { firstCalledAt: NOW - 50 * MIN }), input('call'), NOW);
    expect(patch.firstCalledAt).toBe(NOW - 50 * MIN);
  });

  it('recall counts', () => {
    expect(applyAction(ticket('called', { recallCount: 2 }), input('recall'), NOW)).toEqual({ recallCount: 3 });
  });

  it('re-queue within the grace goes to the end of the queue (default)', () => {
    const patch = applyAction(ticket('no_show'), input('requeue'), NOW);
    expect(patch).toMatchObject({ status: 'waiting', queuedAt: NOW, windowId: null });
  });

  it('re-queue can keep the original position when the hall says so', () => {
    const patch = applyAction(
      ticket('no_show'),
      { action: 'requeue', fairness: { noShowGraceMinutes: 30, requeuePosition: 'original' }, timezone: 'Asia/Shanghai' },
      NOW,
    );
    expect(patch.queuedAt).toBe(NOW - 30 * MIN);
  });

  it('re-queue after the grace is refused with the hall-local end time', () => {
    expect(() => applyAction(ticket('no_show', { noShowAt: NOW - 31 * MIN }), input('requeue'), NOW)).toThrowError(
      expect.objectContaining({ code: 'grace_expired', details: { until: '09:59' } }),
    );
  });

  it('transfer keeps the number and the original queue time, and records the chain', () => {
    const patch = applyAction(ticket('serving', { servingAt: NOW - MIN }), input('transfer'), NOW);
    expect(patch).toMatchObject({ status: 'waiting', serviceId: 11, windowId: null, servingAt: null });
    expect(patch.queuedAt).toBeUndefined();
    expect(patch.transfers).toEqual([
      { at: NOW, fromServiceId: 10, toServiceId: 11, fromWindowId: 3, toWindowId: null, note: '需补充材料', byUserId: 7 },
    ]);
  });

  it('transferring a waiting ticket to its own service with no window is refused', () => {
    expect(() =>
      applyAction(ticket('waiting'), { action: 'transfer', toServiceId: 10, toWindowId: null, note: '', byUserId: null }, NOW),
    ).toThrowError(expect.objectContaining({ code: 'invalid_input' }));
  });

  it('cancel needs a reason', () => {
    expect(() => applyAction(ticket('waiting'), { action: 'cancel', reason: '  ' }, NOW)).toThrowError(
      expect.objectContaining({ code: 'reason_required' }),
    );
  });
});
