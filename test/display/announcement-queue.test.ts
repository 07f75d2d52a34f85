/**
 * The announcement queue's rules as tables (common/ui/announcement-queue.ts): first in first out,
 * a waiting recall of the same ticket adds nothing, a newer call at a window replaces that
 * window's waiting one, the backlog is bounded (oldest dropped), stale calls are skipped, and
 * repeats give way to a backlog. Also the voice choice and the speech watchdog.
 */
import { describe, expect, it } from 'vitest';
import { enqueue, shouldRepeat, takeNext, type Announcement, type QueueRules } from '../../common/ui/announcement-queue.js';
import { pickVoice, speechWatchdogMs, type VoiceInfo } from '../../common/ui/announcer.js';

const T = 1_000_000;
const rules: QueueRules = { capacity: 3, maxAgeMs: 45_000 };

/** "A012@3" is ticket A012 called at window 3; "+5s" after T. */
function a(spec: string, atSeconds = 0, recall = false): Announcement {
  const [number, window] = spec.split('@') as [string, string];
  return {
    id: `${spec}:${atSeconds}:${recall}`,
    ticketId: number.charCodeAt(0) * 1000 + Number(number.slice(1)),
    windowId: Number(window),
    recall,
    at: T + atSeconds * 1000,
    speech: `请${number}号到${window}号窗口办理`,
    lang: 'zh-CN',
    rate: 1,
    repeat: 2,
    chime: true,
  };
}
const names = (list: Announcement[]) =>
  list.map((x) =>
    x.speech
      .match(/请(\w+)号到(\d+)/)!
      .slice(1)
      .join('@'),
  );

describe('enqueue', () => {
  const cases: { name: string; waiting: Announcement[]; add: Announcement; expect: string[]; dropped: [string, string][] }[] = [
    { name: 'empty queue takes the call', waiting: [], add: a('A001@1'), expect: ['A001@1'], dropped: [] },
    {
      name: 'a second call waits behind the first (FIFO, never merged)',
      waiting: [a('A001@1')],
      add: a('B001@2'),
      expect: ['A001@1', 'B001@2'],
      dropped: [],
    },
    {
      name: 'a recall of a waiting ticket at the same window adds nothing',
      waiting: [a('A001@1'), a('B001@2')],
      add: a('A001@1', 3, true),
      expect: ['A001@1', 'B001@2'],
      dropped: [['A001@1', 'duplicate']],
    },
    {
      name: 'a newer call at the same window replaces its waiting call',
      waiting: [a('A001@1'), a('B001@2')],
      add: a('A002@1', 5),
      expect: ['B001@2', 'A002@1'],
      dropped: [['A001@1', 'superseded']],
    },
    {
      name: 'the same ticket called at another window (transferred) replaces the waiting one',
      waiting: [a('A001@1'), a('B001@2')],
      add: a('A001@4', 5),
      expect: ['B001@2', 'A001@4'],
      dropped: [['A001@1', 'superseded']],
    },
    {
      name: 'beyond capacity the oldest waiting call is dropped',
      waiting: [a('A001@1'), a('B001@2'), a('C001@3')],
      add: a('D001@4'),
      expect: ['B001@2', 'C001@3', 'D001@4'],
      dropped: [['A001@1', 'overflow']],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const before = [...c.waiting];
      const result = enqueue(c.waiting, c.add, rules);
      expect(names(result.waiting)).toEqual(c.expect);
      expect(result.dropped.map((d) => [names([d.announcement])[0], d.reason])).toEqual(c.dropped);
      expect(c.waiting).toEqual(before); // pure
    });
  }

  it('a burst of 20 calls leaves at most `capacity` waiting: the newest ones', () => {
    let waiting: Announcement[] = [];
    let dropped = 0;
    for (let i = 1; i <= 20; i++) {
      const r = enqueue(waiting, a(`A${String(i).padStart(3, '0')}@${i}`, i / 10), rules);
      waiting = r.waiting;
      dropped += r.dropped.length;
    }
    expect(names(waiting)).toEqual(['A018@18', 'A019@19', 'A020@20']);
    expect(dropped).toBe(17);
  });
});

