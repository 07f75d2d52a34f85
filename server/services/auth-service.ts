/**
 * Who is calling: staff sessions (argon2 passwords, HttpOnly session cookies with a CSRF token)
 * and paired devices (a short pairing code a manager approves; the device keeps its own token).
 * Tokens are stored only as sha256 hashes.
 */
import { createHash, randomBytes, randomInt } from 'node:crypto';
import type { DeviceConfig } from '../../common/manager-protocol.js';
import type { StaffWindow } from '../../common/ui/session.js';
import type { DeviceKind, DeviceState, Role } from '../../common/vocabulary.js';
import { checkBinding, checkScreenSettings, heartbeatState } from '../../common/domain/devices.js';
import { DomainError, errors } from '../../common/domain/errors.js';
import { mayStaff } from '../../common/domain/staffing.js';
import type { Actor, Device, User } from '../../common/domain/types.js';
import type { Session } from '../store/repositories/sessions.js';
import type { Store } from '../store/store.js';
import { assertActivePrinter, assertHall, assertManager, isManager, loadDevice, loadHall, requireWindow, requireZone } from './guards.js';
import type { Idempotency, UnitOfWork } from './unit-of-work.js';

export const sha256 = (value: string): string => createHash('sha256').update(value).digest('hex');
export const newToken = (): string => randomBytes(32).toString('base64url');

export const SESSION_HOURS = 12;
const LOCK_AFTER_FAILURES = 5;
const LOCK_MINUTES = 5;
const PAIRING_MINUTES = 30;

/** argon2 is loaded on first use: an idle board-only server never pays its ~10 MiB. */
const argon2 = () => import('@node-rs/argon2');
const argonHash = async (password: string) => (await argon2()).hash(password);
const argonVerify = async (hash: string, password: string) => (await argon2()).verify(hash, password);

export function hashPassword(password: string): Promise<string> {
  return argonHash(password);
}

export function userActor(user: User): Actor {
  return { kind: 'user', id: user.id, name: user.displayName, role: user.role, hallId: user.hallId };
}

export function deviceActor(device: Device): Actor {
  return {
    kind: 'device',
    id: device.id,
    name: device.name || `${device.kind}#${device.id}`,
    deviceKind: device.kind,
    hallId: device.hallId,
  };
}

export interface PublicUser {
  id: number;
  hallId: number | null;
  username: string;
  displayName: string;
  staffNo: string;
  role: Role;
  photoUrl: string | null;
}

export const publicUser = (u: User): PublicUser => ({
  id: u.id,
  hallId: u.hallId,
  username: u.username,
  displayName: u.displayName,
  staffNo: u.staffNo,
  role: u.role,
  photoUrl: u.photoUrl,
});

/** A device as managers see it (never its token). */
export type DeviceView = DeviceConfig;

/** What a manager may set per device (PUT /api/devices/:deviceId/settings); null clears the language. */
export interface DeviceSettingsInput {
  language?: 'zh-CN' | 'en' | null;
  silent?: boolean;
}

export const deviceView = (d: Device): DeviceView => ({
  id: d.id,
  hallId: d.hallId,
  kind: d.kind,
  name: d.name,
  status: d.status,
  pairingCode: d.status === 'pending' ? d.pairingCode : null,
  windowId: d.windowId,
  zoneId: d.zoneId,
  printerId: d.printerId,
  address: d.address,
  settings: d.settings,
  state: d.state,
  lastSeenAt: d.lastSeenAt,
});

export class AuthService {
  /**
   * `store` for the writes that are no domain command and make no event: sessions, failed
   * sign-ins, pairing requests, heartbeats that change nothing.
   */
  constructor(
    private readonly store: Store,
    private readonly uow: UnitOfWork,
  ) {}

  // --- staff ----------------------------------------------------------------------------------

  /** Checks the password; slows down brute force by locking the account after repeated failures. */
  async login(username: string, password: string): Promise<{ user: User; token: string; session: Session }> {
    const now = this.uow.clock();
    const user = await this.store.read((tx) => tx.users.byUsername(username.trim()));
    if (!user || user.disabled) {
      // Spend the same time as a real check, so user names cannot be probed by timing.
      await argonVerify(await dummyHash(), password).catch(() => false);
      throw errors.badCredentials();
    }
    if (user.lockedUntil && user.lockedUntil > now) throw errors.accountLocked(Math.ceil((user.lockedUntil - now) / 1000));
    const ok = await argonVerify(user.passwordHash, password).catch(() => false);
    if (!ok) {
      const failures = user.failedLogins + 1;
      await this.store.transact(async (tx) =>
        tx.users.update(user.id, {
          failedLogins: failures >= LOCK_AFTER_FAILURES ? 0 : failures,
          lockedUntil: failures >= LOCK_AFTER_FAILURES ? now + LOCK_MINUTES * 60_000 : user.lockedUntil,
        }),
      );
      throw errors.badCredentials({ remainingAttempts: Math.max(0, LOCK_AFTER_FAILURES - failures) });
    }
    const token = newToken();
    const session: Session = {
      tokenHash: sha256(token),
      userId: user.id,
      csrfToken: newToken(),
      createdAt: now,
      expiresAt: now + SESSION_HOURS * 3600_000,
    };
    await this.store.transact(async (tx) => {
      await tx.users.update(user.id, { failedLogins: 0, lockedUntil: null });
      await tx.sessions.insert(session);
    });
    return { user, token, session };
  }

