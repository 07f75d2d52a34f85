/**
 * The hall manager's work on the live hall: who staffs which window (put a clerk on a window,
 * move them, set the backup AB角 who takes over) and what the live view shows beside the
 * snapshot (alerts with what to do, today's counts per window, 差评 case counts).
 *
 * Placement rules: only a manager places staff; the person must be an enabled clerk or manager
 * of the hall and, for a clerk, allowed on that window (in their account) or its backup. Moving
 * someone takes them off their other window (which closes if nobody is left there); a window
 * serving a visitor (called or serving ticket) keeps its clerk until that ticket is done, and a
 * clerk serving a visitor elsewhere is not moved. A replacement keeps the window's status, so a
 * backup takes over an open window without a gap.
 */
import type { LiveView } from '../../common/manager-protocol.js';
import { computeAlerts } from '../../common/domain/alerts.js';
import { DomainError, errors } from '../../common/domain/errors.js';
import { mayStaff } from '../../common/domain/staffing.js';
import { StatsBuilder } from '../../common/domain/stats.js';
import type { Actor, User, Window } from '../../common/domain/types.js';
import { assertManager, assertManagerOf, assertWindowFree, loadHall, loadWindow, requireWindow } from './guards.js';
import type { HallService } from './hall-service.js';
import type { CommandContext, Idempotency, UnitOfWork } from './unit-of-work.js';
import { HallContext, queueViews, windowView } from './views.js';
import type { WindowView } from '../../common/protocol.js';

const staffingErrors = {
  notStaff: () =>
    errors.invalidInput('只能安排本大厅启用中的窗口人员或管理员。', 'Only enabled clerks or managers of this hall can be placed.'),
  notPermitted: (name: string, number: string) =>
    new DomainError(
      409,
      'clerk_not_permitted',
      `${name} 未被授权在 ${number} 号窗口工作；请先在“人员账号”中勾选此窗口，或设为此窗口的AB角。`,
      `${name} is not allowed on window ${number}; allow the window in their account first, or make them its backup.`,
      { name, number },
    ),
  busyElsewhere: (name: string, number: string) =>
    new DomainError(
      409,
      'clerk_busy_elsewhere',
      `${name} 正在 ${number} 号窗口办理业务，请等当前号票办结后再调动。`,
      `${name} is serving at window ${number}; move them once that ticket is done.`,
      { name, number },
    ),
  backupIsClerk: (name: string) =>
    new DomainError(
      409,
      'backup_is_clerk',
      `${name} 正在本窗口值守，AB角请选另一位工作人员。`,
      `${name} already staffs this window; choose someone else as its backup (AB角).`,
      { name },
    ),
  windowDisabled: () => new DomainError(409, 'window_disabled', '窗口已停用。', 'The window is out of service.'),
};

export class ManagerService {
  constructor(
    private readonly uow: UnitOfWork,
    /** For a clerk leaving a window (which closes it), the same step as their own sign-out. */
    private readonly hallService: HallService,
  ) {}

  /** Puts a clerk on a window (or takes the clerk off with null), moving them from another. */
  assignClerk(
    actor: Actor,
    windowId: number,
    input: { clerkId: number | null; reason?: string | null },
    idempotency?: Idempotency,
  ): Promise<{ window: WindowView }> {
    return this.windowCommand(actor, windowId, idempotency, async (c, window) => {
      const reason = input.reason?.trim() || null;
      if (input.clerkId === null) {
        if (window.clerkId === null) return { window: await windowView(c.tx, c.ctx, window) };
        await assertWindowFree(c.tx, window);
        const updated = await this.hallService.leaveWindow(c, window);
        return { window: await windowView(c.tx, c.ctx, updated) };
      }
      const clerk = await placeable(c, input.clerkId);
      if (window.clerkId === clerk.id) return { window: await windowView(c.tx, c.ctx, window) };
      if (clerk.role === 'clerk' && !mayStaff(clerk, window, await c.tx.windows.permittedWindowIds(clerk.id))) {
        throw staffingErrors.notPermitted(clerk.displayName, window.number);
      }
      await assertWindowFree(c.tx, window);
      let fromWindowId: number | null = null;
      for (const other of c.ctx.windows.filter((w) => w.clerkId === clerk.id && w.id !== window.id)) {
        const [active] = await c.tx.tickets.atWindow(other.id, ['called', 'serving']);
        if (active) throw staffingErrors.busyElsewhere(clerk.displayName, other.number);
        fromWindowId = other.id;
        await this.hallService.leaveWindow(c, other);
      }
      const previousClerkId = window.clerkId;
      const updated = await c.tx.windows.update(window.id, { clerkId: clerk.id });
      c.ctx.replaceWindow(updated);
      await c.emit(
        {
          type: 'window:clerk',
          windowId: window.id,
          reason,
          data: {
            action: 'assigned',
            clerkId: clerk.id,
            clerkName: clerk.displayName,
            previousClerkId,
            fromWindowId,
            backup: window.backupClerkId === clerk.id,
          },
        },
        { window: updated, windowIds: [fromWindowId] },
      );
      return { window: await windowView(c.tx, c.ctx, updated) };
    });
  }

