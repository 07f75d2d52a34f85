/**
 * The visitor's phone wiring: `app.phoneService` (扫码取号, the ticket page, 补评),
 * `app.bookingService` (预约 and check-in), the phone rating channel, the notifications that
 * committed events call for (`app.notifications`), and the jobs that record bookings nobody
 * checked in as no-shows and send reminders.
 */
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { BookingService } from '../services/booking-service.js';
import { NotificationDispatcher } from '../services/notifications.js';
import { LogWebhookNotifier, type Notifier } from '../services/notifier.js';
import { PhoneService, phoneRatingChannel } from '../services/phone-service.js';

declare module 'fastify' {
  interface FastifyInstance {
    phoneService: PhoneService;
    bookingService: BookingService;
    notifications: NotificationDispatcher;
  }
}

export interface PhoneOptions {
  /** Where notifications go; default: the log, and `notifyWebhookUrl` when set. */
  notifier?: Notifier;
  notifyWebhookUrl?: string | null;
  /** Base URL of visitor links in notifications (PUBLIC_URL). */
  publicUrl?: string | null;
}

/** How often bookings are checked for no-shows and reminders. */
export const BOOKING_SWEEP_MS = 60_000;

export default fp<PhoneOptions>(
  async function phonePlugin(app: FastifyInstance, opts) {
    app.decorate('bookingService', new BookingService(app.unitOfWork));
    app.decorate('phoneService', new PhoneService(app.unitOfWork, app.hallService, app.ratingService));
    app.ratingService.registerChannel('phone', phoneRatingChannel);

    const notifier = opts.notifier ?? new LogWebhookNotifier(app.log, opts.notifyWebhookUrl ?? null);
    const dispatcher = new NotificationDispatcher(app.store, app.clock, notifier, app.log, opts.publicUrl ?? null);
    app.decorate('notifications', dispatcher);
    const unsubscribe = app.bus.subscribe(dispatcher.onEvents);
    app.addHook('preClose', async () => {
      unsubscribe();
      await dispatcher.idle();
    });

    app.jobs.every('booking-no-shows', BOOKING_SWEEP_MS, () => app.bookingService.markNoShows());
    app.jobs.every('booking-reminders', BOOKING_SWEEP_MS, () => dispatcher.remind());
  },
  { name: 'phone', dependencies: ['services', 'jobs', 'ratings'] },
);
