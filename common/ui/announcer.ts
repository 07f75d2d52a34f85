/**
 * Voice calling for screens, as a Lit reactive controller: a chime, then the call spoken by the
 * browser's speech synthesis, one call after another through the bounded queue of
 * announcement-queue.ts (what is kept, dropped or said once is decided there, not here).
 *
 * It also knows the screen's sound situation, for the page to show and the heartbeat to report:
 * - `silent`: display only (a manager's setting); nothing is chimed or spoken.
 * - `needs-unlock`: browsers play sound only after a person taps the page once; this device was
 *   never unlocked, so the page shows its one-time "tap to enable sound" overlay.
 * - `blocked`: it was unlocked before (remembered) but this browser start needs a tap again
 *   (kiosk browsers started with `--autoplay-policy=no-user-gesture-required` never get here).
 * - `ready`: sound plays.
 * `voiceMissing` is true when the device has no voice for the language (many Android boxes ship
 * without Chinese): calls are then chimed and captioned only, and the manager sees it.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { DeviceState } from '../vocabulary.js';
import {
  DEFAULT_QUEUE_RULES,
  enqueue,
  shouldRepeat,
  takeNext,
  type Announcement,
  type Dropped,
  type QueueRules,
} from './announcement-queue.js';
import { AudioUnlock, playChime } from './chime.js';

export type SoundState = 'silent' | 'needs-unlock' | 'blocked' | 'ready';

export interface AnnouncerOptions {
  /** Server time now (the queue drops stale calls by it). */
  now: () => number;
  rules?: QueueRules;
  /** Called when the sound state or voice availability changed (e.g. to send a heartbeat). */
  onStatus?: () => void;
  /** Called with calls that were not spoken, and why. */
  onDropped?: (dropped: Dropped[]) => void;
}

/** What speech synthesis reports about a voice (a subset of SpeechSynthesisVoice). */
export interface VoiceInfo {
  lang: string;
  name: string;
  localService?: boolean;
  default?: boolean;
}

/**
 * The best voice for a language: the exact locale first, then the language's other locales
 * (for Chinese: Mandarin ones; Cantonese zh-HK only as a last resort), local voices before
 * network ones. Null when none speaks the language.
 */
export function pickVoice<V extends VoiceInfo>(voices: readonly V[], lang: string): V | null {
  const norm = (l: string) => l.replace(/_/g, '-').toLowerCase();
  const want = norm(lang);
  const primary = want.split('-')[0]!;
  const rank = (v: V): number => {
    const l = norm(v.lang);
    let r: number;
    if (l === want) r = 0;
    else if (primary === 'zh' && (l.startsWith('cmn') || l === 'zh-hans' || l === 'zh-sg' || l === 'zh')) r = 1;
    else if (primary === 'zh' && l === 'zh-tw') r = 2;
    else if (l.split('-')[0] === primary && !(primary === 'zh' && (l === 'zh-hk' || l.startsWith('yue')))) r = 2;
    else if (primary === 'zh' && (l === 'zh-hk' || l.startsWith('yue'))) r = 4;
    else return Infinity;
    return r + (v.localService === false ? 0.5 : 0);
  };
  let best: V | null = null;
  let bestRank = Infinity;
  for (const v of voices) {
    const r = rank(v);
    if (r < bestRank) {
      best = v;
      bestRank = r;
    }
  }
  return best;
}

/** Longest we wait for a spoken call to end before moving on (engines sometimes never say "end"). */
export const speechWatchdogMs = (text: string, rate: number): number => 4000 + Math.ceil((text.length * 450) / Math.max(0.5, rate));

