// Builds the web client into dist/client when it is missing or older than its sources, so
// `serve` from a fresh clone serves a current client without a separate build step.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { InlineConfig } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));

function newest(dir: string): number {
  let t = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    t = Math.max(t, entry.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

export async function ensureClientBuilt(log: (line: string) => void): Promise<void> {
  const index = path.join(root, 'dist', 'client', 'index.html');
  const sources = Math.max(
    newest(path.join(root, 'client')),
    statSync(path.join(root, 'vite.config.ts')).mtimeMs,
  );
  if (existsSync(index) && statSync(index).mtimeMs >= sources) return;
  log('Building the web client…');
  await productionBuild({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' });
}

/**
 * A Vite build in production mode. Vite picks React's development or production build from
 * NODE_ENV, which a test runner sets to 'test': what is shipped or benchmarked is always the
 * production build, and NODE_ENV is put back afterwards.
 */
export async function productionBuild(config: InlineConfig): Promise<void> {
  const { build } = await import('vite');
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ ...config, mode: 'production' });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
}
