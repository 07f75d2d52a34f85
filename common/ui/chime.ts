/**
 * The call chime ("叮咚"), synthesized with Web Audio so it needs no sound file and works offline.
 * Browsers allow audio only after a user gesture; `AudioUnlock` remembers that the screen was
 * unlocked once so an unattended board can resume after a reload where the browser allows it.
 */

let context: AudioContext | null = null;

export function audioContext(): AudioContext | null {
  if (context) return context;
  const Ctor = window.AudioContext ?? (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
  context = Ctor ? new Ctor() : null;
  return context;
}

/** Plays the two-tone chime; resolves when it has finished. */
export function playChime(volume = 0.35): Promise<void> {
  const ctx = audioContext();
  if (!ctx || ctx.state !== 'running') return Promise.resolve();
  const start = ctx.currentTime + 0.02;
  const tones: [frequency: number, at: number][] = [
    [659.25, 0], // E5
    [523.25, 0.38], // C5
  ];
  for (const [frequency, at] of tones) {
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    osc.type = 'sine';
    osc.frequency.value = frequency;
    gain.gain.setValueAtTime(0, start + at);
    gain.gain.linearRampToValueAtTime(volume, start + at + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.001, start + at + 0.7);
    osc.connect(gain).connect(ctx.destination);
    osc.start(start + at);
    osc.stop(start + at + 0.75);
  }
  return new Promise((resolve) => setTimeout(resolve, 1150));
}

const UNLOCK_KEY = 'hq.audioUnlocked';

export const AudioUnlock = {
  /** Whether this device was unlocked by a person before. */
  remembered(): boolean {
    try {
      return localStorage.getItem(UNLOCK_KEY) === '1';
    } catch {
      return false;
    }
  },
  /** True when audio can play now. */
  running(): boolean {
    return audioContext()?.state === 'running';
  },
  /** Call from a user gesture: resumes audio and remembers it. */
  async unlock(): Promise<boolean> {
    const ctx = audioContext();
    if (!ctx) return false;
    await ctx.resume().catch(() => undefined);
    if (ctx.state === 'running') {
      try {
        localStorage.setItem(UNLOCK_KEY, '1');
      } catch {
        /* private mode: it just asks again next time */
      }
    }
    return ctx.state === 'running';
  },
  /** Tries to resume without a gesture (works on kiosk-mode browsers with autoplay allowed). */
  async tryResume(): Promise<boolean> {
    const ctx = audioContext();
    if (!ctx) return false;
    await ctx.resume().catch(() => undefined);
    return ctx.state === 'running';
  },
};
