/**
 * Tickets and windows: every command on a ticket (issue, call next, 选呼, recall, start, finish,
 * no-show, hold, resume, requeue, transfer, cancel) and on a window (status, the services it
 * serves, sign in and out), the hall notice, and the reads screens and clerks need (snapshot, a
 * visitor's ticket status, a window's detail, queues). Whoever asks (HTTP route, socket, kiosk, a
 * future hardware caller) gets the same rules: each command runs in the unit of work
 * (unit-of-work.ts: one transaction, idempotency, events after commit), checks who may act
 * (guards.ts), and applies the pure rules of common/domain. Issuing itself is issuing.ts, shared
 * with the phone and the appointment check-in. Rules that must commit with a ticket change (a
 * finished service asks the pad for a rating) register as ticket-action hooks.
 */
import type { CallView, QueueView, RealtimeEvent, TicketStatusView, TicketView, WindowDetail, WindowView } from '../../common/protocol.js';
import type { WindowMode, WindowStatus } from '../../common/vocabulary.js';
import type { TicketLookupView } from '../../common/manager-protocol.js';
import { buildAnnouncement } from '../../common/domain/announcement.js';
import { serviceDay } from '../../common/domain/calendar.js';
import { estimateRange, estimateWaitMinutes } from '../../common/domain/estimate.js';
import { DomainError, errors } from '../../common/domain/errors.js';
import { applyAction, graceEndsAt, type TicketAction } from '../../common/domain/lifecycle.js';
import { formatTicketNumber, parseTicketNumber } from '../../common/domain/numbering.js';
import { callOrder, pickNext, type Candidate } from '../../common/domain/routing.js';
import type { Actor, ServedService, Ticket, Window } from '../../common/domain/types.js';
import type { StoreTx } from '../store/store.js';
import {
  assertHall,
  assertManager,
  assertStaff,
  assertWindowFree,
  assertWindowOperator,
  isManager,
  loadHall,
  loadTicketByCode,
  loadWindow,
  requireWindow,
  requireZone,
} from './guards.js';
import { boostBefore, issueWithin, type IssuedTicket, type IssueInput } from './issuing.js';
import type { CommandContext, Idempotency, UnitOfWork } from './unit-of-work.js';
import { mayStaff } from '../../common/domain/staffing.js';
import { buildSnapshot, HallContext, queueStats, queueViews, ticketView, windowView, type SnapshotScope } from './views.js';

export interface WindowCommandResult {
  ticket: TicketView | null;
  window: WindowView;
}

export interface TransferInput {
  ticketId: number;
  /** The clerk's window when a clerk transfers their current or held ticket. */
  fromWindowId?: number | null;
  toServiceId?: number | null;
  toWindowId?: number | null;
  note: string;
}

export interface ServedServiceInput {
  serviceId: number;
  tier?: number;
  weight?: number;
}

const EVENT_OF: Record<TicketAction, RealtimeEvent['type']> = {
  call: 'ticket:called',
  recall: 'ticket:recalled',
  start: 'ticket:started',
  finish: 'ticket:finished',
  no_show: 'ticket:no_show',
  requeue: 'ticket:requeued',
  hold: 'ticket:held',
  resume: 'ticket:resumed',
  transfer: 'ticket:transferred',
  cancel: 'ticket:cancelled',
};

export const toCandidate = (t: Ticket): Candidate => ({
  id: t.id,
  serviceId: t.serviceId,
  priority: t.priority,
  queuedAt: t.queuedAt,
  issuedAt: t.issuedAt,
  targetWindowId: t.targetWindowId,
  requeued: t.noShowAt !== null,
  transferred: t.transfers.length > 0,
});

/**
 * Runs inside the command that changed a ticket, after the change and its event, in the same
 * transaction: for rules that must commit or fail together with the change (a finished service
 * asks the window's pad for a rating). Registered once at start-up with `onTicketAction`.
 */
export type TicketActionHook = (c: CommandContext, action: TicketAction, ticket: Ticket, window: Window | null) => Promise<void>;

export class HallService {
  private readonly ticketHooks: TicketActionHook[] = [];

