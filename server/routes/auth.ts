import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { errors } from '../../common/domain/errors.js';
import { clearSessionCookie, requireUser, setSessionCookie } from '../plugins/auth.js';
import { rooms } from '../plugins/realtime.js';
import { LoginBody } from '../schemas/auth.js';
import { errorResponses, limitedErrorResponses } from '../schemas/common.js';
import { publicUser } from '../services/auth-service.js';

/** Staff sign-in with a session cookie (HttpOnly, SameSite=Strict) and a CSRF token. */
const auth: FastifyPluginAsyncTypebox<{ cookieSecure: boolean; loginLimit: number }> = async (app, opts) => {
  app.post(
    '/auth/login',
    {
      config: { rateLimit: { max: opts.loginLimit, timeWindow: 60_000 } },
      schema: {
        tags: ['auth'],
        summary: 'Staff sign-in; sets the session cookie and returns the CSRF token',
        body: LoginBody,
        response: limitedErrorResponses,
      },
    },
    async (request, reply) => {
      const { username, password } = request.body;
      try {
        const { user, token, session } = await app.authService.login(username, password);
        setSessionCookie(reply, token, opts.cookieSecure);
        request.log.info({ userId: user.id }, 'staff signed in');
        return { user: publicUser(user), csrfToken: session.csrfToken, expiresAt: session.expiresAt };
      } catch (err) {
        // Logged without the password or the name typed (auth-service.ts: signInRefusal).
        const refusal = await app.authService.signInRefusal(err, username);
        request.log.warn({ ip: request.ip, code: refusal.code }, 'sign-in refused');
        if (refusal.locked) {
          request.log.warn({ ip: request.ip, userId: refusal.userId }, 'account locked after repeated failed sign-ins');
        }
        throw err;
      }
    },
  );

  app.post(
    '/auth/logout',
    { schema: { tags: ['auth'], summary: 'Sign out; ends the session and its realtime connections' } },
    async (request, reply) => {
      requireUser(request);
      const token = request.cookies.hq_session;
      if (token) await app.authService.logout(token);
      if (request.session) app.io.in(rooms.session(request.session.tokenHash)).disconnectSockets(true);
      clearSessionCookie(reply, opts.cookieSecure);
      return { ok: true };
    },
  );

  app.get(
    '/auth/me',
    {
      schema: {
        tags: ['auth'],
        summary: 'The signed-in staff member, the windows they may staff, and the CSRF token',
        response: errorResponses,
      },
    },
    async (request) => {
      const user = requireUser(request);
      const windows = await app.authService.windowsFor(user);
      if (!request.session) throw errors.unauthenticated();
      return {
        user: publicUser(user),
        csrfToken: request.session.csrfToken,
        windows,
        signedInWindowId: windows.find((w) => w.clerkId === user.id)?.id ?? null,
      };
    },
  );
};
export default auth;
