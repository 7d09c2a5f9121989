import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { accountId, CanonicalRecord, normaliseHashtag } from '../../../queries/model.ts';
import { applyObservation, emptyValues } from '../../../ingest/accounts.ts';

describe('normaliseHashtag', () => {
  it('drops #, lower-cases and composes to NFC', () => {
    expect(normaliseHashtag('#T1D')).toBe('t1d');
    expect(normaliseHashtag('＃MedTwitter')).toBe('medtwitter');
    expect(normaliseHashtag('Diabe\u0300te')).toBe('diab\u00e8te');
    expect(normaliseHashtag('  ##bcsm ')).toBe('bcsm');
    expect(normaliseHashtag('#')).toBeNull();
    expect(normaliseHashtag('')).toBeNull();
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const once = normaliseHashtag(s);
        return once === null || normaliseHashtag(once) === once;
      }),
    );
  });
});

describe('canonical records', () => {
  it('prefix ids with the platform once', () => {
    expect(accountId('csv', '42')).toBe('csv:42');
    expect(accountId('bluesky', 'bluesky:did:plc:abc')).toBe('bluesky:did:plc:abc');
  });

  it('name the field that is wrong', () => {
    const r = CanonicalRecord.safeParse({
      kind: 'post',
      id: 'csv:1',
      platform: 'csv',
      author: 'csv:2',
      interactions: [{ type: 'like', target: 'csv:3' }],
    });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(['interactions', 0, 'type']);
    const a = CanonicalRecord.safeParse({ kind: 'account', id: 'csv:1', platform: 'csv', followers: -3 });
    expect(a.error?.issues[0]?.path).toEqual(['followers']);
  });

  it('normalise hashtags and times on the way in', () => {
    const r = CanonicalRecord.parse({
      kind: 'post',
      id: 'csv:1',
      platform: 'csv',
      author: 'csv:2',
      createdAt: '2025-02-01T10:00:00+01:00',
      hashtags: ['#T1D', 't1d', '#'],
    });
    expect(r).toMatchObject({ createdAt: '2025-02-01T09:00:00.000Z', hashtags: ['t1d'] });
  });
});

describe('newest non-empty value wins', () => {
  const acct = (o: object) =>
    CanonicalRecord.parse({ kind: 'account', id: 'csv:1', platform: 'csv', ...o }) as never;

  it('a newer observation replaces values; an older one only fills empty ones', () => {
    const base = applyObservation(
      emptyValues(),
      acct({ name: 'A', observedAt: '2025-01-02T00:00:00Z' }),
    ).values;
    const older = applyObservation(
      base,
      acct({ name: 'old', bio: 'filled', observedAt: '2024-01-01T00:00:00Z' }),
    );
    expect(older.values).toMatchObject({ name: 'A', bio: 'filled', observedAt: '2025-01-02T00:00:00.000Z' });
    const newer = applyObservation(base, acct({ name: 'B', observedAt: '2025-03-01T00:00:00Z' }));
    expect(newer).toMatchObject({ changed: true, values: { name: 'B' } });
  });

  it('empty values never erase, and the same observation twice changes nothing', () => {
    const base = applyObservation(emptyValues(), acct({ name: 'A', location: 'Boston' })).values;
    expect(applyObservation(base, acct({ name: '', location: 'Boston' }))).toMatchObject({ changed: false });
    expect(applyObservation(base, acct({ name: 'A' })).changed).toBe(false);
  });
});
