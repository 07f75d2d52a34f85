// @vitest-environment happy-dom
/**
 * The announcer with a recording speech engine (happy-dom has none): calls are spoken one after
 * another, each only after the previous ended (never cut off, never overlapping), repeats give
 * way to a backlog, a burst is bounded, stale and silent calls are not spoken, a device without a
 * Chinese voice reports it, and an engine that never says "end" does not stall the queue.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Announcement } from '../../common/ui/announcement-queue.js';
import { AnnouncerController } from '../../common/ui/announcer.js';

interface Spoken {
  text: string;
  lang: string;
  rate: number;
  voice: string | null;
  at: number;
}

/** A speech engine that takes `durationMs` per utterance and records everything. */
class FakeSpeech {
  spoken: Spoken[] = [];
  speaking = false;
  overlaps = 0;
  cancels = 0;
  paused = false;
  neverEnds = false;
  constructor(
    public voices: { lang: string; name: string; localService: boolean }[],
    public durationMs = 1500,
  ) {}
  getVoices() {
    return this.voices;
  }
  speak(u: { text: string; lang: string; rate: number; voice: { name: string } | null; onend: (() => void) | null }) {
    if (this.speaking) this.overlaps++;
    this.speaking = true;
    this.spoken.push({ text: u.text, lang: u.lang, rate: u.rate, voice: u.voice?.name ?? null, at: Date.now() });
    if (this.neverEnds) return;
    setTimeout(() => {
      this.speaking = false;
      u.onend?.();
    }, this.durationMs);
  }
  cancel() {
    this.cancels++;
  }
  resume() {}
  addEventListener() {}
  removeEventListener() {}
}

class FakeUtterance {
  lang = '';
  rate = 1;
  voice: unknown = null;
  onend: (() => void) | null = null;
  onerror: (() => void) | null = null;
  constructor(public text: string) {}
}

let speech: FakeSpeech;
const T = Date.parse('2026-11-23T10:00:00+08:00');

function install(voices = [{ lang: 'zh-CN', name: 'Tingting', localService: true }]) {
  speech = new FakeSpeech(voices);
  Object.defineProperty(window, 'speechSynthesis', { value: speech, configurable: true });
  Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: FakeUtterance, configurable: true });
}

function host() {
  const controllers: { hostConnected?(): void }[] = [];
  let updates = 0;
  return {
    addController: (c: { hostConnected?(): void }) => controllers.push(c),
    removeController: () => {},
    requestUpdate: () => updates++,
    updateComplete: Promise.resolve(true),
    connect: () => controllers.forEach((c) => c.hostConnected?.()),
    get updates() {
      return updates;
    },
  };
}

let seq = 0;
function call(number: string, windowId: number, patch: Partial<Announcement> = {}): Announcement {
  return {
    id: String(++seq),
    ticketId: Number(number.slice(1)) + number.charCodeAt(0) * 1000,
    windowId,
    recall: false,
    at: Date.now(),
    speech: `请${number}号到${windowId}号窗口办理`,
    lang: 'zh-CN',
    rate: 0.9,
    repeat: 2,
    chime: true,
    ...patch,
  };
}

async function start(options: { voices?: FakeSpeech['voices'] } = {}) {
  install(options.voices);
  const h = host();
  const statuses: number[] = [];
  const dropped: string[] = [];
  const announcer = new AnnouncerController(h, {
    now: () => Date.now(),
    onStatus: () => statuses.push(Date.now()),
    onDropped: (list) => dropped.push(...list.map((d) => `${d.announcement.speech}:${d.reason}`)),
  });
  h.connect();
  await vi.advanceTimersByTimeAsync(10);
  return { announcer, h, statuses, dropped };
}

const texts = () => speech.spoken.map((s) => s.text);

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
  vi.setSystemTime(T);
});
afterEach(() => {
  vi.useRealTimers();
  localStorage.clear();
});