  constructor(private readonly uow: UnitOfWork) {}

  onTicketAction(hook: TicketActionHook): void {
    this.ticketHooks.push(hook);
  }

  // ---------------------------------------------------------------------------------------------
  // Reads

  async snapshot(hallId: number, scope: SnapshotScope = {}) {
    return this.uow.read(async (tx) => {
      const hall = await loadHall(tx, hallId);
      const now = this.uow.clock();
      return buildSnapshot(tx, await HallContext.load(tx, hall, now), now, scope);
    });
  }

  // ---------------------------------------------------------------------------------------------
  // Issuing

  issueTicket(actor: Actor, input: IssueInput, idempotency?: Idempotency): Promise<IssuedTicket> {
    return this.uow.command(actor, input.hallId, idempotency, (c) => issueWithin(c, input));
  }

  // ---------------------------------------------------------------------------------------------
  // Clerk commands on a window

  /** 叫号: the next ticket by the routing policy (common/domain/routing.ts). */
  callNext(actor: Actor, windowId: number, idempotency?: Idempotency): Promise<WindowCommandResult> {
    return this.windowCommand(actor, windowId, idempotency, async (c, window) => {
      if (window.status !== 'open') throw errors.windowNotOpen(window.status);
      await assertWindowFree(c.tx, window);
      const waiting = await c.tx.tickets.waitingCandidates(c.hall.id, c.ctx.day);
      const pick = pickNext(
        { id: window.id, served: c.ctx.served(window.id), priorityStreak: window.priorityStreak },
        waiting,
        c.hall.settings.fairness,
        c.now,
      );
      if (!pick) throw errors.queueEmpty();
      const ticket = (await c.tx.tickets.get(pick.ticketId))!;
      // Most calls leave the streak at 0: skip the write (and the config cache reload) then.
      let current = window;
      if (pick.priorityStreak !== window.priorityStreak) {
        current = await c.tx.windows.update(window.id, { priorityStreak: pick.priorityStreak });
        c.ctx.replaceWindow(current);
      }
      return this.callTicket(c, current, ticket, pick.reason, { rule: pick.rule });
    });
  }

  /** 选呼: call a specific waiting ticket, with a reason. */
  callSpecific(
    actor: Actor,
    windowId: number,
    input: { ticketId?: number; number?: string; reason: string },
    idempotency?: Idempotency,
  ): Promise<WindowCommandResult> {
    return this.windowCommand(actor, windowId, idempotency, async (c, window) => {
      const reason = input.reason?.trim() ?? '';
      if (!reason) throw errors.reasonRequired();
      if (window.status !== 'open') throw errors.windowNotOpen(window.status);
      await assertWindowFree(c.tx, window);
      const ticket = await findTicket(c, input);
      if (ticket.status !== 'waiting') throw errors.illegalTransition(ticket.status, 'call');
      const served = c.ctx.served(window.id).some((s) => s.serviceId === ticket.serviceId);
      if (!served && ticket.targetWindowId !== window.id && !isManager(c.actor)) throw errors.serviceNotServed();
      if (ticket.targetWindowId !== null && ticket.targetWindowId !== window.id) throw errors.ticketNotHere();
      return this.callTicket(c, window, ticket, 'manager', { rule: 'selected', note: reason });
    });
  }

  private async callTicket(
    c: CommandContext,
    window: Window,
    ticket: Ticket,
    reason: Ticket['callReason'],
    data: Record<string, unknown>,
  ): Promise<WindowCommandResult> {
    const clerkId = clerkOf(c.actor, window);
    const patch = applyAction(ticket, { action: 'call', windowId: window.id, clerkId, reason }, c.now);
    const called = await updateTicket(c.tx, ticket, patch);
    await this.emitTicket(c, 'call', called, window, { reason: typeof data.note === 'string' ? data.note : reason, data });
    return { ticket: ticketView(called), window: await windowView(c.tx, c.ctx, window) };
  }

