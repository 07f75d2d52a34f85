/**
 * The hall's configuration (配置), changed by managers: services, zones, windows, staff
 * accounts, devices and the settings sections. Every change is one command of the unit of work
 * (unit-of-work.ts): checked (common/domain/config.ts for the values, here for what needs the
 * database), stored, and recorded as an event with who, when and why, which is also what puts it
 * on the screens at once and in the audit log:
 *
 *  - services, zones, the hall's profile and settings → `hall:updated` (public: kiosks, boards),
 *    carrying the changed views;
 *  - windows → `window:updated` with the window's view (or its removal when taken out of service);
 *  - staff accounts → `config:changed` (staff only; never a password or its hash);
 *  - devices → `device:updated`, also to the device's own connection.
 */
import type { ConfigView, UserConfig } from '../../common/manager-protocol.js';
import type { Role } from '../../common/vocabulary.js';
import {
  checkHours,
  checkPassword,
  checkService,
  checkSettingsSection,
  checkUser,
  checkWindow,
  checkZone,
  type ServiceInput,
  type SettingsSection,
  type UserInput,
  type WindowInput,
  type ZoneInput,
} from '../../common/domain/config.js';
import { checkBinding, type DeviceBinding } from '../../common/domain/devices.js';
import { DomainError, errors } from '../../common/domain/errors.js';
import type { HallSettings } from '../../common/domain/settings.js';
import type { Actor, Service, User, Window, Zone } from '../../common/domain/types.js';
import type { StoreTx } from '../store/store.js';
import { deviceView, hashPassword, publicUser } from './auth-service.js';
import { closeBookingsOnClosedDays } from './booking-service.js';
import {
  assertActivePrinter,
  assertManager,
  assertManagerOf,
  assertStaff,
  loadDevice,
  loadHall,
  requireService,
  requireWindow,
  requireZone,
} from './guards.js';
import type { HallService } from './hall-service.js';
import type { CommandContext, Idempotency, UnitOfWork } from './unit-of-work.js';
import { hallView, serviceView, windowView } from './views.js';

/** Every change may say why; it goes to the audit log with the change. */
export interface Why {
  reason?: string | null;
}

export const configErrors = {
  /** `field`: the field of the form the value came from. */
  taken: (what: string, whatEn: string, value: string, field?: string) =>
    new DomainError(
      409,
      'already_exists',
      `${what}“${value}”已被使用，请换一个。`,
      `The ${whatEn} "${value}" is already in use; choose another.`,
      { value, ...(field ? { field } : {}) },
    ),
  zoneInUse: (services: number, windows: number, devices: number) =>
    new DomainError(
      409,
      'zone_in_use',
      `该服务区仍有 ${services} 个事项、${windows} 个窗口、${devices} 台设备，请先把它们移到其他服务区。`,
      `${services} service(s), ${windows} window(s) and ${devices} device(s) still belong to this zone; move them first.`,
      { services, windows, devices },
    ),
  windowInService: () =>
    new DomainError(
      409,
      'window_in_service',
      '窗口仍有人员登录或未关闭，请先让人员签退并关闭窗口，再停用。',
      'Someone is still signed in or the window is not closed; sign out and close it before taking it out of service.',
    ),
  self: () =>
    new DomainError(
      409,
      'not_on_yourself',
      '不能停用自己的账号或修改自己的角色。',
      'You cannot disable your own account or change your own role.',
    ),
  roleNotAllowed: () =>
    new DomainError(
      403,
      'role_not_allowed',
      '大厅管理员只能管理窗口人员账号；管理员账号由系统管理员管理。',
      'Hall managers manage clerk accounts only; manager and admin accounts are managed by an administrator.',
    ),
  userBusy: (number: string) =>
    new DomainError(
      409,
      'user_busy',
      `该人员正在 ${number} 号窗口办理业务，请先办结当前号票。`,
      `This person is serving at window ${number}; finish the current ticket first.`,
      { number },
    ),
  deviceRevoked: () =>
    new DomainError(409, 'device_revoked', '设备已停用，不能修改；请让设备重新配对。', 'The device was revoked; pair it again instead.'),
};

/** What changed, field by field, for the audit log. */
function changes<T extends object>(before: T | null, after: T, fields: (keyof T)[]): Record<string, [unknown, unknown]> {
  const out: Record<string, [unknown, unknown]> = {};
  for (const f of fields) {
    const a = before ? before[f] : null;
    const b = after[f];
    if (JSON.stringify(a) !== JSON.stringify(b)) out[String(f)] = [a, b];
  }
  return out;
}

