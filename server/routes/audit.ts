// GET /api/audit (admin): the append-only log, newest first, paged by sequence number, filtered by who,
// what and when.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AuditEntry, listAudit } from '../../queries/audit.ts';
import { IsoDate, Limit } from './common.ts';

/** The instant a calendar day starts (UTC), and the one the day after starts. */
const dayStart = (d: string) => `${d}T00:00:00.000Z`;
const nextDayStart = (d: string) => {
  const t = new Date(`${d}T00:00:00.000Z`);
  t.setUTCDate(t.getUTCDate() + 1);
  return t.toISOString();
};

const audit: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/audit',
    {
      schema: {
        tags: ['audit'],
        summary: 'The audit log: who, when, what, before and after (filter by who, what and when)',
        querystring: z
          .object({
            actor: z.string().max(64).optional().describe('who made the change'),
            target: z.string().max(400).optional().describe('what it was about, e.g. account:x:123'),
            action: z
              .string()
              .regex(
                /^[a-z_]+(\.[a-z_]+)?$/,
                'must be an action like contact.update, or a family like contact',
              )
              .max(64)
              .optional(),
            from: IsoDate.optional().describe('on or after this day (UTC)'),
            to: IsoDate.optional().describe('on or before this day (UTC)'),
            before: z.coerce.number().int().min(1).optional().describe('entries older than this seq'),
            limit: Limit(500, 100),
          })
          .refine((q) => !q.from || !q.to || q.from <= q.to, {
            error: 'must not be before from',
            path: ['to'],
          }),
        response: { 200: z.object({ items: z.array(AuditEntry), next: z.number().int().nullable() }) },
      },
      config: { access: 'admin' },
    },
    async (req) => {
      const q = req.query;
      const items = await listAudit(app.db, {
        ...q,
        from: q.from ? dayStart(q.from) : undefined,
        until: q.to ? nextDayStart(q.to) : undefined,
      });
      const last = items.at(-1);
      return { items, next: items.length === q.limit && last ? last.seq : null };
    },
  );
};
export default audit;
