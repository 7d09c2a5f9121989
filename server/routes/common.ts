// Schemas shared by several routes: the error body and the common parameters.
import { z } from 'zod';
import { Invalid } from '../../queries/errors.ts';
import { HttpError } from '../plugins/errors.ts';

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

/**
 * Runs a check of the query string from queries/ (e.g. postWindow) and turns its `Invalid` into a 400
 * whose fields are named as the query string has them ("query.from").
 */
export function queryInvalid<T>(check: () => T): T {
  try {
    return check();
  } catch (err) {
    if (err instanceof Invalid) {
      const details = (err.details ?? []).map((d) =>
        d && typeof d === 'object' && 'field' in d ? { ...d, field: `query.${String(d.field)}` } : d,
      );
      throw new HttpError(400, 'bad_request', err.message, details);
    }
    throw err;
  }
}