const why = (input: Why): string | null => input.reason?.trim() || null;

const SERVICE_FIELDS: (keyof ServiceInput)[] = [
  'name',
  'nameEn',
  'prefix',
  'zoneId',
  'dailyQuota',
  'openingHours',
  'expectedMinutes',
  'enabled',
  'sortOrder',
];
const ZONE_FIELDS: (keyof ZoneInput)[] = ['name', 'nameEn', 'kind', 'sortOrder'];
const WINDOW_FIELDS: (keyof WindowInput)[] = ['number', 'name', 'zoneId', 'printsRatingSlip', 'enabled'];

export interface UserChange extends Partial<UserInput> {
  disabled?: boolean;
  windowIds?: number[];
}

export interface DeviceChange {
  name?: string;
  windowId?: number | null;
  zoneId?: number | null;
  printerId?: number | null;
}

export class ConfigService {
  constructor(
    private readonly uow: UnitOfWork,
    /** For the window a disabled member of staff must leave. */
    private readonly hallService: HallService,
  ) {}

  private command<T>(
    actor: Actor,
    hallId: number,
    idempotency: Idempotency | undefined,
    work: (c: CommandContext) => Promise<T>,
  ): Promise<T> {
    return this.uow.command(actor, hallId, idempotency, async (c) => {
      assertManager(actor);
      return work(c);
    });
  }

  /** Everything the configuration pages show. */
  view(actor: Actor, hallId: number): Promise<ConfigView> {
    return this.uow.read(async (tx) => {
      assertManagerOf(actor, hallId);
      const hall = await loadHall(tx, hallId);
      const [zones, services, windows, served, users, devices] = await Promise.all([
        tx.zones.list(hallId),
        tx.services.list(hallId),
        tx.windows.list(hallId),
        tx.windows.servedRowsByHall(hallId),
        tx.users.list(hallId),
        tx.devices.list(hallId),
      ]);
      return {
        hall: {
          id: hall.id,
          code: hall.code,
          name: hall.name,
          timezone: hall.timezone,
          openingHours: hall.openingHours,
          notice: hall.notice,
        },
        settings: hall.settings as unknown as ConfigView['settings'],
        zones: zones.map(({ hallId: _h, ...z }) => z),
        services: services.map(({ hallId: _h, ...s }) => s),
        windows: windows.map((w) => ({
          id: w.id,
          number: w.number,
          name: w.name,
          zoneId: w.zoneId,
          mode: w.mode,
          status: w.status,
          clerkId: w.clerkId,
          backupClerkId: w.backupClerkId,
          printsRatingSlip: w.printsRatingSlip,
          enabled: w.enabled,
          rows: served.get(w.id) ?? [],
        })),
        users: await Promise.all(users.map((u) => userConfig(tx, u))),
        devices: devices.map((d) => deviceView(d)),
      };
    });
  }

  // --- the hall ----------------------------------------------------------------------------------

  updateProfile(actor: Actor, hallId: number, input: { name?: string; openingHours?: string } & Why, idempotency?: Idempotency) {
    return this.command(actor, hallId, idempotency, async (c) => {
      const patch: { name?: string; openingHours?: string } = {};
      if (input.name !== undefined) {
        const name = input.name.trim();
        if (!name || [...name].length > 40)
          throw new DomainError(400, 'invalid_config', '大厅名称为 1–40 个字。', 'The hall name has 1–40 characters.', { field: 'name' });
        patch.name = name;
      }
      if (input.openingHours !== undefined) patch.openingHours = checkHours('openingHours', input.openingHours);
      await c.tx.halls.update(hallId, patch);
      const hall = { ...c.hall, ...patch };
      const changed = changes(c.hall, hall, ['name', 'openingHours']);
      await c.emit(
        { type: 'hall:updated', reason: why(input), data: { entity: 'hall', action: 'updated', changes: changed } },
        { hall: hallView(hall, c.ctx.day), publicData: { entity: 'hall' } },
      );
      return { hall: { name: hall.name, openingHours: hall.openingHours } };
    });
  }

