/**
 * The checks every service shares, in one place: who may act (roles, the actor's own hall, the
 * window a clerk is signed in to; docs/design.md, invariant 7) and the lookups that answer 404
 * when something is missing or belongs to another hall. A service keeps only the checks of its
 * own rules; who may staff a window (permitted windows, AB角) stays with the staffing commands.
 */
import { errors } from '../../common/domain/errors.js';
import { deviceErrors } from '../../common/domain/devices.js';
import type { Actor, Device, Hall, Service, Ticket, Window, Zone } from '../../common/domain/types.js';
import type { StoreTx } from '../store/store.js';
import type { HallContext } from './views.js';

/** A signed-in member of staff: clerk, manager or administrator. */
export type StaffActor = Extract<Actor, { kind: 'user' }>;

// -----------------------------------------------------------------------------------------------
// Who may act

export const isManager = (actor: Actor): boolean => actor.kind === 'user' && (actor.role === 'manager' || actor.role === 'admin');

export const isAdmin = (actor: Actor): boolean => actor.kind === 'user' && actor.role === 'admin';

/** Only staff: devices, visitors and the system are refused. */
export function assertStaff(actor: Actor): asserts actor is StaffActor {
  if (actor.kind !== 'user') throw errors.forbidden();
}

/** Only a manager or an administrator. */
export function assertManager(actor: Actor): void {
  if (!isManager(actor)) throw errors.forbidden();
}

/** Staff and devices act only in their own hall; admins in every hall. */
export function assertHall(actor: Actor, hallId: number): void {
  if (actor.kind === 'user' && actor.role === 'admin' && actor.hallId === null) return;
  if ((actor.kind === 'user' || actor.kind === 'device') && actor.hallId !== hallId) throw errors.wrongHall();
}

/** A manager of this hall (or an administrator): the role is checked first, then the hall. */
export function assertManagerOf(actor: Actor, hallId: number): void {
  assertManager(actor);
  assertHall(actor, hallId);
}

/** A clerk only on the window they are signed in to; managers on any window of their hall. */
export function assertWindowOperator(actor: Actor, window: Window): void {
  assertStaff(actor);
  if (actor.role === 'clerk' && window.clerkId !== actor.id) throw errors.notYourWindow();
}

// -----------------------------------------------------------------------------------------------
// What must exist

export async function loadHall(tx: StoreTx, hallId: number): Promise<Hall> {
  const hall = await tx.halls.get(hallId);
  if (!hall) throw errors.notFound('大厅', 'Hall');
  return hall;
}

export async function loadWindow(tx: StoreTx, windowId: number): Promise<Window> {
  const window = await tx.windows.get(windowId);
  if (!window) throw errors.notFound('窗口', 'Window');
  return window;
}

/** A ticket; with `hallId`, one of another hall is not found either (nothing about it leaks). */
export async function loadTicket(tx: StoreTx, ticketId: number, hallId?: number): Promise<Ticket> {
  const ticket = await tx.tickets.get(ticketId);
  if (!ticket || (hallId !== undefined && ticket.hallId !== hallId)) throw errors.notFound('号票', 'Ticket');
  return ticket;
}

/** A ticket by the visitor's secret code. */
export async function loadTicketByCode(tx: StoreTx, publicCode: string): Promise<Ticket> {
  const ticket = await tx.tickets.byCode(publicCode);
  if (!ticket) throw errors.notFound('号票', 'Ticket');
  return ticket;
}

/** A device of this hall, whatever its status. */
export async function loadDevice(tx: StoreTx, hallId: number, deviceId: number): Promise<Device> {
  const device = await tx.devices.get(deviceId);
  if (!device || device.hallId !== hallId) throw errors.notFound('设备', 'Device');
  return device;
}

/** A printer a device may be bound to: an active printer of this hall. */
export async function assertActivePrinter(tx: StoreTx, hallId: number, printerId: number): Promise<void> {
  const printer = await tx.devices.get(printerId);
  if (!printer || printer.hallId !== hallId || printer.kind !== 'printer' || printer.status !== 'active') throw deviceErrors.notAPrinter();
}

/** A window of the hall, from the configuration the command loaded. */
export function requireWindow(ctx: HallContext, windowId: number): Window {
  const window = ctx.windowById.get(windowId);
  if (!window) throw errors.notFound('窗口', 'Window');
  return window;
}

/** A zone of the hall, from the configuration the command loaded. */
export function requireZone(ctx: HallContext, zoneId: number): Zone {
  const zone = ctx.zones.find((z) => z.id === zoneId);
  if (!zone) throw errors.notFound('服务区', 'Zone');
  return zone;
}

/** A service of the hall, from the configuration the command loaded. */
export function requireService(ctx: HallContext, serviceId: number): Service {
  const service = ctx.serviceById.get(serviceId);
  if (!service) throw errors.notFound('事项', 'Service');
  return service;
}

/** Nobody is being called or served at the window (a clerk finishes one visitor before the next). */
export async function assertWindowFree(tx: StoreTx, window: Window): Promise<void> {
  const [current] = await tx.tickets.atWindow(window.id, ['called', 'serving']);
  if (current) throw errors.windowBusy(current.number);
}
