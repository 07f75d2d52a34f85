/**
 * What boards show and say for a call. Pure. The caption keeps the number as printed ("A012");
 * the speech text spells it for the voice, digit by digit ("A零一二") or as a number ("A十二"),
 * because speech engines read "012" inconsistently.
 */
import type { VoiceSettings } from './settings.js';

export interface CallFacts {
  number: string; // "A012"
  window: string; // window number, "3"
  windowName: string;
  service: string;
}

export interface Announcement {
  text: { 'zh-CN': string; en: string };
  speech: { 'zh-CN': string; en: string };
}

const ZH_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const EN_DIGITS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];

/** 0–99999 in Chinese numerals as spoken: 10 → 十, 12 → 十二, 105 → 一百零五, 2000 → 两千. */
export function chineseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 99_999)
    return String(n)
      .split('')
      .map((d) => ZH_DIGITS[Number(d)] ?? d)
      .join('');
  if (n < 10) return ZH_DIGITS[n]!;
  if (n < 20) return `十${n % 10 ? ZH_DIGITS[n % 10] : ''}`;
  const units = ['', '十', '百', '千', '万'];
  const digits = String(n).split('').map(Number);
  let out = '';
  let zero = false;
  digits.forEach((d, i) => {
    const unit = units[digits.length - 1 - i]!;
    if (d === 0) {
      zero = true;
      return;
    }
    if (zero && out) out += '零';
    zero = false;
    const digit = d === 2 && (unit === '千' || unit === '万' || unit === '百') && i === 0 ? '两' : ZH_DIGITS[d]!;
    out += digit + unit;
  });
  return out;
}

/** Splits "A012" into letters and digits; anything else is kept as is. */
function splitNumber(number: string): { letters: string; digits: string } {
  const m = /^([A-Za-z]*)(\d*)$/.exec(number);
  return m ? { letters: m[1]!, digits: m[2]! } : { letters: number, digits: '' };
}

export function speakNumber(number: string, reading: VoiceSettings['numberReading'], language: 'zh-CN' | 'en'): string {
  const { letters, digits } = splitNumber(number);
  if (!digits) return number;
  const spaced = letters.split('').join(' ');
  if (language === 'zh-CN') {
    const spoken =
      reading === 'digits'
        ? digits
            .split('')
            .map((d) => ZH_DIGITS[Number(d)])
            .join('')
        : chineseNumber(Number(digits));
    return `${letters}${spoken}`;
  }
  const spoken =
    reading === 'digits'
      ? digits
          .split('')
          .map((d) => EN_DIGITS[Number(d)])
          .join(' ')
      : String(Number(digits));
  return `${spaced} ${spoken}`.trim();
}

/** Window numbers are always read as numbers: "12号窗口" is 十二号, not 一二号. */
function speakWindow(window: string, language: 'zh-CN' | 'en'): string {
  if (!/^\d+$/.test(window)) return window;
  return language === 'zh-CN' ? chineseNumber(Number(window)) : String(Number(window));
}

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(number|window|windowName|service)\}/g, (_, k: string) => values[k] ?? '');
}

export function buildAnnouncement(
  call: CallFacts,
  voice: Pick<VoiceSettings, 'templateZh' | 'templateEn' | 'numberReading'>,
): Announcement {
  const plain = { number: call.number, window: call.window, windowName: call.windowName, service: call.service };
  return {
    text: { 'zh-CN': fill(voice.templateZh, plain), en: fill(voice.templateEn, plain) },
    speech: {
      'zh-CN': fill(voice.templateZh, {
        ...plain,
        number: speakNumber(call.number, voice.numberReading, 'zh-CN'),
        window: speakWindow(call.window, 'zh-CN'),
      }),
      en: fill(voice.templateEn, {
        ...plain,
        number: speakNumber(call.number, voice.numberReading, 'en'),
        window: speakWindow(call.window, 'en'),
      }),
    },
  };
}

/** A template must name the number and the window, or visitors cannot act on the call. */
export function templateProblems(template: string): string[] {
  const problems: string[] = [];
  if (!template.includes('{number}')) problems.push('{number}');
  if (!template.includes('{window}') && !template.includes('{windowName}')) problems.push('{window}');
  return problems;
}
