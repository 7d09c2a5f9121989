// Server configuration, checked at start against a schema; a bad value stops the server with a
// message that names the variable.
import { z } from 'zod';
import { ConfigError } from '../queries/connection.ts';

const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(5173),
  HOST: z.string().min(1).default('127.0.0.1'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Set behind HTTPS so the session cookie is Secure. */
  COOKIE_SECURE: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
});

export type ServerConfig = z.infer<typeof Env>;

export function serverConfigFromEnv(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const name = String(issue.path[0]);
    throw new ConfigError(`${name}=${JSON.stringify(env[name] ?? '')} is not valid: ${issue.message}`);
  }
  return parsed.data;
}
