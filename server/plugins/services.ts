/**
 * The domain core as Fastify decorators: `app.store`, `app.bus`, `app.clock`, `app.unitOfWork`
 * (the command runner every service takes), `app.hallService` (tickets and windows) and
 * `app.authService`. The store is handed in by whoever builds the app (main.ts opens the real
 * database; tests open a temporary one) and closed with the app.
 */
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { AuthService } from '../services/auth-service.js';
import { EventBus } from '../services/event-bus.js';
import { HallService } from '../services/hall-service.js';
import { UnitOfWork, type Clock } from '../services/unit-of-work.js';
import type { Store } from '../store/store.js';

declare module 'fastify' {
  interface FastifyInstance {
    store: Store;
    bus: EventBus;
    unitOfWork: UnitOfWork;
    hallService: HallService;
    authService: AuthService;
    clock: Clock;
  }
}

export interface ServicesOptions {
  store: Store;
  clock?: Clock;
  /** Close the store when the app closes (default true). */
  closeStore?: boolean;
}

export default fp<ServicesOptions>(
  async function servicesPlugin(app: FastifyInstance, opts) {
    const clock = opts.clock ?? Date.now;
    const bus = new EventBus((err) => app.log.error({ err }, 'event subscriber failed'));
    const unitOfWork = new UnitOfWork(opts.store, bus, clock);
    app.decorate('store', opts.store);
    app.decorate('bus', bus);
    app.decorate('clock', clock);
    app.decorate('unitOfWork', unitOfWork);
    app.decorate('hallService', new HallService(unitOfWork));
    app.decorate('authService', new AuthService(opts.store, unitOfWork));
    if (opts.closeStore !== false) app.addHook('onClose', async () => opts.store.close());
  },
  { name: 'services' },
);
