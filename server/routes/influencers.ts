// GET /api/influencers: the ranking (queries/influencers.ts), with the CLI's filters.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  BadCursorError,
  findInfluencers,
  InfluencerPage,
  InfluencerQuery,
  UnknownPlaceError,
} from '../../queries/influencers.ts';
import { HttpError } from '../plugins/errors.ts';
import { ErrorBody, JSON_TYPE, serialised } from './common.ts';

const influencers: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/influencers',
    {
      schema: {
        tags: ['influencers'],
        summary:
          'Ranked influencers with the reasons (hashtag, specialty, near + radiusKm, region, role, community)',
        querystring: InfluencerQuery,
        response: { 200: InfluencerPage, 400: ErrorBody },
      },
      config: { access: 'viewer' },
    },
    async (req, reply) => {
      try {
        // The validated query is the key: defaults are filled in, so ?limit=50 and no limit share an answer.
        const body = await app.graphCache.get(`influencers:${JSON.stringify(req.query)}`, async () =>
          serialised(InfluencerPage, await findInfluencers(app.db, req.query)),
        );
        // Already checked against InfluencerPage and serialised (routes/common.ts `serialised`).
        return reply.type(JSON_TYPE).send(body as unknown as InfluencerPage);
      } catch (err) {
        if (err instanceof UnknownPlaceError) {
          throw new HttpError(400, 'bad_request', err.message, [
            { field: 'query.near', message: err.message },
          ]);
        }
        if (err instanceof BadCursorError) {
          throw new HttpError(400, 'bad_request', err.message, [
            { field: 'query.cursor', message: err.message },
          ]);
        }
        throw err;
      }
    },
  );
};
export default influencers;
