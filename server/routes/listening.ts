// Listening and service recovery over HTTP: the organisation's identity (admin), the mentions inbox,
// triage, safe replies, escalation notices and the weekly view (a rescan of every post is a job:
// POST /api/jobs {kind: 'scan'}, as its cost grows with the graph). HTTP only: queries/identity.ts and
// queries/mentions.ts decide; their errors become 4xx in the one error handler.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { currentUser } from '../plugins/auth.ts';
import { UserName } from '../../queries/users.ts';
import { addTerms, getIdentity, removeTerms, setEscalation, setIdentity } from '../../queries/identity.ts';
import {
  Category,
  Identity,
  IdentityList,
  MentionDetail,
  MentionSummary,
  Notification,
  ReplyProblem,
  Sentiment,
  TriageState,
  Weekly,
} from '../../queries/listening/contract.ts';
import {
  assignMentions,
  checkDraft,
  listNotifications,
  markSent,
  mentionDetail,
  mentionSummaries,
  readMention,
  readMentions,
  readNotification,
  saveDraft,
  setMentionState,
  weekly,
} from '../../queries/mentions.ts';
import { ErrorBody, type JsonBody, Limit, sendBody, serialised } from './common.ts';

/** Post ids are `<platform>:<id>`, like account ids. */
const PostId = z
  .string()
  .min(3, 'must look like <platform>:<id>')
  .max(300, 'is too long')
  .regex(/^[a-z][a-z0-9-]*:.+$/, 'must look like <platform>:<id>, e.g. x:12345');
const MentionParams = z.object({ id: PostId });
const ReplyText = z.string().trim().min(1, 'is empty').max(2000, 'must be at most 2000 characters');
const ReplyUrl = z
  .url({ protocol: /^https?$/, error: 'must be the http(s) link of the posted reply' })
  .max(2000);

const ListQuery = z.object({
  view: z.enum(['open', 'all']).default('open'),
  mine: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  owner: UserName.optional(),
  category: Category.optional(),
  state: TriageState.optional(),
  sentiment: Sentiment.optional(),
  limit: Limit(200, 50),
  offset: z.coerce.number().int().min(0).max(10_000).default(0),
});

const MentionList = z.object({ items: z.array(MentionSummary) });

/**
 * A cached inbox answer, shaped and serialised for one moment and reused while no mention's
 * first-response target falls between that moment and now (only then can an overdue flag change).
 * Keyed by the cached read, so it goes when the read does.
 */
interface Shaped {
  from: string;
  body: JsonBody;
}
const shapedBodies = new WeakMap<object, Shaped>();

function shapedBody(
  read: object,
  dues: (string | null)[],
  at: Date,
  shape: (at: Date) => JsonBody,
): JsonBody {
  const t = at.toISOString();
  const memo = shapedBodies.get(read);
  // overdue is `dueAt < now` (queries/mentions.ts): it differs between two moments only for a dueAt
  // in [from, t), or in [t, from) when the clock went back (tests move it).
  const [lo, hi] = memo && memo.from <= t ? [memo.from, t] : [t, memo?.from ?? t];
  if (memo && !dues.some((d) => d !== null && d >= lo && d < hi)) return memo.body;
  const body = shape(at);
  shapedBodies.set(read, { from: t, body });
  return body;
}

const dueOf = (row: Record<string, unknown>) =>
  ((row.mention as Record<string, unknown> | undefined)?.dueAt as string | null | undefined) ?? null;

interface ListeningOptions {
  /** The clock (tests inject one to check first-response targets). */
  now?: (() => Date) | undefined;
}

