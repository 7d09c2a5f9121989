// The organisation's allow-list comes from the file CARECIRCLE_ORG_CONTACTS names; a file that is
// missing or wrong stops start-up with a message naming the variable, never a silent empty list.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadOrgContacts, OrgContactsError } from '../../../queries/phi/allow-list.ts';
import { findPhi } from '../../../queries/phi/detect.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'org-contacts-'));
const file = (name: string, text: string) => {
  const p = path.join(dir, name);
  writeFileSync(p, text);
  return p;
};

describe('CARECIRCLE_ORG_CONTACTS', () => {
  it('reads the allow-list the guard then applies', () => {
    const allow = loadOrgContacts({
      CARECIRCLE_ORG_CONTACTS: file('ok.json', JSON.stringify({ phones: ['617-555-0100'] })),
    });
    expect(allow.phones).toEqual(['617-555-0100']);
    expect(findPhi('Our press line is (617) 555-0100.', { allow })).toEqual([]);
    expect(findPhi('Her line is (617) 555-0101.', { allow }).map((f) => f.kind)).toEqual(['phone']);
  });

  it('is empty without the variable', () => {
    expect(loadOrgContacts({})).toMatchObject({ phones: [], emails: [], websites: [] });
  });

  it('names the variable and the problem for a missing, unparsable or wrongly shaped file', () => {
    const cases = [
      path.join(dir, 'missing.json'),
      file('bad.json', '{phones: ['),
      file('shape.json', JSON.stringify({ phones: '617-555-0100' })),
    ];
    for (const p of cases) {
      expect(() => loadOrgContacts({ CARECIRCLE_ORG_CONTACTS: p })).toThrow(OrgContactsError);
      expect(() => loadOrgContacts({ CARECIRCLE_ORG_CONTACTS: p })).toThrow(/CARECIRCLE_ORG_CONTACTS=/);
    }
    expect(() => loadOrgContacts({ CARECIRCLE_ORG_CONTACTS: path.join(dir, 'shape.json') })).toThrow(
      /phones/,
    );
  });
});
