// The graph read cache (graph/cache.ts), one per server, next to the database it reads from.
import fp from 'fastify-plugin';
import type { FastifyInstance } from 'fastify';
import { GraphCache, type GraphCacheOptions } from '../graph/cache.ts';

declare module 'fastify' {
  interface FastifyInstance {
    graphCache: GraphCache;
  }
}

export default fp(
  async (app: FastifyInstance, opts: { options?: GraphCacheOptions | undefined }) => {
    app.decorate('graphCache', new GraphCache(app.db, opts.options));
  },
  { name: 'graph-cache', dependencies: ['neo4j'] },
);
