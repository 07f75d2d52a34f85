/**
 * The words of the phone pages that more than one page uses: ticket statuses, why a number was
 * called out of order (in plain words), why a service takes no phone number now, and dates.
 */
import { msg, str } from '@lit/localize';
import type { TakeRefusal } from '../../common/phone.js';
import { getLocale } from '../../common/ui/i18n.js';
import type { CallReason, TicketStatus } from '../../common/vocabulary.js';

export const statusLabel = (status: TicketStatus): string =>
  ({
    waiting: msg('等候中'),
    called: msg('请到窗口'),
    serving: msg('办理中'),
    held: msg('挂起中'),
    no_show: msg('已过号'),
    done: msg('已办结'),
    cancelled: msg('已取消'),
  })[status];

/** Why a number went before others: a short name and one plain sentence. */
export const callReason = (reason: CallReason): { name: string; why: string } =>
  ({
    priority: { name: msg('绿色通道'), why: msg('老年人、残疾人、军人、孕妇等群众优先办理。') },
    appointment: { name: msg('预约号'), why: msg('提前预约的群众在预约时段优先办理。') },
    transfer: { name: msg('转办'), why: msg('从其他事项或窗口转来，保留原来的排队时间。') },
    manager: { name: msg('窗口调度', { id: 'call-reason-manager' }), why: msg('工作人员根据办理需要安排叫号。') },
    requeue: { name: msg('过号重排'), why: msg('过号后在规定时间内重新排队。') },
  })[reason];

export const refusalLabel = (refusal: TakeRefusal): string =>
  ({
    phone_taking_off: msg('暂停手机取号'),
    service_disabled: msg('暂停取号'),
    quota_reached: msg('今日号已取完'),
    outside_hours: msg('不在取号时间'),
    not_working_day: msg('今日不办公'),
    no_open_window: msg('暂无窗口办理'),
    phone_queue_long: msg('排队较多，请现场取号'),
  })[refusal];

/** "11月24日 周二" or "Tue 24 Nov", for a hall-local 'YYYY-MM-DD'. */
export function dayLabel(date: string): string {
  const at = Date.parse(`${date}T12:00:00Z`);
  return getLocale() === 'en'
    ? new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' }).format(at)
    : new Intl.DateTimeFormat('zh-CN', { month: 'long', day: 'numeric', weekday: 'short', timeZone: 'UTC' })
        .format(at)
        .replace(/(日)(周)/, '$1 $2');
}

/** "约 10–15 分钟" for an estimate range. */
export function waitRange(low: number, high: number): string {
  if (high <= 0) return msg('马上就到');
  if (low <= 0) return msg(str`${high} 分钟内`);
  return low === high ? msg(str`约 ${high} 分钟`) : msg(str`约 ${low}–${high} 分钟`);
}

/** A service's name in the page's language. */
export const nameOf = (item: { name: string; nameEn: string }): string => (getLocale() === 'en' && item.nameEn ? item.nameEn : item.name);
