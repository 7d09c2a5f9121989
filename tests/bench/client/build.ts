// Builds the benchmark page (index.html → page.ts) with the app's own Vite settings into
// dist/bench-client, in production mode (React's development build would measure the wrong thing).
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { productionBuild } from '../../../server/client-build.ts';

const here = fileURLToPath(new URL('.', import.meta.url));
export const benchPageDir = fileURLToPath(new URL('../../../dist/bench-client/', import.meta.url));

export async function buildBenchPage(): Promise<void> {
  await productionBuild({
    configFile: false,
    root: here,
    plugins: [react()],
    base: './',
    logLevel: 'warn',
    build: { outDir: benchPageDir, emptyOutDir: true, chunkSizeWarningLimit: 4000 },
  });
}
