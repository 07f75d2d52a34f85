/** Windows (窗口): numbered counters, the services each serves, and the clerks who may staff them. */
import type { ServedService, Window } from '../../../common/domain/types.js';

export type NewWindow = Omit<Window, 'id' | 'priorityStreak' | 'statusChangedAt'> & { statusChangedAt?: number | null };
export type WindowPatch = Partial<Omit<Window, 'id' | 'hallId'>>;

export interface WindowRepo {
  /** A hall's windows in `byWindowNumber` order. */
  list(hallId: number): Promise<Window[]>;
  get(id: number): Promise<Window | null>;
  insert(window: NewWindow): Promise<Window>;
  /** Returns the window as stored after the change. */
  update(id: number, patch: WindowPatch): Promise<Window>;
  /** The explicit service rows of a window (specialist windows, or tiers of comprehensive ones), by tier, then service. */
  servedRows(windowId: number): Promise<ServedService[]>;
  /** Every window of the hall that has rows, each in `servedRows` order. */
  servedRowsByHall(hallId: number): Promise<Map<number, ServedService[]>>;
  /** Replaces the window's rows. */
  setServedRows(windowId: number, rows: ServedService[]): Promise<void>;
  /** Windows a clerk may staff. */
  permittedWindowIds(userId: number): Promise<number[]>;
  /** Replaces the windows a clerk may staff. */
  setPermittedWindowIds(userId: number, windowIds: number[]): Promise<void>;
}

/**
 * The order of a hall's windows, every engine's: window "2" before "10"; non-numeric numbers
 * after, alphabetically (zh-CN).
 */
export function byWindowNumber(a: { number: string }, b: { number: string }): number {
  const na = Number(a.number);
  const nb = Number(b.number);
  if (Number.isFinite(na) && Number.isFinite(nb)) return na - nb;
  if (Number.isFinite(na)) return -1;
  if (Number.isFinite(nb)) return 1;
  return a.number.localeCompare(b.number, 'zh-CN');
}
