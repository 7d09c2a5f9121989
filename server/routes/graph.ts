// GET /api/graph: nodes and edges for Sigma, capped. A graph larger than the cap comes back as
// community super-nodes (aggregated: true); ?community= opens one community into its members.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { communityParam, GraphView, graphView } from '../graph/views.ts';
import { JSON_TYPE, serialised } from './common.ts';

const graph: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/graph',
    {
      schema: {
        tags: ['graph'],
        summary: 'The graph to draw (aggregated into communities when larger than cap)',
        querystring: z.object({
          cap: z.coerce.number().int().min(1).max(20_000).default(2000),
          community: z.string().min(1).max(100).optional(),
        }),
        response: { 200: GraphView },
      },
      config: { access: 'viewer' },
    },
    async (req, reply) => {
      const q = { cap: req.query.cap, community: communityParam(req.query.community) };
      // Changes only with an analysis (the run id is in the key) or an outreach stage ('graph' tag).
      const body = await app.graphCache.get(
        `graph:${JSON.stringify(q)}`,
        async () => serialised(GraphView, await graphView(app.db, q)),
        ['graph'],
      );
      return reply.type(JSON_TYPE).send(body as unknown as GraphView);
    },
  );
};
export default graph;
