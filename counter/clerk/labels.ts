/**
 * Words and numbers the clerk console shows for tickets: service names in the screen's language,
 * priority and call-reason marks, and running durations.
 */
import { msg, str } from '@lit/localize';
import type { ServiceView, TicketView, WindowView } from '../../common/protocol.js';
import { getLocale } from '../../common/ui/i18n.js';
import type { CallReason, PriorityKind, WindowStatus } from '../../common/vocabulary.js';

export type ServiceNames = ReadonlyMap<number, Pick<ServiceView, 'name' | 'nameEn'>>;

export const serviceName = (names: ServiceNames, id: number): string => {
  const s = names.get(id);
  if (!s) return '';
  return getLocale() === 'en' && s.nameEn ? s.nameEn : s.name;
};

export const windowLabel = (w: Pick<WindowView, 'number' | 'name'>): string => msg(str`${w.number}号窗口`) + ` · ${w.name}`;

export function priorityLabel(p: PriorityKind): string | null {
  switch (p) {
    case 'elderly':
      return msg('老年人');
    case 'disabled':
      return msg('残疾人');
    case 'military':
      return msg('军人');
    case 'pregnant':
      return msg('孕妇');
    case 'appointment':
      return msg('预约');
    default:
      return null;
  }
}

export function callReasonLabel(r: CallReason | null): string | null {
  switch (r) {
    case 'priority':
      return msg('优先呼叫');
    case 'appointment':
      return msg('预约优先');
    case 'transfer':
      return msg('转移');
    case 'manager':
      return msg('选呼');
    case 'requeue':
      return msg('过号重排');
    default:
      return null;
  }
}

export function windowStatusLabel(status: WindowStatus): string {
  switch (status) {
    case 'open':
      return msg('服务中');
    case 'paused':
      return msg('暂停服务');
    case 'closed':
      return msg('未开始服务');
  }
}

export const ticketStatusLabel = (t: TicketView): string =>
  t.status === 'serving' ? msg('办理中') : t.status === 'called' ? msg('已叫号') : t.status;

/** 5:07 or 1:02:07 — a running duration. */
export function clockDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const two = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${two(m)}:${two(s)}` : `${m}:${two(s)}`;
}
