// Admin jobs: POST /api/jobs {kind: 'analyze' | 'ingest' | 'scan', …} → 202 with the job; GET /api/jobs/:id
// for its progress; GET /api/jobs for the recent ones.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { recordAudit } from '../../queries/audit.ts';
import { importPaths, JobRequest, type JobRunners } from '../jobs/runners.ts';
import { ImportFile, listImportFolder } from '../jobs/import-folder.ts';
import { Job, JobBusyError, JobsClosedError, type JobStore } from '../jobs/store.ts';
import { currentUser } from '../plugins/auth.ts';
import { HttpError } from '../plugins/errors.ts';
import { ErrorBody } from './common.ts';

interface JobRouteOptions {
  jobs: JobStore;
  runners: JobRunners;
  importDir: string;
}

const jobs: FastifyPluginAsyncZod<JobRouteOptions> = async (app, opts) => {
  // Graceful shutdown: let a running job finish before the driver closes. serve.ts drains the
  // jobs before app.close(), because Fastify gives a close hook only pluginTimeout (10 s) and an
  // ingest under load can take longer; this hook covers a close called any other way.
  app.addHook('preClose', async () => {
    await opts.jobs.drain();
  });

  app.post(
    '/api/jobs',
    {
      schema: {
        tags: ['jobs'],
        summary: 'Start an analysis, an ingest or a listening scan (admin)',
        body: JobRequest,
        response: { 202: Job, 400: ErrorBody, 409: ErrorBody, 503: ErrorBody },
      },
      config: { access: 'admin' },
    },
    async (req, reply) => {
      const actor = currentUser(req).name;
      const body = req.body;
      let job: Job;
      try {
        if (body.kind === 'analyze') {
          job = opts.jobs.start('analyze', actor, { ...body }, (progress) =>
            // A finished job changed the graph: cached rankings and profiles are out of date.
            opts.runners.analyze(app.db, body, progress).finally(() => {
              app.graphCache.clear();
              app.inboxCache.changed(); // the inbox shows its authors' scores and communities
            }),
          );
        } else if (body.kind === 'scan') {
          job = opts.jobs.start('scan', actor, { ...body }, (progress) =>
            opts.runners.scan(app.db, body, progress).finally(() => app.inboxCache.changed()),
          );
        } else {
          const paths = await importPaths(body.files, opts.importDir);
          job = opts.jobs.start('ingest', actor, { ...body }, (progress) =>
            opts.runners.ingest(app.db, { ...body, paths }, progress).finally(() => {
              app.graphCache.clear();
              app.inboxCache.changed();
            }),
          );
        }
      } catch (err) {
        if (err instanceof JobBusyError) {
          throw new HttpError(409, 'conflict', err.message, { job: err.running.id });
        }
        if (err instanceof JobsClosedError) throw new HttpError(503, 'unavailable', err.message);
        throw err;
      }
      await recordAudit(app.db, {
        actor,
        action: 'job.start',
        target: `job:${job.id}`,
        before: null,
        after: body,
      });
      return reply.code(202).send(job);
    },
  );

  app.get(
    '/api/jobs/import-files',
    {
      schema: {
        tags: ['jobs'],
        summary:
          'The files an ingest job can read: the import folder (CARECIRCLE_IMPORT_DIR), listed (admin)',
        response: {
          200: z.object({
            folder: z.string(),
            items: z.array(ImportFile),
            truncated: z.boolean().describe('more files than are listed'),
            missing: z.boolean().describe('the import folder does not exist'),
          }),
        },
      },
      config: { access: 'admin' },
    },
    async () => listImportFolder(opts.importDir),
  );

  app.get(
    '/api/jobs/:id',
    {
      schema: {
        tags: ['jobs'],
        summary: "A job's status and progress (admin)",
        params: z.object({ id: z.uuid('must be a job id') }),
        response: { 200: Job, 404: ErrorBody },
      },
      config: { access: 'admin' },
    },
    async (req) => {
      const job = opts.jobs.get(req.params.id);
      if (!job) throw new HttpError(404, 'not_found', `no job ${req.params.id}`);
      return job;
    },
  );

  app.get(
    '/api/jobs',
    {
      schema: {
        tags: ['jobs'],
        summary: 'Recent jobs (admin)',
        response: { 200: z.object({ items: z.array(Job) }) },
      },
      config: { access: 'admin' },
    },
    async () => ({ items: opts.jobs.list() }),
  );
};
export default jobs;
