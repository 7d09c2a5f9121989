// The columns analysis writes on an Account are listed once (queries/contract.ts ACCOUNT_COLUMNS);
// the Cypher that writes them and the Cypher that reads them back are text, so this checks that each
// statement names exactly those columns: adding one to the list without writing it, or writing one
// the list does not have, fails here.
import { describe, expect, it } from 'vitest';
import { loadCypher } from '../../queries/cypher.ts';
import { ACCOUNT_COLUMNS, ACCOUNT_SIGNAL_COLUMNS } from '../../queries/contract.ts';
import { ScoreColumns } from '../../queries/account-columns.ts';

const columns = Object.keys(ACCOUNT_COLUMNS).sort();
const signals = Object.keys(ACCOUNT_SIGNAL_COLUMNS).sort();
/** The properties a statement SETs on `a`. */
const setOnAccount = (cypher: string) => [...cypher.matchAll(/\ba\.(\w+)\s*=/g)].map((m) => m[1]!).sort();
/** The names a statement returns with `AS name`. */
const returned = (cypher: string) => new Set([...cypher.matchAll(/\bAS\s+(\w+)/g)].map((m) => m[1]!));
/** The properties a map projection `a {.x, .y}` takes. */
const projected = (cypher: string) => new Set([...cypher.matchAll(/\.(\w+)\s*[,}]/g)].map((m) => m[1]!));

describe('the analysis columns of an Account', () => {
  it('are exactly what the write-back writes', () => {
    expect(setOnAccount(loadCypher('analysis/write-accounts').text)).toEqual(columns);
    expect(setOnAccount(loadCypher('analysis/write-signals').text)).toEqual(signals);
  });

  it('are all read back by both export statements', () => {
    for (const name of ['analysis/export-page', 'analysis/export-page-window']) {
      const names = returned(loadCypher(name).text);
      expect(
        columns.filter((c) => !names.has(c)),
        name,
      ).toEqual([]);
    }
  });

  it('include every score and signal the account page reads', () => {
    const names = projected(loadCypher('accounts/get').text);
    const wanted = [...Object.keys(ScoreColumns.shape), ...signals, 'community', 'role', 'specialties'];
    expect(wanted.filter((c) => !names.has(c))).toEqual([]);
  });
});
