// The mentions inbox over real HTTP on the real Neo4j: matching after ingest (case, accents, @-forms,
// hashtags, exclusions, our own posts), one mention per post across repeated ingests and collector
// runs, reach from reposts and quotes, triage states, first-response targets on an injected clock,
// escalation, both reply guards (422 naming the phrase, nothing saved) and the audit trail.
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { ingestFiles } from '../../../ingest/pipeline.ts';
import { RejectsFile } from '../../../ingest/rejects.ts';
import { scanAfterIngest } from '../../../ingest/listen.ts';
import { assignMentions, scanMentions } from '../../../queries/mentions.ts';
import { signIn, useApi, type Api, type Client } from './client.ts';

const fixture = (f: string) => fileURLToPath(new URL(`../../fixtures/listening/${f}`, import.meta.url));

// Friday 6 March 2026, 16:00 in New York (EST); daylight saving starts on Sunday the 8th.
let clock = new Date('2026-03-06T21:00:00Z');

const IDENTITY = {
  accounts: ['@MercyGeneral'],
  names: ['Mercy General', 'Mercy General Hospital'],
  nicknames: ['Mercy'],
  physicians: ['Dr. Priya Patel'],
  campuses: ['Mercy Westside'],
  hashtags: ['MercyCares'],
  exclusions: ['have mercy', 'Mercy Medical Center'],
  contacts: ['555-010-2000', 'patientrelations@mercygeneral.org'],
};

async function load(api: Api, file: string) {
  const rejects = new RejectsFile(path.join(tmpdir(), `carecircle-listening-rejects-${process.pid}.csv`));
  try {
    await ingestFiles(api.db, [fixture(file)], { format: 'jsonl', batchSize: 100, dryRun: false, rejects });
  } finally {
    await rejects.close();
  }
}

