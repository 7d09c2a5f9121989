// GET /api/health: open to everyone; says whether Neo4j answers and which version it is.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';

const HealthSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  neo4j: z.object({
    reachable: z.boolean(),
    version: z.string().nullable(),
    edition: z.string().nullable(),
    message: z.string().optional(),
  }),
});

const health: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/health',
    {
      schema: {
        tags: ['system'],
        summary: 'Server and database health',
        response: { 200: HealthSchema, 503: HealthSchema },
      },
      config: { access: 'public' },
    },
    async (_req, reply) => {
      try {
        const info = await app.db.serverInfo();
        return {
          status: 'ok' as const,
          neo4j: { reachable: true, version: info.version, edition: info.edition },
        };
      } catch (err) {
        return reply.code(503).send({
          status: 'degraded' as const,
          neo4j: { reachable: false, version: null, edition: null, message: (err as Error).message },
        });
      }
    },
  );
};
export default health;
