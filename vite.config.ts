// One config for the client build (client/ → dist/client) and the test projects.
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

const apiPort = process.env.API_PORT ?? '5174';
// Local test Neo4j instances the integration files spread over (see tests/integration/lane.ts).
const integrationLanes = process.env.NEO4J_URI
  ? 1
  : Math.max(1, Number(process.env.CARECIRCLE_TEST_LANES ?? 2));

export default defineConfig({
  root: here('./client'),
  plugins: [react()],
  build: { outDir: here('./dist/client'), emptyOutDir: true, sourcemap: true, chunkSizeWarningLimit: 2000 },
  // `vite` in development proxies the API to a server started with PORT=5174.
  server: { proxy: { '/api': `http://127.0.0.1:${apiPort}` } },
  test: {
    root: here('.'),
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          root: here('.'),
          sequence: { groupOrder: 0 },
          // Projects that run together (same groupOrder) must have the same number of workers.
          maxWorkers: integrationLanes,
          include: ['tests/unit/**/*.test.{ts,tsx}'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          root: here('.'),
          // Both this project and e2e write to the one test database: e2e runs after, never alongside.
          sequence: { groupOrder: 0 },
          include: ['tests/integration/**/*.test.ts'],
          globalSetup: ['tests/integration/global-setup.ts'],
          // Each file empties the database it uses, so each worker has a local test Neo4j of its own
          // (tests/integration/lane.ts): two lanes unless CARECIRCLE_TEST_LANES says otherwise.
          setupFiles: [here('./tests/integration/lane.ts')],
          fileParallelism: integrationLanes > 1,
          maxWorkers: integrationLanes,
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          root: here('.'),
          sequence: { groupOrder: 1 },
          include: ['tests/e2e/**/*.test.ts'],
          // expect.poll waits for what the user would see; 1 s (vitest's default) is too short for a
          // page that refetches after a write on a busy machine.
          expect: { poll: { timeout: 15_000 } },
          globalSetup: ['tests/integration/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 180_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
