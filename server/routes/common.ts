/**
 * What every route module shares beyond its schemas (server/schemas/): the idempotency key of a
 * request, and the rate limits of public endpoints.
 */
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyRequest, RouteShorthandOptions } from 'fastify';
import { errors } from '../../common/domain/errors.js';
import { rateLimitLogger } from '../plugins/rate-limit-log.js';
import type { Idempotency } from '../services/unit-of-work.js';

const IDEMPOTENCY_KEY = /^[A-Za-z0-9_.:-]{8,128}$/;

/** The request's idempotency key and a hash of what it asks, or undefined without a key. */
export function idempotencyOf(request: FastifyRequest): Idempotency | undefined {
  const key = request.headers['idempotency-key'];
  if (key === undefined) return undefined;
  if (typeof key !== 'string' || !IDEMPOTENCY_KEY.test(key)) {
    throw errors.invalidInput('Idempotency-Key 格式不正确（8–128 位字母数字）。', 'Idempotency-Key must be 8–128 letters, digits or _.:-');
  }
  const requestHash = createHash('sha256')
    .update(
      `${request.method} ${request.routeOptions.url ?? request.url}\n${JSON.stringify(request.params ?? {})}\n${JSON.stringify(request.body ?? null)}`,
    )
    .digest('hex');
  return { key, requestHash };
}

/** Rate limits for endpoints anyone can call. Tests may lower them through the app options. */
export interface PublicLimits {
  /** Ticket status page reads per client per minute. */
  status: number;
  /** Pairing requests per client per minute. */
  pairing: number;
  /** Sign-in attempts per client per minute. */
  login: number;
  /** Phone ticket taking per client per minute. */
  phoneIssue: number;
}

export const DEFAULT_LIMITS: PublicLimits = { status: 120, pairing: 10, login: 20, phoneIssue: 10 };

/** How many times a ticket's own limit one client address may read tickets in all. */
export const TICKET_READS_PER_ADDRESS = 10;

/** The `:code` path parameter of a request, or '' (the rate limiter sees requests untyped). */
function codeParam(request: FastifyRequest): string {
  const params: unknown = request.params;
  return params !== null && typeof params === 'object' && 'code' in params && typeof params.code === 'string' ? params.code : '';
}

/**
 * Limits for reading one visitor's ticket by its secret code: `perTicket` a minute per client and
 * ticket (a page following its ticket reloads on each call in its queue), under a ceiling per
 * client address `TICKET_READS_PER_ADDRESS` times higher. Phones that share one address (the
 * hall's guest Wi-Fi, a carrier's NAT) each follow their own ticket without starving the others;
 * guessing codes (80 random bits) stays bounded by the ceiling.
 */
export function ticketReadLimits(app: FastifyInstance, perTicket: number): Pick<RouteShorthandOptions, 'config' | 'onRequest'> {
  // @fastify/rate-limit runs one of its limits per request, so the ceiling is applied by hand.
  const ceiling = app.createRateLimit({ max: perTicket * TICKET_READS_PER_ADDRESS, timeWindow: 60_000 });
  const logBreach = rateLimitLogger();
  return {
    config: {
      rateLimit: {
        max: perTicket,
        timeWindow: 60_000,
        keyGenerator: (request: FastifyRequest) => `${request.ip} ${codeParam(request)}`,
      },
    },
    onRequest: async (request, reply) => {
      const answer = await ceiling(request);
      if (answer.isAllowed || !answer.isExceeded) return; // isAllowed means on the allow list
      logBreach(request, answer.key);
      reply.header('retry-after', String(answer.ttlInSeconds));
      throw errors.rateLimited({ retryAfterSeconds: answer.ttlInSeconds });
    },
  };
}
