/**
 * What the visitor's phone pages get from the server (扫码取号, the ticket page, 补评, 预约) and
 * what the kiosk's appointment check-in and the manager console's booking views get. Shared by
 * the server and the screens so both sides are checked by the compiler.
 *
 * Phone numbers appear only masked (138****1234), except in the manager's booking list.
 */
import type { TicketStatusView, TicketView, ZoneView } from './protocol.js';
import type { BookingStatus, CallReason, RatingChannel } from './vocabulary.js';

/** Why a phone cannot take a number for a service right now; null when it can. */
export type TakeRefusal =
  'phone_taking_off' | 'service_disabled' | 'quota_reached' | 'outside_hours' | 'not_working_day' | 'no_open_window' | 'phone_queue_long';

export interface PhoneServiceView {
  id: number;
  zoneId: number | null;
  name: string;
  nameEn: string;
  prefix: string;
  waiting: number;
  estimateMinutes: number;
  openWindows: number;
  /** Numbers left today, or null without a quota. */
  left: number | null;
  openingHours: string;
  /** Why a number cannot be taken now, or null. */
  refusal: TakeRefusal | null;
  /** Has appointment slots. */
  bookable: boolean;
}

/** The hall QR page (/h/<hallCode>) and the first step of booking. */
export interface PhoneHallView {
  now: number;
  hall: { id: number; code: string; name: string; timezone: string; openingHours: string; serviceDay: string };
  /** 扫码取号 is switched on for the hall. */
  phoneTaking: boolean;
  /** 预约 is switched on for the hall. */
  appointments: boolean;
  /** "You are N away" notifications (0: none). */
  notifyAhead: number;
  zones: ZoneView[];
  services: PhoneServiceView[];
}

export type PhoneRatingState = 'not_finished' | 'open' | 'rated' | 'expired';

/** The ticket page (/t/<code>): the ticket's status and what the visitor can do about it. */
export interface PhoneTicketView {
  now: number;
  status: TicketStatusView;
  hallCode: string;
  /** The visitor may cancel it here (waiting or missed). */
  cancellable: boolean;
  /** Numbers of the same service called before this one although they queued after it, with why. */
  passedBy: { number: string; reason: CallReason; at: number }[];
  rating: {
    state: PhoneRatingState;
    /** 补评 is open until then (state open or expired). */
    until: number | null;
    /** The rating given (state rated), on whichever channel. */
    level: number | null;
    channel: RatingChannel | null;
    /** The hall's reasons for a 差评; 其他 is always allowed besides. */
    reasons: string[];
  };
  /** The window of the ticket's last call (where to ask for a re-queue; who served it). */
  lastWindow: { number: string; name: string } | null;
  /** Minutes a missed ticket can still be re-queued (what the waiting page tells in advance). */
  noShowGraceMinutes: number;
  /** The appointment this ticket came from. */
  booking: { date: string; start: string; end: string } | null;
  /** The hall takes numbers by phone (to offer a new number after a cancel or lapse). */
  phoneTaking: boolean;
}

export interface SlotView {
  start: string;
  end: string;
  capacity: number;
  remaining: number;
}

/** The dates and slots a visitor may book for one service. */
export interface BookingOptionsView {
  now: number;
  hall: { id: number; code: string; name: string; timezone: string };
  service: { id: number; name: string; nameEn: string };
  days: { date: string; weekday: number; slots: SlotView[] }[];
  rules: AppointmentRules;
}

export interface AppointmentRules {
  cancelBeforeMinutes: number;
  checkInEarlyMinutes: number;
  checkInLateMinutes: number;
  noShowLimit: number;
  blockDays: number;
}

