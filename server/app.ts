// Builds the Fastify app: plugins first (database, errors, docs), then the routes, then the built
// client. Tests build it with their own Db; `serve` builds it with the configured one.
import Fastify, { type FastifyInstance, type RouteOptions } from 'fastify';
import fastifyStatic from '@fastify/static';
import helmet from '@fastify/helmet';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Db } from '../queries/db.ts';
import neo4jPlugin from './plugins/neo4j.ts';
import cachePlugin from './plugins/cache.ts';
import errorsPlugin from './plugins/errors.ts';
import authPlugin from './plugins/auth.ts';
import { contentSecurityPolicy } from './plugins/csp.ts';
import healthRoutes from './routes/health.ts';
import authRoutes from './routes/auth.ts';
import userRoutes from './routes/users.ts';
import accountRoutes from './routes/accounts.ts';
import influencerRoutes from './routes/influencers.ts';
import communityRoutes from './routes/communities.ts';
import hashtagRoutes from './routes/hashtags.ts';
import graphRoutes from './routes/graph.ts';
import outreachRoutes from './routes/outreach.ts';
import auditRoutes from './routes/audit.ts';
import purgeRoutes from './routes/purge.ts';
import jobRoutes from './routes/jobs.ts';
import chatRoutes from './routes/chats.ts';
import listeningRoutes from './routes/listening.ts';
import watchRoutes from './routes/watches.ts';
import { WatchScheduler, type SchedulerOptions } from '../collect/scheduler.ts';
import { archiveDirFromEnv } from '../collect/archive.ts';
import { defaultRunners, type JobRunners } from './jobs/runners.ts';
import { JobStore } from './jobs/store.ts';
import { SessionStore } from './auth/sessions.ts';
import type { GraphCacheOptions } from './graph/cache.ts';

const clientDist = fileURLToPath(new URL('../dist/client/', import.meta.url));

export interface AppOptions {
  db: Db;
  logLevel?: string;
  cookieSecure?: boolean;
  /** Sign-in attempts per user name per minute (default 10). */
  loginAttemptsPerMinute?: number;
  /** Sign-in attempts per client address per minute (default 10 times the per-name limit). */
  loginAttemptsPerAddressPerMinute?: number;
  /** Fastify's trustProxy: which proxies' X-Forwarded-* headers count (server/config.ts TRUST_PROXY). */
  trustProxy?: false | number | string;
  /** Session lifetimes; ignored when `sessions` is given. */
  sessionIdleMs?: number;
  sessionAbsoluteMs?: number;
  sessions?: SessionStore;
  /** Where the JSON logs go (default stdout); tests capture them to check what is never logged. */
  logStream?: { write(line: string): void };
  /** What analysis and ingest jobs run (default: the real ones). */
  jobRunners?: JobRunners;
  /** The folder ingest jobs may read from (default CARECIRCLE_IMPORT_DIR or ./import). */
  importDir?: string;
  /** Called for every route as it is registered; tests use it to check the OpenAPI document lists them all. */
  onRoute?: (route: RouteOptions) => void;
  /** How long ranking and profile answers are reused (graph/cache.ts). */
  cache?: GraphCacheOptions;
  /** The clock the mentions inbox counts first-response targets with (tests inject one). */
  now?: () => Date;
  /**
   * The collection scheduler (collect/scheduler.ts). Off unless `periodic` is true (`serve` sets it from
   * CARECIRCLE_COLLECT_SCHEDULER); "run now" works either way. Tests inject the clock and the runner.
   */
  collect?: Partial<Omit<SchedulerOptions, 'db' | 'log'>>;
}

declare module 'fastify' {
  interface FastifyInstance {
    watchScheduler: WatchScheduler;
    /** The running and recent jobs; shutdown drains them (serve.ts). */
    jobs: JobStore;
  }
}

export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: {
      level: opts.logLevel ?? 'info',
      // Never log secrets or outreach text, wherever they appear in a logged object.
      redact: {
        paths: [
          'req.headers.cookie',
          'req.headers.authorization',
          'req.headers["x-csrf-token"]',
          'res.headers["set-cookie"]',
          'password',
          'note',
          '*.password',
          '*.note',
          '*.nextStep',
        ],
        censor: '[redacted]',
      },
      ...(opts.logStream ? { stream: opts.logStream } : {}),
    },
    bodyLimit: 1_048_576,
    // A number of hops becomes proxy-addr's "trust the first n" function (what Fastify does with one).
    trustProxy: trustProxyOption(opts.trustProxy),
  }).withTypeProvider<ZodTypeProvider>();
  if (opts.onRoute) app.addHook('onRoute', opts.onRoute);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  // Security headers (nosniff, referrer policy …) and a strict content security policy (plugins/csp.ts).
  await app.register(helmet, {
    contentSecurityPolicy: contentSecurityPolicy({ https: opts.cookieSecure ?? false }),
  });
  await app.register(neo4jPlugin, { db: opts.db });
  await app.register(cachePlugin, { options: opts.cache });
  await app.register(errorsPlugin);
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Carecircle API',
        version: '0.1.0',
        description:
          'Healthcare influencer graph and outreach. Sign in with POST /api/auth/login (HttpOnly session ' +
          'cookie); send the returned csrfToken in the x-csrf-token header on every write.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'cc_session' },
          csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token' },
        },
      },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  // The validator badge would load an image from validator.swagger.io, which the CSP does not allow.
  await app.register(swaggerUi, { routePrefix: '/api/docs', uiConfig: { validatorUrl: null } });

  await app.register(authPlugin, {
    cookieSecure: opts.cookieSecure ?? false,
    sessions:
      opts.sessions ?? new SessionStore({ idleMs: opts.sessionIdleMs, absoluteMs: opts.sessionAbsoluteMs }),
  });

  await app.register(healthRoutes);
  await app.register(authRoutes, {
    loginAttemptsPerMinute: opts.loginAttemptsPerMinute,
    loginAttemptsPerAddressPerMinute: opts.loginAttemptsPerAddressPerMinute,
  });
  await app.register(userRoutes);
  await app.register(influencerRoutes);
  await app.register(communityRoutes);
  await app.register(accountRoutes);
  await app.register(hashtagRoutes);
  await app.register(graphRoutes);
  await app.register(outreachRoutes);
  await app.register(auditRoutes);
  await app.register(purgeRoutes);
  await app.register(chatRoutes);
  await app.register(listeningRoutes, { now: opts.now });
  const scheduler = new WatchScheduler({
    periodic: false,
    runOptions: () => ({ archiveDir: archiveDirFromEnv() }),
    ...opts.collect,
    db: opts.db,
    log: (level, msg, extra) => app.log[level](extra ?? {}, msg),
  });
  app.decorate('watchScheduler', scheduler);
  await app.register(watchRoutes, { scheduler });
  const jobs = new JobStore();
  app.decorate('jobs', jobs);
  await app.register(jobRoutes, {
    jobs,
    runners: opts.jobRunners ?? defaultRunners,
    importDir: opts.importDir ?? process.env.CARECIRCLE_IMPORT_DIR ?? 'import',
  });

  if (existsSync(clientDist)) {
    await app.register(fastifyStatic, { root: clientDist, wildcard: false });
  }
  return app;
}

function trustProxyOption(v: AppOptions['trustProxy']) {
  if (typeof v !== 'number') return v ?? false;
  return (_addr: string, hop: number) => hop < v;
}
