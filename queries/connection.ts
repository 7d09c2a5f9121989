// Where the database is. With NEO4J_URI set, that server is used and nothing is started; otherwise
// the project's local Neo4j instance (neo4j/instance.ts) on 127.0.0.1 with its generated password.
import { z } from 'zod';
import { localInstance } from '../neo4j/instance.ts';
import { Db, type DbOptions } from './db.ts';

const ExternalEnv = z.object({
  NEO4J_URI: z
    .string()
    .regex(/^(neo4j|bolt)(\+s|\+ssc)?:\/\/[^\s]+$/, 'must look like bolt://host:7687 or neo4j+s://host'),
  NEO4J_USER: z.string().min(1).default('neo4j'),
  NEO4J_PASSWORD: z.string({ error: 'is required when NEO4J_URI is set' }).min(1, 'must not be empty'),
  NEO4J_DATABASE: z.string().min(1).optional(),
});

interface Connection extends DbOptions {
  /** true when the project manages this Neo4j (neo4j/instance.ts), false for NEO4J_URI. */
  managed: boolean;
  instance?: string;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Reads the connection from the environment; throws ConfigError naming the bad variable. */
export function connectionFromEnv(env: NodeJS.ProcessEnv = process.env): Connection {
  if (env.NEO4J_URI) {
    const parsed = ExternalEnv.safeParse(env);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new ConfigError(`${String(issue.path[0])} ${issue.message}`);
    }
    const e = parsed.data;
    return {
      uri: e.NEO4J_URI,
      user: e.NEO4J_USER,
      password: e.NEO4J_PASSWORD,
      database: e.NEO4J_DATABASE,
      managed: false,
    };
  }
  const local = localInstance(env);
  return {
    uri: local.uri,
    user: 'neo4j',
    password: local.readPassword(),
    database: 'neo4j',
    managed: true,
    instance: local.name,
  };
}

export function openDb(
  conn: Connection = connectionFromEnv(),
  log?: (line: string) => void,
  retryMs?: number,
  /** The web server's limit on one read (see DbOptions.readTimeoutMs); commands have none. */
  readTimeoutMs?: number,
): Db {
  return new Db({ ...conn, log, retryMs, readTimeoutMs });
}
