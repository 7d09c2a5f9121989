// Chat detection on planted chats and non-chats with known schedules (the demo's plans, with people
// made up here), including daylight-saving changes in three zones, missed weeks, a moved hour, a
// stopped chat and busy tags. Precision and recall are printed.
import { describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import {
  detectChats,
  nextOccurrences,
  type ChatPost,
  type TagPosts,
} from '../../../queries/analysis/chats.ts';
import { seededRng } from '../../../queries/random.ts';
import {
  DEMO_CHATS,
  DEMO_NON_CHATS,
  plantBusyTag,
  plantChat,
  plannedSessions,
  type PlantedPost,
} from '../../../ingest/demo/chats.ts';

const people = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);
const asPosts = (ps: PlantedPost[]): ChatPost[] =>
  ps.map((p) => ({ t: p.t, author: p.author, handle: p.author, text: p.text }));

function plantedWorld(seed = 7): TagPosts[] {
  const rand = seededRng(seed);
  const tags: TagPosts[] = DEMO_CHATS.map((plan, i) => ({
    tag: plan.tag,
    posts: asPosts(plantChat(plan, { hosts: [`host${i}`, `cohost${i}`], pool: people(`p${i}-`, 50) }, rand)),
  }));
  const span = { from: Date.UTC(2025, 0, 1), to: Date.UTC(2025, 5, 30) };
  const everyone = people('u', 300);
  tags.push({
    tag: 'healthnews',
    posts: asPosts(plantBusyTag('healthnews', 'steady', everyone, span, rand, 60)),
  });
  tags.push({
    tag: 'medtwitter',
    posts: asPosts(plantBusyTag('medtwitter', 'lunch', everyone, span, rand, 40)),
  });
  tags.push({
    tag: 'mondaymotivation',
    posts: asPosts(plantBusyTag('mondaymotivation', 'campaign', everyone, span, rand, 20)),
  });
  return tags;
}

