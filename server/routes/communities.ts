// GET /api/communities and /api/communities/:id: what the last analysis found (queries/communities.ts).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  Community,
  CommunityDetail,
  CommunityNumber,
  CommunityLimit,
  getCommunity,
  listCommunities,
} from '../../queries/communities.ts';
import { HttpError } from '../plugins/errors.ts';
import { ErrorBody } from './common.ts';

const communities: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/communities',
    {
      schema: {
        tags: ['communities'],
        summary: 'Communities from the last analysis, largest first',
        querystring: z.object({ limit: CommunityLimit }),
        response: { 200: z.object({ items: z.array(Community) }) },
      },
      config: { access: 'viewer' },
    },
    // Communities change only with an analysis, whose run id is in the cache key.
    async (req) =>
      app.graphCache.get(`communities:${req.query.limit}`, async () => ({
        items: await listCommunities(app.db, req.query.limit),
      })),
  );

  app.get(
    '/api/communities/:id',
    {
      schema: {
        tags: ['communities'],
        summary: 'One community with its top accounts',
        params: z.object({ id: CommunityNumber.max(Number.MAX_SAFE_INTEGER) }),
        response: { 200: CommunityDetail, 404: ErrorBody },
      },
      config: { access: 'viewer' },
    },
    async (req) => {
      const c = await app.graphCache.get(`community:${req.params.id}`, () =>
        getCommunity(app.db, req.params.id),
      );
      if (!c) {
        throw new HttpError(404, 'not_found', `no community ${req.params.id}`, [
          { field: 'params.id', message: 'no such community' },
        ]);
      }
      return c;
    },
  );
};
export default communities;
