// Purging a slip (admin only): a saved contact note or next step that holds patient information is
// replaced by a tombstone everywhere it was stored, audit log included. HTTP only; the work is in
// queries/purge.ts.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { currentUser } from '../plugins/auth.ts';
import { purgeContact, purgeNextStep } from '../../queries/purge.ts';
import { AccountParams, ErrorBody } from './common.ts';

const PurgeBody = z.object({
  reason: z.string().trim().min(1, 'is required').max(500).describe('why, in plain words (no PHI)'),
});

const PurgeResult = z.object({
  target: z.string(),
  accountId: z.string(),
  fields: z.array(z.enum(['note', 'outcome', 'nextStep'])),
  sha256: z.record(z.string(), z.string()),
  auditEntriesRedacted: z.number().int(),
  purgedAt: z.string(),
  purgedBy: z.string(),
});

const purge: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/outreach/contacts/:id/purge',
    {
      schema: {
        tags: ['outreach'],
        summary: "Purge a contact's note (and outcome): tombstone in the contact and in the audit log",
        params: z.object({ id: z.uuid({ error: 'must be a contact id' }) }),
        body: PurgeBody.extend({ outcome: z.boolean().default(false).describe('also purge the outcome') }),
        response: { 200: PurgeResult, 400: ErrorBody, 404: ErrorBody, 422: ErrorBody },
      },
      config: { access: 'admin' },
    },
    async (req) => {
      const result = await purgeContact(app.db, req.params.id, {
        actor: currentUser(req).name,
        reason: req.body.reason,
        outcome: req.body.outcome,
      });
      app.graphCache.invalidate(`account:${result.accountId}`);
      return result;
    },
  );

  app.post(
    '/api/outreach/relationships/:id/purge-next-step',
    {
      schema: {
        tags: ['outreach'],
        summary: "Purge an account's next step: tombstone in the relationship and in the audit log",
        params: AccountParams,
        body: PurgeBody,
        response: { 200: PurgeResult, 400: ErrorBody, 404: ErrorBody, 422: ErrorBody },
      },
      config: { access: 'admin' },
    },
    async (req) => {
      const result = await purgeNextStep(app.db, req.params.id, {
        actor: currentUser(req).name,
        reason: req.body.reason,
      });
      app.graphCache.invalidate(`account:${req.params.id}`);
      return result;
    },
  );
};
export default purge;
