// GET /api/accounts/:id (profile, scores, explanation, hashtags, posts, outreach state),
// /api/accounts/:id/ego (its neighbourhood) and /api/accounts/:id/paths (warm introductions).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  accountExists,
  accountProfile,
  AccountProfile,
  egoView,
  WarmPath,
  warmPaths,
} from '../../queries/accounts.ts';
import { GraphEdge, GraphNode } from '../../queries/graph.ts';
import { HttpError } from '../plugins/errors.ts';
import { postWindow, WindowQuery } from '../../queries/window.ts';
import { AccountParams, ErrorBody, Limit, queryInvalid, sendBody, serialised } from './common.ts';

const notFound = (id: string) =>
  new HttpError(404, 'not_found', `no account ${id}`, [{ field: 'params.id', message: 'no such account' }]);

const accounts: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/accounts/:id',
    {
      schema: {
        tags: ['accounts'],
        summary: 'An account: profile, scores and why, top hashtags, recent posts, outreach state',
        params: AccountParams,
        response: { 200: AccountProfile, 404: ErrorBody },
      },
      config: { access: 'viewer' },
    },
    async (req, reply) => {
      const id = req.params.id;
      const body = await app.graphCache.get(
        `account:${id}`,
        async () => {
          const p = await accountProfile(app.db, id);
          return p ? serialised(AccountProfile, p) : null;
        },
        [`account:${id}`],
      );
      if (body === null) throw notFound(id);
      // Already checked against AccountProfile and serialised (routes/common.ts `serialised`).
      return sendBody(req, reply, body);
    },
  );

  app.get(
    '/api/accounts/:id/ego',
    {
      schema: {
        tags: ['accounts'],
        summary: 'The account and its strongest interaction partners, with the edges among them',
        description:
          'from/to and types (as on /api/graph) count only the interactions made by posts in that period ' +
          'and of those types; follows have no time, so a period or a type filter leaves them out.',
        params: AccountParams,
        querystring: z.object({ limit: Limit(500, 50), ...WindowQuery }),
        response: {
          200: z.object({ nodes: z.array(GraphNode), edges: z.array(GraphEdge) }),
          400: ErrorBody,
          404: ErrorBody,
        },
      },
      config: { access: 'viewer' },
    },
    async (req) => {
      const window = queryInvalid(() => postWindow(req.query));
      const id = req.params.id;
      // The neighbourhood changes with an analysis (the run id is in the key) or an outreach stage
      // (nodes carry it: the 'graph' tag); at 1M interactions it is a read of thousands of edges.
      const ego = await app.graphCache.get(
        `ego:${JSON.stringify({ id, limit: req.query.limit, window })}`,
        () => egoView(app.db, id, req.query.limit, window),
        ['graph', `account:${id}`],
      );
      if (!ego) throw notFound(id);
      return ego;
    },
  );

  app.get(
    '/api/accounts/:id/paths',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Warm introductions: shortest interaction paths from responded or partner accounts',
        params: AccountParams,
        querystring: z.object({
          maxHops: z.coerce.number().int().min(1).max(4).default(4),
          limit: Limit(50, 10),
        }),
        response: { 200: z.object({ items: z.array(WarmPath) }), 404: ErrorBody },
      },
      config: { access: 'viewer' },
    },
    async (req) => {
      // Paths start at responded and partner accounts, so an outreach stage change drops them
      // ('graph'). Whether the account exists is part of the cached answer, as with its profile.
      const { id } = req.params;
      const { maxHops, limit } = req.query;
      const items = await app.graphCache.get(
        `paths:${JSON.stringify({ id, maxHops, limit })}`,
        async () => {
          return (await accountExists(app.db, id)) ? warmPaths(app.db, id, maxHops, limit) : null;
        },
        ['graph', `account:${id}`],
      );
      if (items === null) throw notFound(id);
      return { items };
    },
  );
};
export default accounts;
