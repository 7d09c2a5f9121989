// Sign-in enforcement for every API route, secure by default: a route declares who may use it with
// `config: { access: 'public' | 'viewer' | 'outreach' | 'admin' }`, and an /api route that forgets to
// declare it is admin-only. Checks run onRequest, before the body is validated, so an unauthenticated
// caller learns nothing about the route's input (401), and a signed-in user without the role gets 403.
//
// The session holds the user's name, not their rights: every request reads the user (role, disabled,
// session epoch) from the database (concurrent requests of one user share one read), so a role change
// takes effect at the next request and a disabled or deleted user, or one whose sessions were ended,
// is signed out at the next request.
//
// Answers to signed-in requests carry `Cache-Control: no-store`, so a shared computer's browser cache
// or a proxy never keeps what a signed-in person saw.
//
// CSRF: cookie-authenticated writes (any method but GET/HEAD/OPTIONS) must carry the session's token
// in the `x-csrf-token` header. The token is returned by login and by GET /api/auth/me (and set as
// the readable `cc_csrf` cookie); another site cannot read it, so it cannot forge the header.
import fp from 'fastify-plugin';
import cookie from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { timingSafeEqual } from 'node:crypto';
import { allows, type Role } from '../auth/roles.ts';
import { SessionStore, type Session } from '../auth/sessions.ts';
import { sessionState } from '../../queries/users.ts';
import { HttpError } from './errors.ts';
import { SingleFlight } from '../single-flight.ts';

const SESSION_COOKIE = 'cc_session';
const CSRF_COOKIE = 'cc_csrf';
const CSRF_HEADER = 'x-csrf-token';

type Access = 'public' | Role;

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    session: Session | undefined;
  }
  interface FastifyInstance {
    sessions: SessionStore;
    startSession(reply: FastifyReply, user: Session['user'], epoch: number): Session;
    endSession(req: FastifyRequest, reply: FastifyReply): void;
  }
}

/** The signed-in user; only call from routes whose access is not 'public'. */
export function currentUser(req: FastifyRequest): Session['user'] {
  if (!req.session) throw new HttpError(401, 'unauthorized', 'sign in first');
  return req.session.user;
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export default fp(
  async (app: FastifyInstance, opts: { cookieSecure?: boolean; sessions?: SessionStore }) => {
    await app.register(cookie);
    app.decorate('sessions', opts.sessions ?? new SessionStore());
    app.decorateRequest('session', undefined);

    const cookieOptions = {
      path: '/',
      sameSite: 'strict' as const,
      secure: opts.cookieSecure ?? false,
    };

    // Secure when told so, and whenever the request came over HTTPS (directly, or through a trusted
    // proxy's X-Forwarded-Proto), so the id is never sent back over plain HTTP.
    const cookieOptionsFor = (req: FastifyRequest) => ({
      ...cookieOptions,
      secure: cookieOptions.secure || req.protocol === 'https',
    });
    app.decorate('startSession', (reply: FastifyReply, user: Session['user'], epoch: number) => {
      const s = app.sessions.create(user, epoch);
      const options = cookieOptionsFor(reply.request);
      reply.setCookie(SESSION_COOKIE, s.id, { ...options, httpOnly: true });
      reply.setCookie(CSRF_COOKIE, s.csrfToken, { ...options, httpOnly: false });
      return s;
    });
    app.decorate('endSession', (req: FastifyRequest, reply: FastifyReply) => {
      app.sessions.delete(req.cookies[SESSION_COOKIE]);
      reply.clearCookie(SESSION_COOKIE, cookieOptionsFor(req));
      reply.clearCookie(CSRF_COOKIE, cookieOptionsFor(req));
    });

    // One read of a user's state serves every request of that user that arrives while it is in flight:
    // under load (32 connections of one user in bench:api) the reads otherwise queue behind each other
    // and cost more than the cached answers they guard. A request never reuses a finished read, so a
    // change committed before it arrived applies to it unless a read had already started (a window of
    // one read, about a millisecond).
    const states = new SingleFlight<Awaited<ReturnType<typeof sessionState>>>();
    const readState = (name: string) => states.run(name, () => sessionState(app.db, name));

    /** The session, if its user still exists, is enabled and has not had their sessions ended. */
    const liveSession = async (id: string | undefined): Promise<Session | undefined> => {
      const s = app.sessions.get(id);
      if (!s) return undefined;
      const state = await readState(s.user.name);
      if (!state || state.disabled || state.sessionEpoch !== s.epoch) {
        app.sessions.delete(s.id);
        return undefined;
      }
      s.user.role = state.role;
      return s;
    };

    app.addHook('onSend', async (req, reply) => {
      if (req.session || req.url.startsWith('/api/auth/')) reply.header('cache-control', 'no-store');
    });

    app.addHook('onRequest', async (req) => {
      const url = req.routeOptions.url;
      // Unknown paths fall through to the 404 handler; the docs and the web app are public.
      if (url === undefined || !url.startsWith('/api/') || url.startsWith('/api/docs')) return;
      const access: Access = req.routeOptions.config.access ?? 'admin';
      if (access === 'public') {
        // Public routes need no rights, so they do not ask the database about the user (health must
        // answer while Neo4j is away); sign-in only uses this to replace an older session.
        req.session = app.sessions.get(req.cookies[SESSION_COOKIE]);
        return;
      }
      req.session = await liveSession(req.cookies[SESSION_COOKIE]);
      if (!req.session) throw new HttpError(401, 'unauthorized', 'sign in first (POST /api/auth/login)');
      if (!allows(req.session.user.role, access)) {
        throw new HttpError(
          403,
          'forbidden',
          `this needs the ${access} role; you are signed in as ${req.session.user.role}`,
        );
      }
      if (!SAFE.has(req.method)) {
        const header = req.headers[CSRF_HEADER];
        if (typeof header !== 'string' || !sameToken(header, req.session.csrfToken)) {
          throw new HttpError(
            403,
            'csrf',
            `missing or wrong ${CSRF_HEADER} header: send the csrfToken from login or GET /api/auth/me`,
          );
        }
      }
    });
  },
  { name: 'auth', dependencies: ['errors', 'neo4j'] },
);