  /** Recall, start, finish, no-show and hold act on the window's current ticket. */
  actOnCurrent(
    actor: Actor,
    windowId: number,
    action: 'recall' | 'start' | 'finish' | 'no_show' | 'hold',
    expectTicketId: number | undefined,
    idempotency?: Idempotency,
  ): Promise<WindowCommandResult> {
    return this.windowCommand(actor, windowId, idempotency, async (c, window) => {
      const [current] = await c.tx.tickets.atWindow(window.id, ['called', 'serving']);
      if (!current) throw errors.windowIdle();
      if (expectTicketId !== undefined && current.id !== expectTicketId) throw errors.ticketChanged({ current: current.number });
      const updated = await updateTicket(c.tx, current, applyAction(current, { action }, c.now));
      await this.emitTicket(c, action, updated, window, {});
      return { ticket: ticketView(updated), window: await windowView(c.tx, c.ctx, window) };
    });
  }

  /** 回呼: call a ticket held at this window again. */
  resume(actor: Actor, windowId: number, ticketId: number, idempotency?: Idempotency): Promise<WindowCommandResult> {
    return this.windowCommand(actor, windowId, idempotency, async (c, window) => {
      const ticket = await findTicket(c, { ticketId });
      if (ticket.windowId !== window.id) throw errors.ticketNotHere();
      await assertWindowFree(c.tx, window);
      const clerkId = clerkOf(c.actor, window);
      const updated = await updateTicket(c.tx, ticket, applyAction(ticket, { action: 'resume', clerkId }, c.now));
      await this.emitTicket(c, 'resume', updated, window, {});
      return { ticket: ticketView(updated), window: await windowView(c.tx, c.ctx, window) };
    });
  }

  /** 过号重排: put a missed ticket back in the queue within the grace. */
  requeue(actor: Actor, windowId: number, ticketId: number, idempotency?: Idempotency): Promise<WindowCommandResult> {
    return this.windowCommand(actor, windowId, idempotency, async (c, window) => {
      const ticket = await findTicket(c, { ticketId });
      const served = c.ctx.served(window.id).some((s) => s.serviceId === ticket.serviceId);
      if (ticket.windowId !== window.id && !served) throw errors.ticketNotHere();
      const patch = applyAction(ticket, { action: 'requeue', fairness: c.hall.settings.fairness, timezone: c.hall.timezone }, c.now);
      const updated = await updateTicket(c.tx, ticket, patch);
      await this.emitTicket(c, 'requeue', updated, window, {});
      return { ticket: ticketView(updated), window: await windowView(c.tx, c.ctx, window) };
    });
  }

  /**
   * 转移 / 多窗联办: the ticket goes to another service's queue or to one window, keeping its
   * number and original queue time. A clerk transfers a ticket at their window; a manager any
   * waiting ticket.
   */
  transfer(actor: Actor, hallId: number, input: TransferInput, idempotency?: Idempotency): Promise<{ ticket: TicketView }> {
    return this.uow.command(actor, hallId, idempotency, async (c) => {
      const ticket = await findTicket(c, { ticketId: input.ticketId });
      let fromWindow: Window | null = null;
      if (input.fromWindowId != null) {
        fromWindow = requireWindow(c.ctx, input.fromWindowId);
        assertWindowOperator(c.actor, fromWindow);
        if (ticket.windowId !== fromWindow.id || ticket.status === 'waiting') throw errors.ticketNotHere();
      } else if (!isManager(c.actor)) {
        throw errors.forbidden();
      }
      const toServiceId = input.toServiceId ?? ticket.serviceId;
      const toService = c.ctx.serviceById.get(toServiceId);
      if (!toService) throw errors.notFound('目标事项', 'Target service');
      if (!toService.enabled) throw errors.serviceDisabled();
      const toWindow = input.toWindowId != null ? requireWindow(c.ctx, input.toWindowId) : null;
      if (toWindow && !toWindow.enabled) throw errors.notFound('目标窗口', 'Target window');
      if (toWindow && fromWindow && toWindow.id === fromWindow.id) {
        throw errors.invalidInput('不能转移到本窗口。', 'Choose a window other than your own.');
      }
      const patch = applyAction(
        ticket,
        {
          action: 'transfer',
          toServiceId,
          toWindowId: toWindow?.id ?? null,
          note: input.note.trim(),
          byUserId: c.actor.kind === 'user' ? c.actor.id : null,
        },
        c.now,
      );
      const updated = await updateTicket(c.tx, ticket, patch);
      await this.emitTicket(c, 'transfer', updated, fromWindow, {
        reason: input.note.trim() || null,
        data: { fromServiceId: ticket.serviceId, toServiceId, fromWindowId: fromWindow?.id ?? null, toWindowId: toWindow?.id ?? null },
        extraServiceIds: [ticket.serviceId],
        extraWindowIds: [toWindow?.id ?? null],
      });
      return { ticket: ticketView(updated) };
    });
  }

