// Starts the HTTP server (API + built client) on the configured host and port.
import type { FastifyInstance } from 'fastify';
import { connectionFromEnv, openDb } from '../queries/connection.ts';
import { SERVER_READ_TIMEOUT_MS } from '../queries/db.ts';
import { applySchema } from '../queries/schema.ts';
import { warmReads } from '../queries/warm-up.ts';
import { schedulerFromEnv } from '../collect/scheduler.ts';
import { buildApp } from './app.ts';
import { serverConfigFromEnv } from './config.ts';
import { orgContacts } from '../queries/phi/allow-list.ts';

interface Running {
  app: FastifyInstance;
  url: string;
}

export async function startServer(env: NodeJS.ProcessEnv = process.env): Promise<Running> {
  const config = serverConfigFromEnv(env);
  orgContacts(); // a bad CARECIRCLE_ORG_CONTACTS stops the server here, naming the variable
  const collect = schedulerFromEnv(env); // so does a bad CARECIRCLE_COLLECT_SCHEDULER
  const db = openDb(connectionFromEnv(env), undefined, undefined, SERVER_READ_TIMEOUT_MS);
  try {
    await db.serverInfo(); // fail fast, naming the URI, when Neo4j is unreachable
    await applySchema(db);
  } catch (err) {
    await db.close();
    throw err;
  }
  const app = await buildApp({
    db,
    logLevel: config.LOG_LEVEL,
    cookieSecure: config.COOKIE_SECURE,
    trustProxy: config.TRUST_PROXY,
    sessionIdleMs: config.SESSION_IDLE_MINUTES * 60_000,
    sessionAbsoluteMs: config.SESSION_ABSOLUTE_HOURS * 3600_000,
    collect,
  });
  const address = await app.listen({ port: config.PORT, host: config.HOST });
  // Due watches run from now on (unless CARECIRCLE_COLLECT_SCHEDULER=off); shutdown stops them.
  app.watchScheduler.start();
  app.log.info(
    { periodic: collect.periodic, pattern: collect.pattern },
    collect.periodic
      ? 'collection scheduler on'
      : 'collection scheduler off (CARECIRCLE_COLLECT_SCHEDULER=off)',
  );
  // Neo4j plans the routes' statements and reads their pages on first use: do it now, in the
  // background, rather than on the first person's clicks (queries/warm-up.ts).
  void warmReads(db).then(
    (r) =>
      r.failed.length > 0
        ? app.log.warn({ ms: r.ms, reads: r.reads, failed: r.failed }, 'warm-up: some first reads failed')
        : app.log.info({ ms: r.ms, reads: r.reads }, 'warm-up: first reads done'),
    (err: unknown) => app.log.warn({ err: (err as Error)?.message }, 'warm-up failed'),
  );
  const url = address.replace('[::1]', 'localhost').replace('127.0.0.1', 'localhost');
  // Graceful shutdown: stop accepting connections, let in-flight requests and running jobs finish,
  // close the Neo4j driver (the neo4j plugin's onClose), then exit 0. A second signal means the
  // operator does not want to wait: exit at once, with 1 because work was cut short.
  let closing = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (closing) {
      app.log.warn({ signal }, 'second signal during shutdown: exiting without waiting');
      process.exit(1);
    }
    closing = true;
    app.log.info({ signal }, 'shutting down: finishing in-flight requests and jobs');
    // New connections are refused from now on; requests already under way go on. The running
    // jobs finish next, outside Fastify's close hooks: those time out after pluginTimeout (10 s),
    // and an ingest job under load can need longer (the close then failed with exit 1, seen in
    // CI). app.close() then waits for the in-flight requests and closes the driver.
    app.server.close();
    app.jobs
      .drain()
      .then(() => app.close())
      .then(
        () => {
          app.log.info('shut down cleanly');
          process.exit(0);
        },
        (err: unknown) => {
          app.log.error({ err }, 'shutdown failed');
          process.exit(1);
        },
      );
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  return { app, url };
}
