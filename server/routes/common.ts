// Schemas shared by several routes: the error body and the common parameters.
import { z } from 'zod';

export const ErrorBody = z.object({
  error: z.string(),
  message: z.string(),
  details: z.unknown().optional(),
});

/** Account ids are `<platform>:<id>`; bounded so a huge id is a 400, not a slow query. */
export const AccountId = z
  .string()
  .min(3, 'must look like <platform>:<id>')
  .max(300, 'is too long')
  .regex(/^[a-z][a-z0-9-]*:.+$/, 'must look like <platform>:<id>, e.g. x:12345');

export const AccountParams = z.object({ id: AccountId });

export const Limit = (max: number, dflt: number) => z.coerce.number().int().min(1).max(max).default(dflt);

/** A calendar date, YYYY-MM-DD, that exists. */
export const IsoDate = z.iso.date('must be a date like 2025-03-31');
