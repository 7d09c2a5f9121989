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

/**
 * A response body checked against its schema and serialised once. Fastify sends a string with a JSON
 * content type as it is, so cached answers skip per-request validation and serialisation; the route
 * keeps its response schema for the OpenAPI document.
 */
export function serialised<S extends z.ZodType>(schema: S, value: z.input<S>): string {
  return JSON.stringify(schema.parse(value));
}
export const JSON_TYPE = 'application/json; charset=utf-8';
