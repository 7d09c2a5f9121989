// The server refuses to move a relationship to an earlier stage unless the request says it is
// confirmed (409 with the current stage in details). Views use this to ask the person first.
import { ApiError } from '../api/http.ts';
import { STAGES, type Stage } from '../api/types.ts';

/** The stage the account is already at, when `err` is that refusal; null for any other error. */
export function stageAhead(err: unknown): Stage | null {
  if (!(err instanceof ApiError) || err.status !== 409) return null;
  const current = (err.details[0] as { current?: unknown } | undefined)?.current;
  return STAGES.find((s) => s === current) ?? null;
}
