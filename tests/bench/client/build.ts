// Builds the benchmark page (index.html → page.ts) with the app's own Vite settings into
// dist/bench-client, in production mode (React's development build would measure the wrong thing).
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';

const here = fileURLToPath(new URL('.', import.meta.url));
export const benchPageDir = fileURLToPath(new URL('../../../dist/bench-client/', import.meta.url));

export async function buildBenchPage(): Promise<void> {
  const { build } = await import('vite');
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      configFile: false,
      root: here,
      plugins: [react()],
      base: './',
      mode: 'production',
      logLevel: 'warn',
      build: { outDir: benchPageDir, emptyOutDir: true, chunkSizeWarningLimit: 4000 },
    });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
}