describe('AnnouncerController', () => {
  it('speaks a call as many times as the hall says, in its voice, language and rate', async () => {
    const { announcer } = await start();
    announcer.announce(call('A012', 3));
    expect(announcer.current?.speech).toBe('请A012号到3号窗口办理');
    await vi.advanceTimersByTimeAsync(10_000);
    expect(speech.spoken).toEqual([
      expect.objectContaining({ text: '请A012号到3号窗口办理', lang: 'zh-CN', rate: 0.9, voice: 'Tingting' }),
      expect.objectContaining({ text: '请A012号到3号窗口办理' }),
    ]);
    expect(announcer.current).toBeNull();
  });

  it('two quick calls are both spoken, in order, the second only after the first ended; once each while the other waits', async () => {
    const { announcer } = await start();
    announcer.announce(call('A012', 3));
    await vi.advanceTimersByTimeAsync(200);
    announcer.announce(call('B007', 5));
    await vi.advanceTimersByTimeAsync(20_000);
    expect(texts()).toEqual(['请A012号到3号窗口办理', '请B007号到5号窗口办理', '请B007号到5号窗口办理']);
    expect(speech.overlaps).toBe(0);
    expect(speech.cancels).toBe(0);
    expect(speech.spoken[1]!.at - speech.spoken[0]!.at).toBeGreaterThanOrEqual(1500);
  });

  it('a burst does not build a backlog: the one speaking finishes, then the newest three', async () => {
    const { announcer, dropped } = await start();
    for (let w = 1; w <= 10; w++) announcer.announce(call(`A${String(w).padStart(3, '0')}`, w));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(texts()).toEqual([
      '请A001号到1号窗口办理',
      '请A008号到8号窗口办理',
      '请A009号到9号窗口办理',
      '请A010号到10号窗口办理',
      '请A010号到10号窗口办理',
    ]);
    expect(dropped.filter((d) => d.endsWith(':overflow'))).toHaveLength(6);
    expect(speech.overlaps).toBe(0);
  });

  it('a recall while the call is still being spoken is spoken again after it', async () => {
    const { announcer } = await start();
    announcer.announce(call('A012', 3, { repeat: 1 }));
    await vi.advanceTimersByTimeAsync(200);
    announcer.announce(call('A012', 3, { repeat: 1, recall: true }));
    await vi.advanceTimersByTimeAsync(20_000);
    expect(texts()).toEqual(['请A012号到3号窗口办理', '请A012号到3号窗口办理']);
  });

  it('a call older than the limit when its turn comes is skipped, never spoken late', async () => {
    const { announcer, dropped } = await start();
    announcer.announce(call('A001', 1, { at: Date.now() - 60_000 }));
    await vi.advanceTimersByTimeAsync(10_000);
    expect(texts()).toEqual([]);
    expect(dropped).toEqual(['请A001号到1号窗口办理:stale']);
  });

  it('silent mode: nothing is chimed or spoken, and the heartbeat says so', async () => {
    const { announcer } = await start();
    announcer.setSilent(true);
    announcer.announce(call('A001', 1));
    await vi.advanceTimersByTimeAsync(10_000);
    expect(texts()).toEqual([]);
    expect(announcer.sound).toBe('silent');
    expect(announcer.deviceState()).toMatchObject({ silent: true, soundBlocked: false });
  });

  it('switching to silent while calls wait drops them and stops the engine', async () => {
    const { announcer } = await start();
    announcer.announce(call('A001', 1));
    announcer.announce(call('A002', 2));
    await vi.advanceTimersByTimeAsync(100);
    announcer.setSilent(true);
    await vi.advanceTimersByTimeAsync(20_000);
    expect(texts()).toEqual(['请A001号到1号窗口办理']);
    expect(speech.cancels).toBe(1);
  });

  it('no Chinese voice: reports voiceMissing once the voices are known, and does not speak', async () => {
    const { announcer, statuses } = await start({ voices: [{ lang: 'en-US', name: 'Samantha', localService: true }] });
    expect(announcer.voiceMissing).toBe(true);
    expect(announcer.deviceState()).toMatchObject({ voiceMissing: true });
    expect(statuses.length).toBeGreaterThan(0);
    announcer.announce(call('A001', 1));
    await vi.advanceTimersByTimeAsync(10_000);
    expect(texts()).toEqual([]);
    // The hall switches its voice to English: that voice exists.
    announcer.setLanguage('en-US');
    await vi.advanceTimersByTimeAsync(10);
    expect(announcer.voiceMissing).toBe(false);
  });

  it('voices that load late (Chrome) are waited for before calling the voice missing', async () => {
    install([]);
    const h = host();
    const announcer = new AnnouncerController(h, { now: () => Date.now() });
    h.connect();
    await vi.advanceTimersByTimeAsync(1000);
    speech.voices = [{ lang: 'zh-CN', name: 'Tingting', localService: true }];
    await vi.advanceTimersByTimeAsync(2000);
    expect(announcer.voiceMissing).toBe(false);
  });

  it('an engine that never says "end" does not stall the queue', async () => {
    const { announcer } = await start();
    speech.neverEnds = true;
    announcer.announce(call('A001', 1, { repeat: 1 }));
    announcer.announce(call('A002', 2, { repeat: 1 }));
    await vi.advanceTimersByTimeAsync(30_000);
    expect(texts()).toEqual(['请A001号到1号窗口办理', '请A002号到2号窗口办理']);
  });

  it('never unlocked on this device: asks for the one-time tap; remembered but blocked: a tap again', async () => {
    const { announcer } = await start();
    expect(announcer.sound).toBe('needs-unlock');
    expect(announcer.deviceState()).toMatchObject({ soundBlocked: true });
    localStorage.setItem('hq.audioUnlocked', '1');
    announcer.setSilent(true);
    announcer.setSilent(false);
    await vi.advanceTimersByTimeAsync(10);
    expect(announcer.sound).toBe('blocked');
  });
});