  async logout(token: string): Promise<void> {
    await this.store.transact((tx) => tx.sessions.remove(sha256(token)));
  }

  /** The signed-in user of a session cookie, or null when it is unknown, expired or disabled. */
  async sessionUser(token: string): Promise<{ user: User; session: Session } | null> {
    const now = this.uow.clock();
    return this.store.read(async (tx) => {
      const session = await tx.sessions.get(sha256(token));
      if (!session || session.expiresAt <= now) return null;
      const user = await tx.users.get(session.userId);
      if (!user || user.disabled) return null;
      return { user, session };
    });
  }

  // --- devices --------------------------------------------------------------------------------

  /**
   * A new screen asks to be paired: it gets a token (valid once approved) and a short code it
   * shows on screen for the manager to approve.
   */
  async requestPairing(hallId: number, kind: DeviceKind): Promise<{ device: DeviceView; token: string }> {
    if (kind === 'printer')
      throw errors.invalidInput('打印机由管理员在设备管理中添加，无需配对。', 'Printers are added by a manager, not paired.');
    const token = newToken();
    const now = this.uow.clock();
    const device = await this.store.transact(async (tx) => {
      await loadHall(tx, hallId);
      // Six digits, unique among the hall's pending codes.
      let code = '';
      for (let i = 0; i < 20; i++) {
        code = String(randomInt(100000, 1000000));
        if (!(await tx.devices.byPairingCode(hallId, code))) break;
      }
      return tx.devices.insert({
        hallId,
        kind,
        name: '',
        status: 'pending',
        tokenHash: sha256(token),
        pairingCode: code,
        pairingExpiresAt: now + PAIRING_MINUTES * 60_000,
        windowId: null,
        zoneId: null,
        printerId: null,
        address: null,
        settings: {},
        state: {},
      });
    });
    return { device: deviceView(device), token };
  }

  /** The device behind a token, whatever its status (the caller decides what a status allows). */
  deviceByToken(token: string): Promise<Device | null> {
    return this.store.read((tx) => tx.devices.byTokenHash(sha256(token)));
  }

  /** A manager approves a pairing code and says where the device belongs. */
  approveDevice(
    actor: Actor,
    hallId: number,
    input: { code: string; name: string; windowId?: number | null; zoneId?: number | null; printerId?: number | null },
    idempotency?: Idempotency,
  ): Promise<DeviceView> {
    return this.uow.command(actor, hallId, idempotency, async ({ tx, ctx, now, emit }) => {
      assertManager(actor);
      const device = await tx.devices.byPairingCode(hallId, input.code.trim());
      if (!device || (device.pairingExpiresAt !== null && device.pairingExpiresAt < now)) {
        throw new DomainError(
          404,
          'pairing_code_unknown',
          '配对码无效或已过期，请在设备上刷新获取新的配对码。',
          'Unknown or expired pairing code; reload the device to get a new one.',
        );
      }
      const windowId = input.windowId ?? null;
      const zoneId = input.zoneId ?? null;
      const printerId = input.printerId ?? null;
      checkBinding(device.kind, { windowId, zoneId, printerId });
      if (windowId !== null) requireWindow(ctx, windowId);
      if (zoneId !== null) requireZone(ctx, zoneId);
      if (printerId !== null) await assertActivePrinter(tx, hallId, printerId);
      await tx.devices.update(device.id, {
        status: 'active',
        name: input.name.trim() || `${device.kind}#${device.id}`,
        pairingCode: null,
        pairingExpiresAt: null,
        windowId,
        zoneId,
        printerId,
      });
      const approved = (await tx.devices.get(device.id))!;
      await emit(
        { type: 'device:updated', data: { deviceId: device.id, action: 'approved', kind: device.kind } },
        { deviceIds: [device.id] },
      );
      return deviceView(approved);
    });
  }

  /** Revoked devices are refused at once and their open connections are closed. */
  revokeDevice(actor: Actor, hallId: number, deviceId: number, idempotency?: Idempotency): Promise<DeviceView> {
    return this.uow.command(actor, hallId, idempotency, async ({ tx, emit }) => {
      assertManager(actor);
      const device = await loadDevice(tx, hallId, deviceId);
      await tx.devices.update(device.id, { status: 'revoked', pairingCode: null });
      const data = { deviceId, action: 'revoked', kind: device.kind };
      await emit({ type: 'device:updated', data }, { deviceIds: [deviceId], publicData: data });
      return deviceView({ ...device, status: 'revoked', pairingCode: null });
    });
  }

