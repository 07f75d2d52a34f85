/**
 * What must never reach a log line, and how it is written instead: the secret codes in visitors'
 * URLs (/t/<code>, /b/<code>, the phone API's), phone numbers (138****5678), and the 8-digit
 * booking code a visitor types at the kiosk. Anyone holding a code can follow, cancel, rate or
 * check in someone else's ticket or appointment, so a log reader must not get one.
 */
import { maskPhone } from '../../common/ui/format.js';

/** The secret codes of visitor URLs, as the logs show them: `/t/***`. */
export const maskSecretUrl = (url: string): string =>
  url.replace(/\/(t|b|tickets\/status|phone\/tickets|phone\/bookings)\/[a-z2-9]{8,40}/g, '/$1/***');

/** A text meant for a visitor (a notification), as the logs may show it. */
export const maskVisitorText = (text: string): string =>
  maskSecretUrl(text)
    .replace(/(?<!\d)(86)?(1[3-9]\d{9})(?!\d)/g, (_, country: string | undefined, phone: string) => (country ?? '') + maskPhone(phone))
    .replace(/(?<!\d)\d{8}(?!\d)/g, '********');
