/**
 * What the log says when a client goes over a public endpoint's rate limit (sign-in, pairing, the
 * visitor's phone pages, ticket status): one warning per client and route, then quiet for that
 * pair until the limit's window has passed, so a flood is visible in the log without flooding it.
 * The route is its template (`/api/tickets/status/:code`), never the URL with a visitor's code.
 */
import type { FastifyRequest } from 'fastify';

export function rateLimitLogger(windowMs = 60_000, maxClients = 10_000): (request: FastifyRequest, key: string) => void {
  const quietUntil = new Map<string, number>();
  return (request, key) => {
    const now = Date.now();
    const route = request.routeOptions.url ?? '';
    const id = `${request.method} ${route} ${key}`;
    if ((quietUntil.get(id) ?? 0) > now) return;
    if (quietUntil.size >= maxClients) quietUntil.clear(); // bounded under a spread-out attack
    quietUntil.set(id, now + windowMs);
    request.log.warn({ ip: request.ip, method: request.method, route }, 'rate limit exceeded');
  };
}
