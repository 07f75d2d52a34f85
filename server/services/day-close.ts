/**
 * The end of a service day. Numbers restart at the hall's local midnight by construction (the
 * counter is per day). Tickets of a past day that are still waiting or missed can never be
 * called any more (every queue is today's), so they are closed as cancelled with the reason
 * 日终清号, one event each so phones following them learn it. Tickets still at a window
 * (called, serving, held) are left for the clerk to finish: a 24-hour hall keeps serving them.
 */
import { applyAction } from '../../common/domain/lifecycle.js';
import { SYSTEM } from '../../common/domain/types.js';
import type { UnitOfWork } from './unit-of-work.js';

export const DAY_CLOSE_REASON = '日终清号（服务日已结束）';
/** Tickets closed per run, so one run never holds the database long. */
const BATCH = 500;

export async function closePastDays(uow: UnitOfWork, hallId: number): Promise<number> {
  return uow.command(SYSTEM, hallId, undefined, async ({ tx, ctx, now, emit }) => {
    const stale = await tx.tickets.staleBefore(hallId, ctx.day, ['waiting', 'no_show'], BATCH);
    for (const ticket of stale) {
      const patch = applyAction(ticket, { action: 'cancel', reason: DAY_CLOSE_REASON }, now);
      const closed = await tx.tickets.update(ticket.id, ticket.version, patch);
      if (!closed) continue;
      await emit(
        {
          type: 'ticket:expired',
          ticketId: ticket.id,
          reason: DAY_CLOSE_REASON,
          data: { number: ticket.number, serviceId: ticket.serviceId, serviceDay: ticket.serviceDay },
        },
        { ticket: closed, publicData: { serviceDay: ticket.serviceDay } },
      );
    }
    return stale.length;
  });
}