  /** One settings section (voice, fairness, rating, calendar, alerts, issuing), checked whole. */
  updateSettings<K extends SettingsSection>(
    actor: Actor,
    hallId: number,
    section: K,
    values: Record<string, unknown>,
    input: Why,
    idempotency?: Idempotency,
  ) {
    return this.command(actor, hallId, idempotency, async (c) => {
      const current = c.hall.settings[section];
      const next = checkSettingsSection(section, current, values);
      const stored = await c.tx.halls.storedSettings(hallId);
      await c.tx.halls.update(hallId, { settings: { ...stored, [section]: next } });
      const settings: HallSettings = { ...c.hall.settings, [section]: next };
      const changed = changes(current as object, next as object, Object.keys(next) as never[]);
      // A day the hall no longer works: its bookings are cancelled by the hall, and each visitor told.
      if (section === 'calendar') await closeBookingsOnClosedDays(c, settings.calendar);
      await c.emit(
        { type: 'hall:updated', reason: why(input), data: { entity: 'settings', action: 'updated', section, changes: changed } },
        { hall: hallView({ ...c.hall, settings }, c.ctx.day), publicData: { entity: 'settings', section } },
      );
      return { section, values: next };
    });
  }

  // --- zones ---------------------------------------------------------------------------------------

  createZone(actor: Actor, hallId: number, input: Partial<ZoneInput> & Why, idempotency?: Idempotency) {
    return this.command(actor, hallId, idempotency, async (c) => {
      const value = checkZone(input);
      assertZoneNameFree(c.ctx.zones, value.name, null);
      const zone = await c.tx.zones.insert({ hallId, ...value });
      await this.emitZone(c, 'created', null, zone, why(input));
      return zoneOut(zone);
    });
  }

  updateZone(actor: Actor, hallId: number, zoneId: number, input: Partial<ZoneInput> & Why, idempotency?: Idempotency) {
    return this.command(actor, hallId, idempotency, async (c) => {
      const before = requireZone(c.ctx, zoneId);
      const value = checkZone(input, before as ZoneInput);
      assertZoneNameFree(c.ctx.zones, value.name, zoneId);
      await c.tx.zones.update(zoneId, value);
      const zone = { ...before, ...value };
      await this.emitZone(c, 'updated', before, zone, why(input));
      return zoneOut(zone);
    });
  }

  removeZone(actor: Actor, hallId: number, zoneId: number, input: Why, idempotency?: Idempotency) {
    return this.command(actor, hallId, idempotency, async (c) => {
      const zone = requireZone(c.ctx, zoneId);
      const services = c.ctx.services.filter((s) => s.zoneId === zoneId).length;
      const windows = c.ctx.windows.filter((w) => w.zoneId === zoneId).length;
      const devices = (await c.tx.devices.list(hallId)).filter((d) => d.zoneId === zoneId && d.status !== 'revoked').length;
      if (services || windows || devices) throw configErrors.zoneInUse(services, windows, devices);
      await c.tx.zones.remove(zoneId);
      await c.emit(
        { type: 'hall:updated', reason: why(input), data: { entity: 'zone', action: 'removed', zoneId, name: zone.name } },
        { removedZoneIds: [zoneId], publicData: { entity: 'zone', zoneId } },
      );
      return { removed: zoneId };
    });
  }

  private async emitZone(c: CommandContext, action: 'created' | 'updated', before: Zone | null, zone: Zone, reason: string | null) {
    await c.emit(
      {
        type: 'hall:updated',
        reason,
        data: { entity: 'zone', action, zoneId: zone.id, name: zone.name, changes: changes(before, zone, ZONE_FIELDS) },
      },
      { zones: [{ id: zone.id, name: zone.name, nameEn: zone.nameEn, kind: zone.kind }], publicData: { entity: 'zone', zoneId: zone.id } },
    );
  }

  // --- services ------------------------------------------------------------------------------------

  createService(actor: Actor, hallId: number, input: Partial<ServiceInput> & Why, idempotency?: Idempotency) {
    return this.command(actor, hallId, idempotency, async (c) => {
      const value = checkService(input);
      assertServiceFits(c, value, null);
      const service = await c.tx.services.insert({ hallId, ...value });
      await this.emitService(c, 'created', null, service, why(input));
      return serviceOut(service);
    });
  }

  updateService(actor: Actor, hallId: number, serviceId: number, input: Partial<ServiceInput> & Why, idempotency?: Idempotency) {
    return this.command(actor, hallId, idempotency, async (c) => {
      const before = requireService(c.ctx, serviceId);
      const value = checkService(input, before);
      assertServiceFits(c, value, serviceId);
      await c.tx.services.update(serviceId, value);
      const service = { ...before, ...value };
      await this.emitService(c, 'updated', before, service, why(input));
      return serviceOut(service);
    });
  }

