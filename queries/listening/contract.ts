// Shapes shared by the listening side (identity, mentions, triage, replies), defined once: the server
// validates with them, the CLI prints them, the client imports their types.
import { STAGES } from '../contract.ts';
import { z } from 'zod';

export const Category = z.enum(['complaint', 'praise', 'question', 'clinical_safety', 'other']);
export type Category = z.infer<typeof Category>;

export const Sentiment = z.enum(['negative', 'neutral', 'positive']);
export type Sentiment = z.infer<typeof Sentiment>;

export const TriageState = z.enum(['new', 'assigned', 'responded', 'resolved', 'no_action']);
export type TriageState = z.infer<typeof TriageState>;

/** States still waiting for a first public answer: the SLA clock runs for them. */
export const OPEN_STATES: readonly TriageState[] = ['new', 'assigned'];

const term = z
  .string()
  .trim()
  .min(2, 'must be at least 2 characters')
  .max(200, 'must be at most 200 characters');

/** How long a first response may take, per category, and whether only business hours count. */
const SlaTarget = z.object({
  hours: z
    .number()
    .positive()
    .max(24 * 30),
  businessHoursOnly: z.boolean(),
});
type SlaTarget = z.infer<typeof SlaTarget>;

export const BusinessHours = z.object({
  /** IANA zone the working day is counted in. */
  zone: z.string().min(1).max(64),
  /** Hours of the day, 0-24, [start, end). */
  start: z.number().int().min(0).max(23),
  end: z.number().int().min(1).max(24),
  /** ISO weekdays, 1 = Monday … 7 = Sunday. */
  days: z.array(z.number().int().min(1).max(7)).min(1).max(7),
});
export type BusinessHours = z.infer<typeof BusinessHours>;

export const Sla = z.object({
  targets: z.record(Category, SlaTarget),
  businessHours: BusinessHours,
});
export type Sla = z.infer<typeof Sla>;

// Clinical-safety concerns (self-harm, an adverse event) cannot wait for Monday: their clock runs
// around the calendar; the rest count business hours.
export const DEFAULT_SLA: Sla = {
  targets: {
    clinical_safety: { hours: 1, businessHoursOnly: false },
    complaint: { hours: 4, businessHoursOnly: true },
    question: { hours: 8, businessHoursOnly: true },
    praise: { hours: 16, businessHoursOnly: true },
    other: { hours: 24, businessHoursOnly: true },
  },
  businessHours: { zone: 'America/New_York', start: 9, end: 17, days: [1, 2, 3, 4, 5] },
};

/** The lists an admin edits: what names us, what only looks like us, what we may publish in replies. */
export const IdentityList = z.enum([
  'accounts',
  'names',
  'nicknames',
  'physicians',
  'campuses',
  'hashtags',
  'exclusions',
  'contacts',
]);
export type IdentityList = z.infer<typeof IdentityList>;

export const Identity = z.object({
  accounts: z.array(term).max(200).default([]),
  names: z.array(term).max(200).default([]),
  nicknames: z.array(term).max(200).default([]),
  physicians: z.array(term).max(1000).default([]),
  campuses: z.array(term).max(200).default([]),
  hashtags: z.array(term).max(200).default([]),
  exclusions: z.array(term).max(500).default([]),
  contacts: z.array(term).max(50).default([]),
  sla: Sla.default(DEFAULT_SLA),
});
export type Identity = z.infer<typeof Identity>;
export type IdentityInput = z.input<typeof Identity>;

/** Why a post is in the inbox. */
export const MatchReason = z.object({
  kind: z.enum(['mention', 'reply', 'quote', 'name', 'nickname', 'physician', 'campus', 'hashtag', 'handle']),
  /** The account id, or the term as configured. */
  value: z.string(),
});
export type MatchReason = z.infer<typeof MatchReason>;

const OutreachStage = z.enum(STAGES).nullable();

export const MentionAuthor = z.object({
  id: z.string(),
  handle: z.string().nullable(),
  name: z.string().nullable(),
  followers: z.number().nullable(),
  score: z.number().nullable(),
  community: z.number().nullable(),
  communityLabel: z.string().nullable(),
  /** The outreach relationship's stage when the author is in the pipeline. */
  outreachStage: OutreachStage,
});
export type MentionAuthor = z.infer<typeof MentionAuthor>;

const SentReply = z.object({
  text: z.string(),
  url: z.string(),
  by: z.string(),
  at: z.string(),
});

export const MentionSummary = z.object({
  postId: z.string(),
  platform: z.string().nullable(),
  text: z.string().nullable(),
  url: z.string().nullable(),
  createdAt: z.string().nullable(),
  receivedAt: z.string(),
  lang: z.string().nullable(),
  sentiment: Sentiment,
  sentimentScore: z.number(),
  category: Category,
  /** The health-specific cues that decided the category, in plain words. */
  cues: z.array(z.string()),
  reasons: z.array(MatchReason),
  state: TriageState,
  owner: z.string().nullable(),
  dueAt: z.string().nullable(),
  overdue: z.boolean(),
  firstResponseAt: z.string().nullable(),
  reach: z.number().int(),
  author: MentionAuthor,
  escalated: z.boolean(),
});
export type MentionSummary = z.infer<typeof MentionSummary>;

export const Amplifier = z.object({
  postId: z.string(),
  type: z.enum(['repost', 'quote']),
  at: z.string().nullable(),
  text: z.string().nullable(),
  account: MentionAuthor,
});
export type Amplifier = z.infer<typeof Amplifier>;

export const MentionDetail = MentionSummary.extend({
  reason: z.string().nullable(),
  draft: z.string().nullable(),
  sentReply: SentReply.nullable(),
  amplifiers: z.array(Amplifier),
  /** Cumulative reach by day: reposts and quotes up to the end of that day. */
  reachOverTime: z.array(z.object({ day: z.string(), reach: z.number().int() })),
  escalatedTo: z.array(z.string()),
});
export type MentionDetail = z.infer<typeof MentionDetail>;

export const Notification = z.object({
  id: z.string(),
  user: z.string(),
  postId: z.string(),
  reason: z.string(),
  at: z.string(),
  readAt: z.string().nullable(),
});
export type Notification = z.infer<typeof Notification>;

/** One refused phrase in a draft reply: where it is, why, and what to say instead. */
export const ReplyProblem = z.object({
  field: z.string(),
  guard: z.enum(['phi', 'patient_confirmation']),
  kind: z.string(),
  start: z.number().int(),
  end: z.number().int(),
  /** The refused words themselves (a patient-confirmation phrase is ours, not the patient's data); null for PHI. */
  phrase: z.string().nullable(),
  message: z.string(),
  suggestion: z.string(),
});
export type ReplyProblem = z.infer<typeof ReplyProblem>;

const WeekRow = z.object({
  week: z.string(),
  total: z.number().int(),
  sentiment: z.record(Sentiment, z.number().int()),
  categories: z.record(Category, z.number().int()),
});
export const Weekly = z.object({
  weeks: z.array(WeekRow),
  themes: z.array(z.object({ theme: z.string(), count: z.number().int() })),
  pipelineAuthors: z.array(
    z.object({
      id: z.string(),
      handle: z.string().nullable(),
      stage: z.string(),
      mentions: z.number().int(),
    }),
  ),
});
export type Weekly = z.infer<typeof Weekly>;
