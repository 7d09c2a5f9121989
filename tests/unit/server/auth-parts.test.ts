import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '../../../server/auth/password.ts';
import { SessionStore } from '../../../server/auth/sessions.ts';
import { allows } from '../../../server/auth/roles.ts';
import { pipelineCsv } from '../../../server/outreach/csv.ts';

describe('password hashing', () => {
  it('verifies the right password, refuses a wrong one, and salts each hash', async () => {
    const a = await hashPassword('a long enough password');
    const b = await hashPassword('a long enough password');
    expect(a).not.toBe(b);
    expect(await verifyPassword('a long enough password', a)).toBe(true);
    expect(await verifyPassword('a long enough passwore', a)).toBe(false);
    expect(await verifyPassword('anything', 'not-a-hash')).toBe(false);
  });
});

describe('sessions', () => {
  it('expire after the idle time and after the absolute time, and can be revoked per user', () => {
    let now = 0;
    const store = new SessionStore({ idleMs: 1000, absoluteMs: 5000, now: () => now });
    const s = store.create({ name: 'a', role: 'viewer' });
    expect(s.id).not.toBe(s.csrfToken);
    now = 900;
    expect(store.get(s.id)?.user.name).toBe('a');
    now = 1800; // 900 ms after the last request: still alive
    expect(store.get(s.id)).toBeDefined();
    now = 2801;
    expect(store.get(s.id)).toBeUndefined();

    const t = store.create({ name: 'b', role: 'admin' });
    for (now = 3000; now < 7900; now += 800) store.get(t.id);
    expect(store.get(t.id)).toBeUndefined(); // absolute limit reached even though it was in use

    const u = store.create({ name: 'c', role: 'viewer' });
    store.deleteUser('c');
    expect(store.get(u.id)).toBeUndefined();
    expect(store.get(undefined)).toBeUndefined();
  });
});

describe('roles', () => {
  it('rank viewer < outreach < admin', () => {
    expect(allows('admin', 'outreach')).toBe(true);
    expect(allows('outreach', 'viewer')).toBe(true);
    expect(allows('viewer', 'outreach')).toBe(false);
    expect(allows('outreach', 'admin')).toBe(false);
  });
});

describe('pipeline CSV', () => {
  it('quotes commas, quotes and newlines, and defuses spreadsheet formulas', () => {
    const csv = pipelineCsv([
      {
        relationship: {
          accountId: 'x:1',
          stage: 'contacted',
          owner: 'olga',
          nextStep: 'say "hi", then\nwait',
          dueDate: null,
          updatedAt: '2025-01-01T00:00:00.000Z',
          updatedBy: 'olga',
        },
        handle: '=HYPERLINK("http://evil")',
        name: 'Ana, RN',
        contacts: 2,
        lastContactAt: null,
      },
    ]);
    const [, row] = csv.split('\r\n');
    expect(row).toBe(
      `x:1,"'=HYPERLINK(""http://evil"")","Ana, RN",contacted,olga,"say ""hi"", then\nwait",,2,,2025-01-01T00:00:00.000Z,olga`,
    );
  });
});
