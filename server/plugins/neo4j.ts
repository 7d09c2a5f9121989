// Owns the Db for the server's lifetime: opened at start, schema applied, closed onClose.
import fp from 'fastify-plugin';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../queries/db.ts';

declare module 'fastify' {
  interface FastifyInstance {
    db: Db;
  }
}

export default fp(
  async (app: FastifyInstance, opts: { db: Db }) => {
    app.decorate('db', opts.db);
    app.addHook('onClose', async () => {
      await opts.db.close();
      app.log.info('neo4j driver closed');
    });
  },
  { name: 'neo4j' },
);
