// The daily outreach tools over HTTP against the real Neo4j: editing and deleting a logged contact
// (author or admin only, PHI guard on edits, audited by reference and hash), reminders, the account
// timeline, the streamed CSV of the whole pipeline, the audit log's filters and names, and the import
// folder listed for the Ingest form.
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { signIn, useApi, type Api, type Client } from './client.ts';

const sha = (t: string) => createHash('sha256').update(t, 'utf8').digest('hex');

const importDir = mkdtempSync(path.join(tmpdir(), 'carecircle-import-'));
mkdirSync(path.join(importDir, 'march'));
writeFileSync(path.join(importDir, 'edges.csv'), 'source,target\nx:1,x:2\n');
writeFileSync(path.join(importDir, 'march', 'accounts.csv'), 'id\nx:1\n');
writeFileSync(path.join(importDir, '.hidden'), 'x');
const outside = mkdtempSync(path.join(tmpdir(), 'carecircle-outside-'));
writeFileSync(path.join(outside, 'secret.csv'), 'no');
symlinkSync(path.join(outside, 'secret.csv'), path.join(importDir, 'link.csv'));

describe('the daily outreach tools over HTTP', () => {
  const suite = useApi({ importDir });
  let api: Api;
  let olga: Client;
  let omar: Client;
  let ada: Client;
  let vera: Client;
  let contactId = '';
  const note = 'Called about the T1D education series; they want the slides first.';

  const auditCount = async () =>
    Number((await api.db.read('MATCH (e:AuditEntry) RETURN count(e) AS n'))[0]?.n);
  const auditOf = async (action: string) =>
    (await (await ada.fetch(`/api/audit?action=${action}`)).json()).items as {
      actor: string;
      action: string;
      target: string;
      before: Record<string, unknown> | null;
      after: Record<string, unknown> | null;
      targetHandle: string | null;
      targetName: string | null;
    }[];

  beforeAll(async () => {
    api = suite.api;
    olga = await signIn(api, 'olga', 'outreach');
    omar = await signIn(api, 'omar', 'outreach');
    ada = await signIn(api, 'ada', 'admin');
    vera = await signIn(api, 'vera', 'viewer');
    const res = await olga.fetch('/api/outreach/contacts', {
      method: 'POST',
      json: { accountId: 'x:2', at: '2025-03-04T15:00:00Z', channel: 'dm', note, outcome: 'positive' },
    });
    expect(res.status).toBe(201);
    contactId = (await res.json()).id;
  });

  describe('editing a contact', () => {
    it('lets the author change the note and channel; the log keeps hashes of both notes, not the text', async () => {
      const edited = 'Called about the T1D education series; slides sent, meeting booked.';
      const res = await olga.fetch(`/api/outreach/contacts/${contactId}`, {
        method: 'PATCH',
        json: { note: edited, channel: 'phone' },
      });
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({
        id: contactId,
        note: edited,
        channel: 'phone',
        outcome: 'positive',
        by: 'olga',
        updatedBy: 'olga',
      });
      const list = (await (await olga.fetch('/api/outreach/contacts?accountId=x%3A2')).json()).items;
      expect(list.map((c: { note: string }) => c.note)).toEqual([edited]);
      const [entry] = await auditOf('contact.update');
      expect(entry).toMatchObject({ actor: 'olga', target: 'account:x:2' });
      expect(entry!.before).toMatchObject({ channel: 'dm', note: { sha256: sha(note), chars: note.length } });
      expect(entry!.after).toMatchObject({ channel: 'phone', note: { sha256: sha(edited) } });
      expect(JSON.stringify(entry)).not.toContain('slides');
    });

    it('refuses an edit whose note holds a phone number with 422 naming the span, and saves nothing', async () => {
      const before = (await (await olga.fetch('/api/outreach/contacts?accountId=x%3A2')).json()).items[0];
      const audits = await auditCount();
      const bad = 'Her mother asked us to call back on (617) 555-0143 tomorrow.';
      const res = await olga.fetch(`/api/outreach/contacts/${contactId}`, {
        method: 'PATCH',
        json: { note: bad, channel: 'email' },
      });
      expect(res.status).toBe(422);
      const body = await res.json();
      expect(body.error).toBe('phi_detected');
      expect(body.details[0]).toMatchObject({ field: 'body.note', kind: 'phone' });
      expect(bad.slice(body.details[0].start, body.details[0].end)).toBe('(617) 555-0143');
      expect(JSON.stringify(body)).not.toContain('555-0143');
      const after = (await (await olga.fetch('/api/outreach/contacts?accountId=x%3A2')).json()).items[0];
      expect(after).toEqual(before);
      expect(await auditCount()).toBe(audits);
    });

    it('lets only the author or an admin edit (403 for another outreach user, 403 for a viewer)', async () => {
      const audits = await auditCount();
      const byOmar = await omar.fetch(`/api/outreach/contacts/${contactId}`, {
        method: 'PATCH',
        json: { outcome: 'hijacked' },
      });
      expect(byOmar.status).toBe(403);
      expect((await byOmar.json()).message).toMatch(/only olga .* or an admin/);
      const byVera = await vera.fetch(`/api/outreach/contacts/${contactId}`, {
        method: 'PATCH',
        json: { outcome: 'viewer edit' },
      });
      expect(byVera.status).toBe(403);
      expect(await auditCount()).toBe(audits);
      const byAda = await ada.fetch(`/api/outreach/contacts/${contactId}`, {
        method: 'PATCH',
        json: { outcome: 'meeting on Friday' },
      });
      expect(byAda.status).toBe(200);
      expect(await byAda.json()).toMatchObject({
        outcome: 'meeting on Friday',
        by: 'olga',
        updatedBy: 'ada',
      });
    });

    it('answers 400 naming the field for an empty edit or a bad date, and 404 for an unknown contact', async () => {
      const empty = await olga.fetch(`/api/outreach/contacts/${contactId}`, { method: 'PATCH', json: {} });
      expect(empty.status).toBe(400);
      expect((await empty.json()).message).toMatch(/at least one of/);
      const date = await olga.fetch(`/api/outreach/contacts/${contactId}`, {
        method: 'PATCH',
        json: { at: 'last Tuesday' },
      });
      expect(date.status).toBe(400);
      expect((await date.json()).message).toMatch(/at/);
      const unknown = await olga.fetch('/api/outreach/contacts/00000000-0000-4000-8000-000000000000', {
        method: 'PATCH',
        json: { note: 'hello' },
      });
      expect(unknown.status).toBe(404);
      const notId = await olga.fetch('/api/outreach/contacts/abc', { method: 'PATCH', json: { note: 'x' } });
      expect(notId.status).toBe(400);
    });
  });

  describe('deleting a contact', () => {
    it('refuses another outreach user (403), then the author deletes it (204) and the log keeps its hash', async () => {
      const res = await olga.fetch('/api/outreach/contacts', {
        method: 'POST',
        json: {
          accountId: 'x:3',
          at: '2025-03-05T09:00:00Z',
          channel: 'email',
          note: 'Sent the wrong leaflet.',
        },
      });
      const id = (await res.json()).id as string;
      const byOmar = await omar.fetch(`/api/outreach/contacts/${id}`, { method: 'DELETE' });
      expect(byOmar.status).toBe(403);
      const del = await olga.fetch(`/api/outreach/contacts/${id}`, { method: 'DELETE' });
      expect(del.status).toBe(204);
      const list = (await (await olga.fetch('/api/outreach/contacts?accountId=x%3A3')).json()).items;
      expect(list).toEqual([]);
      const [entry] = await auditOf('contact.delete');
      expect(entry).toMatchObject({ actor: 'olga', target: 'account:x:3', after: null });
      expect(entry!.before).toMatchObject({
        id,
        channel: 'email',
        note: { sha256: sha('Sent the wrong leaflet.') },
      });
      expect(JSON.stringify(entry)).not.toContain('leaflet');
      const again = await olga.fetch(`/api/outreach/contacts/${id}`, { method: 'DELETE' });
      expect(again.status).toBe(404);
    });

    it('lets an admin delete anyone’s contact', async () => {
      const res = await omar.fetch('/api/outreach/contacts', {
        method: 'POST',
        json: { accountId: 'x:3', at: '2025-03-06T09:00:00Z', channel: 'dm', note: 'Duplicate entry.' },
      });
      const id = (await res.json()).id as string;
      expect((await ada.fetch(`/api/outreach/contacts/${id}`, { method: 'DELETE' })).status).toBe(204);
      expect((await auditOf('contact.delete'))[0]).toMatchObject({ actor: 'ada', target: 'account:x:3' });
    });
  });

  describe('reminders', () => {
    it('counts my overdue and due-today next steps, soonest first, and leaves out later ones and others’', async () => {
      const put = (c: Client, id: string, nextStep: string, dueDate: string) =>
        c.fetch(`/api/outreach/relationships/${encodeURIComponent(id)}`, {
          method: 'PUT',
          json: { stage: 'contacted', nextStep, dueDate, owner: c.name },
        });
      expect((await put(olga, 'x:5', 'send the kit', '2025-06-01')).status).toBe(200);
      expect((await put(olga, 'x:6', 'book a call', '2025-06-09')).status).toBe(200);
      expect((await put(olga, 'x:7', 'follow up', '2025-06-10')).status).toBe(200);
      expect((await put(olga, 'x:9', 'plan the event', '2025-07-01')).status).toBe(200);
      expect((await put(omar, 'x:4', 'his own step', '2025-06-01')).status).toBe(200);
      const res = await olga.fetch('/api/outreach/reminders?today=2025-06-10');
      expect(res.status).toBe(200);
      const body = await res.json();
      expect({ overdue: body.overdue, dueToday: body.dueToday }).toEqual({ overdue: 2, dueToday: 1 });
      expect(
        body.items.map((i: { relationship: { accountId: string } }) => i.relationship.accountId),
      ).toEqual(['x:5', 'x:6', 'x:7']);
      const none = await (await vera.fetch('/api/outreach/reminders?today=2025-06-10')).json();
      expect(none).toEqual({ overdue: 0, dueToday: 0, items: [] });
      const bad = await olga.fetch('/api/outreach/reminders?today=tomorrow');
      expect(bad.status).toBe(400);
      expect((await bad.json()).message).toMatch(/today/);
    });
  });

  describe('the account timeline', () => {
    it('lists stage changes, next steps, contacts and mentions of one account, newest first, bounded', async () => {
      const id = 'x:1';
      await api.db.write(
        `CREATE (:Mention {postId: 'x:p-mention', authorId: $id, createdAt: '2025-01-02T08:00:00Z',
                 receivedAt: '2025-01-02T09:00:00Z', text: '<b>Thanks</b> @ourclinic for the #t1d camp!',
                 category: 'praise', state: 'new'})`,
        { id },
      );
      const put = (json: object) =>
        olga.fetch(`/api/outreach/relationships/${encodeURIComponent(id)}`, { method: 'PUT', json });
      expect((await put({ stage: 'following' })).status).toBe(200);
      expect(
        (await put({ stage: 'following', nextStep: 'invite to the webinar', dueDate: '2025-06-20' })).status,
      ).toBe(200);
      const logged = await olga.fetch('/api/outreach/contacts', {
        method: 'POST',
        json: { accountId: id, at: new Date().toISOString(), channel: 'dm', note: 'Invited to the webinar.' },
      });
      expect(logged.status).toBe(201);
      const res = await vera.fetch(`/api/outreach/accounts/${encodeURIComponent(id)}/timeline`);
      expect(res.status).toBe(200);
      const { items } = await res.json();
      const kinds = items.map((e: { kind: string }) => e.kind);
      // The contact moved the stage on to contacted in the same moment it was logged.
      expect(kinds.slice(-3)).toEqual(['next_step', 'stage', 'mention']);
      expect(kinds).toContain('contact');
      expect(
        items.filter((e: { kind: string }) => e.kind === 'stage').map((e: { stage: string }) => e.stage),
      ).toEqual(['contacted', 'following']);
      const times = items.map((e: { at: string }) => Date.parse(e.at));
      expect(times).toEqual([...times].sort((a, b) => b - a));
      const mention = items.at(-1);
      expect(mention).toMatchObject({
        text: '<b>Thanks</b> @ourclinic for the #t1d camp!',
        category: 'praise',
        by: null,
      });
      expect(items.find((e: { kind: string }) => e.kind === 'next_step')).toMatchObject({
        text: 'invite to the webinar',
        dueDate: '2025-06-20',
        by: 'olga',
      });
      const two = await (
        await vera.fetch(`/api/outreach/accounts/${encodeURIComponent(id)}/timeline?limit=2`)
      ).json();
      expect(two.items).toHaveLength(2);
      expect(two.items).toEqual(items.slice(0, 2));
      expect((await vera.fetch('/api/outreach/accounts/x%3Anobody/timeline')).status).toBe(404);
      expect((await vera.fetch('/api/outreach/accounts/x%3A1/timeline?limit=0')).status).toBe(400);
    });
  });

  describe('the pipeline as CSV', () => {
    it('streams every relationship (more than one page), with formulas defused', async () => {
      // 1 200 more relationships than the board loads at once, written straight to the database.
      await api.db.write(
        `UNWIND range(1, 1200) AS i
         CREATE (:Relationship {accountId: 'bulk:' + right('0000' + toString(i), 4), stage: 'to_follow',
                 owner: 'olga', nextStep: CASE WHEN i = 7 THEN '=HYPERLINK("http://evil")' END,
                 updatedAt: '2025-01-01T00:00:00Z', updatedBy: 'olga'})`,
      );
      const total = Number((await api.db.read('MATCH (r:Relationship) RETURN count(r) AS n'))[0]?.n);
      const res = await vera.fetch('/api/outreach/export.csv');
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
      expect(res.headers.get('content-disposition')).toMatch(/outreach-pipeline\.csv/);
      const lines = (await res.text()).split('\r\n');
      expect(lines.at(-1)).toBe('');
      expect(lines[0]).toBe(
        'account_id,handle,name,stage,owner,next_step,due_date,contacts,last_contact_at,updated_at,updated_by',
      );
      const rows = lines.slice(1, -1);
      expect(rows).toHaveLength(total);
      expect(total).toBeGreaterThan(1200);
      expect(new Set(rows.map((r) => r.split(',')[0])).size).toBe(total);
      expect(rows.find((r) => r.startsWith('bulk:0007,'))).toContain(`"'=HYPERLINK(""http://evil"")"`);
      const x2 = rows.find((r) => r.startsWith('x:2,'));
      expect(x2).toMatch(/^x:2,pumpmom,Beth K,contacted,olga,/);
      expect(x2!.split(',')[7]).toBe('1');
      const filtered = (await (await vera.fetch('/api/outreach/export.csv?stage=contacted')).text()).split(
        '\r\n',
      );
      expect(filtered.slice(1, -1).every((r) => r.split(',')[3] === 'contacted')).toBe(true);
      expect(filtered.length - 2).toBeGreaterThan(0);
      await api.db.write("MATCH (r:Relationship) WHERE r.accountId STARTS WITH 'bulk:' DELETE r");
    });
  });

  describe('the audit log for admins', () => {
    it('filters by who, what and when, and names the account an entry is about', async () => {
      const byOlga = (await (await ada.fetch('/api/audit?actor=olga&action=contact')).json()).items;
      expect(byOlga.length).toBeGreaterThan(0);
      expect(
        byOlga.every(
          (e: { actor: string; action: string }) => e.actor === 'olga' && e.action.startsWith('contact.'),
        ),
      ).toBe(true);
      const x2 = byOlga.find((e: { target: string }) => e.target === 'account:x:2');
      expect(x2).toMatchObject({ targetHandle: 'pumpmom', targetName: 'Beth K' });
      const today = new Date().toISOString().slice(0, 10);
      const inToday = (await (await ada.fetch(`/api/audit?from=${today}&to=${today}`)).json()).items;
      expect(inToday.length).toBeGreaterThan(0);
      const future = (await (await ada.fetch('/api/audit?from=2999-01-01')).json()).items;
      expect(future).toEqual([]);
      const past = (await (await ada.fetch('/api/audit?to=2000-01-01')).json()).items;
      expect(past).toEqual([]);
      const wrong = await ada.fetch('/api/audit?from=2025-02-01&to=2025-01-01');
      expect(wrong.status).toBe(400);
      expect((await wrong.json()).message).toMatch(/to/);
      const badAction = await ada.fetch('/api/audit?action=DROP%20ALL');
      expect(badAction.status).toBe(400);
      expect((await olga.fetch('/api/audit?actor=olga')).status).toBe(403);
    });
  });

  describe('the import folder', () => {
    it('lists the files inside it for admins, subfolders included, leaving out hidden files and outside links', async () => {
      const res = await ada.fetch('/api/jobs/import-files');
      expect(res.status).toBe(200);
      const body = await res.json();
      expect(body.missing).toBe(false);
      expect(body.items.map((f: { name: string }) => f.name)).toEqual(['edges.csv', 'march/accounts.csv']);
      expect(body.items[0].bytes).toBe('source,target\nx:1,x:2\n'.length);
      expect((await olga.fetch('/api/jobs/import-files')).status).toBe(403);
    });
  });
});
