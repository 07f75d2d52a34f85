/**
 * Rules about paired screens and printers. Pure. What applies to each kind of device is the
 * table in common/device-fields.ts (the console's device dialog reads the same table).
 */
import { DEVICE_FIELDS } from '../device-fields.js';
import type { DeviceKind, DeviceState } from '../vocabulary.js';
import { errors } from './errors.js';

/** A device counts as online when it was heard from (heartbeat, request) within `offlineSeconds`. */
export function deviceOnline(lastSeenAt: number | null, now: number, offlineSeconds: number): boolean {
  return lastSeenAt !== null && now - lastSeenAt <= offlineSeconds * 1000;
}

/** What a screen may report about itself in a heartbeat, each with the values it may take. */
const HEARTBEAT_FIELDS: Record<string, (value: unknown) => boolean> = {
  online: (v) => typeof v === 'boolean',
  voiceMissing: (v) => typeof v === 'boolean',
  soundBlocked: (v) => typeof v === 'boolean',
  silent: (v) => typeof v === 'boolean',
  coverOpen: (v) => typeof v === 'boolean',
  paper: (v) => v === 'ok' || v === 'near_end' || v === 'out',
  printerError: (v) => v === null || (typeof v === 'string' && v.length <= 200),
  userAgent: (v) => typeof v === 'string' && v.length <= 300,
};

/**
 * The state a heartbeat reports, kept to the fields above: a field a newer screen may add is
 * ignored (its heartbeat still counts), a known field with a value it cannot take is refused.
 * So a device cannot grow its stored state, which goes to every staff console, without bound.
 */
export function heartbeatState(input: unknown): { state: Record<string, unknown> } | { invalidField: string } {
  if (input === undefined || input === null) return { state: {} };
  if (typeof input !== 'object' || Array.isArray(input)) return { invalidField: 'state' };
  const state: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    const valid = Object.hasOwn(HEARTBEAT_FIELDS, key) ? HEARTBEAT_FIELDS[key]! : null;
    if (!valid) continue;
    if (!valid(value)) return { invalidField: `state.${key}` };
    state[key] = value;
  }
  return { state };
}

/**
 * A printer is heard from by the server asking it (jobs and the minute's status check), not by
 * heartbeats: it is online when it answered lately and its last answer was not "unreachable".
 */
export function printerOnline(lastSeenAt: number | null, state: DeviceState, now: number, offlineSeconds: number): boolean {
  return deviceOnline(lastSeenAt, now, offlineSeconds) && state.online !== false;
}

/** Refusals that name the field they are about (`details.field`), so a form can show them there. */
export const deviceErrors = {
  needsWindow: () =>
    errors.invalidInput('窗口屏和评价器必须绑定一个窗口。', 'A window screen or rating pad must be bound to a window.', {
      field: 'windowId',
    }),
  noWindow: () => errors.invalidInput('综合屏和取号机不绑定窗口。', 'A board or kiosk is not bound to a window.', { field: 'windowId' }),
  zoneForBoard: () =>
    errors.invalidInput('只有综合屏可以指定显示的服务区。', 'Only a hall board can be set to show one zone.', { field: 'zoneId' }),
  printerForKiosk: () => errors.invalidInput('只有取号机可以指定打印机。', 'Only a kiosk has a ticket printer.', { field: 'printerId' }),
  notAPrinter: () => errors.invalidInput('请选择一台启用的打印机。', 'Choose an active printer.', { field: 'printerId' }),
  noScreen: () =>
    errors.invalidInput('打印机没有屏幕，不能设置语言。', 'A printer has no screen to set a language for.', { field: 'language' }),
  silentForBoard: () =>
    errors.invalidInput('只有综合屏播报叫号，静音模式只适用于综合屏。', 'Only hall boards speak calls; silent mode applies to boards.', {
      field: 'silent',
    }),
};

export interface DeviceBinding {
  windowId: number | null;
  zoneId: number | null;
  printerId: number | null;
}

/**
 * Refuses a binding that does not apply to the kind of device. `next` is the binding after the
 * change; `given` the fields the change names (a device keeps what it had, so an old value that
 * no longer applies does not block renaming it).
 */
export function checkBinding(kind: DeviceKind, next: DeviceBinding, given: Partial<DeviceBinding> = next): void {
  const fields = DEVICE_FIELDS[kind];
  if (fields.window === 'required' && next.windowId == null) throw deviceErrors.needsWindow();
  if (fields.window === null && given.windowId != null) throw deviceErrors.noWindow();
  if (!fields.zone && given.zoneId != null) throw deviceErrors.zoneForBoard();
  if (!fields.printer && given.printerId != null) throw deviceErrors.printerForKiosk();
}

/** Refuses screen settings the kind of device does not have. */
export function checkScreenSettings(kind: DeviceKind, input: { language?: unknown; silent?: unknown }): void {
  const fields = DEVICE_FIELDS[kind];
  if (input.language !== undefined && !fields.language) throw deviceErrors.noScreen();
  if (input.silent !== undefined && !fields.silent) throw deviceErrors.silentForBoard();
}
