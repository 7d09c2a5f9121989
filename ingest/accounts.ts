// "Newest non-empty value wins" (queries/README.md): decided here, in one place, from the stored view
// of an account and each new observation, so the Cypher that writes accounts only writes.
import type { Account } from '../queries/model.ts';

export const ACCOUNT_FIELDS = [
  'handle',
  'name',
  'bio',
  'location',
  'followers',
  'following',
  'verified',
  'url',
] as const;

export type AccountValues = {
  [K in (typeof ACCOUNT_FIELDS)[number] | 'observedAt']: string | number | boolean | null;
};

export function emptyValues(): AccountValues {
  return {
    handle: null,
    name: null,
    bio: null,
    location: null,
    followers: null,
    following: null,
    verified: null,
    url: null,
    observedAt: null,
  };
}

/**
 * Applies one observation. A value replaces the stored one when the observation is at least as new
 * (no observedAt on either side counts as "as new", so the later row of a file wins) and fills a
 * property that is still empty whatever its age. Returns the new values and whether anything changed.
 */
export function applyObservation(
  stored: AccountValues,
  a: Account,
): { values: AccountValues; changed: boolean } {
  const newer = (a.observedAt ?? '') >= String(stored.observedAt ?? '');
  const values = { ...stored };
  let changed = false;
  for (const k of ACCOUNT_FIELDS) {
    const v = a[k];
    if (v === undefined || v === '') continue;
    if ((newer || stored[k] === null) && stored[k] !== v) {
      values[k] = v;
      changed = true;
    }
  }
  if (a.observedAt && newer && stored.observedAt !== a.observedAt) {
    values.observedAt = a.observedAt;
    changed = true;
  }
  return { values, changed };
}

export function sameValues(a: AccountValues, b: AccountValues): boolean {
  return (Object.keys(a) as (keyof AccountValues)[]).every((k) => (a[k] ?? null) === (b[k] ?? null));
}
