// POST /api/auth/login, POST /api/auth/logout, GET /api/auth/me.
import rateLimit from '@fastify/rate-limit';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { decoyHash, verifyPassword } from '../auth/password.ts';
import { Role } from '../auth/roles.ts';
import { findUser } from '../auth/users.ts';
import { HttpError } from '../plugins/errors.ts';
import { ErrorBody } from './common.ts';

export const LoginBody = z.object({
  username: z.string().min(1, 'is required').max(64),
  password: z.string().min(1, 'is required').max(256),
});

export const Me = z.object({
  user: z.object({ name: z.string(), role: Role }),
  csrfToken: z.string().describe('send it back in the x-csrf-token header on every write'),
});
export type Me = z.infer<typeof Me>;

export interface AuthRouteOptions {
  /** Sign-in attempts allowed per address and username per minute. */
  loginAttemptsPerMinute?: number;
}

const auth: FastifyPluginAsyncZod<AuthRouteOptions> = async (app, opts) => {
  await app.register(rateLimit, { global: false });

  app.post(
    '/api/auth/login',
    {
      schema: {
        tags: ['auth'],
        summary: 'Sign in: sets the HttpOnly session cookie and returns the CSRF token',
        body: LoginBody,
        response: { 200: Me, 401: ErrorBody, 429: ErrorBody },
      },
      config: {
        access: 'public',
        rateLimit: {
          max: opts.loginAttemptsPerMinute ?? 10,
          timeWindow: 60_000,
          // After the body is parsed, so the limit is per address *and* username: one attacker
          // cannot lock everyone out, and one account cannot be guessed at from one address.
          hook: 'preHandler',
          keyGenerator: (req) => {
            const body = req.body as { username?: unknown } | undefined;
            return `${req.ip}|${String(body?.username ?? '').toLowerCase()}`;
          },
          errorResponseBuilder: (_req, ctx) =>
            new HttpError(
              429,
              'too_many_requests',
              `too many sign-in attempts; try again in ${Math.ceil(ctx.ttl / 1000)} s`,
            ),
        },
      },
    },
    async (req, reply) => {
      const user = await findUser(app.db, req.body.username.trim());
      // Hash even when the user does not exist, so response time does not reveal valid names.
      const ok = await verifyPassword(req.body.password, user?.passwordHash ?? (await decoyHash()));
      if (!user || !ok) {
        // The name is logged only when it is a real account: a password typed into the username
        // field must not land in the log.
        req.log.info({ username: user ? user.name : null }, 'sign-in refused');
        throw new HttpError(401, 'unauthorized', 'wrong username or password');
      }
      if (req.session) app.endSession(req, reply);
      const s = app.startSession(reply, { name: user.name, role: user.role });
      req.log.info({ username: user.name, role: user.role }, 'signed in');
      return { user: s.user, csrfToken: s.csrfToken };
    },
  );

  app.post(
    '/api/auth/logout',
    {
      schema: { tags: ['auth'], summary: 'Sign out', response: { 204: z.null() } },
      config: { access: 'viewer' },
    },
    async (req, reply) => {
      app.endSession(req, reply);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/auth/me',
    {
      schema: { tags: ['auth'], summary: 'Who is signed in', response: { 200: Me } },
      config: { access: 'viewer' },
    },
    async (req) => ({ user: req.session!.user, csrfToken: req.session!.csrfToken }),
  );
};
export default auth;
