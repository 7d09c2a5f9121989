// Platform credentials: from environment variables, or from a JSON file only its owner can read
// (mode 0600). They live in memory only while a run needs them: never in the graph, a log, an error
// message or an API answer; the Admin page learns only whether one is set.
import { readFileSync, statSync } from 'node:fs';
import { z } from 'zod';
import type { Platform } from './watches.ts';

export interface BlueskyLogin {
  identifier: string;
  password: string;
}

export interface Tokens {
  mastodon?: string;
  x?: string;
  bluesky?: BlueskyLogin;
}

const TokenFile = z.object({
  mastodon: z.string().min(1).optional(),
  x: z.string().min(1).optional(),
  bluesky: z.object({ identifier: z.string().min(1), password: z.string().min(1) }).optional(),
});

export class TokenFileError extends Error {
  override name = 'TokenFileError';
}

const DEFAULT_TOKEN_FILE = '.carecircle/tokens.json';

/** Reads the tokens: environment variables win over the file (CARECIRCLE_TOKENS_FILE). */
export function tokensFromEnv(env: NodeJS.ProcessEnv = process.env): Tokens {
  const file = env.CARECIRCLE_TOKENS_FILE ?? DEFAULT_TOKEN_FILE;
  let fromFile: Tokens = {};
  let mode: number | undefined;
  try {
    mode = statSync(file).mode;
  } catch {
    // No file: environment variables only. A path given explicitly must exist.
    if (env.CARECIRCLE_TOKENS_FILE) throw new TokenFileError(`CARECIRCLE_TOKENS_FILE ${file} does not exist`);
  }
  if (mode !== undefined) {
    if ((mode & 0o077) !== 0)
      throw new TokenFileError(
        `${file} can be read by other users (mode ${(mode & 0o777).toString(8)}); run chmod 600 ${file}`,
      );
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(file, 'utf8'));
    } catch {
      // The parser's message could quote the file's content: say only where the problem is.
      throw new TokenFileError(`${file} is not valid JSON`);
    }
    const r = TokenFile.safeParse(parsed);
    if (!r.success)
      throw new TokenFileError(
        `${file}: ${r.error.issues[0]!.path.join('.') || 'file'} ${r.error.issues[0]!.message} ` +
          '(expected {"mastodon": "...", "x": "...", "bluesky": {"identifier": "...", "password": "..."}})',
      );
    fromFile = r.data;
  }
  const t: Tokens = { ...fromFile };
  if (env.CARECIRCLE_MASTODON_TOKEN) t.mastodon = env.CARECIRCLE_MASTODON_TOKEN;
  if (env.CARECIRCLE_X_BEARER_TOKEN) t.x = env.CARECIRCLE_X_BEARER_TOKEN;
  if (env.CARECIRCLE_BLUESKY_HANDLE && env.CARECIRCLE_BLUESKY_APP_PASSWORD)
    t.bluesky = { identifier: env.CARECIRCLE_BLUESKY_HANDLE, password: env.CARECIRCLE_BLUESKY_APP_PASSWORD };
  return t;
}

/** Whether a platform has a credential, for the Admin page and `watch list`. */
export function tokenSetter(tokens: () => Tokens): (p: Platform) => boolean {
  return (p) => {
    try {
      return tokens()[p] !== undefined;
    } catch {
      return false;
    }
  };
}