const PAUSE_BETWEEN_REPEATS_MS = 700;
const PAUSE_BETWEEN_CALLS_MS = 500;
const VOICES_WAIT_MS = 2500;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class AnnouncerController implements ReactiveController {
  /** The call being chimed or spoken now. */
  current: Announcement | null = null;
  voiceMissing = false;
  sound: SoundState = 'needs-unlock';

  private waiting: Announcement[] = [];
  private running = false;
  private silentMode = false;
  private lang = 'zh-CN';
  private voice: SpeechSynthesisVoice | null = null;
  private connected = false;
  private readonly rules: QueueRules;
  private readonly onVoicesChanged = () => void this.detectVoice();

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: AnnouncerOptions,
  ) {
    this.rules = options.rules ?? DEFAULT_QUEUE_RULES;
    host.addController(this);
  }

  hostConnected(): void {
    this.connected = true;
    window.speechSynthesis?.addEventListener?.('voiceschanged', this.onVoicesChanged);
    void this.detectVoice();
    void this.checkSound();
  }

  hostDisconnected(): void {
    this.connected = false;
    window.speechSynthesis?.removeEventListener?.('voiceschanged', this.onVoicesChanged);
    this.waiting = [];
  }

  /** Calls waiting behind the current one. */
  get backlog(): readonly Announcement[] {
    return this.waiting;
  }

  get silent(): boolean {
    return this.silentMode;
  }

  /** Display only: drops what waits and stops speaking. */
  setSilent(silent: boolean): void {
    if (silent === this.silentMode) return;
    this.silentMode = silent;
    if (silent) {
      this.waiting = [];
      window.speechSynthesis?.cancel();
    }
    void this.checkSound();
  }

  /** The language calls are spoken in (the hall's voice setting). */
  setLanguage(lang: string): void {
    if (lang === this.lang) return;
    this.lang = lang;
    void this.detectVoice();
  }

  /** What the heartbeat reports. */
  deviceState(): DeviceState {
    return {
      voiceMissing: this.voiceMissing,
      soundBlocked: this.sound === 'needs-unlock' || this.sound === 'blocked',
      silent: this.silentMode,
    };
  }

  /** Queues a live call. Replayed or silent calls are never passed here. */
  announce(item: Announcement): void {
    if (this.silentMode || !this.connected) return;
    const { waiting, dropped } = enqueue(this.waiting, item, this.rules);
    this.waiting = waiting;
    if (dropped.length) this.options.onDropped?.(dropped);
    this.host.requestUpdate();
    void this.pump();
  }

  /** From a person's tap: lets sound play from now on, and remembers it on this device. */
  async unlock(): Promise<void> {
    if (this.silentMode) return;
    await AudioUnlock.unlock();
    await this.checkSound();
  }

  private async checkSound(): Promise<void> {
    const before = this.sound;
    if (this.silentMode) this.sound = 'silent';
    else if (AudioUnlock.running() || (await AudioUnlock.tryResume())) this.sound = 'ready';
    else this.sound = AudioUnlock.remembered() ? 'blocked' : 'needs-unlock';
    if (this.sound !== before) this.changed();
  }

  private async detectVoice(): Promise<void> {
    const synth = window.speechSynthesis;
    const before = this.voiceMissing;
    if (!synth || typeof SpeechSynthesisUtterance === 'undefined') {
      this.voice = null;
      this.voiceMissing = true;
    } else {
      let voices = synth.getVoices();
      // Chrome fills the list asynchronously; give it a moment before calling the voice missing.
      if (voices.length === 0) await sleep(VOICES_WAIT_MS).then(() => (voices = synth.getVoices()));
      this.voice = pickVoice(voices, this.lang);
      this.voiceMissing = this.voice === null;
    }
    if (this.voiceMissing !== before) this.changed();
  }

  private changed(): void {
    this.host.requestUpdate();
    this.options.onStatus?.();
  }

  private async pump(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      for (;;) {
        const { next, waiting, dropped } = takeNext(this.waiting, this.options.now(), this.rules);
        this.waiting = waiting;
        if (dropped.length) this.options.onDropped?.(dropped);
        if (!next || !this.connected || this.silentMode) break;
        this.current = next;
        this.host.requestUpdate();
        await this.speak(next);
        this.current = null;
        this.host.requestUpdate();
        if (this.waiting.length) await sleep(PAUSE_BETWEEN_CALLS_MS);
      }
    } finally {
      this.current = null;
      this.running = false;
      this.host.requestUpdate();
    }
  }

  /** Chime, then the words `repeat` times (once while others wait). Resolves when all is said. */
  private async speak(item: Announcement): Promise<void> {
    if (item.chime && AudioUnlock.running()) await playChime();
    if (this.voiceMissing) return;
    let spoken = 0;
    while (shouldRepeat(spoken, item.repeat, this.waiting.length) && !this.silentMode) {
      if (spoken > 0) await sleep(PAUSE_BETWEEN_REPEATS_MS);
      await this.say(item);
      spoken++;
    }
  }

  private say(item: Announcement): Promise<void> {
    const synth = window.speechSynthesis;
    return new Promise((resolve) => {
      const utterance = new SpeechSynthesisUtterance(item.speech);
      utterance.lang = item.lang;
      utterance.rate = item.rate;
      if (this.voice) utterance.voice = this.voice;
      const done = () => {
        clearTimeout(timer);
        utterance.onend = null;
        utterance.onerror = null;
        resolve();
      };
      utterance.onend = done;
      // "not-allowed" (no tap yet), "interrupted", a broken engine: move on, the caption shows it.
      utterance.onerror = done;
      const timer = setTimeout(done, speechWatchdogMs(item.speech, item.rate));
      if (synth.paused) synth.resume();
      synth.speak(utterance);
    });
  }
}
