// Collections (collect/): the saved watches with their last run, adding, pausing, resuming, removing
// and "run now", and a watch's run history. Reading is for every role; changes are admin-only and
// audited in the transaction that makes them (queries/watches.ts). Tokens never leave the server:
// a watch says only whether its platform has one (`tokenSet`).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { WatchScheduler } from '../../collect/scheduler.ts';
import { tokenSetter, tokensFromEnv } from '../../collect/tokens.ts';
import { Watch, WatchInput, WatchRun } from '../../collect/watches.ts';
import {
  createWatch,
  getWatch,
  listRuns,
  listWatches,
  makeDue,
  removeWatch,
  setPaused,
} from '../../queries/watches.ts';
import { currentUser } from '../plugins/auth.ts';
import { ErrorBody, Limit } from './common.ts';

interface WatchRouteOptions {
  scheduler: WatchScheduler;
}

const WatchParams = z.object({
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'must be a watch id (lower-case letters, digits, dashes)'),
});

const WatchList = z.object({
  items: z.array(Watch),
  /** Whether this server runs due watches on its own (CARECIRCLE_COLLECT_SCHEDULER). */
  scheduler: z.object({ periodic: z.boolean(), nextCheck: z.string().nullable() }),
});

const errors = { 400: ErrorBody, 404: ErrorBody };

const watches: FastifyPluginAsyncZod<WatchRouteOptions> = async (app, opts) => {
  const tokenSet = tokenSetter(() => tokensFromEnv());
  const scheduler = opts.scheduler;
  // Graceful shutdown: a running collection stops after its current page, before the driver closes.
  app.addHook('preClose', () => scheduler.stop());

  app.get(
    '/api/watches',
    {
      schema: {
        tags: ['collections'],
        summary: 'Watches with their last run (posts and interactions added, error) and next run',
        response: { 200: WatchList },
      },
      config: { access: 'viewer' },
    },
    async () => ({
      items: await listWatches(app.db, tokenSet),
      scheduler: { periodic: scheduler.periodic, nextCheck: scheduler.nextTick()?.toISOString() ?? null },
    }),
  );

  app.post(
    '/api/watches',
    {
      schema: {
        tags: ['collections'],
        summary: 'Add a watch (admin); it is due at once',
        body: WatchInput,
        response: { 201: Watch, 400: ErrorBody, 409: ErrorBody },
      },
      config: { access: 'admin' },
    },
    async (req, reply) => {
      const id = await createWatch(app.db, req.body, Date.now(), currentUser(req).name);
      return reply.code(201).send(await getWatch(app.db, tokenSet, id));
    },
  );

  for (const [action, paused] of [
    ['pause', true],
    ['resume', false],
  ] as const) {
    app.post(
      `/api/watches/:id/${action}`,
      {
        schema: {
          tags: ['collections'],
          summary: paused
            ? 'Pause a watch: it no longer runs on schedule (admin)'
            : 'Resume a paused watch; it is due at once (admin)',
          params: WatchParams,
          response: { 200: Watch, ...errors },
        },
        config: { access: 'admin' },
      },
      async (req) => {
        await setPaused(app.db, req.params.id, paused, Date.now(), currentUser(req).name);
        return getWatch(app.db, tokenSet, req.params.id);
      },
    );
  }

  app.post(
    '/api/watches/:id/run',
    {
      schema: {
        tags: ['collections'],
        summary: 'Run a watch now, in the background (admin); its last run shows the outcome',
        params: WatchParams,
        response: { 202: Watch, ...errors },
      },
      config: { access: 'admin' },
    },
    async (req, reply) => {
      await makeDue(app.db, req.params.id, Date.now(), currentUser(req).name);
      scheduler.request(req.params.id);
      return reply.code(202).send(await getWatch(app.db, tokenSet, req.params.id));
    },
  );

  app.delete(
    '/api/watches/:id',
    {
      schema: {
        tags: ['collections'],
        summary: 'Remove a watch and its run history (what it collected stays in the graph) (admin)',
        params: WatchParams,
        response: { 204: z.null(), ...errors },
      },
      config: { access: 'admin' },
    },
    async (req, reply) => {
      await removeWatch(app.db, req.params.id, currentUser(req).name);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/watches/:id/runs',
    {
      schema: {
        tags: ['collections'],
        summary: "A watch's recent runs, newest first",
        params: WatchParams,
        querystring: z.object({ limit: Limit(50, 20) }),
        response: { 200: z.object({ items: z.array(WatchRun) }), ...errors },
      },
      config: { access: 'viewer' },
    },
    async (req) => {
      await getWatch(app.db, () => false, req.params.id);
      return { items: await listRuns(app.db, req.params.id, req.query.limit) };
    },
  );
};
export default watches;