  /** Cancel a waiting or missed ticket, with a reason (manager, or the visitor for their own). */
  cancel(actor: Actor, hallId: number, ticketId: number, reason: string, idempotency?: Idempotency): Promise<{ ticket: TicketView }> {
    return this.uow.command(actor, hallId, idempotency, async (c) => {
      const ticket = await findTicket(c, { ticketId });
      if (actor.kind === 'user' && !isManager(actor)) throw errors.forbidden();
      const updated = await updateTicket(c.tx, ticket, applyAction(ticket, { action: 'cancel', reason }, c.now));
      await this.emitTicket(c, 'cancel', updated, null, { reason: updated.cancelReason });
      return { ticket: ticketView(updated) };
    });
  }

  private async emitTicket(
    c: CommandContext,
    action: TicketAction,
    ticket: Ticket,
    window: Window | null,
    opts: { reason?: string | null; data?: Record<string, unknown>; extraServiceIds?: number[]; extraWindowIds?: (number | null)[] },
  ): Promise<void> {
    const type = EVENT_OF[action];
    let call: Omit<CallView, 'seq' | 'at'> | undefined;
    if ((action === 'call' || action === 'recall' || action === 'resume') && window) {
      const service = c.ctx.serviceById.get(ticket.serviceId);
      const announcement = buildAnnouncement(
        { number: ticket.number, window: window.number, windowName: window.name, service: service?.name ?? '' },
        c.hall.settings.voice,
      );
      call = {
        ticketId: ticket.id,
        number: ticket.number,
        serviceId: ticket.serviceId,
        windowId: window.id,
        windowNumber: window.number,
        windowName: window.name,
        zoneId: service?.zoneId ?? null,
        recall: action === 'recall',
        reason: ticket.callReason,
        ...announcement,
      };
    }
    await c.emit(
      {
        type,
        ticketId: ticket.id,
        windowId: window?.id ?? ticket.windowId,
        reason: opts.reason ?? null,
        data: {
          number: ticket.number,
          serviceId: ticket.serviceId,
          status: ticket.status,
          ...(opts.data ?? {}),
          ...(call ? { call } : {}),
        },
      },
      {
        ticket,
        ...(window ? { window } : {}),
        queueServiceIds: [ticket.serviceId, ...(opts.extraServiceIds ?? [])],
        ...(call ? { call } : {}),
        windowIds: opts.extraWindowIds ?? [],
        publicData: opts.data ?? {},
      },
    );
    for (const hook of this.ticketHooks) await hook(c, action, ticket, window);
  }

  /** Checks that the window exists and that the actor may operate it, then runs `work`. */
  private windowCommand<T>(
    actor: Actor,
    windowId: number,
    idempotency: Idempotency | undefined,
    work: (c: CommandContext, window: Window) => Promise<T>,
  ): Promise<T> {
    return this.inWindowHall(windowId, (hallId) =>
      this.uow.command(actor, hallId, idempotency, async (c) => {
        const window = requireWindow(c.ctx, windowId);
        assertWindowOperator(actor, window);
        return work(c, window);
      }),
    );
  }

  /** Resolves a window's hall before the command, so the command runs in the right hall. */
  private async inWindowHall<T>(windowId: number, run: (hallId: number) => Promise<T>): Promise<T> {
    const window = await this.uow.read((tx) => loadWindow(tx, windowId));
    return run(window.hallId);
  }

