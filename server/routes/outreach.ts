// Outreach: relationship stage per account, the contact log, the pipeline, "my next steps" and the
// CSV export. Free text (notes, outcomes, next steps) passes the PHI guard inside records.ts before
// anything is saved.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { currentUser } from '../plugins/auth.ts';
import {
  Contact,
  ContactBody,
  ContactEdit,
  PipelineItem,
  Relationship,
  RelationshipBody,
  Stage,
} from '../../queries/outreach/model.ts';
import {
  addContact,
  deleteContact,
  editContact,
  getRelationship,
  listContacts,
  nextSteps,
  pipeline,
  pipelinePages,
  reminders,
  setRelationship,
} from '../../queries/outreach/records.ts';
import { pipelineCsvStream } from '../outreach/csv.ts';
import { accountExists } from '../../queries/accounts.ts';
import { accountTimeline, TimelineEvent } from '../../queries/outreach/timeline.ts';
import { HttpError } from '../plugins/errors.ts';
import { UserName } from '../../queries/users.ts';
import { AccountId, AccountParams, ErrorBody, IsoDate, Limit } from './common.ts';
import { Readable } from 'node:stream';

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
      app.inboxCache.changed(); // so do the inbox's authors
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
      app.inboxCache.changed();
      return reply.code(201).send(contact);
    },
  );

  const ContactParams = z.object({ id: z.uuid({ error: 'must be a contact id' }) });

  app.patch(
    '/api/outreach/contacts/:id',
    {
      schema: {
        tags: ['outreach'],
        summary:
          'Edit a logged contact (its author or an admin; 403 otherwise). Fields left out keep their ' +
          'value; a note or outcome holding patient identifiers is refused with 422 and nothing is saved',
        params: ContactParams,
        body: ContactEdit,
        response: { 200: Contact, 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 422: ErrorBody },
      },
      config: { access: 'outreach' },
    },
    async (req) => {
      const contact = await editContact(app.db, currentUser(req), req.params.id, req.body);
      app.graphCache.invalidate(`account:${contact.accountId}`);
      return contact;
    },
  );

  app.delete(
    '/api/outreach/contacts/:id',
    {
      schema: {
        tags: ['outreach'],
        summary: 'Delete a logged contact (its author or an admin; 403 otherwise); audited',
        params: ContactParams,
        response: { 204: z.null(), 403: ErrorBody, 404: ErrorBody },
      },
      config: { access: 'outreach' },
    },
    async (req, reply) => {
      const contact = await deleteContact(app.db, currentUser(req), req.params.id);
      app.graphCache.invalidate(`account:${contact.accountId}`);
      return reply.code(204).send(null);
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
    '/api/outreach/reminders',
    {
      schema: {
        tags: ['outreach'],
        summary: 'My next steps that are overdue or due today, with both counts',
        querystring: z.object({
          today: IsoDate.optional().describe("the caller's calendar date (default: today in UTC)"),
          limit: Limit(200, 20),
        }),
        response: {
          200: z.object({
            overdue: z.number().int(),
            dueToday: z.number().int(),
            items: z.array(PipelineItem),
          }),
        },
      },
      config: { access: 'viewer' },
    },
    async (req) =>
      reminders(
        app.db,
        currentUser(req).name,
        req.query.today ?? new Date().toISOString().slice(0, 10),
        req.query.limit,
      ),
  );

  app.get(
    '/api/outreach/accounts/:id/timeline',
    {
      schema: {
        tags: ['outreach'],
        summary:
          "An account's history, newest first: stage changes, next steps, contacts and its posts that " +
          'named the organisation',
        params: AccountParams,
        querystring: z.object({ limit: Limit(500, 50) }),
        response: { 200: z.object({ items: z.array(TimelineEvent) }), 404: ErrorBody },
      },
      config: { access: 'viewer' },
    },
    async (req) => {
      if (!(await accountExists(app.db, req.params.id))) {
        throw new HttpError(404, 'not_found', `no account ${req.params.id}`, [
          { field: 'params.id', message: 'no such account' },
        ]);
      }
      return { items: await accountTimeline(app.db, req.params.id, req.query.limit) };
    },
  );

  app.get(
    '/api/outreach/export.csv',
    {
      schema: {
        tags: ['outreach'],
        summary:
          'The whole pipeline as CSV in account id order (every relationship, streamed a page at a ' +
          'time; stage and owner filter it when given)',
        querystring: PipelineQuery.omit({ limit: true }),
        produces: ['text/csv'],
        response: { 200: z.string() },
      },
      config: { access: 'viewer' },
    },
    async (req, reply) => {
      const body = Readable.from(pipelineCsvStream(pipelinePages(app.db, req.query)));
      return (
        reply
          .header('content-type', 'text/csv; charset=utf-8')
          .header('content-disposition', 'attachment; filename="outreach-pipeline.csv"')
          // A stream is piped as it is (the string schema documents the body for OpenAPI only).
          .send(body as unknown as string)
      );
    },
  );
};
export default outreach;
