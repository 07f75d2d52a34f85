/**
 * 好差评: the rating of a finished service (docs/design.md, invariant 6).
 *
 * When a clerk finishes a ticket at a window with a paired pad, the pad is asked for a rating
 * (same transaction as the finish). A rating is one per ticket, a 差评 (level 1–2) needs a reason,
 * and nothing is ever invented: a pad that gets no answer before the deadline records the ticket
 * as not rated. Every 差评 opens a case with a deadline in working days.
 *
 * Rules are split in three: the content rules (`checkRatingContent`, pure), the rules every
 * channel shares (finished, not yet rated), and the rules of one channel (`ChannelRule`: the pad
 * rates only what was just finished at its own window and is still pending; the phone channel,
 * 补评, registers its own with `registerChannel`).
 */
import { OTHER_RATING_REASON, type PadState, type RatingRequestView, type RatingResult } from '../../common/protocol.js';
import { isBadRating, type RatingChannel } from '../../common/vocabulary.js';
import { addDays, addWorkingDays, serviceDay } from '../../common/domain/calendar.js';
import { errors } from '../../common/domain/errors.js';
import type { HallSettings } from '../../common/domain/settings.js';
import { SYSTEM, type Actor, type Device, type Hall, type Ticket, type Window } from '../../common/domain/types.js';
import type { Rating } from '../store/repositories/ratings.js';
import { enqueueRating } from './exchange/outbox.js';
import type { StoreTx } from '../store/store.js';
import { loadTicket } from './guards.js';
import type { TicketActionHook } from './hall-service.js';
import type { CommandContext, Idempotency, UnitOfWork } from './unit-of-work.js';

export interface RatingInput {
  ticketId: number;
  level: number;
  reasons: string[];
  comment: string;
  channel: RatingChannel;
}

/** The longest comment kept with a rating. */
export const MAX_COMMENT = 500;

// -----------------------------------------------------------------------------------------------
// Pure rules

/**
 * The content rules of every rating, whatever the channel: a level from 1 to 5; a 差评 (1–2)
 * names at least one reason, each from the hall's list or "其他" with a comment; a good rating
 * carries no reasons. Returns the reasons and comment as stored (trimmed, without repeats).
 */
export function checkRatingContent(
  input: Pick<RatingInput, 'level' | 'reasons' | 'comment'>,
  hallReasons: readonly string[],
): { reasons: string[]; comment: string } {
  if (!Number.isInteger(input.level) || input.level < 1 || input.level > 5) throw errors.ratingLevelInvalid();
  const comment = (input.comment ?? '').trim().slice(0, MAX_COMMENT);
  const reasons = [...new Set((input.reasons ?? []).map((r) => r.trim()).filter((r) => r !== ''))];
  if (!isBadRating(input.level)) {
    if (reasons.length > 0) throw errors.ratingReasonsForBadOnly();
    return { reasons, comment };
  }
  if (reasons.length === 0) throw errors.ratingReasonRequired();
  for (const reason of reasons) {
    if (reason !== OTHER_RATING_REASON && !hallReasons.includes(reason)) throw errors.ratingReasonUnknown(reason);
  }
  if (reasons.includes(OTHER_RATING_REASON) && comment === '') throw errors.ratingCommentRequired();
  return { reasons, comment };
}

/** When the pad stops waiting for a rating of a ticket finished at `finishedAt`. */
export const padRatingDeadline = (finishedAt: number, settings: HallSettings): number =>
  finishedAt + settings.rating.padTimeoutSeconds * 1000;

/** The last day (hall-local) to close the 差评 case of a rating made at `now`. */
export const caseDeadline = (now: number, hall: Pick<Hall, 'timezone' | 'settings'>): string =>
  addWorkingDays(serviceDay(now, hall.timezone), hall.settings.rating.caseDeadlineWorkingDays, hall.settings.calendar);

/** Service days a pending pad rating can belong to: today and, just after midnight, yesterday. */
const recentDays = (now: number, timezone: string): string[] => {
  const today = serviceDay(now, timezone);
  return [today, addDays(today, -1)];
};

// -----------------------------------------------------------------------------------------------
// Channels

/** The rules of one rating channel, run inside the rating command. */
export interface ChannelRule {
  /** May this actor rate this ticket at all (before anything about its state is revealed)? */
  authorize(c: CommandContext, ticket: Ticket): Promise<void>;
  /** Is the ticket ready to be rated through this channel (after the shared checks)? */
  ready(c: CommandContext, ticket: Ticket): Promise<void>;
}

/** The pad rates only a ticket just finished at its own window, while the pad still asks for it. */
const padChannel: ChannelRule = {
  async authorize(c, ticket) {
    const device = await padOf(c.tx, c.actor);
    if (ticket.windowId !== device.windowId) throw errors.ratingWrongWindow();
  },
  async ready(c, ticket) {
    if (ticket.ratingStatus !== 'pending') throw errors.ratingNotPending();
    if (ticket.ratingDeadline !== null && ticket.ratingDeadline < c.now) throw errors.ratingExpired();
  },
};

