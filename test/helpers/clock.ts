/** A clock tests move by hand; the server reads it for every domain decision. */
export interface TestClock {
  (): number;
  set(at: number | string): void;
  advance(ms: number): void;
  advanceMinutes(minutes: number): void;
}

export function testClock(start: number | string = '2026-11-23T09:00:00+08:00'): TestClock {
  let now = typeof start === 'string' ? Date.parse(start) : start;
  const clock = (() => now) as TestClock;
  clock.set = (at) => {
    now = typeof at === 'string' ? Date.parse(at) : at;
  };
  clock.advance = (ms) => {
    now += ms;
  };
  clock.advanceMinutes = (minutes) => {
    now += minutes * 60_000;
  };
  return clock;
}

/**
 * A clock that runs in real time from `start` (browser tests: the screens' timers and the
 * server's decisions agree) and can still be moved by hand.
 */
export function runningClock(start: number | string): TestClock {
  const at = (t: number | string) => (typeof t === 'string' ? Date.parse(t) : t);
  let offset = at(start) - Date.now();
  const clock = (() => Date.now() + offset) as TestClock;
  clock.set = (t) => {
    offset = at(t) - Date.now();
  };
  clock.advance = (ms) => {
    offset += ms;
  };
  clock.advanceMinutes = (minutes) => {
    offset += minutes * 60_000;
  };
  return clock;
}
