/**
 * Preloaded into a child server by startServer({ clock }) (node --import): the process's wall
 * clock (Date.now(), new Date()) starts at HQ_TEST_CLOCK (ms) and the test moves it by sending
 * { clockAt } over the IPC channel; time runs on at real speed from there. Timers are untouched,
 * so the server's jobs still run on their real intervals. Each answer carries the process's UTC
 * offset, so a test can prove the child really runs in the TZ it was given.
 *
 * Plain JavaScript: it is loaded before anything else, into a process that runs no test code.
 */
const RealDate = Date;
const realNow = RealDate.now.bind(RealDate);
let offset = 0;

function TestDate(...args) {
  if (!new.target) return new RealDate(realNow() + offset).toString();
  return Reflect.construct(RealDate, args.length ? args : [realNow() + offset], new.target);
}
Object.setPrototypeOf(TestDate, RealDate);
TestDate.prototype = RealDate.prototype;
TestDate.now = () => realNow() + offset;
globalThis.Date = TestDate;

const set = (at) => {
  offset = at - realNow();
  process.send?.({ clock: at, tzOffsetMinutes: new RealDate(at).getTimezoneOffset() });
};
set(Number(process.env.HQ_TEST_CLOCK));
process.on('message', (message) => {
  if (message && typeof message.clockAt === 'number') set(message.clockAt);
});
// The IPC channel must not keep a server that is shutting down alive.
process.channel?.unref();
