// What the server writes to its pino log while people sign in, create users and log contacts: the
// log is kept by operators and shipped elsewhere, so it must never hold a password, a note, a next
// step, a session id or a CSRF token. The level is `trace`, the most talkative there is, so nothing
// that a lower level would hide can slip through unnoticed here.
import { beforeAll, describe, expect, it } from 'vitest';
import { client, PASSWORD, signIn, useApi, type Api, type Client } from './client.ts';

describe('logs never contain passwords or note text', () => {
  const suite = useApi({ logLevel: 'trace', logStream: { write: (l) => void lines.push(l) } });
  let api: Api;
  const lines: string[] = [];
  // Distinctive strings, so finding one in the log cannot be a coincidence.
  const wrongPassword = 'wrong-Pa55word-zebra-quartz';
  const newUserPassword = 'new-user-Secret-walrus-42';
  const note = 'Lovely chat about pump supplies; she prefers DMs over e-mail, marmalade-7731';
  const outcome = 'agreed to review the leaflet tangerine-5512';
  const nextStep = 'send the webinar invite pomegranate-9920';
  const phiNote = 'Her MRN 00482213 and phone (617) 555-0143, kumquat-1188';
  let admin: Client;
  let staff: Client;

  beforeAll(async () => {
    api = suite.api;
    admin = await signIn(api, 'log-admin', 'admin');
    staff = await signIn(api, 'log-staff', 'outreach');
  });

  it('signs in, refuses a wrong password, creates a user and logs contacts, all with log lines', async () => {
    const anonymous = client(api.url);
    const refused = await anonymous.fetch('/api/auth/login', {
      method: 'POST',
      json: { username: 'log-staff', password: wrongPassword },
    });
    expect(refused.status).toBe(401);
    // A password that is too long is a validation error: its message must not echo the value.
    const tooLong = await anonymous.fetch('/api/auth/login', {
      method: 'POST',
      json: { username: 'log-staff', password: `${wrongPassword}${'x'.repeat(300)}` },
    });
    expect(tooLong.status).toBe(400);

    const created = await admin.fetch('/api/users', {
      method: 'POST',
      json: { name: 'log-new', role: 'viewer', password: newUserPassword },
    });
    expect(created.status).toBe(201);
    const newUser = await anonymous.fetch('/api/auth/login', {
      method: 'POST',
      json: { username: 'log-new', password: newUserPassword },
    });
    expect(newUser.status).toBe(200);

    const contact = await staff.fetch('/api/outreach/contacts', {
      method: 'POST',
      json: { accountId: 'x:1', at: '2025-03-04T15:00:00Z', channel: 'dm', note, outcome },
    });
    expect(contact.status).toBe(201);
    const rel = await staff.fetch('/api/outreach/relationships/x%3A1', {
      method: 'PUT',
      json: { stage: 'responded', nextStep, dueDate: '2025-04-02' },
    });
    expect(rel.status).toBe(200);
    const phi = await staff.fetch('/api/outreach/contacts', {
      method: 'POST',
      json: { accountId: 'x:2', at: '2025-03-04T15:00:00Z', channel: 'phone', note: phiNote },
    });
    expect(phi.status).toBe(422);
    // Reading the notes back sends them in a response body; the log must still not carry them.
    const list = await staff.fetch('/api/outreach/contacts?accountId=x%3A1');
    expect(JSON.stringify(await list.json())).toContain('marmalade-7731');
    await staff.fetch('/api/outreach/export.csv').then((r) => r.text());
  });

  it('has the events an operator needs: requests, sign-ins and refusals', () => {
    const entries = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    const msgs = entries.map((e) => e.msg);
    expect(msgs).toContain('incoming request');
    expect(msgs).toContain('request completed');
    expect(msgs).toContain('signed in');
    expect(msgs).toContain('sign-in refused');
    expect(entries.filter((e) => e.msg === 'incoming request').length).toBeGreaterThanOrEqual(10);
  });

  it('holds no password, note, outcome, next step, session id or CSRF token', () => {
    const text = lines.join('\n');
    const secrets: Record<string, string> = {
      'wrong password': wrongPassword,
      'new user password': newUserPassword,
      'sign-in password': PASSWORD,
      note: 'marmalade-7731',
      'note start': 'Lovely chat about pump supplies',
      outcome: 'tangerine-5512',
      'next step': 'pomegranate-9920',
      'refused note': 'kumquat-1188',
      'refused identifier': '555-0143',
      'staff session id': staff.cookie.split('cc_session=')[1]!.split(';')[0]!,
      'admin session id': admin.cookie.split('cc_session=')[1]!.split(';')[0]!,
      'staff CSRF token': staff.csrfToken,
    };
    const found = Object.entries(secrets)
      .filter(([, s]) => text.includes(s))
      .map(([k]) => k);
    expect(found).toEqual([]);
  });
});
