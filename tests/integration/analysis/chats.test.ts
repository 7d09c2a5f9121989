// Hashtag chats end to end on the real Neo4j: the demo network with its planted chats and busy
// non-chat tags goes through ingest and analyze; then the Chat nodes, the API, the follow records,
// the calendar feed (parsed with ical.js, a standard iCalendar parser) and the `chats` command.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ICAL from 'ical.js';
import { DateTime } from 'luxon';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CHATS, DEMO_NON_CHATS } from '../../../ingest/demo/chats.ts';
import { generateDemo } from '../../../ingest/demo/generate.ts';
import { runAnalysis, type AnalysisSummary } from '../../../queries/analysis/run.ts';
import { runCli } from '../../helpers/cli.ts';
import { load } from '../ingest/load.ts';
import { signIn, useApi, type Api, type Client } from '../server/client.ts';

describe('hashtag chats through ingest and analyze', () => {
  const lines: string[] = [];
  const suite = useApi(
    { logLevel: 'info', logStream: { write: (l) => void lines.push(l) } },
    { seed: false },
  );
  let api: Api;
  let staff: Client;
  let summary: AnalysisSummary;

  beforeAll(async () => {
    api = suite.api;
    const dir = mkdtempSync(path.join(os.tmpdir(), 'chats-demo-'));
    const demo = await generateDemo({ outDir: dir, accounts: 600, seed: 42, chats: true });
    const loaded = await load(api.db, demo.files, { format: 'auto' });
    expect(loaded.rejects).toEqual([]);
    summary = await runAnalysis(api.db, { seed: 1 });
    staff = await signIn(api, 'chat-staff', 'outreach');
  }, 480_000);

  it('finds every planted chat with its weekday, hour and zone and no busy tag (precision and recall)', async () => {
    const res = await staff.fetch('/api/chats?limit=100');
    expect(res.status).toBe(200);
    const { items } = (await res.json()) as { items: Record<string, unknown>[] };
    const right = items.filter((c) => {
      const plan = DEMO_CHATS.find((p) => p.tag === c.tag);
      return (
        plan &&
        c.zone === plan.zone &&
        c.hour === (plan.moved?.hour ?? plan.hour) &&
        c.weekday === (plan.moved?.weekday ?? plan.weekday) &&
        c.cadence === plan.cadence
      );
    }).length;
    const precision = items.length ? right / items.length : 1;
    const recall = right / DEMO_CHATS.length;
    console.log(
      `chats after ingest + analyze: ${items.length} reported, ${right} right of ${DEMO_CHATS.length} planted; ` +
        `precision ${precision.toFixed(2)}, recall ${recall.toFixed(2)}; chats phase ${summary.ms.chats} ms`,
    );
    for (const tag of DEMO_NON_CHATS) expect(items.map((c) => c.tag)).not.toContain(tag);
    expect(precision).toBe(1);
    expect(recall).toBe(1);
    expect(summary.counts.chats).toBe(DEMO_CHATS.length);
    expect(items.find((c) => c.tag === 'mhchat')).toMatchObject({ status: 'stopped', nextOccurrence: null });
  });

  it('shows one chat: hosts who are influencers, regulars, communities, sessions and the next occurrences', async () => {
    const res = await staff.fetch('/api/chats/%23hcsmchat');
    expect(res.status).toBe(200);
    const c = await res.json();
    expect(c).toMatchObject({
      tag: 'hcsmchat',
      schedule: 'Mondays 21:00–22:00 America/New_York',
      status: 'active',
    });
    expect(c.hosts.length).toBeGreaterThan(0);
    // Hosts are the network's influencers: among the highest scores of the chat's voices.
    expect(c.hosts[0].score).toBeGreaterThan(0);
    expect(c.regularPeople.length).toBeGreaterThan(2);
    for (const r of c.regularPeople) expect(r.lastSix).toBeGreaterThanOrEqual(3);
    expect(c.communities.length).toBeGreaterThan(0);
    expect(c.topVoices.length).toBeGreaterThan(0);
    expect(c.sessions[0].posts).toBeGreaterThan(10);
    expect(c.nextOccurrences).toHaveLength(3);
    for (const n of c.nextOccurrences) {
      const local = DateTime.fromISO(n, { zone: 'America/New_York' });
      expect([local.weekday, local.hour, local.minute]).toEqual([1, 21, 0]);
      expect(Date.parse(n)).toBeGreaterThan(Date.now());
    }
    expect((await staff.fetch('/api/chats/nosuchchat')).status).toBe(404);
    const bad = await staff.fetch('/api/chats/not%20a%20tag');
    expect(bad.status).toBe(400);
    expect((await bad.json()).message).toMatch(/^params\.tag/);
  });

  it('filters by specialty and hashtag', async () => {
    const all = (await (await staff.fetch('/api/chats')).json()).items as {
      tag: string;
      specialties: string[];
    }[];
    const withSpecialty = all.find((c) => c.specialties.length > 0)!;
    expect(withSpecialty).toBeDefined();
    const s = withSpecialty.specialties[0]!;
    const filtered = (await (await staff.fetch(`/api/chats?specialty=${encodeURIComponent(s)}`)).json())
      .items;
    expect(filtered.map((c: { tag: string }) => c.tag)).toContain(withSpecialty.tag);
    for (const c of filtered) expect(c.specialties).toContain(s);
    const one = (await (await staff.fetch('/api/chats?hashtag=%23DSMA')).json()).items;
    expect(one.map((c: { tag: string }) => c.tag)).toEqual(['dsma']);
  });

  it('serves the followed chats as an iCalendar feed behind a revocable token that is never logged', async () => {
    expect((await staff.fetch('/api/chats/hcsmchat/follow', { method: 'PUT' })).status).toBe(200);
    expect((await staff.fetch('/api/chats/raredischat/follow', { method: 'PUT' })).status).toBe(200);
    expect((await staff.fetch('/api/chats/ozmedchat/follow', { method: 'PUT' })).status).toBe(200);
    const listed = (await (await staff.fetch('/api/chats?hashtag=hcsmchat')).json()).items[0];
    expect(listed.followed).toBe(true);

    const created = await staff.fetch('/api/chat-feed', { method: 'POST' });
    expect(created.status).toBe(201);
    const { url } = await created.json();
    const token = new URL(url).searchParams.get('token')!;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const stored = await api.db.read('MATCH (f:CalendarFeed {user: $u}) RETURN f.hash AS hash', {
      u: 'chat-staff',
    });
    expect(stored[0]!.hash).not.toBe(token);

    // Calendar apps send no cookie: the token alone opens the feed.
    const feed = await fetch(`${api.url}/api/chats.ics?token=${token}`);
    expect(feed.status).toBe(200);
    expect(feed.headers.get('content-type')).toMatch(/^text\/calendar/);
    const ics = await feed.text();
    const cal = new ICAL.Component(ICAL.parse(ics));
    for (const tz of cal.getAllSubcomponents('vtimezone'))
      ICAL.TimezoneService.register(new ICAL.Timezone(tz));
    const events = cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events.map((e) => e.summary).sort()).toEqual([
      '#hcsmchat chat',
      '#ozmedchat chat',
      '#raredischat chat',
    ]);
    const next = (summaryText: string, count: number, zone: string) => {
      const e = events.find((x) => x.summary === summaryText)!;
      expect(e.isRecurring()).toBe(true);
      const it = e.iterator();
      const out: DateTime[] = [];
      for (let k = 0; k < 2000 && out.length < count; k++) {
        const t = it.next();
        if (!t) break;
        const at = t.toJSDate().getTime();
        if (at > Date.parse('2025-10-20T00:00:00Z')) out.push(DateTime.fromMillis(at, { zone }));
      }
      return out.map((d) => d.toFormat('ccc d LLL yyyy HH:mm'));
    };
    // Mondays 21:00 New York on both sides of the 2 November 2025 clock change.
    expect(next('#hcsmchat chat', 3, 'America/New_York')).toEqual([
      'Mon 20 Oct 2025 21:00',
      'Mon 27 Oct 2025 21:00',
      'Mon 3 Nov 2025 21:00',
    ]);
    // First Tuesdays, 12:00 New York.
    expect(next('#raredischat chat', 2, 'America/New_York')).toEqual([
      'Tue 4 Nov 2025 12:00',
      'Tue 2 Dec 2025 12:00',
    ]);
    // Every other Sunday 19:00 Sydney, across Sydney's October start of summer time.
    const oz = next('#ozmedchat chat', 2, 'Australia/Sydney');
    expect(oz.every((d) => d.startsWith('Sun') && d.endsWith('19:00'))).toBe(true);
    const gap = DateTime.fromFormat(oz[1]!, 'ccc d LLL yyyy HH:mm').diff(
      DateTime.fromFormat(oz[0]!, 'ccc d LLL yyyy HH:mm'),
      'days',
    ).days;
    expect(gap).toBe(14);

    expect(lines.join('\n')).not.toContain(token);

    // Unfollowing takes a chat out; revoking the token closes the feed.
    expect((await staff.fetch('/api/chats/ozmedchat/follow', { method: 'DELETE' })).status).toBe(200);
    const after = await (await fetch(`${api.url}/api/chats.ics?token=${token}`)).text();
    expect(after).not.toContain('#ozmedchat');
    expect((await staff.fetch('/api/chat-feed', { method: 'DELETE' })).status).toBe(200);
    expect((await fetch(`${api.url}/api/chats.ics?token=${token}`)).status).toBe(401);

    const audit = await api.db.read(
      `MATCH (e:AuditEntry) WHERE e.action STARTS WITH 'chat' OR e.action STARTS WITH 'calendar-feed'
       RETURN e.action AS action, e.after AS after ORDER BY e.seq`,
    );
    expect(audit.map((a) => a.action)).toEqual([
      'chat.follow',
      'chat.follow',
      'chat.follow',
      'calendar-feed.create',
      'chat.unfollow',
      'calendar-feed.revoke',
    ]);
    expect(JSON.stringify(audit)).not.toContain(token);
  });

  it('lists chats on the command line, as a table and as JSON', async () => {
    const r = await runCli(['chats', '--json', '--hashtag', 'nhschat']);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.items).toHaveLength(1);
    expect(out.items[0]).toMatchObject({ tag: 'nhschat', zone: 'Europe/London', weekday: 3, hour: 20 });
    const t = await runCli(['chats']);
    expect(t.code, t.stderr).toBe(0);
    expect(t.stdout).toMatch(/#hcsmchat\s+Mondays 21:00–22:00 America\/New_York\s+active/);
    const help = await runCli(['chats', '--help']);
    expect(help.stdout).toContain('--specialty');
    const bad = await runCli(['chats', '--limit', '0']);
    expect(bad.code).toBe(2);
  }, 400_000);
});
