/**
 * Resolves who is calling, once per API request: a staff session cookie or a device bearer token.
 * Routes then state what they need with `requireUser`, `requireDevice` or `requireActor`.
 *
 * CSRF: the session cookie is HttpOnly and SameSite=Strict, and every state-changing request made
 * with it must also carry the session's token in `x-csrf-token`, which another site cannot read.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { DeviceKind, Role } from '../../common/vocabulary.js';
import { DomainError, errors } from '../../common/domain/errors.js';
import type { Actor, Device, User } from '../../common/domain/types.js';
import { deviceActor, SESSION_HOURS, userActor } from '../services/auth-service.js';
import type { Session } from '../store/repositories/sessions.js';

export const SESSION_COOKIE = 'hq_session';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    user: User | null;
    session: Session | null;
    device: Device | null;
    /** Why a presented credential was not accepted (pending or revoked device, expired session). */
    authProblem: DomainError | null;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (!header) return null;
  const m = /^Bearer\s+([A-Za-z0-9_\-.~+/=]{16,200})$/.exec(header);
  return m ? m[1]! : null;
}

export default fp(
  async function authPlugin(app: FastifyInstance) {
    app.decorateRequest('actor', null);
    app.decorateRequest('user', null);
    app.decorateRequest('session', null);
    app.decorateRequest('device', null);
    app.decorateRequest('authProblem', null);

    app.addHook('onRequest', async (request) => {
      if (!request.url.startsWith('/api/')) return;
      const token = bearerToken(request);
      if (token) {
        const device = await app.authService.deviceByToken(token);
        if (!device) request.authProblem = errors.deviceUnknown();
        else if (device.status === 'pending') request.authProblem = errors.devicePending();
        else if (device.status === 'revoked') request.authProblem = errors.deviceRevoked();
        else {
          request.device = device;
          request.actor = deviceActor(device);
        }
        return;
      }
      const cookie = request.cookies[SESSION_COOKIE];
      if (!cookie) return;
      const found = await app.authService.sessionUser(cookie);
      if (!found) {
        request.authProblem = errors.sessionExpired();
        return;
      }
      if (!SAFE_METHODS.has(request.method) && request.headers['x-csrf-token'] !== found.session.csrfToken) {
        // Not signed in for this request: a cross-site form cannot act with the cookie.
        request.authProblem = errors.csrf();
        return;
      }
      request.user = found.user;
      request.session = found.session;
      request.actor = userActor(found.user);
    });
  },
  { name: 'auth', dependencies: ['services'] },
);

export function setSessionCookie(reply: FastifyReply, token: string, secure: boolean): void {
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'strict',
    secure,
    path: '/',
    maxAge: SESSION_HOURS * 3600,
  });
}

export function clearSessionCookie(reply: FastifyReply, secure: boolean): void {
  reply.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'strict', secure, path: '/' });
}

/** The signed-in staff member, optionally limited to some roles. */
export function requireUser(request: FastifyRequest, roles?: readonly Role[]): User {
  if (!request.user) {
    if (request.device) throw errors.forbidden();
    throw request.authProblem ?? errors.unauthenticated();
  }
  if (roles && !roles.includes(request.user.role)) throw errors.forbidden();
  return request.user;
}

/** The calling device, optionally limited to some kinds. */
export function requireDevice(request: FastifyRequest, kinds?: readonly DeviceKind[]): Device {
  if (!request.device) {
    if (request.user) throw errors.forbidden();
    throw request.authProblem ?? errors.deviceUnknown();
  }
  if (kinds && !kinds.includes(request.device.kind)) throw errors.wrongDeviceKind();
  return request.device;
}

/** Staff (of the given roles) or a device (of the given kinds). */
export function requireActor(request: FastifyRequest, allow: { roles?: readonly Role[]; devices?: readonly DeviceKind[] }): Actor {
  if (request.user && allow.roles && allow.roles.includes(request.user.role)) return request.actor!;
  if (request.device && allow.devices && allow.devices.includes(request.device.kind)) return request.actor!;
  if (request.user || request.device) throw request.device ? errors.wrongDeviceKind() : errors.forbidden();
  throw request.authProblem ?? errors.unauthenticated();
}

export const STAFF: readonly Role[] = ['admin', 'manager', 'clerk'];
export const MANAGERS: readonly Role[] = ['admin', 'manager'];
