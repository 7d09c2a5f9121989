// POST /api/auth/login, POST /api/auth/logout, GET /api/auth/me, POST /api/auth/password.
//
// Sign-in is limited twice over, both counted before any password is hashed (each hash costs 32 MiB
// and tens of milliseconds, so unlimited attempts would also be a way to load the server):
// - per user name in its normal form (queries/users.ts normaliseUserName: NFKC, trimmed, lower case,
//   the same form the lookup uses), so " name", "NAME" and "\tname" share one budget, whatever
//   address they come from;
// - per client address, so one address cannot try many names. Behind a reverse proxy the address is
//   the proxy's unless TRUST_PROXY names it (server/config.ts), in which case X-Forwarded-For is used.
import rateLimit from '@fastify/rate-limit';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { decoyHash, verifyPassword } from '../auth/password.ts';
import { Role } from '../auth/roles.ts';
import { changeOwnPassword, findUser, normaliseUserName } from '../../queries/users.ts';
import { currentUser } from '../plugins/auth.ts';
import { HttpError } from '../plugins/errors.ts';
import { ErrorBody } from './common.ts';

const LoginBody = z.object({
  username: z.string().min(1, 'is required').max(64),
  password: z.string().min(1, 'is required').max(256),
});

export const Me = z.object({
  user: z.object({ name: z.string(), role: Role }),
  csrfToken: z.string().describe('send it back in the x-csrf-token header on every write'),
});
export type Me = z.infer<typeof Me>;

const ChangePasswordBody = z.object({
  currentPassword: z.string().min(1, 'is required').max(256),
  password: z.string().min(1, 'is required').max(256),
});

interface AuthRouteOptions {
  /** Sign-in attempts allowed per user name per minute (default 10). */
  loginAttemptsPerMinute?: number;
  /** Sign-in attempts allowed per client address per minute (default 10 times the per-name limit). */
  loginAttemptsPerAddressPerMinute?: number;
}

const auth: FastifyPluginAsyncZod<AuthRouteOptions> = async (app, opts) => {
  await app.register(rateLimit, { global: false });
  const perName = opts.loginAttemptsPerMinute ?? 10;
  const byName = app.createRateLimit({
    max: perName,
    timeWindow: 60_000,
    keyGenerator: (req: FastifyRequest) => {
      const body = req.body as { username?: unknown } | undefined;
      return `name|${normaliseUserName(String(body?.username ?? ''))}`;
    },
  });
  const byAddress = app.createRateLimit({
    max: opts.loginAttemptsPerAddressPerMinute ?? perName * 10,
    timeWindow: 60_000,
    keyGenerator: (req: FastifyRequest) => `ip|${req.ip}`,
  });
  // A stolen session must not be a way to guess the current password either.
  const byUser = app.createRateLimit({
    max: perName,
    timeWindow: 60_000,
    keyGenerator: (req: FastifyRequest) => `user|${req.session?.user.name ?? ''}`,
  });
  const refuseIfExceeded = (r: Awaited<ReturnType<typeof byName>>, reply: FastifyReply) => {
    if (r.isAllowed || !r.isExceeded) return;
    reply.header('retry-after', String(r.ttlInSeconds));
    throw new HttpError(
      429,
      'too_many_requests',
      `too many sign-in attempts; try again in ${Math.ceil(r.ttl / 1000)} s`,
    );
  };

  app.post(
    '/api/auth/login',
    {
      schema: {
        tags: ['auth'],
        summary: 'Sign in: sets the HttpOnly session cookie and returns the CSRF token',
        body: LoginBody,
        response: { 200: Me, 401: ErrorBody, 429: ErrorBody },
      },
      config: { access: 'public' },
      // After the body is parsed (the name is in it), before anything is hashed. Both budgets are
      // counted on every attempt, so neither can be spent without the other noticing.
      preHandler: async (req, reply) => {
        const [address, name] = [await byAddress(req), await byName(req)];
        refuseIfExceeded(address, reply);
        refuseIfExceeded(name, reply);
      },
    },
    async (req, reply) => {
      const user = await findUser(app.db, req.body.username);
      // Hash even when the user does not exist, so response time does not reveal valid names.
      const ok = await verifyPassword(req.body.password, user?.passwordHash ?? (await decoyHash()));
      // A disabled user gets the same answer as a wrong password: the name's state is not revealed.
      if (!user || !ok || user.disabled) {
        // The name is logged only when it is a real account: a password typed into the username
        // field must not land in the log.
        req.log.info({ username: user ? user.name : null }, 'sign-in refused');
        throw new HttpError(401, 'unauthorized', 'wrong username or password');
      }
      if (req.session) app.endSession(req, reply);
      const s = app.startSession(reply, { name: user.name, role: user.role }, user.sessionEpoch);
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

  app.post(
    '/api/auth/password',
    {
      schema: {
        tags: ['auth'],
        summary:
          'Change my own password (the current one is required); every other session of mine ends, ' +
          'this one is renewed with a new CSRF token',
        body: ChangePasswordBody,
        response: { 200: Me, 400: ErrorBody, 403: ErrorBody },
      },
      config: { access: 'viewer' },
      preHandler: async (req, reply) => {
        refuseIfExceeded(await byUser(req), reply);
      },
    },
    async (req, reply) => {
      const me = currentUser(req);
      const { sessionEpoch } = await changeOwnPassword(
        app.db,
        me.name,
        req.body.currentPassword,
        req.body.password,
      );
      app.endSession(req, reply);
      const s = app.startSession(reply, { name: me.name, role: me.role }, sessionEpoch);
      return { user: s.user, csrfToken: s.csrfToken };
    },
  );
};
export default auth;
