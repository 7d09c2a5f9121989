// Starts the HTTP server (API + built client) on the configured host and port.
import type { FastifyInstance } from 'fastify';
import { connectionFromEnv, openDb } from '../queries/connection.ts';
import { applySchema } from '../queries/schema.ts';
import { buildApp } from './app.ts';
import { serverConfigFromEnv } from './config.ts';

export interface Running {
  app: FastifyInstance;
  url: string;
}

export async function startServer(env: NodeJS.ProcessEnv = process.env): Promise<Running> {
  const config = serverConfigFromEnv(env);
  const db = openDb(connectionFromEnv(env));
  try {
    await db.serverInfo(); // fail fast, naming the URI, when Neo4j is unreachable
    await applySchema(db);
  } catch (err) {
    await db.close();
    throw err;
  }
  const app = await buildApp({ db, logLevel: config.LOG_LEVEL, cookieSecure: config.COOKIE_SECURE });
  const address = await app.listen({ port: config.PORT, host: config.HOST });
  const url = address.replace('[::1]', 'localhost').replace('127.0.0.1', 'localhost');
  // Graceful shutdown: finish in-flight requests, close the driver.
  const shutdown = async () => {
    await app.close();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  return { app, url };
}
