/**
 * The errors a visitor can meet on the phone pages (扫码取号, 预约, 补评) and at the kiosk's
 * appointment check-in, each with a message they can act on in Chinese and English. Kept beside
 * the core's list (errors.ts) so the phone feature owns its words in one place.
 */
import type { CheckInRefusalBooking } from '../phone.js';
import { DomainError } from './errors.js';

const e = (statusCode: number, code: string, zh: string, en: string) => (details?: Record<string, unknown>) =>
  new DomainError(statusCode, code, zh, en, details);

export const phoneErrors = {
  phoneInvalid: e(400, 'phone_invalid', '请输入正确的 11 位手机号码。', 'Enter a valid 11-digit mobile number.'),

  // 扫码取号
  phoneTakingOff: e(
    409,
    'phone_taking_off',
    '本大厅暂未开通扫码取号，请到大厅取号机取号。',
    'This hall does not issue numbers by phone; please use the kiosk in the hall.',
  ),
  phoneQueueLong: (limit: number) =>
    new DomainError(
      409,
      'phone_queue_long',
      `该事项排队已超过 ${limit} 人，手机取号暂停，请到大厅取号机取号。`,
      `More than ${limit} people are waiting for this service, so phone numbers are paused; please use the kiosk in the hall.`,
      { limit },
    ),
  phoneActiveTicket: (number: string) =>
    new DomainError(
      409,
      'phone_active_ticket',
      `该手机号已有本事项的号票 ${number}，请勿重复取号。`,
      `This phone number already holds ticket ${number} for this service.`,
      { number },
    ),
  phoneMissedTicket: (number: string, until: string) =>
    new DomainError(
      409,
      'phone_missed_ticket',
      `该手机号本事项的号票 ${number} 已过号，${until} 前可到窗口申请重新排队，无需重新取号；如不再需要，可在号票页面取消后重新取号。`,
      `Ticket ${number} of this phone number was missed; ask at a window before ${until} to re-queue it, no new number needed. If you no longer need it, cancel it on its page and take a new one.`,
      { number, until },
    ),
  notCancellable: e(
    409,
    'ticket_not_cancellable',
    '号票已叫号或正在办理，不能在手机上取消；如需帮助请到窗口咨询。',
    'This ticket has been called or is being served, so it cannot be cancelled here; please ask at the window.',
  ),

  // 预约
  appointmentsOff: e(
    409,
    'appointments_off',
    '本大厅暂未开通预约办理，请到大厅取号。',
    'This hall does not take appointments; please take a number in the hall.',
  ),
  serviceNotBookable: e(
    409,
    'service_not_bookable',
    '该事项暂不提供预约，请到大厅取号办理。',
    'This service cannot be booked; please take a number in the hall.',
  ),
  bookingDateClosed: (first: string, last: string) =>
    new DomainError(
      409,
      'booking_date_closed',
      `只能预约 ${first} 至 ${last} 之间的工作日。`,
      `Appointments can be booked for working days from ${first} to ${last}.`,
      { first, last },
    ),
  slotUnknown: e(409, 'slot_unknown', '该时段不可预约，请重新选择。', 'That time cannot be booked; please choose another.'),
  slotFull: e(409, 'slot_full', '该时段已约满，请选择其他时段。', 'That time is fully booked; please choose another.'),
  bookingDuplicate: (date: string) =>
    new DomainError(
      409,
      'booking_duplicate',
      `该手机号已预约 ${date} 的本事项，同一事项每天只能预约一次。`,
      `This phone number already has an appointment for this service on ${date}; one a day per service.`,
      { date },
    ),
  bookingBlocked: (count: number, until: string) =>
    new DomainError(
      409,
      'booking_blocked',
      `该手机号近 30 天内有 ${count} 次预约未按时签到，暂停预约，${until} 起可重新预约。`,
      `This phone number missed ${count} appointments in the last 30 days, so booking is paused; you can book again from ${until}.`,
      { count, until },
    ),
  cancelTooLate: (deadline: string) =>
    new DomainError(
      409,
      'cancel_too_late',
      `预约须在 ${deadline} 前取消，现已不能取消；如不能前来，将记为一次未到。`,
      `Appointments can be cancelled until ${deadline}; it is too late now. If you cannot come it counts as missed.`,
      { deadline },
    ),
  bookingCancelled: e(409, 'booking_cancelled', '该预约已取消。', 'This appointment was cancelled.'),
  bookingHallClosed: e(
    409,
    'booking_hall_closed',
    '大厅当日不办公，该预约已由大厅取消，不计为未到；请改约其他日期。',
    'The hall is closed that day, so it cancelled this appointment (not counted as missed); please book another day.',
  ),
  bookingCheckedIn: e(409, 'booking_checked_in', '该预约已签到取号。', 'This appointment has already been checked in.'),
  bookingMissed: e(
    409,
    'booking_no_show',
    '该预约已过签到时间，记为未到。',
    'The check-in time of this appointment has passed; it counts as missed.',
  ),
  checkInNotToday: (date: string, booking: CheckInRefusalBooking) =>
    new DomainError(
      409,
      'check_in_not_today',
      `您的预约日期是 ${date}，请在当天到大厅签到。`,
      `Your appointment is on ${date}; please check in at the hall on that day.`,
      { ...booking, date },
    ),
  checkInTooEarly: (opens: string, closes: string, booking: CheckInRefusalBooking) =>
    new DomainError(
      409,
      'check_in_too_early',
      `还没到签到时间，请于 ${opens}–${closes} 之间签到；您也可以现在取普通号排队。`,
      `It is too early to check in: please check in between ${opens} and ${closes}, or take a normal number now.`,
      { opens, closes, ...booking },
    ),
  checkInTooLate: (closes: string, booking: CheckInRefusalBooking) =>
    new DomainError(
      409,
      'check_in_too_late',
      `已超过签到时间（${closes}），本次预约已失效；您可以取普通号排队。`,
      `The check-in time ended at ${closes}, so this appointment has lapsed; you can take a normal number.`,
      { closes, ...booking },
    ),
  noBookingToday: e(
    404,
    'no_booking_today',
    '没有找到该预约码或手机号今天的预约，请核对后重试。',
    'No appointment for today matches that code or phone number; please check and try again.',
  ),
  chooseBooking: (bookings: { serviceId: number; serviceName: string; start: string; end: string }[]) =>
    new DomainError(
      409,
      'booking_choose_service',
      '该手机号今天有多个预约，请选择要办理的事项。',
      'This phone number has several appointments today; choose the service.',
      { bookings },
    ),

  // 预约时段 (manager)
  slotOverlap: (start: string, end: string) =>
    new DomainError(
      409,
      'slot_overlap',
      `与同一天已有的时段 ${start}–${end} 重叠。`,
      `Overlaps the existing slot ${start}–${end} on the same weekday.`,
      { start, end, field: 'start' },
    ),

  // 补评
  laterRatingExpired: (days: number) =>
    new DomainError(
      409,
      'rating_later_expired',
      `已超过评价期限（办结后 ${days} 天内可以评价）。`,
      `The time to rate has passed (ratings are taken within ${days} days of the service).`,
      { days },
    ),
};