  // ---------------------------------------------------------------------------------------------
  // Windows: status, services, staffing

  setWindowStatus(
    actor: Actor,
    windowId: number,
    input: { status: WindowStatus; reason?: string | null },
    idempotency?: Idempotency,
  ): Promise<{ window: WindowView }> {
    return this.windowCommand(actor, windowId, idempotency, async (c, window) => {
      const reason = input.reason?.trim() || null;
      if (input.status === 'paused' && !reason) throw errors.reasonRequired();
      if (input.status === 'paused' && window.status === 'closed') throw errors.pauseClosedWindow();
      if (input.status === 'open' && window.clerkId === null) throw errors.noClerkOnWindow();
      if (input.status === 'closed') {
        await assertWindowFree(c.tx, window);
        const held = await c.tx.tickets.atWindow(window.id, ['held']);
        if (held.length) throw errors.heldTicketsRemain(held.length);
      }
      if (window.status === input.status && (input.status !== 'paused' || window.pauseReason === reason)) {
        return { window: await windowView(c.tx, c.ctx, window) };
      }
      const updated = await c.tx.windows.update(window.id, {
        status: input.status,
        pauseReason: input.status === 'paused' ? reason : null,
        statusChangedAt: c.now,
      });
      c.ctx.replaceWindow(updated);
      await c.emit(
        { type: 'window:status', windowId: window.id, reason, data: { from: window.status, to: input.status } },
        {
          window: updated,
          queueServiceIds: c.ctx.served(window.id).map((s) => s.serviceId),
          publicData: { from: window.status, to: input.status },
        },
      );
      return { window: await windowView(c.tx, c.ctx, updated) };
    });
  }

  /**
   * Reassign what a window serves, effective on its next call: a specialist window's services,
   * or turn it into a 分领域 (zone) or 无差别 (hall) comprehensive window and back.
   */
  setWindowServices(
    actor: Actor,
    windowId: number,
    input: { mode: WindowMode; zoneId?: number | null; services: ServedServiceInput[]; reason?: string | null },
    idempotency?: Idempotency,
  ): Promise<{ window: WindowView }> {
    return this.windowCommand(actor, windowId, idempotency, async (c, window) => {
      assertManager(actor);
      const zoneId = input.zoneId === undefined ? window.zoneId : input.zoneId;
      if (zoneId !== null) requireZone(c.ctx, zoneId);
      if (input.mode === 'zone' && zoneId === null) {
        throw errors.invalidInput('分领域综合窗口需要指定服务区。', 'A zone comprehensive window needs a zone.');
      }
      const seen = new Set<number>();
      const rows: ServedService[] = [];
      for (const s of input.services) {
        if (!c.ctx.serviceById.has(s.serviceId)) throw errors.notFound(`事项 ${s.serviceId} `, `Service ${s.serviceId}`);
        if (seen.has(s.serviceId))
          throw errors.invalidInput('同一事项不能重复设置。', 'A service is listed twice.', { serviceId: s.serviceId });
        seen.add(s.serviceId);
        rows.push({ serviceId: s.serviceId, tier: s.tier ?? 1, weight: s.weight ?? 1 });
      }
      if (input.mode === 'specialist' && rows.length === 0) {
        throw errors.invalidInput('专窗至少需要办理一个事项。', 'A specialist window must serve at least one service.');
      }
      const before = c.ctx.served(window.id).map((s) => s.serviceId);
      const updated = await c.tx.windows.update(window.id, { mode: input.mode, zoneId });
      await c.tx.windows.setServedRows(window.id, rows);
      c.ctx.setServedRows(window.id, rows);
      c.ctx.replaceWindow(updated);
      const after = c.ctx.served(window.id).map((s) => s.serviceId);
      await c.emit(
        {
          type: 'window:services',
          windowId: window.id,
          reason: input.reason?.trim() || null,
          data: { mode: input.mode, zoneId, before, after, rows },
        },
        { window: updated, queueServiceIds: [...before, ...after] },
      );
      return { window: await windowView(c.tx, c.ctx, updated) };
    });
  }

