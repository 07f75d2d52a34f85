/**
 * Localization for every screen: zh-CN is the source language, English the second. The language
 * comes from `?lang=` in the URL, else the device's saved choice, else zh-CN. Every visible text
 * goes through `msg()` from @lit/localize; `npm run i18n:extract` collects new texts into
 * xliff/en.xlf, where their English is written, and `npm run i18n:build` regenerates the locale
 * module.
 */
import { configureLocalization } from '@lit/localize';
import { sourceLocale, targetLocales } from './locale-codes.js';

export type Locale = 'zh-CN' | 'en';

const STORAGE_KEY = 'hq.locale';

export const { getLocale, setLocale } = configureLocalization({
  sourceLocale,
  targetLocales,
  loadLocale: (locale) => import(`./locales/${locale}.ts`),
});

/** Picks and loads the screen's language; resolves when texts are ready to render. */
export async function initLocale(preferred?: Locale | null): Promise<Locale> {
  const fromUrl = new URLSearchParams(location.search).get('lang');
  const saved = safeStorage()?.getItem(STORAGE_KEY);
  const locale = pick(fromUrl) ?? preferred ?? pick(saved) ?? 'zh-CN';
  await setLocale(locale);
  document.documentElement.lang = locale;
  return locale;
}

/** Switches language and remembers it on this device. */
export async function switchLocale(locale: Locale): Promise<void> {
  safeStorage()?.setItem(STORAGE_KEY, locale);
  await setLocale(locale);
  document.documentElement.lang = locale;
}

function pick(value: string | null | undefined): Locale | null {
  return value === 'en' || value === 'zh-CN' ? value : null;
}

function safeStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}
