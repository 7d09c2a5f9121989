// Outreach: relationship stage per account, the contact log, the pipeline, "my next steps" and the
// CSV export. Free text (notes, outcomes, next steps) passes the PHI guard inside records.ts before
// anything is saved.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { currentUser } from '../plugins/auth.ts';
import {
  Contact,
  ContactBody,
  PipelineItem,
  Relationship,
  RelationshipBody,
  Stage,
} from '../outreach/model.ts';
import {
  addContact,
  getRelationship,
  listContacts,
  nextSteps,
  pipeline,
  setRelationship,
} from '../outreach/records.ts';
import { pipelineCsv } from '../outreach/csv.ts';
import { UserName } from '../auth/users.ts';
import { AccountId, AccountParams, ErrorBody, Limit } from './common.ts';

const PipelineQuery = z.object({
  stage: Stage.optional(),
  owner: UserName.optional(),
  limit: Limit(5000, 500),
});

const outreach: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/outreach/relationships/:id',
    {
      schema: {
        tags: ['outreach'],
        summary: "An account's relationship (null when there is none yet)",
        params: AccountParams,
        response: { 200: z.object({ relationship: Relationship.nullable() }) },
      },
      config: { access: 'viewer' },
    },
    async (req) => ({ relationship: await getRelationship(app.db, req.params.id) }),
  );

  app.put(
    '/api/outreach/relationships/:id',
    {
      schema: {
        tags: ['outreach'],
        summary:
          'Set stage, owner, next step and due date (fields left out keep their value). Moving the stage ' +
          'back needs confirmBackwards: true (409 otherwise); only the owner or an admin re-assigns (403)',
        params: AccountParams,
        body: RelationshipBody,
        response: {
          200: Relationship,
          400: ErrorBody,
          403: ErrorBody,
          404: ErrorBody,
          409: ErrorBody,
          422: ErrorBody,
        },
      },
      config: { access: 'outreach' },
    },
    async (req) => {
      const rel = await setRelationship(app.db, currentUser(req), req.params.id, req.body);
      // The account page shows the relationship: drop its cached copy.
      app.graphCache.invalidate(`account:${req.params.id}`);
      app.graphCache.invalidate('graph'); // account nodes carry their stage
      return rel;
    },
  );

  app.post(
    '/api/outreach/contacts',
    {
      schema: {
        tags: ['outreach'],
        summary: 'Log a contact (refused with 422 when the note holds patient identifiers)',
        body: ContactBody,
        response: { 201: Contact, 404: ErrorBody, 422: ErrorBody },
      },
      config: { access: 'outreach' },
    },
    async (req, reply) => {
      const contact = await addContact(app.db, currentUser(req).name, req.body);
      app.graphCache.invalidate(`account:${req.body.accountId}`);
      app.graphCache.invalidate('graph'); // a first contact moves the stage to contacted
      return reply.code(201).send(contact);
    },
  );

  app.get(
    '/api/outreach/contacts',
    {
      schema: {
        tags: ['outreach'],
        summary: "An account's contact log, newest first",
        querystring: z.object({ accountId: AccountId, limit: Limit(500, 100) }),
        response: { 200: z.object({ items: z.array(Contact) }) },
      },
      config: { access: 'viewer' },
    },
    async (req) => ({ items: await listContacts(app.db, req.query.accountId, req.query.limit) }),
  );

  app.get(
    '/api/outreach/pipeline',
    {
      schema: {
        tags: ['outreach'],
        summary: 'Relationships by stage, soonest due first, with counts per stage',
        querystring: PipelineQuery,
        response: {
          200: z.object({ items: z.array(PipelineItem), counts: z.record(Stage, z.number().int()) }),
        },
      },
      config: { access: 'viewer' },
    },
    async (req) => {
      const items = await pipeline(app.db, req.query);
      const counts = Object.fromEntries(Stage.options.map((s) => [s, 0])) as Record<Stage, number>;
      for (const it of items) counts[it.relationship.stage]++;
      return { items, counts };
    },
  );

  app.get(
    '/api/outreach/next-steps',
    {
      schema: {
        tags: ['outreach'],
        summary: 'My next steps: relationships I own with a next step, soonest due first',
        querystring: z.object({ limit: Limit(500, 100) }),
        response: { 200: z.object({ items: z.array(PipelineItem) }) },
      },
      config: { access: 'viewer' },
    },
    async (req) => ({ items: await nextSteps(app.db, currentUser(req).name, req.query.limit) }),
  );

  app.get(
    '/api/outreach/export.csv',
    {
      schema: {
        tags: ['outreach'],
        summary: 'The pipeline as CSV',
        querystring: PipelineQuery,
        produces: ['text/csv'],
        response: { 200: z.string() },
      },
      config: { access: 'viewer' },
    },
    async (req, reply) => {
      const items = await pipeline(app.db, req.query);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="outreach-pipeline.csv"')
        .send(pipelineCsv(items));
    },
  );
};
export default outreach;
