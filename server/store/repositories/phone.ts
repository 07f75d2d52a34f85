/**
 * What the visitor's phone features store: appointment slots, bookings, the notifications sent,
 * and the ticket queries of 扫码取号 (a phone's tickets, the numbers called before a waiting ticket).
 */
import type { AppointmentSlot } from '../../../common/phone.js';
import type { BookingStatus } from '../../../common/vocabulary.js';
import type { Ticket } from '../../../common/domain/types.js';

export type { AppointmentSlot };
export type NewSlot = Omit<AppointmentSlot, 'id'>;

export interface Booking {
  id: number;
  hallId: number;
  serviceId: number;
  /** 8 digits, typed at the kiosk. */
  code: string;
  /** Unguessable, in the visitor's booking URL. */
  publicCode: string;
  /** Hall-local 'YYYY-MM-DD' and 'HH:MM' bounds of the slot, copied when booked. */
  date: string;
  start: string;
  end: string;
  phone: string;
  status: BookingStatus;
  ticketId: number | null;
  checkedInAt: number | null;
  cancelledAt: number | null;
  createdAt: number;
  updatedAt: number;
}
export type NewBooking = Omit<Booking, 'id' | 'ticketId' | 'checkedInAt' | 'cancelledAt' | 'status'>;
export type BookingPatch = Partial<Pick<Booking, 'status' | 'ticketId' | 'checkedInAt' | 'cancelledAt' | 'updatedAt'>>;

export interface NotificationRecord {
  id: number;
  hallId: number;
  kind: string;
  dedupeKey: string;
  ticketId: number | null;
  bookingId: number | null;
  status: string;
  error: string | null;
  createdAt: number;
}
export type NewNotification = Omit<NotificationRecord, 'id' | 'error'>;

/** A called ticket as the "called before you" explanation reads it. */
export interface CalledRow {
  number: string;
  queuedAt: number;
  calledAt: number;
  callReason: Ticket['callReason'];
  /** When it was last moved into this service from another (转办), else null. */
  transferredAt: number | null;
}

export interface PhoneRepo {
  slotsOf(serviceIds: number[]): Promise<AppointmentSlot[]>;
  slot(id: number): Promise<AppointmentSlot | null>;
  insertSlot(slot: NewSlot): Promise<AppointmentSlot>;
  updateSlot(id: number, patch: Partial<NewSlot>): Promise<AppointmentSlot | null>;
  deleteSlot(id: number): Promise<void>;

  booking(id: number): Promise<Booking | null>;
  bookingByCode(code: string): Promise<Booking | null>;
  bookingByPublicCode(publicCode: string): Promise<Booking | null>;
  insertBooking(booking: NewBooking): Promise<Booking>;
  updateBooking(id: number, patch: BookingPatch): Promise<Booking>;
  /** Places taken per slot start of a service on a date (every status but cancelled). */
  bookedCounts(serviceId: number, date: string): Promise<Map<string, number>>;
  /** A phone's bookings in a hall, newest date first. */
  bookingsOfPhone(hallId: number, phone: string): Promise<Booking[]>;
  /** A hall's bookings on the given dates, optionally of some statuses, in slot order. */
  bookingsOn(hallId: number, dates: string[], statuses?: BookingStatus[]): Promise<Booking[]>;
  /**
   * A hall's bookings still 'booked' with a date in the range (both ends included): up to today
   * for the no-show sweep, from today when the hall closes days.
   */
  openBookings(hallId: number, dates: { from?: string; until?: string }): Promise<Booking[]>;

  /** A phone's tickets of a service day, oldest first. */
  ticketsOfPhone(hallId: number, serviceDay: string, phone: string): Promise<Ticket[]>;
  /** Waiting tickets of a service that carry a phone number (to notify). */
  waitingWithPhone(serviceId: number, serviceDay: string): Promise<Ticket[]>;
  /** Tickets of a service day called out of order (with a reason) since `since`. */
  calledWithReason(serviceId: number, serviceDay: string, since: number): Promise<CalledRow[]>;

  /** Records a notification unless one with its key exists: the record when this call made it, else null. */
  claimNotification(record: NewNotification): Promise<NotificationRecord | null>;
  finishNotification(id: number, status: string, error: string | null): Promise<void>;
  /** Which of these keys were already used. */
  usedNotificationKeys(keys: string[]): Promise<Set<string>>;
  notificationsOf(hallId: number, limit: number): Promise<NotificationRecord[]>;
}