  private async emitService(
    c: CommandContext,
    action: 'created' | 'updated',
    before: Service | null,
    service: Service,
    reason: string | null,
  ) {
    const issued = await c.tx.tickets.countIssued(service.id, c.ctx.day);
    await c.emit(
      {
        type: 'hall:updated',
        reason,
        data: { entity: 'service', action, serviceId: service.id, name: service.name, changes: changes(before, service, SERVICE_FIELDS) },
      },
      {
        services: [serviceView(c.hall, service, issued)],
        zoneIds: [service.zoneId, before?.zoneId ?? null],
        publicData: { entity: 'service', serviceId: service.id },
      },
    );
  }

  // --- windows -------------------------------------------------------------------------------------

  createWindow(actor: Actor, hallId: number, input: Partial<WindowInput> & Why, idempotency?: Idempotency) {
    return this.command(actor, hallId, idempotency, async (c) => {
      const value = checkWindow(input);
      assertWindowFits(c, value, null);
      // A new window serves its zone (分领域) or, without a zone, the hall (无差别) until reassigned.
      const window = await c.tx.windows.insert({
        hallId,
        ...value,
        mode: value.zoneId === null ? 'hall' : 'zone',
        status: 'closed',
        pauseReason: null,
        clerkId: null,
        backupClerkId: null,
      });
      c.ctx.windows.push(window);
      c.ctx.replaceWindow(window);
      await this.emitWindow(c, 'created', null, window, why(input));
      return { window: await windowView(c.tx, c.ctx, window) };
    });
  }

  updateWindow(actor: Actor, hallId: number, windowId: number, input: Partial<WindowInput> & Why, idempotency?: Idempotency) {
    return this.command(actor, hallId, idempotency, async (c) => {
      const before = requireWindow(c.ctx, windowId);
      const value = checkWindow(input, before);
      assertWindowFits(c, value, windowId);
      if (before.enabled && !value.enabled && (before.clerkId !== null || before.status !== 'closed')) throw configErrors.windowInService();
      if (value.enabled && !before.enabled) {
        // Back in service: nothing may be left on it from before.
        if (before.clerkId !== null) throw configErrors.windowInService();
      }
      if (before.mode === 'zone' && value.zoneId === null) {
        throw errors.invalidInput(
          '分领域综合窗口需要服务区；要去掉服务区，请先在“窗口调度”中改为专窗或无差别综合窗口。',
          'A zone comprehensive window needs a zone; to remove it, first make the window a specialist or hall-wide one in Reassignment.',
        );
      }
      const servedBefore = c.ctx.served(windowId).map((s) => s.serviceId);
      const window = await c.tx.windows.update(windowId, value);
      c.ctx.replaceWindow(window);
      await this.emitWindow(c, 'updated', before, window, why(input), servedBefore);
      return { window: await windowView(c.tx, c.ctx, window) };
    });
  }

  private async emitWindow(
    c: CommandContext,
    action: 'created' | 'updated',
    before: Window | null,
    window: Window,
    reason: string | null,
    servedBefore: number[] = [],
  ) {
    const data = {
      entity: 'window',
      action,
      windowId: window.id,
      number: window.number,
      changes: changes(before, window, [...WINDOW_FIELDS, 'mode']),
    };
    const queueServiceIds = [...servedBefore, ...c.ctx.served(window.id).map((s) => s.serviceId)];
    if (!window.enabled) {
      await c.emit(
        { type: 'window:updated', windowId: window.id, reason, data },
        { removedWindowIds: [window.id], windowIds: [window.id], queueServiceIds, publicData: { enabled: false } },
      );
    } else {
      await c.emit(
        { type: 'window:updated', windowId: window.id, reason, data },
        { window, queueServiceIds, publicData: { enabled: true } },
      );
    }
  }

  // --- staff accounts --------------------------------------------------------------------------------

