// GET /api/hashtags: the most used hashtags and which appear together (or, with ?tag=, what one
// hashtag co-occurs with).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { normaliseHashtag } from '../../queries/model.ts';
import { HashtagItem, HashtagPair, hashtagCooccurrence } from '../../queries/hashtags.ts';
import { Limit } from './common.ts';

const hashtags: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/hashtags',
    {
      schema: {
        tags: ['hashtags'],
        summary: 'Hashtag co-occurrence',
        querystring: z.object({
          tag: z
            .string()
            .max(141)
            .transform((t, ctx) => {
              const n = normaliseHashtag(t);
              if (n === null)
                ctx.addIssue({ code: 'custom', message: 'must be a hashtag, e.g. t1d or #T1D' });
              return n ?? '';
            })
            .optional(),
          limit: Limit(200, 30),
          spam: z
            .enum(['exclude', 'include'])
            .default('exclude')
            .describe('hashtags flagged as spam by analysis are left out unless `include` (each says why)'),
        }),
        response: { 200: z.object({ items: z.array(HashtagItem), pairs: z.array(HashtagPair) }) },
      },
      config: { access: 'viewer' },
    },
    // Stored by analysis: the same answer until the next run (whose id is in the cache key).
    async (req) =>
      app.graphCache.get(`hashtags:${JSON.stringify(req.query)}`, () =>
        hashtagCooccurrence(app.db, req.query),
      ),
  );
};
export default hashtags;