  /** A clerk signs in to a window they may staff (or that they back up, AB角). */
  signIn(actor: Actor, windowId: number, idempotency?: Idempotency): Promise<{ window: WindowView }> {
    return this.inWindowHall(windowId, (hallId) =>
      this.uow.command(actor, hallId, idempotency, async (c) => {
        assertStaff(actor);
        const window = requireWindow(c.ctx, windowId);
        if (!window.enabled) throw errors.notFound('窗口', 'Window');
        if (actor.role === 'clerk' && !mayStaff(actor, window, await c.tx.windows.permittedWindowIds(actor.id))) {
          throw errors.windowNotPermitted();
        }
        if (window.clerkId === actor.id) return { window: await windowView(c.tx, c.ctx, window) };
        if (window.clerkId !== null) {
          const other = await c.tx.users.get(window.clerkId);
          throw errors.windowTaken(other?.displayName ?? '');
        }
        // Leave any other window first, if nothing is open there.
        for (const other of c.ctx.windows.filter((w) => w.clerkId === actor.id)) {
          const active = await c.tx.tickets.atWindow(other.id, ['called', 'serving']);
          if (active.length) throw errors.signedInElsewhere(other.number);
          await this.leaveWindow(c, other);
        }
        const updated = await c.tx.windows.update(window.id, { clerkId: actor.id });
        c.ctx.replaceWindow(updated);
        await c.emit({ type: 'window:clerk', windowId: window.id, data: { clerkId: actor.id, action: 'sign_in' } }, { window: updated });
        return { window: await windowView(c.tx, c.ctx, updated) };
      }),
    );
  }

  /** The clerk leaves their window; an open window closes so nobody waits for it. */
  signOut(actor: Actor, windowId: number, idempotency?: Idempotency): Promise<{ window: WindowView }> {
    return this.windowCommand(actor, windowId, idempotency, async (c, window) => {
      if (window.clerkId === null) return { window: await windowView(c.tx, c.ctx, window) };
      await assertWindowFree(c.tx, window);
      const updated = await this.leaveWindow(c, window);
      return { window: await windowView(c.tx, c.ctx, updated) };
    });
  }

  /** The window's clerk leaves it inside an open command; an open or paused window closes. */
  async leaveWindow(c: CommandContext, window: Window): Promise<Window> {
    const closing = window.status !== 'closed';
    const updated = await c.tx.windows.update(window.id, {
      clerkId: null,
      ...(closing ? { status: 'closed' as const, pauseReason: null, statusChangedAt: c.now } : {}),
    });
    c.ctx.replaceWindow(updated);
    await c.emit(
      { type: 'window:clerk', windowId: window.id, data: { clerkId: window.clerkId, action: 'sign_out', closed: closing } },
      { window: updated, queueServiceIds: closing ? c.ctx.served(window.id).map((s) => s.serviceId) : [] },
    );
    return updated;
  }

  /** The scrolling notice on the hall boards. */
  setNotice(actor: Actor, hallId: number, notice: string, idempotency?: Idempotency): Promise<{ notice: string }> {
    return this.uow.command(actor, hallId, idempotency, async (c) => {
      assertManager(actor);
      const text = notice.trim();
      await c.tx.halls.update(hallId, { notice: text });
      await c.emit({ type: 'hall:notice', data: { notice: text } }, { notice: text });
      return { notice: text };
    });
  }