  async createUser(
    actor: Actor,
    hallId: number,
    input: Partial<UserInput> & { password?: string; windowIds?: number[] } & Why,
    idempotency?: Idempotency,
  ) {
    const value = checkUser(input);
    const passwordHash = await hashPassword(checkPassword(input.password));
    return this.command(actor, hallId, idempotency, async (c) => {
      assertMayManageRole(actor, value.role);
      if (await c.tx.users.byUsername(value.username)) throw configErrors.taken('登录名', 'user name', value.username, 'username');
      const windowIds = checkWindowIds(c, input.windowIds ?? []);
      const user = await c.tx.users.insert({
        hallId: value.role === 'admin' ? null : hallId,
        ...value,
        passwordHash,
        photoUrl: null,
        disabled: false,
      });
      await c.tx.windows.setPermittedWindowIds(user.id, windowIds);
      await emitUser(c, 'created', user, why(input), {
        ...changes(null, value, ['username', 'displayName', 'staffNo', 'role']),
        windowIds: [[], windowIds],
      });
      return userConfig(c.tx, user);
    });
  }

  updateUser(actor: Actor, hallId: number, userId: number, input: UserChange & Why, idempotency?: Idempotency) {
    return this.command(actor, hallId, idempotency, async (c) => {
      const before = await requireUserIn(c, userId);
      assertMayManageRole(actor, before.role);
      const value = checkUser({ ...input, username: before.username }, before);
      if (value.role !== before.role) assertMayManageRole(actor, value.role);
      const disabled = input.disabled ?? before.disabled;
      if (actor.kind === 'user' && actor.id === userId && (disabled || value.role !== before.role)) throw configErrors.self();
      const beforeWindows = await c.tx.windows.permittedWindowIds(userId);
      const windowIds = input.windowIds ? checkWindowIds(c, input.windowIds) : beforeWindows;
      if (disabled && !before.disabled) await this.takeOffWindows(c, userId);
      await c.tx.users.update(userId, { displayName: value.displayName, staffNo: value.staffNo, role: value.role, disabled });
      if (input.windowIds) await c.tx.windows.setPermittedWindowIds(userId, windowIds);
      const endsSessions = (disabled && !before.disabled) || value.role !== before.role;
      if (endsSessions) await c.tx.sessions.removeForUser(userId);
      const after = { ...before, ...value, disabled };
      const changed: Record<string, [unknown, unknown]> = changes(before, after, ['displayName', 'staffNo', 'role', 'disabled']);
      if (JSON.stringify([...beforeWindows].sort()) !== JSON.stringify([...windowIds].sort()))
        changed.windowIds = [beforeWindows, windowIds];
      const action = disabled !== before.disabled ? (disabled ? 'disabled' : 'enabled') : 'updated';
      await emitUser(c, action, after, why(input), changed, endsSessions);
      return userConfig(c.tx, after);
    });
  }

  /** A new password chosen by the manager; the person's sessions end and a lock is lifted. */
  async resetPassword(actor: Actor, hallId: number, userId: number, input: { password: string } & Why, idempotency?: Idempotency) {
    const passwordHash = await hashPassword(checkPassword(input.password));
    return this.command(actor, hallId, idempotency, async (c) => {
      const user = await requireUserIn(c, userId);
      assertMayManageRole(actor, user.role);
      await c.tx.users.update(userId, { passwordHash, failedLogins: 0, lockedUntil: null });
      await c.tx.sessions.removeForUser(userId);
      await emitUser(c, 'password_reset', user, why(input), {}, true);
      return { ok: true as const };
    });
  }

  /** A disabled person leaves any window they are on (refused while they serve someone). */
  private async takeOffWindows(c: CommandContext, userId: number) {
    for (const window of c.ctx.windows) {
      if (window.clerkId !== userId && window.backupClerkId !== userId) continue;
      if (window.clerkId === userId) {
        const [active] = await c.tx.tickets.atWindow(window.id, ['called', 'serving']);
        if (active) throw configErrors.userBusy(window.number);
        await this.hallService.leaveWindow(c, window);
      }
      const current = c.ctx.windowById.get(window.id)!;
      if (current.backupClerkId === userId) {
        const updated = await c.tx.windows.update(window.id, { backupClerkId: null });
        c.ctx.replaceWindow(updated);
        await c.emit(
          { type: 'window:clerk', windowId: window.id, data: { action: 'backup_set', backupClerkId: null, previousBackupClerkId: userId } },
          { window: updated },
        );
      }
    }
  }

  // --- devices -------------------------------------------------------------------------------------

