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
const CALLS = 15;

interface Series {
  last: number[]; // ms, time to the last screen, per call
  health: number[]; // ms, an HTTP request sent with the call
}

const summary = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted[sorted.length - 1] ?? 0 };
};

export async function fanoutFigures(log: (s: string) => void): Promise<Figure[]> {
  const figures: Figure[] = [];
  const hall = await startHallServer();
  const clerk = await staffHeaders(hall.url, 'clerk01');
  const windowId = ((await (await fetch(`${hall.url}/api/auth/me`, { headers: clerk })).json()) as { signedInWindowId: number }).signedInWindowId;
  const kiosk = { authorization: `Bearer ${DEMO_TOKENS.kiosk}`, 'content-type': 'application/json' };
  const serviceA = hall.serviceIds[0]!;
  await sleep(1500);
  const idleRss = rssMiB(hall.child.pid!);
  let payload: unknown = null;
  const real = new Map<number, Series>();
  let rssPerScreen = 0;

  for (const n of SIZES) {
    const screens = await connectScreens(hall.url, n, { token: DEMO_TOKENS.board });
    await sleep(1000);
    if (n === SIZES[SIZES.length - 1]) rssPerScreen = ((rssMiB(hall.child.pid!) - idleRss) * 1024) / n;
    const series: Series = { last: [], health: [] };
    // The real call event, replayed by the bare ceiling so both carry the same payload.
    screens.sockets[0]!.once('ticket:called', (event: unknown) => (payload ??= event));
    for (let i = 0; i < CALLS; i++) {
      // The issue is broadcast to every board too: let it reach all of them before timing the call.
      const issued = screens.nextArrival('ticket:issued', () => true);
      await fetch(`${hall.url}/api/halls/1/tickets`, { method: 'POST', headers: kiosk, body: JSON.stringify({ serviceId: serviceA }) });
      await issued;
      const arrivals = screens.nextArrival('ticket:called', () => true);
      const t0 = performance.now();
      const call = fetch(`${hall.url}/api/windows/${windowId}/call-next`, { method: 'POST', headers: clerk, body: '{}' });
      const health = fetch(`${hall.url}/api/health`).then(() => performance.now() - t0);
      const [times, healthMs] = await Promise.all([arrivals, health, call]);
      series.last.push(Math.max(...times) - t0);
      series.health.push(healthMs);
      const missed = screens.nextArrival('ticket:no_show', () => true);
      await fetch(`${hall.url}/api/windows/${windowId}/no-show`, { method: 'POST', headers: clerk, body: '{}' });
      await missed;
      await sleep(100);
    }
    real.set(n, series);
    screens.close();
    log(`real, ${n} screens: last screen p50 ${fmt(summary(series.last).p50)} ms, p99 ${fmt(summary(series.last).p99)} ms`);
    await sleep(1500);
  }
  await hall.close();

  const bare = await startChild('bench/servers/bare-io.ts', [], {}, /listening (\S+)/);
  for (const n of SIZES) {
    const screens = await connectScreens(bare.url, n, {});
    await sleep(1000);
    const last: number[] = [];
    for (let i = 0; i < CALLS; i++) {
      const arrivals = screens.nextArrival('ticket:called', () => true);
      const t0 = performance.now();
      await Promise.all([arrivals.then((times) => last.push(Math.max(...times) - t0)), fetch(`${bare.url}/broadcast`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(payload) })]);
      await sleep(100);
    }
    screens.close();
    const r = summary(real.get(n)!.last);
    const b = summary(last);
    const h = summary(real.get(n)!.health);
    log(`bare, ${n} screens: last screen p50 ${fmt(b.p50)} ms, p99 ${fmt(b.p99)} ms`);
    figures.push({
      figure: `Call to last of ${n.toLocaleString('en-US')} screens p50 / p99 / max`,
      value: `${fmt(r.p50)} / ${fmt(r.p99)} / ${fmt(r.max)} ms`,
      ceiling: `${fmt(b.p50)} / ${fmt(b.p99)} / ${fmt(b.max)} ms (bare Socket.IO broadcast)`,
      ratio: `${fmt(r.p99 / Math.max(0.1, b.p99), 2)} ×`,
      target: 'p99 ≤ 1.5 × bare',
      ok: r.p99 <= 1.5 * b.p99,
      how: `${CALLS} calls; t0 = the clerk's POST call-next, end = the event at the last board (socket.io-client, websocket, one process); bare: POST /broadcast of the same payload (bench/servers/bare-io.ts)`,
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
    await sleep(1000);
  }
  await stop(bare.child);

  figures.push({
    figure: 'Memory per connected screen',
    value: `${fmt(rssPerScreen)} KiB`,
    ceiling: '',
    ratio: '',
    target: '< 30 KiB',
    ok: rssPerScreen < 30,
    how: `(server RSS with ${SIZES[SIZES.length - 1]} boards connected − idle RSS) / ${SIZES[SIZES.length - 1]}`,
  });
  return figures;
}
