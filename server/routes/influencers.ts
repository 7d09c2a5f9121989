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
import { ErrorBody } from './common.ts';

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
    async (req) => {
      try {
        // The validated query is the key: the same filters in any order or spelling share an answer.
        return await app.graphCache.get(`influencers:${JSON.stringify(req.query)}`, () =>
          findInfluencers(app.db, req.query),
        );
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
