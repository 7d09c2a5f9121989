// Undoing a slip: an admin purges a saved note or next step; the text becomes a tombstone in the
// record and in every audit copy, the purge is audited, and nobody else may do it. Real HTTP, real
// Neo4j; the command-line purge runs against the same database.
import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { TOMBSTONE } from '../../../queries/purge.ts';
import { runCli } from '../../helpers/cli.ts';
import { signIn, useApi, type Api, type Client } from './client.ts';

const sha = (t: string) => createHash('sha256').update(t, 'utf8').digest('hex');

describe('purging a saved text that holds patient information', () => {
  const suite = useApi();
  let api: Api;
  let olga: Client;
  let vera: Client;
  let admin: Client;
  // Notes the guard lets through (no Safe Harbor identifier), which the organisation still wants gone.
  const note = 'She told me about her son and his rare Fabry disease journey, happy to share it.';
  const nextStep = 'ask her whether her brother wants his kidney story told';
  let contactId = '';

  /** How many stored properties of any node still hold the text. */
  const copies = async (text: string) =>
    Number(
      (
        await api.db.read(
          `MATCH (n) WHERE n:Contact OR n:Relationship OR n:AuditEntry
           WITH n, [k IN keys(n) WHERE n[k] IS :: STRING AND n[k] CONTAINS $text] AS hits
           RETURN sum(size(hits)) AS n`,
          { text },
        )
      )[0]?.n,
    );

  beforeAll(async () => {
    api = suite.api;
    olga = await signIn(api, 'olga', 'outreach');
    vera = await signIn(api, 'vera', 'viewer');
    admin = await signIn(api, 'ada', 'admin');
    const res = await olga.fetch('/api/outreach/contacts', {
      method: 'POST',
      json: { accountId: 'x:2', at: '2025-03-04T15:00:00Z', channel: 'dm', note, outcome: 'positive' },
    });
    expect(res.status).toBe(201);
    contactId = (await res.json()).id;
    for (const step of ['say hello', nextStep]) {
      const put = await olga.fetch('/api/outreach/relationships/x%3A2', {
        method: 'PUT',
        json: { stage: 'contacted', nextStep: step },
      });
      expect(put.status).toBe(200);
    }
  });

  it('keeps a reference and a hash of a contact note in the audit log, not a copy', async () => {
    const { items } = await (await admin.fetch('/api/audit?target=account%3Ax%3A2')).json();
    const created = items.find((e: { action: string }) => e.action === 'contact.create');
    expect(created.after).toMatchObject({ id: contactId, note: { sha256: sha(note), chars: note.length } });
    expect(JSON.stringify(items)).not.toContain(note);
    // The next step's history is only in the log, so the log keeps copies of it.
    expect(await copies(nextStep)).toBeGreaterThanOrEqual(2);
  });

  it('refuses non-admins with 403 and changes nothing', async () => {
    for (const who of [olga, vera]) {
      const r = await who.fetch(`/api/outreach/contacts/${contactId}/purge`, {
        method: 'POST',
        json: { reason: 'slip' },
      });
      expect(r.status).toBe(403);
      const s = await who.fetch('/api/outreach/relationships/x%3A2/purge-next-step', {
        method: 'POST',
        json: { reason: 'slip' },
      });
      expect(s.status).toBe(403);
    }
    expect(await copies(note)).toBe(1);
  });

  it('asks for a reason, and refuses one that itself holds PHI', async () => {
    const none = await admin.fetch(`/api/outreach/contacts/${contactId}/purge`, { method: 'POST', json: {} });
    expect(none.status).toBe(400);
    expect((await none.json()).details[0].field).toBe('body.reason');
    const phi = await admin.fetch(`/api/outreach/contacts/${contactId}/purge`, {
      method: 'POST',
      json: { reason: 'her son is MRN 5531207' },
    });
    expect(phi.status).toBe(422);
    expect((await phi.json()).details[0]).toMatchObject({ field: 'reason', kind: 'medical_record_number' });
    const missing = await admin.fetch('/api/outreach/contacts/00000000-0000-4000-8000-000000000000/purge', {
      method: 'POST',
      json: { reason: 'slip' },
    });
    expect(missing.status).toBe(404);
    expect(await copies(note)).toBe(1);
  });

  it('replaces the note by a tombstone in the contact and in the audit log, and audits the purge', async () => {
    const res = await admin.fetch(`/api/outreach/contacts/${contactId}/purge`, {
      method: 'POST',
      json: { reason: 'the note named a patient condition and family member' },
    });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({
      target: `contact:${contactId}`,
      accountId: 'x:2',
      fields: ['note'],
      sha256: { note: sha(note) },
      purgedBy: 'ada',
    });
    expect(body.auditEntriesRedacted).toBe(1);

    const list = await (await olga.fetch('/api/outreach/contacts?accountId=x%3A2')).json();
    expect(list.items[0]).toMatchObject({ id: contactId, note: TOMBSTONE, outcome: 'positive' });
    expect(Date.parse(list.items[0].purgedAt)).toBeGreaterThan(Date.now() - 60_000);
    expect(await copies(note)).toBe(0);

    const { items } = await (await admin.fetch('/api/audit?target=account%3Ax%3A2')).json();
    const [purge] = items;
    expect(purge).toMatchObject({
      actor: 'ada',
      action: 'contact.purge',
      target: 'account:x:2',
      after: { reason: 'the note named a patient condition and family member', fields: ['note'] },
    });
    expect(Date.parse(purge.at)).toBeGreaterThan(Date.now() - 60_000);
    const created = items.find((e: { action: string }) => e.action === 'contact.create');
    expect(created.after.note).toMatchObject({ purged: true, purgedBy: 'ada' });
  });

  it('purges a next step from the relationship and every audit copy', async () => {
    const res = await admin.fetch('/api/outreach/relationships/x%3A2/purge-next-step', {
      method: 'POST',
      json: { reason: 'named a relative and his condition' },
    });
    expect(res.status).toBe(200);
    expect((await res.json()).auditEntriesRedacted).toBeGreaterThanOrEqual(1);
    expect(await copies(nextStep)).toBe(0);
    const rel = await (await olga.fetch('/api/outreach/relationships/x%3A2')).json();
    expect(rel.relationship.nextStep).toBe(TOMBSTONE);
    // Earlier, harmless next steps in the log are kept.
    expect(await copies('say hello')).toBeGreaterThanOrEqual(1);
    const { items } = await (await admin.fetch('/api/audit?target=account%3Ax%3A2')).json();
    expect(items[0]).toMatchObject({ actor: 'ada', action: 'relationship.purge' });
  });

  it('purges from the command line too, with --json, and exits 2 for an unknown contact', async () => {
    const res = await olga.fetch('/api/outreach/contacts', {
      method: 'POST',
      json: {
        accountId: 'x:3',
        at: '2025-03-05T15:00:00Z',
        channel: 'email',
        note: 'her husband asked about his rare disease',
      },
    });
    const id = (await res.json()).id;
    // Each run starts a process and connects; on a busy shared machine that takes tens of seconds.
    const [r, bad, help] = await Promise.all([
      runCli(['purge', 'contact', id, '--reason', 'slip in a note', '--by', 'ada', '--json'], {
        timeoutMs: 300_000,
      }),
      runCli(['purge', 'contact', '00000000-0000-4000-8000-000000000000', '--reason', 'x'], {
        timeoutMs: 300_000,
      }),
      runCli(['purge', '--help'], { timeoutMs: 300_000 }),
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({
      target: `contact:${id}`,
      fields: ['note'],
      purgedBy: 'ada',
    });
    expect(await copies('her husband asked about his rare disease')).toBe(0);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/no contact/);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/contact .*<contactId>/);
    expect(help.stdout).toMatch(/next-step .*<accountId>/);
  }, 320_000);
});
