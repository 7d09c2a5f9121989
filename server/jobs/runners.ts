// What each job kind runs: the analysis (queries/analysis/run.ts), the ingest pipeline
// (ingest/pipeline.ts) and the listening scan (queries/mentions.ts), the same code the `analyze`,
// `ingest` and `listen scan` commands run.
import { realpath } from 'node:fs/promises';
import path from 'node:path';
import { Invalid } from '../../queries/errors.ts';
import { PHASES, runAnalysis } from '../../queries/analysis/run.ts';
import { ingestFiles } from '../../ingest/pipeline.ts';
import { scanAfterIngest } from '../../ingest/listen.ts';
import { scanMentions } from '../../queries/mentions.ts';
import { defaultRejectsPath, RejectsFile } from '../../ingest/rejects.ts';
import { FORMATS } from '../../ingest/detect.ts';
import { z } from 'zod';
import type { Db } from '../../queries/db.ts';
import type { ReportProgress } from './store.ts';

export const AnalyzeParams = z.object({
  kind: z.literal('analyze'),
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 31 - 1)
    .optional(),
  resolution: z.number().positive().max(100).optional(),
});
export const IngestParams = z.object({
  kind: z.literal('ingest'),
  /** Files inside the import folder (CARECIRCLE_IMPORT_DIR, default ./import), relative to it. */
  files: z.array(z.string().min(1).max(500)).min(1).max(100),
  format: z.enum(['auto', ...FORMATS]).default('auto'),
});
/** Match every post against the organisation's identity again, e.g. after an admin changed it. */
export const ScanParams = z.object({ kind: z.literal('scan') });
export const JobRequest = z.discriminatedUnion('kind', [AnalyzeParams, IngestParams, ScanParams]);
export type JobRequest = z.infer<typeof JobRequest>;

export type Runner<P> = (db: Db, params: P, progress: ReportProgress) => Promise<unknown>;
export interface JobRunners {
  analyze: Runner<z.infer<typeof AnalyzeParams>>;
  ingest: Runner<z.infer<typeof IngestParams> & { paths: string[] }>;
  scan: Runner<z.infer<typeof ScanParams>>;
}

export const defaultRunners: JobRunners = {
  async analyze(db, params, progress) {
    return runAnalysis(db, {
      ...(params.seed !== undefined ? { seed: params.seed } : {}),
      ...(params.resolution !== undefined ? { resolution: params.resolution } : {}),
      // Each phase is an equal share of the bar; within a phase, done/total moves it along.
      onProgress: (p) => {
        const i = PHASES.indexOf(p.phase);
        const within = p.total > 0 ? Math.min(1, p.done / p.total) : 0;
        progress({
          phase: p.phase,
          fraction: (i + within) / PHASES.length,
          message: p.total > 0 ? `${p.done} of ${p.total}` : null,
        });
      },
    });
  },
  async ingest(db, params, progress) {
    const rejects = new RejectsFile(defaultRejectsPath());
    try {
      const summary = await ingestFiles(db, params.paths, {
        format: params.format,
        batchSize: 1000,
        dryRun: false,
        rejects,
        onProgress: (s) =>
          progress({
            phase: 'loading',
            fraction: s.bytesTotal > 0 ? Math.min(1, s.bytesRead / s.bytesTotal) : null,
            message: `${s.read} rows read`,
          }),
      });
      await scanAfterIngest(db, () => {});
      return summary;
    } finally {
      await rejects.close();
    }
  },
  async scan(db, _params, progress) {
    return scanMentions(db, {
      onProgress: ({ scanned, total }) =>
        progress({
          phase: 'matching posts',
          fraction: total > 0 ? Math.min(1, scanned / total) : null,
          message: `${scanned.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} posts read`,
        }),
    });
  },
};

/**
 * Resolves files against the import folder and refuses any that would leave it. The check is made on
 * the real path (fs.realpath: every symlink followed), so a symlink inside the folder that points
 * elsewhere is refused just like `../`; the ingest then opens that resolved path, not the name given.
 */
export async function importPaths(files: string[], importDir: string): Promise<string[]> {
  const field = 'body.files';
  let root: string;
  try {
    root = await realpath(path.resolve(importDir));
  } catch {
    throw new Invalid(`${field}: the import folder ${importDir} does not exist`, [
      { field, message: 'the import folder does not exist' },
    ]);
  }
  const out: string[] = [];
  for (const f of files) {
    const lexical = path.resolve(root, f);
    const inside = (p: string) => p !== root && p.startsWith(root + path.sep);
    if (!inside(lexical)) {
      throw new Invalid(`${field}: ${f} is outside the import folder`, [
        { field, message: `${f} is outside the import folder` },
      ]);
    }
    let real: string;
    try {
      real = await realpath(lexical);
    } catch {
      throw new Invalid(`${field}: ${f} does not exist in the import folder`, [
        { field, message: `${f} does not exist` },
      ]);
    }
    if (!inside(real)) {
      throw new Invalid(`${field}: ${f} is a link to a file outside the import folder`, [
        { field, message: `${f} leads outside the import folder` },
      ]);
    }
    out.push(real);
  }
  return out;
}