  /** A visitor's view of their own ticket, by its secret code. */
  ticketStatus(publicCode: string): Promise<TicketStatusView> {
    return this.uow.read(async (tx) => {
      const ticket = await loadTicketByCode(tx, publicCode);
      const hall = (await tx.halls.get(ticket.hallId))!;
      const now = this.uow.clock();
      const ctx = await HallContext.load(tx, hall, now);
      const service = ctx.serviceById.get(ticket.serviceId);
      let ahead = 0;
      let estimate: TicketStatusView['estimate'] = null;
      if (ticket.status === 'waiting') {
        ahead = await tx.tickets.countAhead(ticket, boostBefore(hall.settings, now));
        const [queue] = await queueStats(tx, ctx, [ticket.serviceId]);
        const minutes = estimateWaitMinutes(ahead, queue?.averageMinutes ?? 10, ctx.openWindowsServing(ticket.serviceId));
        estimate = { minutes, ...estimateRange(minutes) };
      }
      const atWindow =
        ['called', 'serving', 'held'].includes(ticket.status) && ticket.windowId ? ctx.windowById.get(ticket.windowId) : undefined;
      return {
        hall: { id: hall.id, name: hall.name, timezone: hall.timezone },
        ticket: ticketView(ticket),
        serviceName: service?.name ?? '',
        serviceNameEn: service?.nameEn ?? '',
        ahead,
        estimate,
        window: atWindow ? { id: atWindow.id, number: atWindow.number, name: atWindow.name } : null,
        requeueUntil:
          ticket.status === 'no_show' && ticket.noShowAt ? graceEndsAt(ticket.noShowAt, hall.settings.fairness.noShowGraceMinutes) : null,
      };
    });
  }

  /** What a clerk console shows for a window: the window, its queue in call order, held and missed tickets, today's counts. */
  windowDetail(actor: Actor, windowId: number): Promise<WindowDetail> {
    return this.uow.read(async (tx) => {
      const window = await loadWindow(tx, windowId);
      assertHall(actor, window.hallId);
      const hall = (await tx.halls.get(window.hallId))!;
      const now = this.uow.clock();
      const ctx = await HallContext.load(tx, hall, now);
      const [waitingAll, held, missedAll, mine, transferred] = await Promise.all([
        tx.tickets.waiting(hall.id, ctx.day),
        tx.tickets.atWindow(window.id, ['held']),
        tx.tickets.list({ hallId: hall.id, serviceDay: ctx.day, statuses: ['no_show'] }),
        tx.tickets.list({ hallId: hall.id, serviceDay: ctx.day, windowId: window.id }),
        tx.events.query({ hallId: hall.id, types: ['ticket:transferred'], fromAt: now - 24 * 3600_000, limit: 10_000 }),
      ]);
      const served = new Set(ctx.served(window.id).map((s) => s.serviceId));
      const order = callOrder(
        { id: window.id, served: ctx.served(window.id), priorityStreak: window.priorityStreak },
        waitingAll.map(toCandidate),
        hall.settings.fairness,
        now,
      );
      const byId = new Map(waitingAll.map((t) => [t.id, t]));
      const grace = hall.settings.fairness.noShowGraceMinutes;
      const done = mine.filter((t) => t.status === 'done' && t.servingAt && t.finishedAt);
      const durations = done.map((t) => t.finishedAt! - t.servingAt!);
      return {
        window: await windowView(tx, ctx, window),
        waiting: order.map((id) => ticketView(byId.get(id)!)),
        held: held.map(ticketView),
        missed: missedAll
          .filter((t) => (served.has(t.serviceId) || t.windowId === window.id) && t.noShowAt && graceEndsAt(t.noShowAt, grace) >= now)
          .map(ticketView),
        today: {
          called: mine.filter((t) => t.firstCalledAt !== null).length,
          served: done.length,
          noShow: mine.filter((t) => t.status === 'no_show').length,
          transferred: transferred.filter((e) => e.data.fromWindowId === window.id && serviceDay(e.at, hall.timezone) === ctx.day).length,
          averageServiceMinutes: durations.length
            ? Math.round((durations.reduce((a, b) => a + b, 0) / durations.length / 60000) * 10) / 10
            : null,
        },
      };
    });
  }

  /** Queue views of a hall now (for the kiosk tiles and the phone's service list). */
  queues(hallId: number): Promise<QueueView[]> {
    return this.uow.read(async (tx) => {
      const hall = await loadHall(tx, hallId);
      return queueViews(tx, await HallContext.load(tx, hall, this.uow.clock()));
    });
  }

  // ---------------------------------------------------------------------------------------------
  // Reads and lookups the API answers with (routes call these, never the store)

