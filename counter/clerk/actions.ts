/**
 * The clerk's actions, their keyboard shortcuts, and when each is possible. Pure: the console
 * renders buttons and handles keys from this one table, and the tests read it too.
 *
 * Shortcuts are single keys without modifiers, so browser shortcuts (Ctrl+…, F5, F11, F12) keep
 * working; they act only when no text field has focus and no dialog is open.
 */
import { msg } from '@lit/localize';
import type { TicketView, WindowDetail } from '../../common/protocol.js';
import { canApply, type TicketAction } from '../../common/domain/lifecycle.js';

/** A command the console sends to the server (one per user action). */
export type DeskCommand =
  | { kind: 'call-next' }
  | { kind: 'recall'; ticketId: number }
  | { kind: 'start'; ticketId: number }
  | { kind: 'finish'; ticketId: number }
  | { kind: 'no-show'; ticketId: number }
  | { kind: 'hold'; ticketId: number }
  | { kind: 'resume'; ticketId: number }
  | { kind: 'requeue'; ticketId: number }
  | { kind: 'transfer'; ticketId: number; toServiceId?: number; toWindowId?: number; note: string }
  | { kind: 'call'; number: string; reason: string }
  | { kind: 'pause'; reason: string }
  | { kind: 'open' }
  | { kind: 'close' };

/** What a button or key asks for: a command, or a dialog that will make one. */
export type ActionId =
  | 'call-next'
  | 'recall'
  | 'start'
  | 'finish'
  | 'no-show'
  | 'hold'
  | 'resume-first'
  | 'transfer'
  | 'select-call'
  | 'pause-toggle'
  | 'open-toggle';

export interface ActionDef {
  id: ActionId;
  /** `KeyboardEvent.key` values that trigger it (compared case-insensitively). */
  keys: string[];
  /** The key as printed on the button. */
  keyLabel: string;
  label: () => string;
}

export const ACTIONS: readonly ActionDef[] = [
  { id: 'call-next', keys: [' ', 'n'], keyLabel: 'Space', label: () => msg('叫号') },
  { id: 'recall', keys: ['r'], keyLabel: 'R', label: () => msg('重呼') },
  { id: 'start', keys: ['s'], keyLabel: 'S', label: () => msg('开始办理') },
  { id: 'finish', keys: ['f'], keyLabel: 'F', label: () => msg('办结') },
  { id: 'no-show', keys: ['m'], keyLabel: 'M', label: () => msg('过号') },
  { id: 'hold', keys: ['h'], keyLabel: 'H', label: () => msg('挂起') },
  { id: 'resume-first', keys: ['b'], keyLabel: 'B', label: () => msg('回呼') },
  { id: 'transfer', keys: ['t'], keyLabel: 'T', label: () => msg('转移') },
  { id: 'select-call', keys: ['c'], keyLabel: 'C', label: () => msg('选呼') },
  { id: 'pause-toggle', keys: ['p'], keyLabel: 'P', label: () => msg('暂停') },
  { id: 'open-toggle', keys: ['o'], keyLabel: 'O', label: () => msg('开始服务') },
];

export const actionDef = (id: ActionId): ActionDef => ACTIONS.find((a) => a.id === id)!;

/** The button (and key) of each command: a running command marks it busy (重排 has none: it is a list's). */
const ACTION_OF_COMMAND: Partial<Record<DeskCommand['kind'], ActionId>> = {
  'call-next': 'call-next',
  recall: 'recall',
  start: 'start',
  finish: 'finish',
  'no-show': 'no-show',
  hold: 'hold',
  resume: 'resume-first',
  transfer: 'transfer',
  call: 'select-call',
  pause: 'pause-toggle',
  open: 'open-toggle',
  close: 'open-toggle',
};

export const actionOfCommand = (kind: DeskCommand['kind']): ActionId | null => ACTION_OF_COMMAND[kind] ?? null;

/** The action a key press asks for, or null (modifiers, repeats and unknown keys do nothing). */
export function actionForKey(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'altKey' | 'metaKey' | 'repeat'>): ActionId | null {
  if (e.ctrlKey || e.altKey || e.metaKey || e.repeat) return null;
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
  return ACTIONS.find((a) => a.keys.includes(key))?.id ?? null;
}

/** True when a key press should go to a text field instead of a shortcut. */
export function isTyping(target: EventTarget | null | undefined): boolean {
  const el = target as HTMLElement | null;
  if (!el || typeof el.tagName !== 'string') return false;
  return ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName) || el.isContentEditable === true;
}

/** The ticket the console acts on: the one called or being served at the window. */
export const currentTicket = (detail: WindowDetail | null): TicketView | null => detail?.window.current ?? null;

/** The console's actions on the current ticket, and the lifecycle action each one asks the server for. */
const TICKET_ACTIONS: readonly [ActionId, TicketAction][] = [
  ['recall', 'recall'],
  ['start', 'start'],
  ['no-show', 'no_show'],
  ['finish', 'finish'],
  ['transfer', 'transfer'],
  ['hold', 'hold'],
];

/**
 * Which actions are possible now, by the window and its current ticket: on the ticket, exactly
 * the transitions the server's lifecycle allows from its status (办结 only once it is being served).
 */
export function availableActions(detail: WindowDetail | null): Set<ActionId> {
  const can = new Set<ActionId>();
  if (!detail) return can;
  const { window, held } = detail;
  const current = window.current;
  if (!current && window.status === 'open') can.add('call-next').add('select-call');
  for (const [id, action] of TICKET_ACTIONS) if (current && canApply(current.status, action)) can.add(id);
  if (!current && held.length > 0) can.add('resume-first').add('transfer');
  if (window.status !== 'closed') can.add('pause-toggle');
  if (window.status === 'closed' ? window.clerk !== null : !current && held.length === 0) can.add('open-toggle');
  return can;
}

/** The label of an action now: pause and open switch to their opposite. */
export function actionLabel(id: ActionId, detail: WindowDetail | null): string {
  const status = detail?.window.status;
  if (id === 'pause-toggle') return status === 'paused' ? msg('恢复服务') : msg('暂停');
  if (id === 'open-toggle') return status === 'closed' || !status ? msg('开始服务') : msg('结束服务');
  return actionDef(id).label();
}

/** 午休 / 会议 / 后台办件: the usual reasons to pause (stored in Chinese); anything else is typed. */
export const PAUSE_REASONS: readonly { value: string; label: () => string }[] = [
  { value: '午休', label: () => msg('午休') },
  { value: '会议', label: () => msg('会议') },
  { value: '后台办件', label: () => msg('后台办件') },
];
