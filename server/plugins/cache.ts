// The read caches, one of each per server, next to the database they read from: the graph cache
// (graph/cache.ts) and the mentions inbox cache (listening/inbox-cache.ts).
import fp from 'fastify-plugin';
import type { FastifyInstance } from 'fastify';
import { GraphCache, type GraphCacheOptions } from '../graph/cache.ts';
import { InboxCache } from '../listening/inbox-cache.ts';

declare module 'fastify' {
  interface FastifyInstance {
    graphCache: GraphCache;
    inboxCache: InboxCache;
  }
}

export default fp(
  async (app: FastifyInstance, opts: { options?: GraphCacheOptions | undefined }) => {
    app.decorate('graphCache', new GraphCache(app.db, opts.options));
    app.decorate('inboxCache', new InboxCache(app.db));
  },
  { name: 'graph-cache', dependencies: ['neo4j'] },
);
