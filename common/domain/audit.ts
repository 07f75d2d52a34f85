/**
 * What the audit log (审计日志) holds: the events table keeps every state change; the audit log
 * is the part a hall must be able to account for. A staff member's event is in it when
 *  - the staff member is a manager or an administrator (every action they take), or
 *  - it changes how the hall works (window status, services, staffing, configuration, devices,
 *    the board notice, 差评 cases) or takes a visitor's place away (cancel, transfer), or
 *  - it is an out-of-order call: a call that did not take the oldest ticket, with its reason
 *    (priority, appointment, transfer, re-queue, or the clerk's own reason for 选呼).
 * Routine service (in-order calls, start, finish, no-show) and what devices and the system do on
 * their own stay in the events table only.
 */
import type { EventType } from '../protocol.js';

export const AUDIT_EVENT_TYPES: readonly EventType[] = [
  'window:status',
  'window:services',
  'window:clerk',
  'window:updated',
  'hall:notice',
  'hall:updated',
  'config:changed',
  'device:updated',
  'case:updated',
  'ticket:cancelled',
  'ticket:transferred',
];

/** Types in the audit log only when they carry a reason (an out-of-order call). */
export const AUDIT_WHEN_REASONED: readonly EventType[] = ['ticket:called'];

/** The categories the audit search offers, each a set of event types. */
export const AUDIT_CATEGORIES = {
  windows: ['window:status', 'window:services', 'window:clerk', 'window:updated'],
  tickets: ['ticket:called', 'ticket:cancelled', 'ticket:transferred', 'ticket:issued'],
  config: ['hall:updated', 'hall:notice', 'config:changed'],
  devices: ['device:updated'],
  cases: ['case:updated'],
} as const satisfies Record<string, readonly EventType[]>;
export type AuditCategory = keyof typeof AUDIT_CATEGORIES;
