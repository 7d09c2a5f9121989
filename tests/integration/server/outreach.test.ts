import { beforeAll, describe, expect, it } from 'vitest';
import { signIn, useApi, type Api, type Client } from './client.ts';

describe('outreach records, PHI guard and audit log over HTTP', () => {
  const suite = useApi({ logLevel: 'info', logStream: { write: (l) => void logs.push(l) } });
  let api: Api;
  let olga: Client;
  let omar: Client;
  let admin: Client;
  const logs: string[] = [];
  beforeAll(async () => {
    api = suite.api;
    olga = await signIn(api, 'olga', 'outreach');
    omar = await signIn(api, 'omar', 'outreach');
    admin = await signIn(api, 'ada', 'admin');
  });

  const countContacts = async () =>
    Number((await api.db.read('MATCH (c:Contact) RETURN count(c) AS n'))[0]?.n);

  it('logs a contact (201), which starts the relationship at "contacted" owned by the author', async () => {
    const res = await olga.fetch('/api/outreach/contacts', {
      method: 'POST',
      json: {
        accountId: 'x:1',
        at: '2025-03-04T15:00:00Z',
        channel: 'dm',
        note: 'Intro DM sent; call back Tuesday. #T1D since 2019, met at ADA 2024 booth 12.',
        outcome: 'positive',
      },
    });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({
      accountId: 'x:1',
      channel: 'dm',
      by: 'olga',
      outcome: 'positive',
    });
    const rel = await (await olga.fetch('/api/outreach/relationships/x%3A1')).json();
    expect(rel.relationship).toMatchObject({ stage: 'contacted', owner: 'olga' });
    const list = await (await olga.fetch('/api/outreach/contacts?accountId=x%3A1')).json();
    expect(list.items).toHaveLength(1);
    expect(list.items[0].note).toMatch(/call back Tuesday/);
    const profile = await (await olga.fetch('/api/accounts/x%3A1')).json();
    expect(profile.outreach).toMatchObject({ contacts: 1, relationship: { stage: 'contacted' } });
  });

  it('refuses a note with PHI with 422 naming the kind and where it is, and saves nothing', async () => {
    const before = await countContacts();
    const auditBefore = Number((await api.db.read('MATCH (e:AuditEntry) RETURN count(e) AS n'))[0]?.n);
    const note = 'Her son (DOB 04/12/2009) is in the ICU, call mom at (617) 555-0143.';
    const res = await olga.fetch('/api/outreach/contacts', {
      method: 'POST',
      json: { accountId: 'x:2', at: '2025-03-04T15:00:00Z', channel: 'phone', note },
    });
    expect(res.status).toBe(422);
    const body = await res.json();
    expect(body.error).toBe('phi_detected');
    expect(body.message).toMatch(/body\.note/);
    expect(body.message).toMatch(/date of birth/);
    const kinds = body.details.map((d: { kind: string }) => d.kind);
    expect(kinds).toEqual(['date_of_birth', 'phone']);
    const phone = body.details[1];
    expect(phone.field).toBe('body.note');
    expect(note.slice(phone.start, phone.end)).toBe('(617) 555-0143');
    // The identifier itself is not echoed back.
    expect(JSON.stringify(body)).not.toContain('555-0143');
    expect(await countContacts()).toBe(before);
    expect(Number((await api.db.read('MATCH (e:AuditEntry) RETURN count(e) AS n'))[0]?.n)).toBe(auditBefore);
    const rel = await (await olga.fetch('/api/outreach/relationships/x%3A2')).json();
    expect(rel.relationship).toBeNull();
  });

  it('checks the next step for PHI too, and refuses an unknown account with 404', async () => {
    const phi = await olga.fetch('/api/outreach/relationships/x%3A3', {
      method: 'PUT',
      json: { stage: 'contacted', nextStep: 'mail kit to 42 Maple Street, Apt 3B' },
    });
    expect(phi.status).toBe(422);
    expect((await phi.json()).details[0]).toMatchObject({ field: 'body.nextStep', kind: 'street_address' });
    const missing = await olga.fetch('/api/outreach/contacts', {
      method: 'POST',
      json: { accountId: 'x:404', at: '2025-03-04T15:00:00Z', channel: 'dm', note: 'hello' },
    });
    expect(missing.status).toBe(404);
    expect((await missing.json()).details[0].field).toBe('body.accountId');
  });

  it('moves relationships through stages and lists the pipeline and my next steps', async () => {
    const put = (who: Client, id: string, body: unknown) =>
      who.fetch(`/api/outreach/relationships/${encodeURIComponent(id)}`, { method: 'PUT', json: body });
    expect(
      (await put(olga, 'x:1', { stage: 'responded', nextStep: 'send deck', dueDate: '2025-04-02' })).status,
    ).toBe(200);
    expect(
      (await put(olga, 'x:5', { stage: 'to_follow', nextStep: 'follow on X', dueDate: '2025-03-20' })).status,
    ).toBe(200);
    expect((await put(omar, 'x:6', { stage: 'partner', nextStep: 'plan webinar' })).status).toBe(200);
    const bad = await put(olga, 'x:7', { stage: 'friends' });
    expect(bad.status).toBe(400);
    expect((await bad.json()).details[0].field).toBe('body.stage');
    const badDate = await put(olga, 'x:7', { stage: 'following', dueDate: '2025-02-30' });
    expect(badDate.status).toBe(400);

    const pipe = await (await olga.fetch('/api/outreach/pipeline')).json();
    expect(pipe.items.map((i: { relationship: { accountId: string } }) => i.relationship.accountId)).toEqual([
      'x:5',
      'x:1',
      'x:6',
    ]);
    expect(pipe.counts).toMatchObject({ to_follow: 1, responded: 1, partner: 1, contacted: 0 });
    const partners = await (await olga.fetch('/api/outreach/pipeline?stage=partner')).json();
    expect(partners.items).toHaveLength(1);
    expect(partners.items[0]).toMatchObject({ handle: 'pinkwarrior', relationship: { owner: 'omar' } });

    const mine = await (await olga.fetch('/api/outreach/next-steps')).json();
    expect(mine.items.map((i: { relationship: { nextStep: string } }) => i.relationship.nextStep)).toEqual([
      'follow on X',
      'send deck',
    ]);
    const his = await (await omar.fetch('/api/outreach/next-steps')).json();
    expect(his.items.map((i: { handle: string }) => i.handle)).toEqual(['pinkwarrior']);
  });

  it('exports the pipeline as CSV', async () => {
    const res = await olga.fetch('/api/outreach/export.csv');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/csv/);
    const lines = (await res.text()).trim().split('\r\n');
    expect(lines[0]).toBe(
      'account_id,handle,name,stage,owner,next_step,due_date,contacts,last_contact_at,updated_at,updated_by',
    );
    expect(lines).toHaveLength(4);
    // Streamed in account id order (a page at a time), so every relationship is in it.
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(
      lines
        .slice(1)
        .map((l) => l.split(',')[0])
        .sort(),
    );
    expect(lines.find((l) => l.startsWith('x:1,'))).toMatch(
      /^x:1,T1DAdvocate,Ana Rivera,responded,olga,send deck,2025-04-02,1,2025-03-04T15:00:00.000Z,/,
    );
  });

  it('records every write in the audit log with who, what, before and after (admin only)', async () => {
    expect((await olga.fetch('/api/audit')).status).toBe(403);
    const res = await admin.fetch('/api/audit?target=account%3Ax%3A1');
    expect(res.status).toBe(200);
    const { items } = await res.json();
    expect(items.map((e: { action: string }) => e.action)).toEqual([
      'relationship.update',
      'relationship.create',
      'contact.create',
    ]);
    const [update] = items;
    expect(update).toMatchObject({
      actor: 'olga',
      target: 'account:x:1',
      before: { stage: 'contacted', nextStep: null },
      after: { stage: 'responded', nextStep: 'send deck', dueDate: '2025-04-02' },
    });
    expect(Date.parse(update.at)).toBeGreaterThan(Date.now() - 60_000);
    // Sequence numbers strictly increase; there is no route to change or delete an entry.
    const all = (await (await admin.fetch('/api/audit?limit=500')).json()).items as {
      seq: number;
      id: string;
    }[];
    expect(all.map((e) => e.seq)).toEqual([...all.map((e) => e.seq)].sort((a, b) => b - a));
    for (const method of ['PUT', 'PATCH', 'DELETE']) {
      const r = await admin.fetch(`/api/audit/${all[0]!.id}`, { method, json: {} });
      expect(r.status).toBe(404);
    }
    const paged = await (await admin.fetch('/api/audit?limit=2')).json();
    expect(paged.next).toBe(paged.items[1].seq);
  });

  it('keeps note text, passwords and session ids out of the logs', () => {
    const text = logs.join('\n');
    expect(text).toContain('signed in');
    expect(text).not.toContain('call back Tuesday');
    expect(text).not.toContain('555-0143');
    expect(text).not.toContain('correct horse battery staple');
    expect(text).not.toContain(olga.cookie.split('cc_session=')[1]?.split(';')[0]);
  });
});