  /** Resolves when the database answers (readiness), rejects when it cannot. */
  ping(): Promise<void> {
    return this.uow.ping();
  }

  /** The halls on this server as anyone may see them: id, public code and name. */
  async hallList(): Promise<{ id: number; code: string; name: string }[]> {
    const halls = await this.uow.read((tx) => tx.halls.list());
    return halls.map((h) => ({ id: h.id, code: h.code, name: h.name }));
  }

  /** A hall's events after sequence number `after`, oldest first: catch-up over HTTP for its staff. */
  eventsSince(actor: Actor, hallId: number, after: number, limit: number) {
    assertHall(actor, hallId);
    return this.uow.read((tx) => tx.events.since(hallId, after, limit));
  }

  /**
   * A ticket by its number on a service day (today in the hall by default), e.g. to reprint it.
   * Numbers restart every service day, so number and day name one ticket. Managers only.
   */
  lookupTicket(actor: Actor, hallId: number, typedNumber: string, day?: string): Promise<TicketLookupView> {
    if (!isManager(actor)) throw errors.forbidden();
    assertHall(actor, hallId);
    const number = typedNumber.trim().toUpperCase();
    return this.uow.read(async (tx) => {
      const hall = await tx.halls.get(hallId);
      if (!hall) throw errors.notFound('大厅', 'Hall');
      const onDay = day ?? serviceDay(this.uow.clock(), hall.timezone);
      const ticket = await tx.tickets.byNumber(hallId, onDay, number);
      if (!ticket) {
        throw new DomainError(
          404,
          'ticket_number_unknown',
          `${onDay} 没有 ${number} 号。请核对号码和日期。`,
          `There is no ticket ${number} on ${onDay}; check the number and the date.`,
          { number, day: onDay, field: 'number' },
        );
      }
      const service = await tx.services.get(ticket.serviceId);
      const window = ticket.windowId ? await tx.windows.get(ticket.windowId) : null;
      return {
        ticket: ticketView(ticket),
        serviceDay: ticket.serviceDay,
        serviceName: service?.name ?? '',
        serviceNameEn: service?.nameEn ?? '',
        windowNumber: window?.number ?? null,
        printStatus: ticket.printStatus,
      };
    });
  }

  /** The hall a ticket belongs to, for a command addressed by ticket id (which then checks the caller's hall). */
  async hallOfTicket(ticketId: number): Promise<number> {
    const ticket = await this.uow.read((tx) => tx.tickets.get(ticketId));
    if (!ticket) throw errors.notFound('号票', 'Ticket');
    return ticket.hallId;
  }

  /** The hall a window belongs to, for a command addressed by window id (which then checks the caller's hall). */
  hallOfWindow(windowId: number): Promise<number> {
    return this.inWindowHall(windowId, async (hallId) => hallId);
  }
}

async function findTicket(c: CommandContext, by: { ticketId?: number; number?: string }): Promise<Ticket> {
  let ticket: Ticket | null = null;
  if (by.ticketId !== undefined) ticket = await c.tx.tickets.get(by.ticketId);
  else if (by.number !== undefined) {
    const parsed = parseTicketNumber(by.number);
    if (!parsed) throw errors.invalidInput('号码格式不正确，例如 A012。', 'That is not a ticket number; for example A012.');
    ticket = await c.tx.tickets.byNumber(c.hall.id, c.ctx.day, formatTicketNumber(parsed.prefix, parsed.seq));
  }
  if (!ticket || ticket.hallId !== c.hall.id) throw errors.notFound('号票', 'Ticket');
  return ticket;
}

/** Who serves the ticket: the member of staff acting, or the window's clerk when a device acts for the window. */
const clerkOf = (actor: Actor, window: Window): number | null => (actor.kind === 'user' ? actor.id : window.clerkId);

async function updateTicket(tx: StoreTx, ticket: Ticket, patch: Partial<Ticket>): Promise<Ticket> {
  const updated = await tx.tickets.update(ticket.id, ticket.version, patch);
  if (!updated) throw errors.ticketChanged();
  return updated;
}
