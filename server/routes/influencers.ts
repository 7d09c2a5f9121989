// GET /api/influencers: the ranking (queries/influencers.ts), with the CLI's filters.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  BadCursorError,
  findInfluencers,
  InfluencerPage,
  InfluencerQuery,
  UnknownPlaceError,
} from '../../queries/influencers.ts';
import { Invalid } from '../../queries/errors.ts';
import { HttpError } from '../plugins/errors.ts';
import { ErrorBody, sendBody, serialised } from './common.ts';

const influencers: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/influencers',
    {
      schema: {
        tags: ['influencers'],
        summary:
          'Ranked influencers with the reasons (hashtag, specialty, near + radiusKm, region, role, community, ' +
          'minScore, from/to, types, sort, includeFlagged)',
        description:
          'With a hashtag or a specialty, accounts rank by influence inside that conversation (the attention ' +
          'they receive on posts carrying its hashtags, and a PageRank personalised on its authors). from/to ' +
          '(ISO dates) or types rank by the attention received in that window; sort=rising compares it with ' +
          'the window of equal length before. An unknown specialty is a 400 with the nearest known ones.',
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
        return await sendBody(req, reply, body);
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
        if (err instanceof Invalid) {
          // Fields named as the query string has them, suggestions (an unknown specialty) kept.
          const details = (err.details ?? []).map((d) =>
            d && typeof d === 'object' && 'field' in d ? { ...d, field: `query.${String(d.field)}` } : d,
          );
          throw new HttpError(400, 'bad_request', err.message, details);
        }
        throw err;
      }
    },
  );
};
export default influencers;
