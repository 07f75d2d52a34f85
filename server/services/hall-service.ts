/**
 * The domain service: every state change of tickets and windows goes through here, whoever asks
 * (HTTP route, socket, kiosk, a future hardware caller). Each command is one store transaction
 * that checks who may act, applies the pure rules from common/domain, appends its events with
 * the hall's sequence numbers, records its result under the idempotency key, and publishes the
 * events after commit.
 */
import { randomBytes } from 'node:crypto';
import type {
  CallView,
  HallView,
  QueueView,
  RealtimeEvent,
  ServiceView,
  TicketStatusView,
  TicketView,
  WindowDetail,
  WindowView,
  ZoneView,
} from '../../common/protocol.js';
import type { TicketLookupView } from '../../common/manager-protocol.js';
import type { IssuedTicketView } from '../../common/phone.js';
import type { PriorityKind, TicketSource, WindowMode, WindowStatus } from '../../common/vocabulary.js';
import { buildAnnouncement } from '../../common/domain/announcement.js';
import { isWorkingDay, localTime, serviceDay, withinHours } from '../../common/domain/calendar.js';
import { estimateRange, estimateWaitMinutes } from '../../common/domain/estimate.js';
import { DomainError, errors } from '../../common/domain/errors.js';
import { applyAction, graceEndsAt, type TicketAction } from '../../common/domain/lifecycle.js';
import { formatTicketNumber, parseTicketNumber, quotaAllows } from '../../common/domain/numbering.js';
import { callOrder, pickNext, type Candidate } from '../../common/domain/routing.js';
import { mayStaff } from '../../common/domain/staffing.js';
import type { Actor, Hall, ServedService, Ticket, Window } from '../../common/domain/types.js';
import type { EventDraft, Store, StoreTx } from '../store/store.js';
import { audienceOf, type EventBus, type PublishedEvent } from './event-bus.js';
import { buildSnapshot, HallContext, queueStats, queueViews, ticketView, windowView, type SnapshotScope } from './views.js';

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

export interface EmitExtra {
  ticket?: Ticket;
  window?: Window;
  /** Services whose queue views must be refreshed on screens. */
  queueServiceIds?: number[];
  /** Queue views the command already computed (instead of `queueServiceIds`). */
  queues?: QueueView[];
  call?: Omit<CallView, 'seq' | 'at'>;
  notice?: string;
  zoneIds?: (number | null)[];
  windowIds?: (number | null)[];
  deviceIds?: number[];
  /** Public facts for the realtime message, beyond the views. */
  publicData?: Record<string, unknown>;
  /** Configuration views for screens (a manager changed services, zones or the hall). */
  services?: ServiceView[];
  zones?: ZoneView[];
  removedZoneIds?: number[];
  hall?: HallView;
  removedWindowIds?: number[];
}

export interface IssueInput {
  hallId: number;
  serviceId: number;
  priority?: PriorityKind;
  source: TicketSource;
  phone?: string | null;
  bookingId?: number | null;
  /** Set by the kiosk route when a printer will print this ticket. */
  printing?: boolean;
  /**
   * The printer that prints this ticket (the kiosk's, or the guide desk's): recorded in the
   * ticket:issued event, which the printing plugin (server/plugins/printing.ts) acts on after
   * commit. Implies `printing`.
   */
  printerId?: number | null;
  /** Opening hours are not checked (phone taking all day). */
  skipHours?: boolean;
  /**
   * An appointment check-in: the place was reserved at booking and the visitor came at the time
   * given, so neither the quota, the opening hours nor a closed window refuses it.
   */
  reserved?: boolean;
}

/** What issuing a ticket answers; publicCode is the visitor's secret for the status page, only returned to whoever issued it. */
export type IssuedTicket = IssuedTicketView;

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

