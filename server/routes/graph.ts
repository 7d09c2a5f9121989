// GET /api/graph: nodes and edges for Sigma, capped. A graph larger than the cap comes back as
// community super-nodes (aggregated: true); ?community= opens one community into its members;
// ?from/to/types draw only the interactions of that period and of those types (queries/window.ts).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { communityParam, GraphView, graphView } from '../../queries/graph.ts';
import { postWindow, WindowQuery } from '../../queries/window.ts';
import { ErrorBody, queryInvalid, sendBody, serialised } from './common.ts';

const graph: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/graph',
    {
      schema: {
        tags: ['graph'],
        summary: 'The graph to draw (aggregated into communities when larger than cap)',
        description:
          'from/to (ISO dates or times; a day as `to` counts through its end) and types (mention, reply, ' +
          'repost, quote) keep only the interactions made by posts in that period and of those types: the ' +
          'accounts that took part, most active first, or their communities when more than cap took part ' +
          '(counted in whole UTC days from what the last analysis stored; window.from/to say which days). ' +
          'Follows have no time, so a period or a type filter leaves them out; without one, edges are ' +
          'every interaction, follows included.',
        querystring: z.object({
          cap: z.coerce.number().int().min(1).max(20_000).default(2000),
          community: z.string().min(1).max(100).optional(),
          ...WindowQuery,
        }),
        response: { 200: GraphView, 400: ErrorBody },
      },
      config: { access: 'viewer' },
    },
    async (req, reply) => {
      const window = queryInvalid(() => postWindow(req.query));
      const q = { cap: req.query.cap, community: communityParam(req.query.community), window };
      // Changes only with an analysis (the run id is in the key) or an outreach stage ('graph' tag).
      const body = await app.graphCache.get(
        `graph:${JSON.stringify(q)}`,
        async () => serialised(GraphView, await graphView(app.db, q)),
        ['graph'],
      );
      return sendBody(req, reply, body);
    },
  );
};
export default graph;