  /** Sets (or clears) the window's backup clerk (AB角), who may sign in and take over. */
  setBackup(
    actor: Actor,
    windowId: number,
    input: { backupClerkId: number | null; reason?: string | null },
    idempotency?: Idempotency,
  ): Promise<{ window: WindowView }> {
    return this.windowCommand(actor, windowId, idempotency, async (c, window) => {
      const backup = input.backupClerkId === null ? null : await placeable(c, input.backupClerkId);
      if (backup && backup.id === window.clerkId) throw staffingErrors.backupIsClerk(backup.displayName);
      if ((backup?.id ?? null) === window.backupClerkId) return { window: await windowView(c.tx, c.ctx, window) };
      const updated = await c.tx.windows.update(window.id, { backupClerkId: backup?.id ?? null });
      c.ctx.replaceWindow(updated);
      await c.emit(
        {
          type: 'window:clerk',
          windowId: window.id,
          reason: input.reason?.trim() || null,
          data: {
            action: 'backup_set',
            backupClerkId: backup?.id ?? null,
            backupName: backup?.displayName ?? null,
            previousBackupClerkId: window.backupClerkId,
          },
        },
        { window: updated },
      );
      return { window: await windowView(c.tx, c.ctx, updated) };
    });
  }

  /** Alerts, today's counts per window and the case counts, for the live hall. */
  live(actor: Actor, hallId: number): Promise<LiveView> {
    return this.uow.read(async (tx) => {
      assertManagerOf(actor, hallId);
      const hall = await loadHall(tx, hallId);
      const now = this.uow.clock();
      const ctx = await HallContext.load(tx, hall, now);
      const today = new StatsBuilder({ timezone: hall.timezone, waitTargetMinutes: hall.settings.alerts.waitTargetMinutes });
      const [queues, devices, cases, counts, , waiting] = await Promise.all([
        queueViews(tx, ctx),
        tx.devices.list(hallId),
        tx.cases.list({ hallId, statuses: ['open', 'rectifying', 'replied', 'followed_up'], limit: 200 }),
        tx.cases.counts(hallId, ctx.day),
        tx.stats.eachTicket({ hallId, serviceDay: ctx.day }, (t) => today.add(t)),
        tx.tickets.waitingCandidates(hallId, ctx.day),
      ]);
      const targeted = new Map<number, number>();
      for (const t of waiting) if (t.targetWindowId !== null) targeted.set(t.targetWindowId, (targeted.get(t.targetWindowId) ?? 0) + 1);
      const alerts = computeAlerts({
        now,
        timezone: hall.timezone,
        hallOpeningHours: hall.openingHours,
        settings: hall.settings,
        services: ctx.services,
        queues,
        windows: ctx.windows.filter((w) => w.enabled),
        targeted: [...targeted].map(([windowId, n]) => ({ windowId, waiting: n })),
        devices,
        cases: cases.map((k) => ({
          id: k.id,
          status: k.status,
          deadline: k.deadline,
          createdAt: k.createdAt,
          ticketNumber: k.ticket.number,
          windowNumber: k.windowNumber,
        })),
      });
      const byWindow = today.result().by.window;
      const windowsToday: LiveView['windowsToday'] = {};
      for (const row of byWindow)
        if (row.key !== null) windowsToday[String(row.key)] = { called: row.called, served: row.served, noShows: row.noShows };
      return { now, waitTargetMinutes: hall.settings.alerts.waitTargetMinutes, alerts, windowsToday, cases: counts };
    });
  }

  /** Resolves the window's hall first, so the command runs in the right hall. */
  private async windowCommand<T>(
    actor: Actor,
    windowId: number,
    idempotency: Idempotency | undefined,
    work: (c: CommandContext, window: Window) => Promise<T>,
  ): Promise<T> {
    const found = await this.uow.read((tx) => loadWindow(tx, windowId));
    return this.uow.command(actor, found.hallId, idempotency, async (c) => {
      assertManager(actor);
      const window = requireWindow(c.ctx, windowId);
      if (!window.enabled) throw staffingErrors.windowDisabled();
      return work(c, window);
    });
  }
}

async function placeable(c: CommandContext, userId: number): Promise<User> {
  const user = await c.tx.users.get(userId);
  if (!user || user.disabled || user.hallId !== c.hall.id || (user.role !== 'clerk' && user.role !== 'manager'))
    throw staffingErrors.notStaff();
  return user;
}