/** 80 random bits, base32: unguessable, and short enough for a QR code on a ticket. */
export const newPublicCode = (): string => toBase32(randomBytes(10));
function toBase32(bytes: Buffer): string {
  const alphabet = 'abcdefghijkmnpqrstuvwxyz23456789'; // no l, o, 0, 1: easy to read aloud
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += alphabet[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += alphabet[(value << (5 - bits)) & 31];
  return out;
}

/** Tickets queued before this moment count as boosted (the fairness boost after T minutes). */
export const boostBefore = (settings: Hall['settings'], now: number): number => now - settings.fairness.boostAfterMinutes * 60_000;

export const actorScope = (actor: Actor): string => `${actor.kind}:${actor.id ?? actor.name}`;

/**
 * Runs inside the command that changed a ticket, after the change and its event, in the same
 * transaction: for rules that must commit or fail together with the change (a finished service
 * asks the window's pad for a rating). Registered once at start-up with `onTicketAction`.
 */
export type TicketActionHook = (c: CommandContext, action: TicketAction, ticket: Ticket, window: Window | null) => Promise<void>;

export class HallService {
  private readonly ticketHooks: TicketActionHook[] = [];

  constructor(
    readonly store: Store,
    readonly bus: EventBus,
    readonly clock: Clock = Date.now,
  ) {}

  onTicketAction(hook: TicketActionHook): void {
    this.ticketHooks.push(hook);
  }

  // ---------------------------------------------------------------------------------------------
  // The command runner

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
      const hall = await tx.halls.get(hallId);
      if (!hall) throw errors.notFound('大厅', 'Hall');
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
          published.push(await this.buildMessage(tx, ctx, record, extra));
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

  private async buildMessage(tx: StoreTx, ctx: HallContext, record: PublishedEvent['record'], extra: EmitExtra): Promise<PublishedEvent> {
    const message: RealtimeEvent = { seq: record.seq, type: record.type, at: record.at, reason: record.reason };
    const zoneIds = new Set<number>();
    const windowIds = new Set<number>();
    if (extra.ticket) {
      message.ticket = ticketView(extra.ticket);
      const zone = ctx.serviceById.get(extra.ticket.serviceId)?.zoneId;
      if (zone) zoneIds.add(zone);
      if (extra.ticket.windowId) windowIds.add(extra.ticket.windowId);
    }
    if (extra.window) {
      message.window = await windowView(tx, ctx, extra.window);
      if (extra.window.zoneId) zoneIds.add(extra.window.zoneId);
      windowIds.add(extra.window.id);
    }
    const queueIds = extra.queues ? extra.queues.map((q) => q.serviceId) : [...new Set(extra.queueServiceIds ?? [])];
    if (queueIds.length) {
      message.queues = extra.queues ?? (await queueViews(tx, ctx, queueIds));
      for (const id of queueIds) {
        const zone = ctx.serviceById.get(id)?.zoneId;
        if (zone) zoneIds.add(zone);
      }
    }
    if (extra.call) message.call = { ...extra.call, seq: record.seq, at: record.at };
    if (extra.notice !== undefined) message.notice = extra.notice;
    if (extra.publicData) message.data = extra.publicData;
    if (extra.services) message.services = extra.services;
    if (extra.zones) message.zones = extra.zones;
    if (extra.removedZoneIds) message.removedZoneIds = extra.removedZoneIds;
    if (extra.hall) message.hall = extra.hall;
    if (extra.removedWindowIds) message.removedWindowIds = extra.removedWindowIds;
    for (const z of extra.zoneIds ?? []) if (z) zoneIds.add(z);
    for (const w of extra.windowIds ?? []) if (w) windowIds.add(w);
    return {
      hallId: ctx.hall.id,
      record,
      message,
      scope: {
        audience: audienceOf(record.type),
        zoneIds: [...zoneIds],
        windowIds: [...windowIds],
        ticketCode: extra.ticket?.publicCode ?? null,
        deviceIds: extra.deviceIds ?? [],
      },
    };
  }

  // ---------------------------------------------------------------------------------------------
  // Reads

  async snapshot(hallId: number, scope: SnapshotScope = {}) {
    return this.store.read(async (tx) => {
      const hall = await tx.halls.get(hallId);
      if (!hall) throw errors.notFound('大厅', 'Hall');
      const now = this.clock();
      return buildSnapshot(tx, await HallContext.load(tx, hall, now), now, scope);
    });
  }

  // ---------------------------------------------------------------------------------------------
  // Issuing

  issueTicket(actor: Actor, input: IssueInput, idempotency?: Idempotency): Promise<IssuedTicket> {
    return this.command(actor, input.hallId, idempotency, (c) => issueWithin(c, input));
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
      const isManager = c.actor.kind === 'user' && c.actor.role !== 'clerk';
      if (!served && ticket.targetWindowId !== window.id && !isManager) throw errors.serviceNotServed();
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
    const clerkId = c.actor.kind === 'user' ? c.actor.id : window.clerkId;
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
      const clerkId = c.actor.kind === 'user' ? c.actor.id : window.clerkId;
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
    return this.command(actor, hallId, idempotency, async (c) => {
      const ticket = await findTicket(c, { ticketId: input.ticketId });
      let fromWindow: Window | null = null;
      if (input.fromWindowId != null) {
        fromWindow = requireWindow(c, input.fromWindowId);
        assertWindowOperator(c.actor, fromWindow);
        if (ticket.windowId !== fromWindow.id || ticket.status === 'waiting') throw errors.ticketNotHere();
      } else if (!isManager(c.actor)) {
        throw errors.forbidden();
      }
      const toServiceId = input.toServiceId ?? ticket.serviceId;
      const toService = c.ctx.serviceById.get(toServiceId);
      if (!toService) throw errors.notFound('目标事项', 'Target service');
      if (!toService.enabled) throw errors.serviceDisabled();
      const toWindow = input.toWindowId != null ? requireWindow(c, input.toWindowId) : null;
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
    return this.command(actor, hallId, idempotency, async (c) => {
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
      this.command(actor, hallId, idempotency, async (c) => {
        const window = requireWindow(c, windowId);
        assertWindowOperator(actor, window);
        return work(c, window);
      }),
    );
  }

  /** Resolves a window's hall before the command, so the command runs in the right hall. */
  private async inWindowHall<T>(windowId: number, run: (hallId: number) => Promise<T>): Promise<T> {
    const window = await this.store.read((tx) => tx.windows.get(windowId));
    if (!window) throw errors.notFound('窗口', 'Window');
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
      if (!isManager(actor)) throw errors.forbidden();
      const zoneId = input.zoneId === undefined ? window.zoneId : input.zoneId;
      if (zoneId !== null && !c.ctx.zones.some((z) => z.id === zoneId)) throw errors.notFound('服务区', 'Zone');
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
      this.command(actor, hallId, idempotency, async (c) => {
        if (actor.kind !== 'user') throw errors.forbidden();
        const window = requireWindow(c, windowId);
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
    return this.command(actor, hallId, idempotency, async (c) => {
      if (!isManager(actor)) throw errors.forbidden();
      const text = notice.trim();
      await c.tx.halls.update(hallId, { notice: text });
      await c.emit({ type: 'hall:notice', data: { notice: text } }, { notice: text });
      return { notice: text };
    });
  }

  /** A visitor's view of their own ticket, by its secret code. */
  ticketStatus(publicCode: string): Promise<TicketStatusView> {
    return this.store.read(async (tx) => {
      const ticket = await tx.tickets.byCode(publicCode);
      if (!ticket) throw errors.notFound('号票', 'Ticket');
      const hall = (await tx.halls.get(ticket.hallId))!;
      const now = this.clock();
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
    return this.store.read(async (tx) => {
      const window = await tx.windows.get(windowId);
      if (!window) throw errors.notFound('窗口', 'Window');
      assertHall(actor, window.hallId);
      const hall = (await tx.halls.get(window.hallId))!;
      const now = this.clock();
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
    return this.store.read(async (tx) => {
      const hall = await tx.halls.get(hallId);
      if (!hall) throw errors.notFound('大厅', 'Hall');
      return queueViews(tx, await HallContext.load(tx, hall, this.clock()));
    });
  }

  // ---------------------------------------------------------------------------------------------
  // Reads and lookups the API answers with (routes call these, never the store)

  /** Resolves when the database answers (readiness), rejects when it cannot. */
  ping(): Promise<void> {
    return this.store.ping();
  }

  /** The halls on this server as anyone may see them: id, public code and name. */
  async hallList(): Promise<{ id: number; code: string; name: string }[]> {
    const halls = await this.store.read((tx) => tx.halls.list());
    return halls.map((h) => ({ id: h.id, code: h.code, name: h.name }));
  }

  /** A hall's events after sequence number `after`, oldest first: catch-up over HTTP for its staff. */
  eventsSince(actor: Actor, hallId: number, after: number, limit: number) {
    assertHall(actor, hallId);
    return this.store.read((tx) => tx.events.since(hallId, after, limit));
  }

  /**
   * A ticket by its number on a service day (today in the hall by default), e.g. to reprint it.
   * Numbers restart every service day, so number and day name one ticket. Managers only.
   */
  lookupTicket(actor: Actor, hallId: number, typedNumber: string, day?: string): Promise<TicketLookupView> {
    if (!isManager(actor)) throw errors.forbidden();
    assertHall(actor, hallId);
    const number = typedNumber.trim().toUpperCase();
    return this.store.read(async (tx) => {
      const hall = await tx.halls.get(hallId);
      if (!hall) throw errors.notFound('大厅', 'Hall');
      const onDay = day ?? serviceDay(this.clock(), hall.timezone);
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
    const ticket = await this.store.read((tx) => tx.tickets.get(ticketId));
    if (!ticket) throw errors.notFound('号票', 'Ticket');
    return ticket.hallId;
  }

  /** The hall a window belongs to, for a command addressed by window id (which then checks the caller's hall). */
  hallOfWindow(windowId: number): Promise<number> {
    return this.inWindowHall(windowId, async (hallId) => hallId);
  }
}

/**
 * Issues a ticket inside an open command: the checks (service enabled, priority rules, opening
 * hours, quota, open windows), the number, the event. Exported so other commands (phone taking,
 * appointment check-in) can add their own checks in the same transaction and then issue.
 */
export async function issueWithin(c: CommandContext, input: IssueInput): Promise<IssuedTicket> {
  const { tx, ctx, hall, now, emit, actor } = c;
  const service = ctx.serviceById.get(input.serviceId);
  if (!service) throw errors.notFound('事项', 'Service');
  if (!service.enabled) throw errors.serviceDisabled();
  const settings = hall.settings;
  const priority = input.priority ?? 'normal';
  const isStaff = actor.kind === 'user';

  if (priority === 'appointment' && input.source !== 'appointment') {
    throw errors.invalidInput('预约优先号只能通过预约签到取得。', 'Appointment priority comes only from an appointment check-in.');
  }
  if (priority !== 'normal' && priority !== 'appointment' && !isStaff && !settings.issuing.selfDeclaredPriority) {
    throw new DomainError(
      403,
      'priority_needs_staff',
      '绿色通道号请到导办台由工作人员为您取号。',
      'Priority tickets are issued by staff at the guide desk.',
    );
  }

  const local = localTime(now, hall.timezone);
  if (!(isStaff && settings.issuing.staffIgnoresHours)) {
    if (!isWorkingDay(local.date, settings.calendar)) throw errors.notWorkingDay();
    const hours = service.openingHours ?? hall.openingHours;
    if (!input.skipHours && !input.reserved && !withinHours(hours, local.minutes)) throw errors.outsideHours(hours);
  }

  const warnings: string[] = [];
  const openWindows = ctx.openWindowsServing(service.id);
  if (openWindows === 0) {
    if (!settings.issuing.allowWhenNoWindowOpen && !isStaff && !input.reserved) throw errors.noOpenWindow();
    warnings.push('no_open_window');
  }

  // An unlimited service needs no count (it is the longest scan of the issue path).
  if (!input.reserved && service.dailyQuota !== null) {
    const issued = await tx.tickets.countIssued(service.id, ctx.day);
    if (!quotaAllows(service.dailyQuota, issued)) throw errors.quotaReached(service.dailyQuota ?? 0);
  }

  const seq = await tx.tickets.nextSeq(hall.id, ctx.day, service.prefix);
  const ticket = await tx.tickets.insert({
    hallId: hall.id,
    serviceDay: ctx.day,
    prefix: service.prefix,
    seq,
    number: formatTicketNumber(service.prefix, seq),
    publicCode: newPublicCode(),
    serviceId: service.id,
    originalServiceId: service.id,
    priority,
    source: input.source,
    status: 'waiting',
    issuedAt: now,
    queuedAt: now,
    targetWindowId: null,
    windowId: null,
    clerkId: null,
    calledAt: null,
    firstCalledAt: null,
    servingAt: null,
    finishedAt: null,
    noShowAt: null,
    heldAt: null,
    cancelledAt: null,
    cancelReason: null,
    recallCount: 0,
    callReason: null,
    transfers: [],
    phone: input.phone ?? null,
    bookingId: input.bookingId ?? null,
    printStatus: input.printing || input.printerId ? 'pending' : null,
    ratingStatus: null,
    ratingDeadline: null,
  });

  const ahead = await tx.tickets.countAhead(ticket, boostBefore(settings, now));
  const [queue] = await queueStats(tx, ctx, [service.id]);
  const estimateMinutes = estimateWaitMinutes(ahead, queue!.averageMinutes, openWindows);

  await emit(
    {
      type: 'ticket:issued',
      ticketId: ticket.id,
      data: {
        number: ticket.number,
        serviceId: service.id,
        priority,
        source: input.source,
        ...(input.printerId ? { printerId: input.printerId } : {}),
      },
    },
    { ticket, queues: [queue!.view] },
  );
  return {
    ticket: ticketView(ticket),
    publicCode: ticket.publicCode,
    hallName: hall.name,
    serviceName: service.name,
    serviceNameEn: service.nameEn,
    ahead,
    estimateMinutes,
    warnings,
  };
}

// -----------------------------------------------------------------------------------------------
// Checks shared by the commands

export const isManager = (actor: Actor): boolean => actor.kind === 'user' && (actor.role === 'manager' || actor.role === 'admin');

/** Staff and devices act only in their own hall; admins in every hall. */
export function assertHall(actor: Actor, hallId: number): void {
  if (actor.kind === 'user' && actor.role === 'admin' && actor.hallId === null) return;
  if ((actor.kind === 'user' || actor.kind === 'device') && actor.hallId !== hallId) throw errors.wrongHall();
}

/** A clerk only on the window they are signed in to; managers on any window of their hall. */
export function assertWindowOperator(actor: Actor, window: Window): void {
  if (actor.kind !== 'user') throw errors.forbidden();
  if (actor.role === 'clerk' && window.clerkId !== actor.id) throw errors.notYourWindow();
}

function requireWindow(c: CommandContext, windowId: number): Window {
  const window = c.ctx.windowById.get(windowId);
  if (!window) throw errors.notFound('窗口', 'Window');
  return window;
}

async function assertWindowFree(tx: StoreTx, window: Window): Promise<void> {
  const [current] = await tx.tickets.atWindow(window.id, ['called', 'serving']);
  if (current) throw errors.windowBusy(current.number);
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

async function updateTicket(tx: StoreTx, ticket: Ticket, patch: Partial<Ticket>): Promise<Ticket> {
  const updated = await tx.tickets.update(ticket.id, ticket.version, patch);
  if (!updated) throw errors.ticketChanged();
  return updated;
}