const listening: FastifyPluginAsyncZod<ListeningOptions> = async (app, opts) => {
  const now = opts.now ?? (() => new Date());
  /** A write to mentions through this server: the inbox cache reads its token again (inbox-cache.ts). */
  const changed = async <T>(write: Promise<T>): Promise<T> => {
    try {
      return await write;
    } finally {
      app.inboxCache.changed();
    }
  };

  app.get(
    '/api/identity',
    {
      schema: {
        tags: ['listening'],
        summary:
          "The organisation's identity: accounts, names, physicians, campuses, hashtags, exclusions, SLA",
        response: { 200: Identity },
      },
      config: { access: 'viewer' },
    },
    async () => getIdentity(app.db),
  );

  app.put(
    '/api/identity',
    {
      schema: {
        tags: ['listening'],
        summary: 'Replace the identity (lists and first-response targets)',
        body: Identity,
        response: { 200: Identity, 400: ErrorBody },
      },
      config: { access: 'admin' },
    },
    async (req) => setIdentity(app.db, currentUser(req).name, req.body),
  );

  app.post(
    '/api/identity/:list',
    {
      schema: {
        tags: ['listening'],
        summary: 'Add terms to one identity list',
        params: z.object({ list: IdentityList }),
        body: z.object({ terms: z.array(z.string()).min(1).max(100) }),
        response: { 200: Identity, 400: ErrorBody },
      },
      config: { access: 'admin' },
    },
    async (req) => addTerms(app.db, currentUser(req).name, req.params.list, req.body.terms),
  );

  app.delete(
    '/api/identity/:list',
    {
      schema: {
        tags: ['listening'],
        summary: 'Remove a term from one identity list',
        params: z.object({ list: IdentityList }),
        querystring: z.object({ term: z.string().min(1).max(200) }),
        response: { 200: Identity, 404: ErrorBody },
      },
      config: { access: 'admin' },
    },
    async (req) => removeTerms(app.db, currentUser(req).name, req.params.list, [req.query.term]),
  );

  app.put(
    '/api/users/:name/escalation',
    {
      schema: {
        tags: ['listening'],
        summary: 'Whether a user is told at once about clinical-safety mentions',
        params: z.object({ name: UserName }),
        body: z.object({ on: z.boolean() }),
        response: { 200: z.object({ name: z.string(), escalation: z.boolean() }), 404: ErrorBody },
      },
      config: { access: 'admin' },
    },
    async (req) => setEscalation(app.db, currentUser(req).name, req.params.name, req.body.on),
  );

  app.get(
    '/api/mentions',
    {
      schema: {
        tags: ['listening'],
        summary:
          'The inbox: open mentions due soonest first (overdue on top), or all newest first; mine=true is my queue',
        querystring: ListQuery,
        response: { 200: MentionList },
      },
      config: { access: 'viewer' },
    },
    async (req, reply) => {
      const q = req.query;
      const owner = q.mine ? currentUser(req).name : q.owner;
      const query = { ...q, owner };
      const rows = await app.inboxCache.get(`list:${JSON.stringify(query)}`, () =>
        readMentions(app.db, query),
      );
      const body = shapedBody(rows, rows.map(dueOf), now(), (at) =>
        serialised(MentionList, { items: mentionSummaries(rows, at) }),
      );
      // Checked against the response schema when shaped (routes/common.ts `serialised`).
      return sendBody(req, reply, body);
    },
  );

  app.get(
    '/api/mentions/weekly',
    {
      schema: {
        tags: ['listening'],
        summary:
          'Mentions per week: volume, sentiment, categories, top complaint themes, authors in the pipeline',
        querystring: z.object({ weeks: z.coerce.number().int().min(1).max(104).default(12) }),
        response: { 200: Weekly },
      },
      config: { access: 'viewer' },
    },
    async (req) => weekly(app.db, req.query.weeks, now()),
  );

  app.post(
    '/api/mentions/assign',
    {
      schema: {
        tags: ['listening'],
        summary: 'Assign one or many mentions to an owner (bulk assign)',
        body: z.object({ postIds: z.array(PostId).min(1).max(500), owner: UserName }),
        response: { 200: z.object({ assigned: z.number() }), 400: ErrorBody, 404: ErrorBody },
      },
      config: { access: 'outreach' },
    },
    async (req) =>
      changed(assignMentions(app.db, currentUser(req).name, req.body.postIds, req.body.owner, now())),
  );

  app.get(
    '/api/mentions/:id',
    {
      schema: {
        tags: ['listening'],
        summary: 'A mention with who reposted and quoted it, reach over time, triage and reply',
        params: MentionParams,
        response: { 200: MentionDetail, 404: ErrorBody },
      },
      config: { access: 'viewer' },
    },
    async (req, reply) => {
      const read = await app.inboxCache.get(`mention:${req.params.id}`, () =>
        readMention(app.db, req.params.id),
      );
      const body = shapedBody(read, [dueOf(read.row)], now(), (at) =>
        serialised(MentionDetail, mentionDetail(read, at)),
      );
      return sendBody(req, reply, body);
    },
  );

  app.put(
    '/api/mentions/:id/state',
    {
      schema: {
        tags: ['listening'],
        summary: 'Move a mention: new, assigned, resolved, or no_action with a reason',
        params: MentionParams,
        body: z.object({ state: TriageState, reason: z.string().max(500).optional() }),
        response: { 200: MentionDetail, 400: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody },
      },
      config: { access: 'outreach' },
    },
    async (req) => changed(setMentionState(app.db, currentUser(req).name, req.params.id, req.body, now())),
  );

  app.put(
    '/api/mentions/:id/draft',
    {
      schema: {
        tags: ['listening'],
        summary: 'Save the draft reply (refused with 422 when it holds a patient identifier)',
        params: MentionParams,
        body: z.object({ text: ReplyText }),
        response: { 200: MentionDetail, 404: ErrorBody, 422: ErrorBody },
      },
      config: { access: 'outreach' },
    },
    async (req) => changed(saveDraft(app.db, currentUser(req).name, req.params.id, req.body.text, now())),
  );

  app.post(
    '/api/mentions/:id/reply/check',
    {
      schema: {
        tags: ['listening'],
        summary: 'Check a reply against the PHI and patient-confirmation guards without saving it',
        params: MentionParams,
        body: z.object({ text: ReplyText }),
        response: { 200: z.object({ ok: z.boolean(), problems: z.array(ReplyProblem) }) },
      },
      config: { access: 'outreach' },
    },
    async (req) => {
      const problems = await checkDraft(app.db, req.body.text);
      return { ok: problems.length === 0, problems };
    },
  );

  app.post(
    '/api/mentions/:id/reply/sent',
    {
      schema: {
        tags: ['listening'],
        summary:
          'Record the reply posted on the platform, with its link (422 naming the phrase when a guard refuses it; nothing saved)',
        params: MentionParams,
        body: z.object({ text: ReplyText, url: ReplyUrl }),
        response: { 200: MentionDetail, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody },
      },
      config: { access: 'outreach' },
    },
    async (req) => changed(markSent(app.db, currentUser(req).name, req.params.id, req.body, now())),
  );

  app.get(
    '/api/notifications',
    {
      schema: {
        tags: ['listening'],
        summary: 'My escalation notices (clinical-safety mentions), unread first',
        querystring: z.object({ limit: Limit(200, 50) }),
        response: { 200: z.object({ items: z.array(Notification) }) },
      },
      config: { access: 'viewer' },
    },
    async (req) => ({ items: await listNotifications(app.db, currentUser(req).name, req.query.limit) }),
  );

  app.post(
    '/api/notifications/:id/read',
    {
      schema: {
        tags: ['listening'],
        summary: 'Mark one of my notices as read',
        params: z.object({ id: z.uuid() }),
        response: { 200: Notification, 404: ErrorBody },
      },
      config: { access: 'viewer' },
    },
    async (req) => readNotification(app.db, currentUser(req).name, req.params.id, now()),
  );
};
export default listening;