  updateDevice(actor: Actor, hallId: number, deviceId: number, input: DeviceChange & Why, idempotency?: Idempotency) {
    return this.command(actor, hallId, idempotency, async (c) => {
      const before = await loadDevice(c.tx, hallId, deviceId);
      if (before.status === 'revoked') throw configErrors.deviceRevoked();
      const next: DeviceChange = {
        name: input.name === undefined ? before.name : input.name.trim().slice(0, 60) || before.name,
        windowId: input.windowId === undefined ? before.windowId : input.windowId,
        zoneId: input.zoneId === undefined ? before.zoneId : input.zoneId,
        printerId: input.printerId === undefined ? before.printerId : input.printerId,
      };
      checkBinding(before.kind, next as DeviceBinding, input);
      if (next.windowId != null) requireWindow(c.ctx, next.windowId);
      if (next.zoneId != null) requireZone(c.ctx, next.zoneId);
      if (next.printerId != null) await assertActivePrinter(c.tx, hallId, next.printerId);
      await c.tx.devices.update(deviceId, next);
      const after = { ...before, ...next };
      const changed = changes(before, after, ['name', 'windowId', 'zoneId', 'printerId']);
      // The device hears it in its own room (a board reconnects to its new zone's room); staff
      // consoles update their list of screens from the binding in the message.
      const binding = {
        deviceId,
        action: 'updated',
        kind: before.kind,
        name: after.name,
        windowId: after.windowId,
        zoneId: after.zoneId,
        printerId: after.printerId,
      };
      await c.emit(
        { type: 'device:updated', reason: why(input), data: { ...binding, changes: changed } },
        { deviceIds: [deviceId], publicData: binding },
      );
      return deviceView(after);
    });
  }
}

// -----------------------------------------------------------------------------------------------

function assertZoneNameFree(zones: Zone[], name: string, exceptId: number | null) {
  if (zones.some((z) => z.name === name && z.id !== exceptId)) throw configErrors.taken('服务区名称', 'zone name', name, 'name');
}

function assertServiceFits(c: CommandContext, value: ServiceInput, exceptId: number | null) {
  if (value.zoneId !== null) requireZone(c.ctx, value.zoneId);
  if (c.ctx.services.some((s) => s.prefix === value.prefix && s.id !== exceptId))
    throw configErrors.taken('号码前缀', 'ticket prefix', value.prefix, 'prefix');
  if (c.ctx.services.some((s) => s.name === value.name && s.id !== exceptId))
    throw configErrors.taken('事项名称', 'service name', value.name, 'name');
}

function assertWindowFits(c: CommandContext, value: WindowInput, exceptId: number | null) {
  if (value.zoneId !== null) requireZone(c.ctx, value.zoneId);
  if (c.ctx.windows.some((w) => w.number === value.number && w.id !== exceptId))
    throw configErrors.taken('窗口号', 'window number', value.number, 'number');
}

function checkWindowIds(c: CommandContext, ids: number[]): number[] {
  const unique = [...new Set(ids)];
  for (const id of unique) if (!c.ctx.windowById.has(id)) throw errors.notFound(`窗口 ${id} `, `Window ${id}`);
  return unique.sort((a, b) => a - b);
}

/** Managers manage clerks; administrators manage every account. */
function assertMayManageRole(actor: Actor, role: Role) {
  assertStaff(actor);
  if (actor.role !== 'admin' && role !== 'clerk') throw configErrors.roleNotAllowed();
}

async function requireUserIn(c: CommandContext, userId: number): Promise<User> {
  const user = await c.tx.users.get(userId);
  if (!user || (user.hallId !== null && user.hallId !== c.hall.id)) throw errors.notFound('人员', 'Staff member');
  return user;
}

async function emitUser(
  c: CommandContext,
  action: string,
  user: Pick<User, 'id' | 'username' | 'displayName' | 'role'>,
  reason: string | null,
  changed: Record<string, unknown>,
  endSessions = false,
) {
  await c.emit({
    type: 'config:changed',
    reason,
    data: {
      entity: 'user',
      action,
      userId: user.id,
      username: user.username,
      name: user.displayName,
      role: user.role,
      changes: changed,
      endSessions,
    },
  });
}

async function userConfig(tx: StoreTx, u: User): Promise<UserConfig> {
  const { photoUrl: _p, ...pub } = publicUser(u);
  return {
    ...pub,
    disabled: u.disabled,
    lockedUntil: u.lockedUntil,
    windowIds: (await tx.windows.permittedWindowIds(u.id)).sort((a, b) => a - b),
  };
}

const zoneOut = ({ hallId: _h, ...z }: Zone) => z;
const serviceOut = ({ hallId: _h, ...s }: Service) => s;