describe('takeNext', () => {
  const cases: { name: string; waiting: Announcement[]; now: number; next: string | null; rest: string[]; stale: string[] }[] = [
    { name: 'nothing waits', waiting: [], now: T, next: null, rest: [], stale: [] },
    { name: 'the oldest first', waiting: [a('A001@1'), a('B001@2', 1)], now: T + 2000, next: 'A001@1', rest: ['B001@2'], stale: [] },
    { name: 'exactly at the age limit it is still spoken', waiting: [a('A001@1')], now: T + 45_000, next: 'A001@1', rest: [], stale: [] },
    {
      name: 'older than the limit: skipped, never spoken late',
      waiting: [a('A001@1'), a('B001@2', 10)],
      now: T + 46_000,
      next: 'B001@2',
      rest: [],
      stale: ['A001@1'],
    },
    { name: 'all stale', waiting: [a('A001@1'), a('B001@2')], now: T + 60_000, next: null, rest: [], stale: ['A001@1', 'B001@2'] },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const r = takeNext(c.waiting, c.now, rules);
      expect(r.next ? names([r.next])[0] : null).toBe(c.next);
      expect(names(r.waiting)).toEqual(c.rest);
      expect(r.dropped.filter((d) => d.reason === 'stale').map((d) => names([d.announcement])[0])).toEqual(c.stale);
    });
  }
});

describe('shouldRepeat', () => {
  const cases: [spoken: number, repeat: number, backlog: number, again: boolean][] = [
    [0, 2, 0, true],
    [0, 2, 3, true], // always said at least once
    [1, 2, 0, true],
    [1, 2, 1, false], // others wait: once is enough
    [2, 2, 0, false],
    [0, 1, 0, true],
    [1, 1, 0, false],
    [0, 0, 0, true], // a repeat of 0 still says it once
  ];
  for (const [spoken, repeat, backlog, again] of cases) {
    it(`spoken ${spoken} of ${repeat}, ${backlog} waiting → ${again ? 'again' : 'done'}`, () =>
      expect(shouldRepeat(spoken, repeat, backlog)).toBe(again));
  }
});

describe('pickVoice', () => {
  const v = (lang: string, name = lang, localService = true): VoiceInfo => ({ lang, name, localService });
  const cases: { name: string; voices: VoiceInfo[]; lang: string; pick: string | null }[] = [
    { name: 'no voices', voices: [], lang: 'zh-CN', pick: null },
    { name: 'no Chinese voice', voices: [v('en-US'), v('de-DE')], lang: 'zh-CN', pick: null },
    { name: 'exact locale first', voices: [v('zh-TW'), v('zh-CN'), v('en-US')], lang: 'zh-CN', pick: 'zh-CN' },
    { name: 'Android style underscores', voices: [v('en_US'), v('zh_CN')], lang: 'zh-CN', pick: 'zh_CN' },
    { name: 'Mandarin (cmn) before Taiwanese', voices: [v('zh-TW'), v('cmn-Hans-CN')], lang: 'zh-CN', pick: 'cmn-Hans-CN' },
    { name: 'Cantonese only as a last resort', voices: [v('zh-HK'), v('zh-TW')], lang: 'zh-CN', pick: 'zh-TW' },
    { name: 'Cantonese when nothing else speaks Chinese', voices: [v('zh-HK'), v('en-US')], lang: 'zh-CN', pick: 'zh-HK' },
    {
      name: 'a local voice before a network one',
      voices: [v('zh-CN', 'online', false), v('zh-CN', 'local', true)],
      lang: 'zh-CN',
      pick: 'local',
    },
    { name: 'English', voices: [v('zh-CN'), v('en-GB'), v('en-US')], lang: 'en-US', pick: 'en-US' },
    { name: 'English of another country', voices: [v('zh-CN'), v('en-GB')], lang: 'en-US', pick: 'en-GB' },
  ];
  for (const c of cases) it(c.name, () => expect(pickVoice(c.voices, c.lang)?.name ?? null).toBe(c.pick));
});

describe('speech watchdog', () => {
  it('gives a long call more time and a slow rate more still', () => {
    const short = speechWatchdogMs('请A001号到1号窗口办理', 1);
    expect(short).toBeGreaterThan(6000);
    expect(speechWatchdogMs('请A001号到1号窗口办理请A001号到1号窗口办理', 1)).toBeGreaterThan(short);
    expect(speechWatchdogMs('请A001号到1号窗口办理', 0.5)).toBeGreaterThan(short);
  });
});
