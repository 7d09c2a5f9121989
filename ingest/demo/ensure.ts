// The README's run command shows real-looking data at once: when the graph has no Account yet, the
// default demo network is generated (seeded, so everyone sees the same one) and loaded.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { hasAccounts } from '../../queries/social-graph.ts';
import type { Db } from '../../queries/db.ts';
import { ingestFiles, type Summary } from '../pipeline.ts';
import { defaultRejectsPath, RejectsFile } from '../rejects.ts';
import { generateDemo } from './generate.ts';

const DEMO_SEED = 42;
const DEMO_ACCOUNTS = 2000;

/** Loads the demo network into an empty graph; returns the ingest summary, or null when data was there. */
export async function ensureDemoData(
  db: Db,
  log: (line: string) => void,
  opts: { accounts?: number; seed?: number } = {},
): Promise<Summary | null> {
  if (await hasAccounts(db)) return null;
  const accounts = opts.accounts ?? DEMO_ACCOUNTS;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'carecircle-demo-'));
  try {
    log(`loading the demo network (${accounts.toLocaleString('en-US')} accounts)…`);
    const demo = await generateDemo({ outDir: dir, accounts, seed: opts.seed ?? DEMO_SEED, chats: true });
    const rejects = new RejectsFile(defaultRejectsPath());
    const summary = await ingestFiles(db, demo.files, {
      format: 'csv',
      batchSize: 5000,
      dryRun: false,
      rejects,
    });
    await rejects.close();
    log(
      `demo network loaded: ${summary.loaded.toLocaleString('en-US')} rows in ${summary.seconds.toFixed(1)} s`,
    );
    return summary;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
