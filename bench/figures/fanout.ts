/**
 * Call-to-screen: from a clerk's "call next" command to the event at the last of N connected
 * screens, next to a bare Socket.IO broadcast of the same payload to the same number of screens.
 * Also: HTTP requests served during a broadcast, and the memory each connected screen costs.
 */
import { DEMO_TOKENS } from '../../server/demo/seed.js';
import { startHallServer, staffHeaders } from '../lib/hall-server.js';
import { percentile, rssMiB, sleep, startChild, stop } from '../lib/measure.js';
import { fmt, type Figure } from '../lib/report.js';
import { connectScreens } from '../lib/screens.js';

const SIZES = [100, 1000, 3000];
/** Calls per size: enough samples that p99 is not just the one slowest call. */
const CALLS: Record<number, number> = { 100: 200, 1000: 100, 3000: 40 };

const summary = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted[sorted.length - 1] ?? 0 };
};

/**
 * For each size, N boards are connected to the real hall server and N to the bare Socket.IO
 * server at the same time, and the calls alternate between the two, so both see the same machine
 * (the screens run in this process, and the load of other work drifts during a run).
 */
export async function fanoutFigures(log: (s: string) => void): Promise<Figure[]> {
  const figures: Figure[] = [];
  const hall = await startHallServer();
  const bare = await startChild('bench/servers/bare-io.ts', [], {}, /listening (\S+)/);
  const clerk = await staffHeaders(hall.url, 'clerk01');
  const windowId = ((await (await fetch(`${hall.url}/api/auth/me`, { headers: clerk })).json()) as { signedInWindowId: number })
    .signedInWindowId;
  const kiosk = { authorization: `Bearer ${DEMO_TOKENS.kiosk}`, 'content-type': 'application/json' };
  const serviceA = hall.serviceIds[0]!;
  await sleep(1500);
  // The extra memory per screen is the slope between the two largest sizes, so the start-up
  // garbage the memory reducer returns later (see the idle figure) does not count either way.
  const rssAt = new Map<number, number>();

  for (const n of SIZES) {
    const screens = await connectScreens(hall.url, n, { token: DEMO_TOKENS.board });
    const bareScreens = await connectScreens(bare.url, n, {});
    await sleep(1000);
    rssAt.set(n, rssMiB(hall.child.pid!));
    const real: number[] = [];
    const health: number[] = [];
    const ceiling: number[] = [];
    let payload: unknown = null;
    for (let i = 0; i < CALLS[n]!; i++) {
      // The issue is broadcast to every board too: let it reach all of them before timing the call.
      const issued = screens.nextArrival('ticket:issued', () => true);
      await fetch(`${hall.url}/api/halls/1/tickets`, { method: 'POST', headers: kiosk, body: JSON.stringify({ serviceId: serviceA }) });
      await issued;
      const arrivals = screens.nextArrival('ticket:called', (event) => ((payload ??= event), true));
      const t0 = performance.now();
      const call = fetch(`${hall.url}/api/windows/${windowId}/call-next`, { method: 'POST', headers: clerk, body: '{}' });
      const healthMs = fetch(`${hall.url}/api/health`).then(() => performance.now() - t0);
      const [times, h] = await Promise.all([arrivals, healthMs, call]);
      real.push(Math.max(...times) - t0);
      health.push(h);
      const missed = screens.nextArrival('ticket:no_show', () => true);
      await fetch(`${hall.url}/api/windows/${windowId}/no-show`, { method: 'POST', headers: clerk, body: '{}' });
      await missed;
      await sleep(50);

      // The same payload through the bare server to its N boards.
      const bareArrivals = bareScreens.nextArrival('ticket:called', () => true);
      const b0 = performance.now();
      const [bareTimes] = await Promise.all([
        bareArrivals,
        fetch(`${bare.url}/broadcast`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(payload) }),
      ]);
      ceiling.push(Math.max(...bareTimes) - b0);
      await sleep(50);
    }
    screens.close();
    bareScreens.close();
    const r = summary(real);
    const b = summary(ceiling);
    const h = summary(health);
    log(`${n} screens: real p50 ${fmt(r.p50)} / p99 ${fmt(r.p99)} ms, bare p50 ${fmt(b.p50)} / p99 ${fmt(b.p99)} ms`);
    figures.push({
      figure: `Call to last of ${n.toLocaleString('en-US')} screens p50 / p99 / max`,
      value: `${fmt(r.p50)} / ${fmt(r.p99)} / ${fmt(r.max)} ms`,
      ceiling: `${fmt(b.p50)} / ${fmt(b.p99)} / ${fmt(b.max)} ms (bare Socket.IO broadcast)`,
      ratio: `${fmt(r.p99 / Math.max(0.1, b.p99), 2)} ×`,
      target: 'p99 ≤ 1.5 × bare',
      ok: r.p99 <= 1.5 * b.p99,
      how: `${CALLS[n]} calls, alternating with the bare ceiling; t0 = the clerk's POST call-next, end = the event at the last board (socket.io-client, websocket, all boards in the bench process); bare: POST /broadcast of the same payload to N boards of bench/servers/bare-io.ts`,
    });
    figures.push({
      figure: `HTTP during a broadcast to ${n.toLocaleString('en-US')} screens (max)`,
      value: `${fmt(h.max)} ms`,
      ceiling: `${fmt(r.max)} ms (the broadcast itself, max)`,
      ratio: '',
      target: '≤ the broadcast',
      ok: h.max <= r.max + 1,
      how: 'GET /api/health sent together with each call-next',
    });
    await sleep(1500);
  }
  await hall.close();
  await stop(bare.child);

  const [smaller, larger] = SIZES.slice(-2) as [number, number];
  const rssPerScreen = ((rssAt.get(larger)! - rssAt.get(smaller)!) * 1024) / (larger - smaller);
  figures.push({
    figure: 'Memory per connected screen',
    value: `${fmt(rssPerScreen)} KiB`,
    ceiling: '',
    ratio: '',
    target: '< 30 KiB',
    ok: rssPerScreen < 30,
    how: `(server RSS with ${larger} boards connected − with ${smaller}) / ${larger - smaller}, each read 1 s after the boards connected`,
  });
  return figures;
}