async function padOf(tx: StoreTx, actor: Actor): Promise<Device & { windowId: number }> {
  if (actor.kind !== 'device' || actor.deviceKind !== 'pad') throw errors.wrongDeviceKind();
  const device = await tx.devices.get(actor.id);
  if (!device || device.status !== 'active') throw errors.deviceRevoked();
  if (device.windowId === null) throw errors.padNoWindow();
  return device as Device & { windowId: number };
}

async function activePadIds(tx: StoreTx, hallId: number, windowId: number | null): Promise<number[]> {
  if (windowId === null) return [];
  const devices = await tx.devices.list(hallId);
  return devices.filter((d) => d.kind === 'pad' && d.status === 'active' && d.windowId === windowId).map((d) => d.id);
}

const ratingView = (r: Rating): RatingResult['rating'] => ({
  id: r.id,
  ticketId: r.ticketId,
  level: r.level,
  reasons: r.reasons,
  comment: r.comment,
  channel: r.channel,
  createdAt: r.createdAt,
});

// -----------------------------------------------------------------------------------------------
// The service

export class RatingService {
  private readonly channels = new Map<RatingChannel, ChannelRule>([['pad', padChannel]]);
  /** The first sweep after start looks at every day (the server may have been down a while). */
  private sweptAllDays = false;

  constructor(private readonly uow: UnitOfWork) {}

  /** Adds the rules of another channel (the phone's 补评). */
  registerChannel(channel: RatingChannel, rule: ChannelRule): void {
    this.channels.set(channel, rule);
  }

  /**
   * Stores a rating: one per ticket, a 差评 with its reasons, and opens its case. Refusals are
   * 4xx errors and write nothing. Staff hear about the rating (`rating:submitted`) only after it
   * is committed.
   */
  async submitRating(actor: Actor, input: RatingInput, idempotency?: Idempotency): Promise<RatingResult> {
    const channel = this.channels.get(input.channel);
    if (!channel) throw errors.invalidInput('不支持此评价渠道。', 'This rating channel is not supported.');
    const found = await this.uow.read((tx) => loadTicket(tx, input.ticketId));
    return this.uow.command(actor, found.hallId, idempotency, async (c) => {
      const { reasons, comment } = checkRatingContent(input, c.hall.settings.rating.badReasons);
      const ticket = await loadTicket(c.tx, input.ticketId, c.hall.id);
      await channel.authorize(c, ticket);
      // Shared by every channel: a finished service, rated once.
      if (ticket.ratingStatus === 'rated' || (await c.tx.ratings.byTicket(ticket.id))) throw errors.ratingAlreadyRated();
      if (ticket.status !== 'done') throw errors.ratingNotFinished();
      await channel.ready(c, ticket);

      const rating = await c.tx.ratings.insert({
        hallId: c.hall.id,
        ticketId: ticket.id,
        serviceId: ticket.serviceId,
        windowId: ticket.windowId,
        clerkId: ticket.clerkId,
        level: input.level,
        reasons,
        comment,
        channel: input.channel,
        createdAt: c.now,
      });
      const rated = await c.tx.tickets.update(ticket.id, ticket.version, { ratingStatus: 'rated' });
      if (!rated) throw errors.ticketChanged();
      await enqueueRating(c, rating, rated);
      const opened = isBadRating(rating.level)
        ? await c.tx.ratings.insertCase({ hallId: c.hall.id, ratingId: rating.id, deadline: caseDeadline(c.now, c.hall), createdAt: c.now })
        : null;

      // Staff-only; a second pad at the same window hears it too and returns to idle.
      const padIds = await activePadIds(c.tx, c.hall.id, ticket.windowId);
      const submitted = {
        ratingId: rating.id,
        ticketId: ticket.id,
        number: ticket.number,
        serviceId: ticket.serviceId,
        windowId: ticket.windowId,
        clerkId: ticket.clerkId,
        level: rating.level,
        reasons,
        channel: input.channel,
        caseId: opened?.id ?? null,
      };
      await c.emit(
        { type: 'rating:submitted', ticketId: ticket.id, windowId: ticket.windowId, data: submitted },
        { deviceIds: padIds, windowIds: [ticket.windowId], publicData: submitted },
      );
      if (opened) {
        const caseFacts = {
          caseId: opened.id,
          ratingId: rating.id,
          ticketId: ticket.id,
          windowId: ticket.windowId,
          action: 'opened',
          status: opened.status,
          deadline: opened.deadline,
          level: rating.level,
        };
        await c.emit(
          { type: 'case:updated', ticketId: ticket.id, windowId: ticket.windowId, data: caseFacts },
          { windowIds: [ticket.windowId], publicData: caseFacts },
        );
      }
      return { rating: ratingView(rating), case: opened ? { id: opened.id, deadline: opened.deadline } : null };
    });
  }

