import type { FastifyPluginAsync } from 'fastify';
import { Type } from 'typebox';
import { errors } from '../../common/domain/errors.js';
import { publicUser } from '../services/auth-service.js';
import { clearSessionCookie, requireUser, setSessionCookie } from '../plugins/auth.js';
import { errorResponses } from './common.js';

/** Staff sign-in with a session cookie (HttpOnly, SameSite=Strict) and a CSRF token. */
const auth: FastifyPluginAsync<{ cookieSecure: boolean; loginLimit: number }> = async (app, opts) => {
  app.post(
    '/auth/login',
    {
      config: { rateLimit: { max: opts.loginLimit, timeWindow: 60_000 } },
      schema: {
        tags: ['auth'],
        summary: 'Staff sign-in; sets the session cookie and returns the CSRF token',
        body: Type.Object({
          username: Type.String({ minLength: 1, maxLength: 64 }),
          password: Type.String({ minLength: 1, maxLength: 256 }),
        }),
        response: { ...errorResponses, 429: Type.Ref('ApiError') },
      },
    },
    async (request, reply) => {
      const { username, password } = request.body as { username: string; password: string };
      try {
        const { user, token, session } = await app.authService.login(username, password);
        setSessionCookie(reply, token, opts.cookieSecure);
        request.log.info({ userId: user.id }, 'staff signed in');
        return { user: publicUser(user), csrfToken: session.csrfToken, expiresAt: session.expiresAt };
      } catch (err) {
        // Logged without the password or the name typed, which may be personal data (or a
        // password typed into the wrong field).
        const { code, details } = err as { code?: string; details?: { remainingAttempts?: number } };
        request.log.warn({ ip: request.ip, code }, 'sign-in refused');
        if (code === 'bad_credentials' && details?.remainingAttempts === 0) {
          // The name matched an account (that is why it could lock): the account's id, not the name.
          const user = await app.store.read((tx) => tx.users.byUsername(username.trim()));
          request.log.warn({ ip: request.ip, userId: user?.id ?? null }, 'account locked after repeated failed sign-ins');
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
      if (request.session) app.io.in(`session:${request.session.tokenHash.slice(0, 24)}`).disconnectSockets(true);
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
      const hallId = user.hallId;
      const windows = await app.store.read(async (tx) => {
        const permitted = new Set(await tx.windows.permittedWindowIds(user.id));
        const all = hallId === null ? [] : await tx.windows.list(hallId);
        return all
          .filter((w) => w.enabled && (user.role !== 'clerk' || permitted.has(w.id) || w.backupClerkId === user.id))
          .map((w) => ({
            id: w.id,
            number: w.number,
            name: w.name,
            status: w.status,
            clerkId: w.clerkId,
            backup: w.backupClerkId === user.id,
          }));
      });
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
