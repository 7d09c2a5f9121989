// GET /api/audit (admin): the append-only log, newest first, paged by sequence number.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AuditEntry, listAudit } from '../audit/log.ts';
import { Limit } from './common.ts';

const audit: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/audit',
    {
      schema: {
        tags: ['audit'],
        summary: 'The audit log: who, when, what, before and after',
        querystring: z.object({
          actor: z.string().max(64).optional(),
          target: z.string().max(400).optional(),
          before: z.coerce.number().int().min(1).optional().describe('entries older than this seq'),
          limit: Limit(500, 100),
        }),
        response: { 200: z.object({ items: z.array(AuditEntry), next: z.number().int().nullable() }) },
      },
      config: { access: 'admin' },
    },
    async (req) => {
      const items = await listAudit(app.db, req.query);
      const last = items.at(-1);
      return { items, next: items.length === req.query.limit && last ? last.seq : null };
    },
  );
};
export default audit;