  /**
   * A manager sets how one screen behaves: its language, silent mode (no chime, no speech), and
   * for a hall board the zone it shows. The device hears it at once (its own room) and reloads.
   */
  /**
   * A screen's language and silent mode. Where a device belongs (a board's zone, a screen's
   * window) is its binding, changed by the configuration's device command, not here.
   */
  updateDeviceSettings(
    actor: Actor,
    hallId: number,
    deviceId: number,
    input: DeviceSettingsInput,
    idempotency?: Idempotency,
  ): Promise<DeviceView> {
    return this.uow.command(actor, hallId, idempotency, async ({ tx, emit }) => {
      assertManager(actor);
      const device = await loadDevice(tx, hallId, deviceId);
      checkScreenSettings(device.kind, input);
      const settings: Record<string, unknown> = { ...device.settings };
      if (input.language === null) delete settings.language;
      else if (input.language !== undefined) settings.language = input.language;
      if (input.silent !== undefined) settings.silent = input.silent;
      await tx.devices.update(device.id, { settings });
      const data = { deviceId, action: 'settings', settings };
      await emit({ type: 'device:updated', data }, { deviceIds: [device.id], publicData: data });
      return deviceView({ ...device, settings });
    });
  }

  /** Heartbeats are frequent: they update last-seen without an event, unless the state changed. */
  async heartbeat(device: Device, reported: unknown): Promise<{ at: number }> {
    const now = this.uow.clock();
    const checked = heartbeatState(reported);
    if ('invalidField' in checked) {
      throw errors.invalidInput(
        `心跳数据 ${checked.invalidField} 的取值不正确。`,
        `The heartbeat's ${checked.invalidField} has a value it cannot take.`,
        { fields: [checked.invalidField] },
      );
    }
    const state = checked.state as DeviceState;
    const changed = JSON.stringify({ ...device.state, ...state }) !== JSON.stringify(device.state);
    if (!changed) {
      await this.store.transact((tx) => tx.devices.update(device.id, { lastSeenAt: now }));
      return { at: now };
    }
    await this.uow.command(deviceActor(device), device.hallId, undefined, async ({ tx, emit }) => {
      const merged = { ...device.state, ...state };
      await tx.devices.update(device.id, { lastSeenAt: now, state: merged });
      const data = { deviceId: device.id, action: 'state', state: merged };
      // Staff consoles get the new state with the event (device:updated is staff-only).
      await emit({ type: 'device:updated', data }, { publicData: data });
    });
    return { at: now };
  }

  // --- reads the API answers with (routes call these, never the store) --------------------------

  /**
   * What the log records of a refused sign-in: the refusal's code, and whether this refusal locked
   * the account, with the account's id. Never the name typed, which may be personal data (or a
   * password typed into the wrong field).
   */
  async signInRefusal(error: unknown, username: string): Promise<{ code: string | undefined; locked: boolean; userId: number | null }> {
    const code = error instanceof Object && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
    const locked = error instanceof DomainError && error.code === 'bad_credentials' && error.details?.remainingAttempts === 0;
    if (!locked) return { code, locked, userId: null };
    // The name matched an account (that is why it could lock): the account's id, not the name.
    const user = await this.store.read((tx) => tx.users.byUsername(username.trim()));
    return { code, locked, userId: user?.id ?? null };
  }

  /**
   * The windows a staff member may sign in to, as the clerk console lists them: the enabled
   * windows of their hall that common/domain/staffing.ts lets them staff.
   */
  windowsFor(user: User): Promise<StaffWindow[]> {
    return this.store.read(async (tx) => {
      const permitted = await tx.windows.permittedWindowIds(user.id);
      const all = user.hallId === null ? [] : await tx.windows.list(user.hallId);
      return all
        .filter((w) => w.enabled && mayStaff(user, w, permitted))
        .map((w) => ({
          id: w.id,
          number: w.number,
          name: w.name,
          status: w.status,
          clerkId: w.clerkId,
          backup: w.backupClerkId === user.id,
        }));
    });
  }

  /** A hall's devices with their last-seen times and state (managers of that hall). */
  async devicesOf(actor: Actor, hallId: number): Promise<DeviceView[]> {
    if (!isManager(actor)) throw errors.forbidden();
    assertHall(actor, hallId);
    const devices = await this.store.read((tx) => tx.devices.list(hallId));
    return devices.map(deviceView);
  }

  /** The hall a device belongs to, for a command addressed by device id (which then checks the caller's hall). */
  async hallOfDevice(deviceId: number): Promise<number> {
    const device = await this.store.read((tx) => tx.devices.get(deviceId));
    if (!device) throw errors.notFound('设备', 'Device');
    return device.hallId;
  }
}

// A hash of a random string, so refusing an unknown user costs as much as a wrong password.
let dummy: Promise<string> | undefined;
const dummyHash = (): Promise<string> => (dummy ??= argonHash(newToken()));
