/**
 * What the hall screen browser tests put into the page before it loads (headless Chromium has no
 * voices): a speech engine that records every utterance handed to it (text, language, rate,
 * time) and notes overlaps and cancels, a chime counter, and optionally the browser's autoplay
 * rule (no sound before a person taps the page), which the test browser otherwise switches off.
 */
import type { Page } from 'playwright-core';

export interface StubOptions {
  /** Voices the device "has"; none means no Chinese voice. */
  voices?: { lang: string; name: string }[];
  /** How long each utterance takes to speak. */
  speechMs?: number;
  /** Enforce "sound only after a tap" like a browser without the kiosk autoplay flag. */
  autoplayPolicy?: boolean;
}

export interface Utterance {
  text: string;
  lang: string;
  rate: number;
  voice: string | null;
  at: number;
}

export const MANDARIN = [{ lang: 'zh-CN', name: 'Stub Mandarin' }];

/** Runs in the page before its scripts (plain JavaScript: it is sent as text). */
const INSTALL = `
(() => {
  const options = __OPTIONS__;
  const record = { log: [], overlaps: 0, cancels: 0, oscillators: 0 };
  window.__speech = record;
  let speaking = false;
  class Utterance {
    constructor(text) {
      this.text = text;
      this.lang = '';
      this.rate = 1;
      this.voice = null;
      this.onend = null;
      this.onerror = null;
    }
  }
  const voices = options.voices.map((v) => ({ ...v, localService: true, default: false, voiceURI: v.name }));
  const synth = {
    paused: false,
    pending: false,
    get speaking() { return speaking; },
    getVoices: () => voices,
    speak(u) {
      if (speaking) record.overlaps++;
      speaking = true;
      record.log.push({ text: u.text, lang: u.lang, rate: u.rate, voice: u.voice ? u.voice.name : null, at: Date.now() });
      setTimeout(() => { speaking = false; if (u.onend) u.onend({}); }, options.speechMs);
    },
    cancel() { record.cancels++; },
    pause() {},
    resume() {},
    addEventListener() {},
    removeEventListener() {},
  };
  Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
  Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: Utterance, configurable: true, writable: true });

  const Base = window.AudioContext;
  class CountingAudioContext extends Base {
    constructor(...args) {
      super(...args);
      this.__allowed = !options.autoplayPolicy;
    }
    get state() { return this.__allowed ? super.state : 'suspended'; }
    resume() {
      if (navigator.userActivation && navigator.userActivation.isActive) this.__allowed = true;
      return super.resume();
    }
    createOscillator() {
      record.oscillators++;
      return super.createOscillator();
    }
  }
  Object.defineProperty(window, 'AudioContext', { value: CountingAudioContext, configurable: true, writable: true });
})();
`;

export async function stubPage(page: Page, options: StubOptions = {}): Promise<void> {
  const values = { voices: options.voices ?? MANDARIN, speechMs: options.speechMs ?? 600, autoplayPolicy: options.autoplayPolicy ?? false };
  await page.addInitScript({ content: INSTALL.replace('__OPTIONS__', JSON.stringify(values)) });
}

/** What the page handed to speech synthesis so far. */
export const spoken = (page: Page): Promise<Utterance[]> =>
  page.evaluate(() => (window as unknown as { __speech: { log: Utterance[] } }).__speech.log);

export const speechRecord = (page: Page): Promise<{ overlaps: number; cancels: number; oscillators: number }> =>
  page.evaluate(() => {
    const r = (window as unknown as { __speech: { overlaps: number; cancels: number; oscillators: number } }).__speech;
    return { overlaps: r.overlaps, cancels: r.cancels, oscillators: r.oscillators };
  });