describe('chat detection', () => {
  const world = plantedWorld();
  const found = detectChats(world);
  const byTag = new Map(found.map((c) => [c.tag, c]));

  it('finds every planted chat with its weekday, hour and zone, and reports no busy tag', () => {
    const planted = new Set(DEMO_CHATS.map((p) => p.tag));
    const truePositives = found.filter((c) => {
      const plan = DEMO_CHATS.find((p) => p.tag === c.tag);
      if (!plan) return false;
      const hour = plan.moved?.hour ?? plan.hour;
      const weekday = plan.moved?.weekday ?? plan.weekday;
      return c.zone === plan.zone && c.hour === hour && c.weekday === weekday && c.cadence === plan.cadence;
    }).length;
    const precision = found.length ? truePositives / found.length : 1;
    const recall = truePositives / planted.size;
    console.log(
      `chat detection: ${found.length} reported, ${truePositives} right of ${planted.size} planted; ` +
        `precision ${precision.toFixed(2)}, recall ${recall.toFixed(2)}`,
    );
    for (const c of found) console.log(`  #${c.tag} (${c.confidence}): ${c.evidence}`);
    for (const tag of DEMO_NON_CHATS) expect(byTag.has(tag), `#${tag} is busy, not a chat`).toBe(false);
    expect(precision).toBe(1);
    expect(recall).toBe(1);
  });

  it('keeps the New York hour across the US clock change and names the hosts and questions', () => {
    const c = byTag.get('hcsmchat')!;
    expect(c).toMatchObject({
      weekday: 1,
      hour: 21,
      zone: 'America/New_York',
      cadence: 'weekly',
      status: 'active',
    });
    expect(c.hosts[0]!.id).toBe('host0');
    expect(c.questions).toEqual({ from: 1, to: 6 });
    expect(c.sessions).toHaveLength(plannedSessions(DEMO_CHATS[0]!).length);
    expect(c.evidence).toMatch(/^\d+ of the last 12 Mondays, 21:00–22:00 America\/New_York; host @host0/);
    // Sessions before and after 9 March 2025 are an hour apart in UTC.
    const utcHours = new Set(c.sessions.map((s) => new Date(s.start).getUTCHours()));
    expect(utcHours).toEqual(new Set([1, 2]));
  });

  it('tells London and Sydney from New York by their own clock changes', () => {
    expect(byTag.get('nhschat')).toMatchObject({ zone: 'Europe/London', weekday: 3, hour: 20 });
    expect(byTag.get('ozmedchat')).toMatchObject({
      zone: 'Australia/Sydney',
      weekday: 7,
      hour: 19,
      cadence: 'fortnightly',
    });
  });

  it('recognises a first-Tuesday monthly chat', () => {
    expect(byTag.get('raredischat')).toMatchObject({ cadence: 'monthly', ordinal: 1, weekday: 2, hour: 12 });
    expect(byTag.get('raredischat')!.evidence).toContain('first Tuesday of the month');
  });

  it('reports the current hour of a chat that moved, and the move', () => {
    const c = byTag.get('dsma')!;
    expect(c).toMatchObject({ weekday: 4, hour: 21, zone: 'America/New_York' });
    expect(c.moved).toMatchObject({ weekday: 4, hour: 20 });
    expect(c.moved!.until.slice(0, 10)).toBe('2025-04-18'); // 17 April 20:00 New York is the 18th in UTC
    expect(c.evidence).toMatch(/moved from 20:00 after/);
  });

  it('marks a chat that stopped meeting as stopped, with no next occurrence worth showing', () => {
    const c = byTag.get('mhchat')!;
    expect(c.status).toBe('stopped');
    expect(c.evidence).toMatch(/stopped: no session since 2025-03-26/);
    expect(byTag.get('hcsmchat')!.status).toBe('active');
  });

  it('counts regulars (3 of the last 6) and newcomers', () => {
    const c = byTag.get('hcsmchat')!;
    const regulars = c.attendees.filter((a) => a.regular);
    expect(regulars.length).toBeGreaterThan(3);
    for (const r of regulars) expect(r.lastSix).toBeGreaterThanOrEqual(3);
    expect(regulars.map((r) => r.id)).toContain('host0');
  });

  it('is not fooled by a tag with no text when the timing alone is weak', () => {
    // Three sessions only: below the minimum, whatever the zone.
    const plan = { ...DEMO_CHATS[0]!, tag: 'tiny', until: '2025-01-20', missed: [] };
    const posts = asPosts(plantChat(plan, { hosts: ['h'], pool: people('q', 20) }, seededRng(3)));
    expect(detectChats([{ tag: 'tiny', posts }])).toEqual([]);
  });

  it('gives the next occurrences in the zone the chat keeps, across a clock change', () => {
    const c = byTag.get('hcsmchat')!;
    // From a Saturday in late October 2025: the next Mondays at 21:00 New York, before and after 2 November.
    const from = Date.UTC(2025, 9, 25);
    const next = nextOccurrences({ ...c }, from, 2);
    expect(next).toEqual(['2025-10-28T01:00:00Z', '2025-11-04T02:00:00Z']);
    const monthly = byTag.get('raredischat')!;
    const m = nextOccurrences(monthly, Date.UTC(2025, 6, 2), 2).map((s) =>
      DateTime.fromISO(s, { zone: 'America/New_York' }).toFormat('cccc d LLL HH:mm'),
    );
    expect(m).toEqual(['Tuesday 5 Aug 12:00', 'Tuesday 2 Sep 12:00']);
  });

  it('keeps a chat to its own tag when its posts also carry a busier tag', () => {
    const chat = world.find((t) => t.tag === 'hcsmchat')!;
    const busy = world.find((t) => t.tag === 'healthnews')!;
    const both = detectChats([chat, { tag: 'healthnews', posts: [...busy.posts, ...chat.posts] }]);
    expect(both.map((c) => c.tag)).toEqual(['hcsmchat']);
  });
});