  /**
   * After a finish at a window with an active pad: the ticket waits for its rating until the
   * deadline, and the pad is asked (`rating:requested`, to the window's room). A rating still
   * pending at that window from an earlier ticket is closed as not rated: the pad asks about one
   * service at a time, the latest.
   */
  readonly onTicketAction: TicketActionHook = async (c, action, ticket, window) => {
    if (action !== 'finish' || !window) return;
    const padIds = await activePadIds(c.tx, c.hall.id, window.id);
    if (padIds.length === 0) return;
    const earlier = await c.tx.ratings.awaiting({
      hallId: c.hall.id,
      windowId: window.id,
      serviceDays: recentDays(c.now, c.hall.timezone),
    });
    for (const other of earlier) if (other.id !== ticket.id) await this.expire(c, other, 'superseded', padIds);

    const pending = await c.tx.tickets.update(ticket.id, ticket.version, {
      ratingStatus: 'pending',
      ratingDeadline: padRatingDeadline(c.now, c.hall.settings),
    });
    if (!pending) throw errors.ticketChanged();
    const request = await ratingRequestView(c.tx, c.hall, pending, window);
    const facts = { ...request } as unknown as Record<string, unknown>;
    await c.emit(
      { type: 'rating:requested', ticketId: pending.id, windowId: window.id, data: facts },
      { windowIds: [window.id], publicData: facts },
    );
  };

  /** The 'expire-pending-ratings' job: pending ratings past their deadline become "not rated". */
  async expirePending(): Promise<number> {
    const halls = await this.uow.read((tx) => tx.halls.list());
    let expired = 0;
    for (const hall of halls) {
      const now = this.uow.clock();
      const serviceDays = this.sweptAllDays ? recentDays(now, hall.timezone) : undefined;
      const due = await this.uow.read((tx) =>
        tx.ratings.awaiting({ hallId: hall.id, ...(serviceDays ? { serviceDays } : {}), dueBefore: now }),
      );
      if (due.length === 0) continue;
      expired += await this.uow.command(SYSTEM, hall.id, undefined, async (c) => {
        let n = 0;
        for (const seen of due) {
          const ticket = await c.tx.tickets.get(seen.id);
          // Rated (or expired) meanwhile: nothing to do.
          if (!ticket || ticket.ratingStatus !== 'pending' || ticket.ratingDeadline === null || ticket.ratingDeadline >= c.now) continue;
          await this.expire(c, ticket, 'timeout', await activePadIds(c.tx, c.hall.id, ticket.windowId));
          n++;
        }
        return n;
      });
    }
    this.sweptAllDays = true;
    return expired;
  }

  /** Records a pending rating as not rated (never as a rating) and tells the pads to go idle. */
  private async expire(c: CommandContext, ticket: Ticket, why: 'timeout' | 'superseded', padIds: number[]): Promise<void> {
    const updated = await c.tx.tickets.update(ticket.id, ticket.version, { ratingStatus: 'unrated' });
    if (!updated) throw errors.ticketChanged();
    const facts = { ticketId: ticket.id, number: ticket.number, windowId: ticket.windowId };
    await c.emit(
      { type: 'rating:expired', ticketId: ticket.id, windowId: ticket.windowId, reason: why, data: facts },
      { deviceIds: padIds, windowIds: [ticket.windowId], publicData: facts },
    );
  }

  /** What a pad shows now: its window, the clerk on duty, and the rating it is asking for. */
  padState(actor: Actor): Promise<PadState> {
    return this.uow.read(async (tx) => {
      const device = await padOf(tx, actor);
      const window = await tx.windows.get(device.windowId);
      const hall = await tx.halls.get(device.hallId);
      if (!window || !hall) throw errors.notFound('窗口', 'Window');
      const now = this.uow.clock();
      const awaiting = await tx.ratings.awaiting({ hallId: hall.id, windowId: window.id, serviceDays: recentDays(now, hall.timezone) });
      const current = awaiting.filter((t) => t.ratingDeadline !== null && t.ratingDeadline >= now).at(-1);
      const clerk = window.clerkId !== null ? await tx.users.get(window.clerkId) : null;
      return {
        now,
        hall: { id: hall.id, name: hall.name, timezone: hall.timezone },
        window: { id: window.id, number: window.number, name: window.name, status: window.status },
        clerk: clerk ? { id: clerk.id, name: clerk.displayName, staffNo: clerk.staffNo, photoUrl: clerk.photoUrl } : null,
        pending: current ? await ratingRequestView(tx, hall, current, window) : null,
      };
    });
  }
}

/** The facts a pad needs to ask for a rating; nothing about the visitor. */
async function ratingRequestView(tx: StoreTx, hall: Hall, ticket: Ticket, window: Window): Promise<RatingRequestView> {
  const service = await tx.services.get(ticket.serviceId);
  const clerkId = ticket.clerkId ?? window.clerkId;
  const clerk = clerkId !== null ? await tx.users.get(clerkId) : null;
  return {
    ticketId: ticket.id,
    number: ticket.number,
    serviceName: service?.name ?? '',
    serviceNameEn: service?.nameEn ?? '',
    windowId: window.id,
    windowNumber: window.number,
    clerk: clerk ? { name: clerk.displayName, staffNo: clerk.staffNo } : null,
    deadline: ticket.ratingDeadline ?? padRatingDeadline(ticket.finishedAt ?? 0, hall.settings),
    reasons: [...hall.settings.rating.badReasons],
  };
}
