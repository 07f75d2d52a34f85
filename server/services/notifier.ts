/**
 * Notifications to visitors (booking confirmed, reminder, "you are 3 away", called) go through
 * one interface, `Notifier`, so a hall can connect its SMS gateway without touching the domain.
 *
 * The shipped implementation writes each notification to the log (phone number, booking code and
 * the visitor's link masked: server/services/log-masking.ts) and, when
 * `NOTIFY_WEBHOOK_URL` is set, POSTs it as JSON to that URL (full phone number: the gateway needs
 * it), with a timeout. A failing webhook is reported to the caller, which records it; it never
 * touches a ticket or a booking. The texts are built here, in both languages.
 */
import type { FastifyBaseLogger } from 'fastify';
import { maskPhone } from '../../common/ui/format.js';
import { maskVisitorText } from './log-masking.js';

export type NotificationKind = 'booking_confirmed' | 'booking_reminder' | 'booking_closed' | 'ticket_near' | 'ticket_called';

interface NotificationBase {
  kind: NotificationKind;
  hallId: number;
  hallName: string;
  /** The full number, for the gateway. Never logged. */
  phone: string;
  /** The message to send, per language. */
  text: { 'zh-CN': string; en: string };
  /** The visitor's page, when the server knows its public address (PUBLIC_URL). */
  url: string | null;
}

export interface BookingFacts {
  code: string;
  serviceName: string;
  date: string;
  start: string;
  end: string;
  /** The check-in window, hall-local 'HH:MM'. */
  checkInFrom: string;
  checkInUntil: string;
}

export interface TicketFacts {
  number: string;
  serviceName: string;
  /** ticket_near: tickets still before this one. */
  ahead?: number;
  /** ticket_called: the window to go to. */
  windowNumber?: string;
}

export type Notification =
  | (NotificationBase & { kind: BookingNotificationKind; booking: BookingFacts })
  | (NotificationBase & { kind: 'ticket_near' | 'ticket_called'; ticket: TicketFacts });

export interface Notifier {
  /** Delivers one notification; rejects when the channel did not take it. */
  send(notification: Notification): Promise<void>;
}

/** How long the webhook may take before the notification counts as failed. */
export const WEBHOOK_TIMEOUT_MS = 5000;

/** Writes every notification to the log and, when configured, to a webhook. */
export class LogWebhookNotifier implements Notifier {
  constructor(
    private readonly log: FastifyBaseLogger,
    private readonly webhookUrl: string | null,
    private readonly timeoutMs = WEBHOOK_TIMEOUT_MS,
  ) {}

  async send(n: Notification): Promise<void> {
    this.log.info(
      { notification: { kind: n.kind, hallId: n.hallId, phone: maskPhone(n.phone) } },
      `notification: ${maskVisitorText(n.text['zh-CN'])}`,
    );
    if (!this.webhookUrl) return;
    const res = await fetch(this.webhookUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(n),
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    // Drain the body so the connection is released.
    await res.arrayBuffer().catch(() => undefined);
    if (!res.ok) throw new Error(`webhook answered ${res.status}`);
  }
}

// -----------------------------------------------------------------------------------------------
// Texts (pure)

export type BookingNotificationKind = 'booking_confirmed' | 'booking_reminder' | 'booking_closed';

export function bookingText(kind: BookingNotificationKind, hallName: string, b: BookingFacts, url: string | null): Notification['text'] {
  const link = url ? ` ${url}` : '';
  if (kind === 'booking_confirmed') {
    return {
      'zh-CN': `【${hallName}】预约成功：${b.date} ${b.start}-${b.end} ${b.serviceName}，预约码 ${b.code}。请当天 ${b.checkInFrom}-${b.checkInUntil} 到大厅取号机或用手机签到取号。${link}`,
      en: `${hallName}: your appointment for ${b.serviceName} on ${b.date}, ${b.start}–${b.end} is booked. Booking code ${b.code}. Check in at the hall kiosk or on your phone between ${b.checkInFrom} and ${b.checkInUntil}.${link}`,
    };
  }
  if (kind === 'booking_closed') {
    return {
      'zh-CN': `【${hallName}】因大厅 ${b.date} 不办公，您预约的 ${b.serviceName}（${b.date} ${b.start}-${b.end}，预约码 ${b.code}）已由大厅取消，不计为未到。欢迎改约其他日期。${link}`,
      en: `${hallName}: the hall is closed on ${b.date}, so it has cancelled your appointment for ${b.serviceName} (${b.date}, ${b.start}–${b.end}, code ${b.code}). It does not count as missed; please book another day.${link}`,
    };
  }
  return {
    'zh-CN': `【${hallName}】温馨提醒：您预约的 ${b.serviceName} 将于 ${b.date} ${b.start} 开始，请于 ${b.checkInFrom}-${b.checkInUntil} 到大厅签到，预约码 ${b.code}。${link}`,
    en: `${hallName}: reminder, your appointment for ${b.serviceName} starts on ${b.date} at ${b.start}. Please check in between ${b.checkInFrom} and ${b.checkInUntil}; booking code ${b.code}.${link}`,
  };
}

export function ticketText(
  kind: 'ticket_near' | 'ticket_called',
  hallName: string,
  t: TicketFacts,
  url: string | null,
): Notification['text'] {
  const link = url ? ` ${url}` : '';
  if (kind === 'ticket_called') {
    return {
      'zh-CN': `【${hallName}】请 ${t.number} 号到 ${t.windowNumber ?? ''} 号窗口办理${t.serviceName}。`,
      en: `${hallName}: number ${t.number}, please go to window ${t.windowNumber ?? ''} (${t.serviceName}).`,
    };
  }
  const ahead = t.ahead ?? 0;
  return {
    'zh-CN':
      ahead === 0
        ? `【${hallName}】您的 ${t.number} 号（${t.serviceName}）马上就要叫到了，请到窗口附近留意叫号。${link}`
        : `【${hallName}】您的 ${t.number} 号（${t.serviceName}）前面还有 ${ahead} 人，请回到大厅留意叫号。${link}`,
    en:
      ahead === 0
        ? `${hallName}: your number ${t.number} (${t.serviceName}) is next; please wait near the windows.${link}`
        : `${hallName}: ${ahead} ${ahead === 1 ? 'person is' : 'people are'} ahead of your number ${t.number} (${t.serviceName}); please come back to the hall.${link}`,
  };
}
