/**
 * Background jobs (sweeps that keep the data tidy or move time-based states on): registered by
 * the plugins that own them with `app.jobs.every`, run on timers only when the app is started with
 * `runJobs` (main.ts does; tests call `app.jobs.run(name)` instead, with their own clock).
 */
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { closePastDays } from '../services/day-close.js';

export interface Jobs {
  /** Runs `work` every `intervalMs`; a failure is logged and the next run goes ahead. */
  every(name: string, intervalMs: number, work: () => Promise<unknown>): void;
  /** Runs one job now (tests, or an operator). */
  run(name: string): Promise<unknown>;
  names(): string[];
}

declare module 'fastify' {
  interface FastifyInstance {
    jobs: Jobs;
  }
}

export default fp<{ runJobs: boolean }>(
  async function jobsPlugin(app: FastifyInstance, opts) {
    const registered = new Map<string, { intervalMs: number; work: () => Promise<unknown> }>();
    const timers: ReturnType<typeof setInterval>[] = [];
    let started = false;

    const runSafely = async (name: string) => {
      try {
        return await registered.get(name)!.work();
      } catch (err) {
        app.log.error({ err, job: name }, 'background job failed');
        return undefined;
      }
    };
    const schedule = (name: string, intervalMs: number) => {
      const timer = setInterval(() => void runSafely(name), intervalMs);
      timer.unref();
      timers.push(timer);
    };

    app.decorate('jobs', {
      every(name, intervalMs, work) {
        if (registered.has(name)) throw new Error(`job ${name} is registered twice`);
        registered.set(name, { intervalMs, work });
        if (started) schedule(name, intervalMs);
      },
      async run(name) {
        if (!registered.has(name)) throw new Error(`no job named ${name}`);
        return registered.get(name)!.work();
      },
      names: () => [...registered.keys()],
    } satisfies Jobs);

    if (opts.runJobs) {
      app.addHook('onReady', async () => {
        started = true;
        for (const [name, job] of registered) schedule(name, job.intervalMs);
      });
    }
    app.addHook('onClose', async () => {
      for (const t of timers) clearInterval(t);
    });

    // Housekeeping of the core: retries older than a day cannot come back; sessions expire.
    app.jobs.every('purge-idempotency-keys', 3600_000, () =>
      app.store.transact((tx) => tx.idempotency.purgeBefore(app.clock() - 24 * 3600_000)),
    );
    app.jobs.every('purge-sessions', 3600_000, () => app.store.transact((tx) => tx.sessions.purgeExpired(app.clock())));
    // After local midnight, yesterday's waiting and missed tickets are closed (server/services/day-close.ts).
    app.jobs.every('close-past-days', 60_000, async () => {
      let closed = 0;
      for (const hall of await app.store.read((tx) => tx.halls.list())) closed += await closePastDays(app.unitOfWork, hall.id);
      return closed;
    });
  },
  { name: 'jobs', dependencies: ['services'] },
);