describe('listening: the mentions inbox over HTTP', () => {
  const suite = useApi({ now: () => clock }, { seed: false });
  let api: Api;
  let admin: Client;
  let olga: Client;
  let omar: Client;
  let viewer: Client;
  const count = async (q: string) => Number((await api.db.read(q))[0]?.n);
  const mentions = () => count('MATCH (m:Mention) RETURN count(m) AS n');
  const audits = () => count('MATCH (e:AuditEntry) RETURN count(e) AS n');
  const get = async (c: Client, id: string) =>
    (await c.fetch(`/api/mentions/${encodeURIComponent(id)}`)).json();

  beforeAll(async () => {
    api = suite.api;
    admin = await signIn(api, 'ada', 'admin');
    olga = await signIn(api, 'olga', 'outreach');
    omar = await signIn(api, 'omar', 'outreach');
    viewer = await signIn(api, 'vic', 'viewer');
  });

  it('an admin sets the identity; a viewer may read it but not change it', async () => {
    const put = await admin.fetch('/api/identity', { method: 'PUT', json: IDENTITY });
    expect(put.status).toBe(200);
    expect((await put.json()).names).toEqual(IDENTITY.names);
    const read = await viewer.fetch('/api/identity');
    expect((await read.json()).exclusions).toEqual(IDENTITY.exclusions);
    expect((await viewer.fetch('/api/identity', { method: 'PUT', json: IDENTITY })).status).toBe(403);
    const bad = await admin.fetch('/api/identity/names', { method: 'POST', json: { terms: ['x'] } });
    expect(bad.status).toBe(400);
    expect((await bad.json()).message).toMatch(/names\.\d+: must be at least 2 characters/);
    const esc = await admin.fetch('/api/users/omar/escalation', { method: 'PUT', json: { on: true } });
    expect(await esc.json()).toEqual({ name: 'omar', escalation: true });
  });

  it('matches after ingest: mentions, replies, names in any case and accent, hashtags; not false friends or our own posts', async () => {
    await load(api, 'ingest-1.jsonl');
    const s = await scanAfterIngest(api.db, () => {}, clock);
    expect(s).toMatchObject({ matched: 5, created: 5, escalated: 1 });
    const res = await viewer.fetch('/api/mentions?view=all&limit=50');
    expect(res.status).toBe(200);
    const items = (await res.json()).items as { postId: string; reasons: { kind: string }[] }[];
    const ids = items.map((i) => i.postId).sort();
    // p2 "have mercy", p3 a competitor, p9 our own post, p11 "Mercyful", p7/p8 reposts and quotes of a
    // customer that do not name us.
    expect(ids).toEqual(['x:p1', 'x:p10', 'x:p4', 'x:p5', 'x:p6']);
    const why = Object.fromEntries(items.map((i) => [i.postId, i.reasons.map((r) => r.kind).sort()]));
    // "@MercyGeneral" is our handle and also our name in its @-form.
    expect(why['x:p1']).toEqual(['handle', 'mention', 'name']);
    expect(why['x:p4']).toEqual(['reply']);
    expect(why['x:p5']).toEqual(['physician']);
    expect(why['x:p6']).toEqual(['hashtag']);
    expect(why['x:p10']).toEqual(['name', 'nickname']);
  });

  it('classifies each mention and shows its author, reach, platform link and language', async () => {
    const p1 = await get(viewer, 'x:p1');
    expect(p1).toMatchObject({
      category: 'complaint',
      sentiment: 'negative',
      url: 'https://x.com/ana_waits/status/1',
      lang: 'en',
      state: 'new',
      reach: 2,
      author: { id: 'x:1', handle: 'ana_waits', followers: 12000, outreachStage: null },
    });
    expect(p1.amplifiers.map((a: { postId: string; type: string }) => [a.postId, a.type])).toEqual([
      ['x:p7', 'repost'],
      ['x:p8', 'quote'],
    ]);
    expect(p1.amplifiers[0].account).toMatchObject({ id: 'x:7', handle: 'gil_rt', followers: 45000 });
    expect(p1.reachOverTime).toEqual([{ day: '2026-03-06', reach: 2 }]);
    expect((await get(viewer, 'x:p6')).category).toBe('clinical_safety');
    expect((await get(viewer, 'x:p4')).category).toBe('question');
    expect((await get(viewer, 'x:p10')).category).toBe('praise');
  });

  it('counts first-response targets in business hours (clinical safety around the clock), overdue first', async () => {
    const due = async (id: string) => (await get(viewer, id)).dueAt;
    // Clinical safety: 1 hour of the calendar.
    expect(await due('x:p6')).toBe('2026-03-06T22:00:00.000Z');
    // Complaint: 4 business hours = Friday 16-17, then Monday 9-12 in New York, now on daylight time.
    expect(await due('x:p1')).toBe('2026-03-09T16:00:00.000Z');
    // Question: 8 business hours = 1 on Friday + 7 on Monday.
    expect(await due('x:p4')).toBe('2026-03-09T20:00:00.000Z');
    const open = (await (await viewer.fetch('/api/mentions')).json()).items;
    expect(open.map((m: { postId: string }) => m.postId)).toEqual(['x:p6', 'x:p1', 'x:p4', 'x:p10', 'x:p5']);
    expect(open.every((m: { overdue: boolean }) => !m.overdue)).toBe(true);
    // Two hours later the safety concern is overdue and still on top.
    clock = new Date('2026-03-06T23:00:00Z');
    const later = (await (await viewer.fetch('/api/mentions')).json()).items;
    expect(later[0]).toMatchObject({ postId: 'x:p6', overdue: true });
    expect(later.filter((m: { overdue: boolean }) => m.overdue)).toHaveLength(1);
  });

  it('escalates a clinical-safety mention at once to the users marked for it, with the reason', async () => {
    const mine = (await (await omar.fetch('/api/notifications')).json()).items;
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ postId: 'x:p6', user: 'omar', readAt: null });
    expect(mine[0].reason).toMatch(/clinical-safety concern: medication error/);
    expect((await (await olga.fetch('/api/notifications')).json()).items).toEqual([]);
    const read = await omar.fetch(`/api/notifications/${mine[0].id}/read`, { method: 'POST' });
    expect((await read.json()).readAt).toBe(clock.toISOString());
    expect((await olga.fetch(`/api/notifications/${mine[0].id}/read`, { method: 'POST' })).status).toBe(404);
    const detail = await get(viewer, 'x:p6');
    expect(detail).toMatchObject({ escalated: true, escalatedTo: ['omar'] });
    const audit = await api.db.read(
      "MATCH (e:AuditEntry {action: 'mention.escalate', target: 'mention:x:p6'}) RETURN e.actor AS actor",
    );
    expect(audit).toEqual([{ actor: 'system' }]);
  });

  it('lands each post once across repeated ingests and collector runs, keeping its triage', async () => {
    const assign = await olga.fetch('/api/mentions/assign', {
      method: 'POST',
      json: { postIds: ['x:p1', 'x:p4'], owner: 'olga' },
    });
    expect(await assign.json()).toEqual({ assigned: 2 });
    await load(api, 'ingest-1.jsonl');
    expect((await scanAfterIngest(api.db, () => {}, clock)).created).toBe(0);
    expect(await mentions()).toBe(5);
    // A collector's batch: one post seen before, a new repost of the complaint, a new mention.
    await load(api, 'ingest-2.jsonl');
    const s = await scanMentions(api.db, { postIds: ['x:p1', 'x:p12', 'x:p13'], now: clock });
    expect(s).toMatchObject({ matched: 2, created: 1 });
    expect(await mentions()).toBe(6);
    const p1 = await get(viewer, 'x:p1');
    expect(p1).toMatchObject({ state: 'assigned', owner: 'olga', reach: 3 });
    expect(p1.amplifiers.map((a: { postId: string }) => a.postId)).toEqual(['x:p7', 'x:p8', 'x:p12']);
    expect((await get(viewer, 'x:p13')).category).toBe('question');
    // The same batch again: nothing new.
    expect((await scanMentions(api.db, { postIds: ['x:p12', 'x:p13'], now: clock })).created).toBe(0);
  });

  it('moves through triage: my queue, no action needs a reason, impossible moves are refused, all audited', async () => {
    const queue = (await (await olga.fetch('/api/mentions?mine=true')).json()).items;
    expect(queue.map((m: { postId: string }) => m.postId).sort()).toEqual(['x:p1', 'x:p4']);
    expect((await (await omar.fetch('/api/mentions?mine=true')).json()).items).toEqual([]);
    const before = await audits();
    const noReason = await olga.fetch(`/api/mentions/${encodeURIComponent('x:p10')}/state`, {
      method: 'PUT',
      json: { state: 'no_action' },
    });
    expect(noReason.status).toBe(400);
    expect((await noReason.json()).details[0].field).toBe('body.reason');
    const ok = await olga.fetch(`/api/mentions/${encodeURIComponent('x:p10')}/state`, {
      method: 'PUT',
      json: { state: 'no_action', reason: 'praise, thanked in a group post' },
    });
    expect(await ok.json()).toMatchObject({
      state: 'no_action',
      reason: 'praise, thanked in a group post',
      dueAt: null,
    });
    const bad = await olga.fetch(`/api/mentions/${encodeURIComponent('x:p10')}/state`, {
      method: 'PUT',
      json: { state: 'resolved' },
    });
    expect(bad.status).toBe(409);
    expect((await bad.json()).message).toMatch(/no_action cannot become resolved/);
    const unknownOwner = await olga.fetch('/api/mentions/assign', {
      method: 'POST',
      json: { postIds: ['x:p5'], owner: 'nobody' },
    });
    expect(unknownOwner.status).toBe(400);
    expect(await audits()).toBe(before + 1);
    const entry = await api.db.read(
      "MATCH (e:AuditEntry {action: 'mention.state', target: 'mention:x:p10'}) RETURN e.actor AS actor, e.before AS before, e.after AS after",
    );
    expect(entry[0]!.actor).toBe('olga');
    expect(JSON.parse(String(entry[0]!.before)).state).toBe('new');
    expect(JSON.parse(String(entry[0]!.after)).state).toBe('no_action');
    expect(
      (
        await viewer.fetch('/api/mentions/assign', {
          method: 'POST',
          json: { postIds: ['x:p5'], owner: 'vic' },
        })
      ).status,
    ).toBe(403);
  });

  it('refuses a reply that confirms a patient relationship: 422 with the phrase and a safe wording, nothing saved', async () => {
    const before = await audits();
    const text =
      "We're so sorry about your visit on the 3rd. We looked at your chart and Dr. Patel will call.";
    const res = await olga.fetch(`/api/mentions/${encodeURIComponent('x:p1')}/reply/sent`, {
      method: 'POST',
      json: { text, url: 'https://x.com/MercyGeneral/status/99' },
    });
    expect(res.status).toBe(422);
    const body = await res.json();
    expect(body.message).toMatch(/would confirm a patient relationship/);
    expect(body.details.map((d: { phrase: string }) => d.phrase)).toEqual([
      'your visit',
      'on the 3rd',
      'We looked at your chart',
      'Dr. Patel',
    ]);
    for (const d of body.details) expect(text.slice(d.start, d.end)).toBe(d.phrase);
    expect(body.details[0].suggestion).toMatch(/Patient Relations/);
    const p1 = await get(olga, 'x:p1');
    expect(p1).toMatchObject({ state: 'assigned', sentReply: null, firstResponseAt: null });
    expect(await audits()).toBe(before);
  });

  it('refuses PHI in a reply or a draft without echoing it, but allows our own contact number', async () => {
    const before = await audits();
    const phi = await olga.fetch(`/api/mentions/${encodeURIComponent('x:p1')}/draft`, {
      method: 'PUT',
      json: { text: 'Please call her direct line 617-555-0143.' },
    });
    expect(phi.status).toBe(422);
    const body = await phi.json();
    expect(body.error).toBe('phi_detected');
    expect(body.details[0]).toMatchObject({ guard: 'phi', kind: 'phone', phrase: null, field: 'body.text' });
    expect(JSON.stringify(body)).not.toContain('555-0143');
    expect(await audits()).toBe(before);
    const check = await olga.fetch(`/api/mentions/${encodeURIComponent('x:p1')}/reply/check`, {
      method: 'POST',
      json: {
        text: "We're sorry to hear this. Please contact our Patient Relations team at 555-010-2000 so we can help.",
      },
    });
    expect(await check.json()).toEqual({ ok: true, problems: [] });
  });

  it('records a safe reply as sent with its link; the first response stops the clock', async () => {
    const text =
      "We're sorry to hear this. Please contact our Patient Relations team at 555-010-2000 so we can help.";
    const res = await olga.fetch(`/api/mentions/${encodeURIComponent('x:p1')}/reply/sent`, {
      method: 'POST',
      json: { text, url: 'https://x.com/MercyGeneral/status/100' },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      state: 'responded',
      dueAt: null,
      firstResponseAt: clock.toISOString(),
      sentReply: { text, url: 'https://x.com/MercyGeneral/status/100', by: 'olga', at: clock.toISOString() },
    });
    const open = (await (await viewer.fetch('/api/mentions')).json()).items.map(
      (m: { postId: string }) => m.postId,
    );
    expect(open).not.toContain('x:p1');
    const audit = await api.db.read(
      "MATCH (e:AuditEntry {action: 'mention.reply_sent', target: 'mention:x:p1'}) RETURN e.actor AS actor",
    );
    expect(audit).toEqual([{ actor: 'olga' }]);
    const resolved = await olga.fetch(`/api/mentions/${encodeURIComponent('x:p1')}/state`, {
      method: 'PUT',
      json: { state: 'resolved' },
    });
    expect((await resolved.json()).state).toBe('resolved');
  });

  it('shows the weekly view and flags authors already in the outreach pipeline', async () => {
    const rel = await olga.fetch(`/api/outreach/relationships/${encodeURIComponent('x:1')}`, {
      method: 'PUT',
      json: { stage: 'contacted' },
    });
    expect(rel.status).toBe(200);
    expect((await get(viewer, 'x:p1')).author.outreachStage).toBe('contacted');
    const w = await (await viewer.fetch('/api/mentions/weekly?weeks=4')).json();
    expect(w.weeks).toEqual([
      {
        week: '2026-W10',
        total: 6,
        sentiment: expect.any(Object),
        categories: { complaint: 1, praise: 2, question: 2, clinical_safety: 1, other: 0 },
      },
    ]);
    expect(w.themes[0]).toEqual({ theme: 'waiting', count: 1 });
    expect(w.pipelineAuthors).toEqual([{ id: 'x:1', handle: 'ana_waits', stage: 'contacted', mentions: 1 }]);
  });

  it('an admin adds a campus and rescans as a job: the post that names it lands in the inbox, audited', async () => {
    const text = 'The Eastside Urgent Care had no wait at all tonight, thank you.';
    const file = path.join(tmpdir(), `carecircle-listening-eastside-${process.pid}.jsonl`);
    writeFileSync(
      file,
      JSON.stringify({ kind: 'post', id: 'x:east1', platform: 'x', author: 'x:9', text, lang: 'en' }) + '\n',
    );
    const rejects = new RejectsFile(`${file}.rejects.csv`);
    try {
      await ingestFiles(api.db, [file], { format: 'jsonl', batchSize: 10, dryRun: false, rejects });
    } finally {
      await rejects.close();
    }
    const inInbox = async () =>
      ((await (await viewer.fetch('/api/mentions?view=all&limit=200')).json()).items as { postId: string }[])
        .map((m) => m.postId)
        .includes('x:east1');
    // Scanned with the identity as it is, the post names nothing of ours.
    expect((await scanMentions(api.db, { postIds: ['x:east1'], now: clock })).matched).toBe(0);
    expect(await inInbox()).toBe(false);

    const before = await audits();
    const add = await admin.fetch('/api/identity/campuses', {
      method: 'POST',
      json: { terms: ['Eastside Urgent Care'] },
    });
    expect((await add.json()).campuses).toEqual(['Mercy Westside', 'Eastside Urgent Care']);
    // Only an admin starts a scan.
    expect((await olga.fetch('/api/jobs', { method: 'POST', json: { kind: 'scan' } })).status).toBe(403);
    const started = await admin.fetch('/api/jobs', { method: 'POST', json: { kind: 'scan' } });
    expect(started.status).toBe(202);
    const job = await started.json();
    let done = job;
    for (let i = 0; i < 100 && done.status === 'running'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      done = await (await admin.fetch(`/api/jobs/${job.id}`)).json();
    }
    expect(done).toMatchObject({ kind: 'scan', status: 'succeeded', result: { created: 1 } });
    expect(done.result.scanned).toBeGreaterThan(1);
    expect(await inInbox()).toBe(true);
    const m = await get(viewer, 'x:east1');
    expect(m.reasons).toEqual([{ kind: 'campus', value: 'Eastside Urgent Care' }]);
    expect(m.category).toBe('praise');
    // The identity change and the job start are both in the audit log.
    expect(await audits()).toBe(before + 2);
  });

  it('answers a repeated read from the cache, works out overdue afresh, and shows a change made elsewhere at once', async () => {
    const stats = api.app.inboxCache.stats;
    const list = async () =>
      (await (await viewer.fetch('/api/mentions?view=all&limit=200')).json()).items as {
        postId: string;
        owner: string | null;
        dueAt: string | null;
        overdue: boolean;
      }[];
    const first = await list();
    const hits = stats.hits;
    expect(await list()).toEqual(first);
    expect(stats.hits).toBe(hits + 1);

    // Another process (here the queries module on the test's own connection, as `listen scan`, a
    // collector or a second server would) assigns a mention: the next read has it.
    await assignMentions(api.db, 'ada', ['x:p13'], 'omar', clock);
    const assigned = (await list()).find((m) => m.postId === 'x:p13')!;
    expect(assigned.owner).toBe('omar');
    expect(assigned.overdue).toBe(false);
    const detail = await get(omar, 'x:p13');
    expect(detail.owner).toBe('omar');

    // Past its first-response target, the cached answer says overdue: the time is not cached.
    const saved = clock;
    clock = new Date(Date.parse(assigned.dueAt!) + 60_000);
    try {
      const hitsBefore = stats.hits;
      expect((await list()).find((m) => m.postId === 'x:p13')!.overdue).toBe(true);
      expect((await get(omar, 'x:p13')).overdue).toBe(true);
      expect(stats.hits).toBe(hitsBefore + 2);
    } finally {
      clock = saved;
    }
  });
});
