// Server configuration, checked at start against a schema; a bad value stops the server with a
// message that names the variable.
import { isIP } from 'node:net';
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
  /**
   * Which reverse proxies may say who the client is (X-Forwarded-For, X-Forwarded-Proto): unset or
   * `false` trusts none (the socket address counts); a number trusts that many hops; otherwise a
   * comma-separated list of proxy addresses or CIDR ranges. `true` (trust anyone) is refused, since
   * any client could then pick its own address and escape the sign-in limit.
   */
  TRUST_PROXY: z
    .string()
    .default('false')
    .transform((v, ctx): false | number | string => {
      const t = v.trim();
      if (t === '' || t === 'false') return false;
      if (/^\d+$/.test(t) && +t >= 1 && +t <= 10) return +t;
      const parts = t.split(',').map((p) => p.trim());
      const ok = parts.every((p) => {
        const [ip, bits, more] = p.split('/');
        if (more !== undefined || !ip || !isIP(ip)) return false;
        return bits === undefined || (/^\d+$/.test(bits) && +bits <= (isIP(ip) === 4 ? 32 : 128));
      });
      if (!ok || t === 'true') {
        ctx.addIssue({
          code: 'custom',
          message:
            "must be false, a number of proxy hops (1-10), or the proxies' addresses / CIDR ranges separated by commas",
        });
        return z.NEVER;
      }
      return parts.join(',');
    }),
  /** Sign out after this many minutes without a request. */
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
  /** Sign out this many hours after signing in, however active the session. */
  SESSION_ABSOLUTE_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(7 * 24)
    .default(12),
});

type ServerConfig = z.infer<typeof Env>;

export function serverConfigFromEnv(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const name = String(issue.path[0]);
    throw new ConfigError(`${name}=${JSON.stringify(env[name] ?? '')} is not valid: ${issue.message}`);
  }
  return parsed.data;
}
