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
