/**
 * Voice guidance for the kiosk: speaks short prompts with the device's speech synthesis, in the
 * screen's language, only where a voice for that language exists (many kiosk browsers have no
 * Chinese voice; then the kiosk stays silent and says so in its device state).
 */
import { pickVoice } from '../../common/ui/announcer.js';

export class KioskVoice {
  private voices: SpeechSynthesisVoice[] = [];
  private readonly synth: SpeechSynthesis | null;

  constructor(private readonly onChange: () => void) {
    this.synth = typeof speechSynthesis === 'undefined' ? null : speechSynthesis;
    this.load();
    this.synth?.addEventListener?.('voiceschanged', () => this.load());
  }

  private load(): void {
    this.voices = this.synth?.getVoices() ?? [];
    this.onChange();
  }

  /** A voice for the language, by the same preference as the boards' announcer. */
  voiceFor(locale: string): SpeechSynthesisVoice | null {
    return pickVoice(this.voices, locale === 'en' ? 'en' : 'zh-CN');
  }

  available(locale: string): boolean {
    return this.voiceFor(locale) !== null;
  }

  speak(text: string, locale: string, rate = 1): void {
    const voice = this.voiceFor(locale);
    if (!this.synth || !voice || !text) return;
    this.synth.cancel();
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.voice = voice;
    utterance.lang = voice.lang;
    utterance.rate = rate;
    this.synth.speak(utterance);
  }

  cancel(): void {
    this.synth?.cancel();
  }
}
