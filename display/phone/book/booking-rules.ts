/**
 * The appointment rules in plain words, for a slot before it is booked (the booking page, once
 * booked, has the server's exact times).
 */
import { msg, str } from '@lit/localize';
import type { AppointmentRules } from '../../../common/phone.js';

/** "09:00" moved by `minutes`; a time on the day before says so. */
export function shiftTime(hhmm: string, minutes: number): string {
  const total = Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5)) + minutes;
  const day = Math.floor(total / 1440);
  const inDay = ((total % 1440) + 1440) % 1440;
  const text = `${String(Math.floor(inDay / 60)).padStart(2, '0')}:${String(inDay % 60).padStart(2, '0')}`;
  return day < 0 ? msg(str`前一天 ${text}`) : day > 0 ? msg(str`次日 ${text}`) : text;
}

export function bookingRulesText(rules: AppointmentRules, start: string, end: string): string {
  const from = shiftTime(start, -rules.checkInEarlyMinutes);
  const until = shiftTime(end, rules.checkInLateMinutes);
  const cancel = shiftTime(start, -rules.cancelBeforeMinutes);
  const noShow =
    rules.noShowLimit > 0 && rules.blockDays > 0
      ? msg(str`未按时签到记为未到，30 天内未到 ${rules.noShowLimit} 次将暂停预约 ${rules.blockDays} 天。`)
      : msg('未按时签到记为未到。');
  return `${msg(str`请在预约当天 ${from}–${until} 到大厅签到；${cancel} 前可以取消。`)}${noShow}`;
}
