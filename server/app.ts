/**
 * The hall server as a Fastify plugin tree. `buildApp` is what main.ts starts and what tests
 * build and drive with `app.inject` (no port) or `listen({ port: 0 })`.
 */
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance, type FastifyRequest, type FastifyServerOptions } from 'fastify';
import { errors } from '../common/domain/errors.js';
import authPlugin from './plugins/auth.js';
import errorsPlugin from './plugins/errors.js';
import jobsPlugin from './plugins/jobs.js';
import managerPlugin from './plugins/manager.js';
import openapiPlugin from './plugins/openapi.js';
import pagesPlugin from './plugins/pages.js';
import printingPlugin, { type PrintingOptions } from './plugins/printing.js';
import { rateLimitLogger } from './plugins/rate-limit-log.js';
import phonePlugin from './plugins/phone.js';
import ratingsPlugin from './plugins/ratings.js';
import realtimePlugin from './plugins/realtime.js';
import servicesPlugin from './plugins/services.js';
import auditRoutes from './routes/audit.js';
import authRoutes from './routes/auth.js';
import bookingRoutes from './routes/bookings.js';
import caseRoutes from './routes/cases.js';
import { DEFAULT_LIMITS, type PublicLimits } from './routes/common.js';
import deviceRoutes from './routes/devices.js';
import hallRoutes from './routes/halls.js';
import healthRoutes from './routes/health.js';
import printingRoutes from './routes/printing.js';
import phoneRoutes from './routes/phone.js';
import managerConfigRoutes from './routes/manager-config.js';
import managerLiveRoutes from './routes/manager-live.js';
import ratingRoutes from './routes/ratings.js';
import statsRoutes from './routes/stats.js';
import ticketRoutes from './routes/tickets.js';
import windowRoutes from './routes/windows.js';
import { validatorFactory } from './schemas/validator.js';
import type { Clock } from './services/unit-of-work.js';
import { maskSecretUrl } from './services/log-masking.js';
import type { Notifier } from './services/notifier.js';
import type { Store } from './store/store.js';

/** Request headers that carry secrets and never reach the logs. */
export const LOG_REDACT = ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]'];

/** The secret codes of visitor URLs (/t/<code>, /api/phone/tickets/<code>, …) as the logs show them. */
export { maskSecretUrl };

/** Request log fields, with visitors' secret codes masked in the URL. */
export const LOG_SERIALIZERS = {
  req: (request: FastifyRequest) => ({
    method: request.method,
    url: maskSecretUrl(request.url),
    host: request.host,
    remoteAddress: request.ip,
  }),
};

export interface AppOptions {
  store: Store;
  clock?: Clock;
  logger?: FastifyServerOptions['logger'];
  cookieSecure?: boolean;
  trustProxy?: boolean;
  limits?: Partial<PublicLimits>;
  /** Run background jobs on timers (main.ts); tests run them by name with `app.jobs.run`. */
  runJobs?: boolean;
  /** Built screens (dist/public); null serves the API only. */
  publicDir?: string | null;
  closeStore?: boolean;
  /** PUBLIC_URL: the base of visitor links (QR codes, posters, notifications); null uses the listening address. */
  publicUrl?: string | null;
  /** Printer timeouts and queue limits (tests shorten them). */
  printing?: Omit<PrintingOptions, 'publicUrl'>;
  /** Where visitor notifications go (tests); default: the log and `notifyWebhookUrl`. */
  notifier?: Notifier;
  /** NOTIFY_WEBHOOK_URL: each notification is also POSTed there as JSON. */
  notifyWebhookUrl?: string | null;
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    trustProxy: options.trustProxy ?? false,
    bodyLimit: 64 * 1024,
    // Slow or stuck clients must not hold connections forever.
    connectionTimeout: 30_000,
    requestTimeout: 30_000,
    keepAliveTimeout: 10_000,
    return503OnClosing: true,
    routerOptions: { maxParamLength: 120 },
    // Bodies are checked without type coercion, the other request parts with it: server/schemas/validator.ts.
    schemaController: { compilersFactory: { buildValidator: validatorFactory() } },
  });
  // The API speaks JSON only; anything else is a clear 415, not a string the schema trips over.
  app.removeContentTypeParser('text/plain');
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const cookieSecure = options.cookieSecure ?? false;

  await app.register(errorsPlugin);
  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'", 'ws:', 'wss:'],
        mediaSrc: ["'self'", 'data:', 'blob:'],
        upgradeInsecureRequests: null,
      },
    },
    // Boards and kiosks run over plain HTTP on the hall LAN; HSTS only makes sense behind TLS.
    hsts: cookieSecure,
  });
  await app.register(rateLimit, {
    global: false,
    onExceeded: rateLimitLogger(),
    errorResponseBuilder: (_request, context) => {
      const e = errors.rateLimited({ retryAfterSeconds: Math.ceil(context.ttl / 1000) });
      return { statusCode: 429, code: e.code, message: e.messageZh, messageEn: e.messageEn, details: e.details };
    },
  });
  await app.register(servicesPlugin, {
    store: options.store,
    ...(options.clock ? { clock: options.clock } : {}),
    closeStore: options.closeStore ?? true,
  });
  await app.register(jobsPlugin, { runJobs: options.runJobs ?? false });
  await app.register(authPlugin);
  await app.register(realtimePlugin);
  await app.register(ratingsPlugin);
  await app.register(printingPlugin, { publicUrl: options.publicUrl ?? null, ...options.printing });
  await app.register(phonePlugin, {
    publicUrl: options.publicUrl ?? null,
    notifyWebhookUrl: options.notifyWebhookUrl ?? null,
    ...(options.notifier ? { notifier: options.notifier } : {}),
  });
  await app.register(managerPlugin);
  await app.register(openapiPlugin);

  await app.register(
    async (api) => {
      await api.register(healthRoutes);
      await api.register(authRoutes, { cookieSecure, loginLimit: limits.login });
      await api.register(hallRoutes);
      await api.register(ticketRoutes, { statusLimit: limits.status });
      await api.register(windowRoutes);
      await api.register(deviceRoutes, { pairingLimit: limits.pairing });
      await api.register(ratingRoutes);
      await api.register(printingRoutes);
      await api.register(phoneRoutes, { readLimit: limits.status, writeLimit: limits.phoneIssue });
      await api.register(bookingRoutes, { publicUrl: options.publicUrl ?? null });
      await api.register(managerConfigRoutes);
      await api.register(managerLiveRoutes);
      await api.register(statsRoutes);
      await api.register(caseRoutes);
      await api.register(auditRoutes);
    },
    { prefix: '/api' },
  );

  if (options.publicDir) await app.register(pagesPlugin, { publicDir: options.publicDir });
  return app;
}
