// Outreach records: one Relationship per account (stage, owner, next step, due date) and the dated
// contact log. Kept in their own labels, linked to Account by accountId, so `reset` of the social
// graph leaves them alone.
import { CHANNELS, STAGES } from '../contract.ts';
import { z } from 'zod';
import { AccountId, IsoDate } from '../../server/routes/common.ts';
import { UserName } from '../users.ts';

export const Stage = z.enum(STAGES);
export type Stage = z.infer<typeof Stage>;

const Channel = z.enum(CHANNELS);

export const Relationship = z.object({
  accountId: z.string(),
  stage: Stage,
  owner: z.string().nullable(),
  nextStep: z.string().nullable(),
  dueDate: z.string().nullable(),
  updatedAt: z.string(),
  updatedBy: z.string(),
});
export type Relationship = z.infer<typeof Relationship>;

export const RelationshipBody = z.object({
  stage: Stage,
  owner: UserName.nullable().optional(),
  nextStep: z.string().trim().min(1).max(500).nullable().optional(),
  dueDate: IsoDate.nullable().optional(),
  /** Required to move a relationship to an earlier stage (e.g. responded → to follow). */
  confirmBackwards: z.boolean().optional(),
});
export type RelationshipBody = z.infer<typeof RelationshipBody>;

export const Contact = z.object({
  id: z.string(),
  accountId: z.string(),
  at: z.string(),
  channel: Channel,
  note: z.string(),
  outcome: z.string().nullable(),
  by: z.string(),
  createdAt: z.string(),
  /** Set when an admin purged the note (it then holds a tombstone). */
  purgedAt: z.string().nullable().optional(),
  /** Set when the author or an admin edited the contact after logging it. */
  updatedAt: z.string().nullable().optional(),
  updatedBy: z.string().nullable().optional(),
});
export type Contact = z.infer<typeof Contact>;

export const ContactBody = z.object({
  accountId: AccountId,
  at: z.iso.datetime({ offset: true, error: 'must be an ISO 8601 date-time, e.g. 2025-03-31T14:00:00Z' }),
  channel: Channel,
  note: z.string().trim().min(1, 'is required').max(5000),
  outcome: z.string().trim().max(500).nullable().optional(),
});
export type ContactBody = z.infer<typeof ContactBody>;

/** An edit of a logged contact: the fields given replace the stored ones, the rest stay. */
export const ContactEdit = z
  .object({
    at: ContactBody.shape.at.optional(),
    channel: Channel.optional(),
    note: ContactBody.shape.note.optional(),
    outcome: ContactBody.shape.outcome,
  })
  .refine((b) => Object.values(b).some((v) => v !== undefined), {
    error: 'give at least one of at, channel, note, outcome',
  });
export type ContactEdit = z.infer<typeof ContactEdit>;

export const PipelineItem = z.object({
  relationship: Relationship,
  handle: z.string().nullable(),
  name: z.string().nullable(),
  score: z.number().nullable().optional(),
  lastContactAt: z.string().nullable().optional(),
  contacts: z.number().int().optional(),
});
export type PipelineItem = z.infer<typeof PipelineItem>;