/** A booking as its visitor sees it (/b/<publicCode>). */
export interface BookingView {
  now: number;
  hall: { id: number; code: string; name: string; timezone: string };
  service: { id: number; name: string; nameEn: string };
  /** 8 digits to type at the kiosk. */
  code: string;
  publicCode: string;
  date: string;
  start: string;
  end: string;
  status: BookingStatus;
  /** Masked: 138****1234. */
  phone: string;
  startsAt: number;
  endsAt: number;
  /** Cancelling is possible until then. */
  cancelUntil: number;
  cancellable: boolean;
  checkIn: { opensAt: number; closesAt: number; timing: 'early' | 'open' | 'late' };
  /** After check-in: the ticket's page code and number. */
  ticket: { publicCode: string; number: string } | null;
  rules: AppointmentRules;
}

/** What issuing a ticket answers (POST /api/halls/:hallId/tickets has the same shape). */
export interface IssuedTicketView {
  ticket: TicketView;
  publicCode: string;
  hallName: string;
  serviceName: string;
  serviceNameEn: string;
  ahead: number;
  estimateMinutes: number;
  warnings: string[];
}

/** An appointment check-in (kiosk, guide desk or phone): the booking and the priority ticket. */
export interface CheckInResult {
  booking: BookingView;
  issued: IssuedTicketView;
}

/**
 * What a check-in refusal (too early, too late, another day, lapsed, cancelled, checked in) says
 * about the booking in its `details`, so a kiosk can name it and offer a normal number for the
 * same service: the service, the slot, and the check-in window (hall-local "HH:MM" and epoch ms).
 * Never the phone number or the booking code.
 */
export interface CheckInRefusalBooking {
  serviceId: number;
  serviceName: string;
  serviceNameEn: string;
  date: string;
  start: string;
  end: string;
  checkInFrom: string;
  checkInUntil: string;
  opensAt: number;
  closesAt: number;
}

/**
 * What taking a number at a kiosk or the guide desk answers, and the `issued` part of their
 * appointment check-in: the ticket, the URL of its status page (its QR code), and its paper:
 * 'pending' (the ticket:printed event follows), 'printed', 'failed', or 'none' (no printer).
 */
export interface KioskIssueView extends IssuedTicketView {
  statusUrl: string;
  print: { status: string; printerId: number | null };
}

/** An appointment check-in at a kiosk or the guide desk: printed like a number taken there. */
export interface KioskCheckInView {
  booking: BookingView;
  issued: KioskIssueView;
}

/** A booking in the manager's list: the full phone number, to call the visitor. */
export interface ManagerBookingView {
  id: number;
  code: string;
  serviceId: number;
  serviceName: string;
  date: string;
  start: string;
  end: string;
  phone: string;
  status: BookingStatus;
  ticketNumber: string | null;
  createdAt: number;
  checkedInAt: number | null;
  cancelledAt: number | null;
}

/** An appointment slot of a service: every week on `weekday`, "HH:MM"–"HH:MM", for `capacity` visitors. */
export interface AppointmentSlot {
  id: number;
  serviceId: number;
  /** 1 = Monday … 7 = Sunday. */
  weekday: number;
  start: string;
  end: string;
  capacity: number;
}

export interface AppointmentSlotView extends AppointmentSlot {
  /** The slot lies outside the service's opening hours (allowed, but worth a look). */
  outsideHours: boolean;
}

/** The hall's visitor links for its printed QR codes. */
export interface HallLinksView {
  /** 扫码取号 page. */
  take: string;
  /** 预约 page. */
  book: string;
}

/** A notification sent (or not) to a visitor, as the manager's list shows it: never the phone number. */
export interface NotificationView {
  id: number;
  /** booking_confirmed, booking_reminder, ticket_near, ticket_called. */
  kind: string;
  /** sent, failed (the channel refused; `error` says why), or skipped (nothing to tell). */
  status: string;
  error: string | null;
  createdAt: number;
  ticketId: number | null;
  bookingId: number | null;
  /** The ticket's number, when it is about a ticket. */
  ticketNumber: string | null;
  /** The booking's service and slot, when it is about a booking. */
  booking: { serviceName: string; serviceNameEn: string; date: string; start: string; end: string } | null;
}
