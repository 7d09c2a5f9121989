// Demo hashtag chats with real-looking rhythms, planted into the demo network: a weekly chat kept in
// New York time across the March clock change, a monthly "first Tuesday" chat, one that moved its
// hour, one that stopped, one kept in London and one in Sydney; plus busy tags that are not chats (a
// steady stream, a weekday lunchtime rush, a Monday-morning campaign burst without questions). Hosts
// are the network's influencers. The same planner feeds the detection tests, which know each schedule.
import { createWriteStream } from 'node:fs';
import { dataCell } from '../../queries/csv.ts';
import path from 'node:path';
import { DateTime } from 'luxon';
import type { Cadence } from '../../queries/analysis/chats.ts';

interface ChatPlan {
  tag: string;
  zone: string;
  /** ISO weekday, 1 = Monday. */
  weekday: number;
  hour: number;
  cadence: Cadence;
  ordinal?: number;
  /** First and last local date (yyyy-mm-dd) sessions may fall on. */
  from: string;
  until: string;
  /** Occurrences (0-based, in schedule order) that did not happen. */
  missed?: number[];
  /** From this local date on, the chat meets at another hour (and weekday). */
  moved?: { from: string; hour: number; weekday?: number };
  questions: number;
  /** Posts from participants per session, roughly. */
  size: number;
}

/** The planted schedules; tests and the demo use the same list. */
export const DEMO_CHATS: ChatPlan[] = [
  // Weekly, New York time; crosses the US change on 9 March and the UK one on 30 March, with two missed weeks.
  {
    tag: 'hcsmchat',
    zone: 'America/New_York',
    weekday: 1,
    hour: 21,
    cadence: 'weekly',
    from: '2025-01-06',
    until: '2025-06-23',
    missed: [5, 15],
    questions: 6,
    size: 40,
  },
  // Monthly, first Tuesday, 12:00 New York.
  {
    tag: 'raredischat',
    zone: 'America/New_York',
    weekday: 2,
    hour: 12,
    cadence: 'monthly',
    ordinal: 1,
    from: '2025-01-01',
    until: '2025-06-30',
    questions: 5,
    size: 30,
  },
  // Weekly on Thursdays, moved from 20:00 to 21:00 at the end of April.
  {
    tag: 'dsma',
    zone: 'America/New_York',
    weekday: 4,
    hour: 20,
    cadence: 'weekly',
    from: '2025-01-02',
    until: '2025-06-26',
    moved: { from: '2025-04-24', hour: 21 },
    missed: [9],
    questions: 6,
    size: 35,
  },
  // Weekly on Wednesdays, stopped after March.
  {
    tag: 'mhchat',
    zone: 'America/New_York',
    weekday: 3,
    hour: 15,
    cadence: 'weekly',
    from: '2025-01-01',
    until: '2025-03-26',
    questions: 4,
    size: 25,
  },
  // London time, Wednesdays 20:00; the UK clock change is three weeks after the US one.
  {
    tag: 'nhschat',
    zone: 'Europe/London',
    weekday: 3,
    hour: 20,
    cadence: 'weekly',
    from: '2025-01-08',
    until: '2025-06-25',
    missed: [10],
    questions: 5,
    size: 30,
  },
  // Sydney time, fortnightly Sundays 19:00; Sydney leaves summer time on 6 April.
  {
    tag: 'ozmedchat',
    zone: 'Australia/Sydney',
    weekday: 7,
    hour: 19,
    cadence: 'fortnightly',
    from: '2025-01-05',
    until: '2025-06-29',
    questions: 5,
    size: 25,
  },
];

/** Busy tags that are not chats, with how each one is busy. */
export const DEMO_NON_CHATS = ['healthnews', 'medtwitter', 'mondaymotivation'] as const;

export interface PlantedPost {
  id: string;
  t: number;
  author: string;
  target: string;
  type: 'mention' | 'reply';
  text: string;
  tags: string[];
}

interface People {
  /** Who hosts (one or two ids); the first posts the questions. */
  hosts: string[];
  /** Who takes part; a core comes most weeks, the rest now and then. */
  pool: string[];
}

/** The local session starts the plan expects, after missed occurrences are taken out. */
export function plannedSessions(plan: ChatPlan): { start: DateTime; index: number }[] {
  const out: { start: DateTime; index: number }[] = [];
  let d = DateTime.fromISO(plan.from, { zone: plan.zone });
  const end = DateTime.fromISO(plan.until, { zone: plan.zone }).endOf('day');
  let index = 0;
  let week = 0;
  for (let guard = 0; guard < 800 && d <= end; guard++, d = d.plus({ days: 1 })) {
    const moved = plan.moved && d >= DateTime.fromISO(plan.moved.from, { zone: plan.zone });
    const weekday = moved ? (plan.moved!.weekday ?? plan.weekday) : plan.weekday;
    const hour = moved ? plan.moved!.hour : plan.hour;
    if (d.weekday !== weekday) continue;
    const take =
      plan.cadence === 'weekly' ||
      (plan.cadence === 'fortnightly' && week++ % 2 === 0) ||
      (plan.cadence === 'monthly' && Math.ceil(d.day / 7) === (plan.ordinal ?? 1));
    if (!take) continue;
    if (!plan.missed?.includes(index)) out.push({ start: d.set({ hour, minute: 0, second: 0 }), index });
    index++;
  }
  return out;
}

const OPENERS = ['Welcome everyone to', 'Hello and welcome to tonight’s', 'Good to see you all at'];
const TOPICS = [
  'what helped you most after diagnosis',
  'how do you find reliable health information online',
  'what should clinicians ask more often',
  'how do you handle appointment anxiety',
  'which apps or tools make care easier',
  'how can hospitals listen better',
  'what does good follow-up look like',
  'what would you tell someone newly diagnosed',
];
const ANSWERS = [
  'talking to others who had been through it',
  'a nurse who took the time to explain',
  'writing my questions down before the visit',
  'peer support groups, every time',
  'honestly, this chat',
  'asking for the after-visit summary',
];

/** Posts of one planted chat: host questions at a steady pace, answers and chatter from participants. */
export function plantChat(
  plan: ChatPlan,
  people: People,
  rand: () => number,
  idPrefix = 'chat',
): PlantedPost[] {
  const posts: PlantedPost[] = [];
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const host = people.hosts[0]!;
  const core = people.pool.slice(0, Math.max(3, Math.floor(people.pool.length / 4)));
  let n = 0;
  const add = (t: number, author: string, target: string, type: PlantedPost['type'], text: string) => {
    if (author === target) return;
    posts.push({
      id: `${idPrefix}-${plan.tag}-${++n}`,
      t,
      author,
      target,
      type,
      text: `${text} #${plan.tag}`,
      tags: [plan.tag],
    });
  };
  for (const { start } of plannedSessions(plan)) {
    const t0 = start.toMillis();
    const minute = 60_000;
    const cohost = people.hosts[1] ?? core[0]!;
    add(t0 + minute, host, cohost, 'mention', `${pick(OPENERS)} #${plan.tag}! Introduce yourselves`);
    const gap = Math.floor(50 / plan.questions);
    for (let q = 1; q <= plan.questions; q++) {
      add(t0 + (3 + (q - 1) * gap) * minute, host, cohost, 'mention', `Q${q}: ${pick(TOPICS)}?`);
    }
    const size = Math.round(plan.size * (0.7 + rand() * 0.6));
    for (let k = 0; k < size; k++) {
      const author = rand() < 0.6 ? pick(core) : pick(people.pool);
      const q = 1 + Math.floor(rand() * plan.questions);
      const at = t0 + (3 + (q - 1) * gap + 1 + rand() * (gap - 1)) * minute;
      if (rand() < 0.75) add(at, author, host, 'reply', `A${q}: ${pick(ANSWERS)}`);
      else add(at, author, pick(core), 'mention', `so true, thanks for sharing`);
    }
  }
  return posts;
}

/** A tag busy without a chat: `steady` all day, `lunch` every weekday noon, `campaign` Monday 9:00 with no questions. */
export function plantBusyTag(
  tag: string,
  kind: 'steady' | 'lunch' | 'campaign',
  authors: string[],
  span: { from: number; to: number },
  rand: () => number,
  perDay = 40,
): PlantedPost[] {
  const posts: PlantedPost[] = [];
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const days = Math.floor((span.to - span.from) / 86_400_000);
  let n = 0;
  for (let d = 0; d < days; d++) {
    const day = DateTime.fromMillis(span.from + d * 86_400_000, { zone: 'America/New_York' }).startOf('day');
    for (let k = 0; k < perDay; k++) {
      let at: number;
      if (kind === 'steady') at = day.toMillis() + rand() * 86_400_000;
      else if (kind === 'lunch')
        at =
          day.weekday <= 5 && rand() < 0.5
            ? day.set({ hour: 12 }).toMillis() + rand() * 3_600_000
            : day.toMillis() + rand() * 86_400_000;
      else
        at =
          day.weekday === 1 && rand() < 0.6
            ? day.set({ hour: 9 }).toMillis() + rand() * 3_600_000
            : day.toMillis() + rand() * 86_400_000;
      const author = pick(authors);
      let target = pick(authors);
      if (target === author) target = authors[(authors.indexOf(author) + 1) % authors.length]!;
      posts.push({
        id: `busy-${tag}-${++n}`,
        t: Math.floor(at),
        author,
        target,
        type: 'mention',
        text: kind === 'campaign' ? `New week, new goals! #${tag}` : `Worth a read today #${tag}`,
        tags: [tag],
      });
    }
  }
  return posts;
}

interface DemoNetwork {
  /** Account ids (without platform) of each community's influencers and members. */
  influencers: string[][];
  members: string[][];
}

/**
 * Writes the demo chats as one more edges file (canonical CSV with a text column, or JSON Lines).
 * Hosts are influencers, participants members of the same community, so the chat page shows real
 * communities and top voices.
 */
export async function writeDemoChats(
  net: DemoNetwork,
  opts: { outDir: string; format: 'csv' | 'jsonl'; rand: () => number },
): Promise<{ file: string; posts: number }> {
  const { rand } = opts;
  const posts: PlantedPost[] = [];
  DEMO_CHATS.forEach((plan, i) => {
    const c = i % net.influencers.length;
    const hosts = net.influencers[c]!.slice(0, 2);
    const pool = net.members[c]!.filter((m) => !hosts.includes(m)).slice(0, 60);
    if (!hosts.length || pool.length < 6) return;
    posts.push(...plantChat(plan, { hosts, pool }, rand, 'demo-chat'));
  });
  const everyone = net.members.flat().slice(0, 400);
  const span = { from: Date.UTC(2025, 0, 1), to: Date.UTC(2025, 5, 30) };
  if (everyone.length >= 10) {
    posts.push(...plantBusyTag('healthnews', 'steady', everyone, span, rand, 15));
    posts.push(...plantBusyTag('medtwitter', 'lunch', everyone, span, rand, 15));
    posts.push(...plantBusyTag('mondaymotivation', 'campaign', everyone, span, rand, 12));
  }
  const file = path.join(opts.outDir, `chats.${opts.format}`);
  const out = createWriteStream(file);
  const lines: string[] = [];
  if (opts.format === 'csv') lines.push('source,target,type,timestamp,post_id,hashtags,text');
  for (const p of posts) {
    const ts = new Date(p.t).toISOString().replace(/\.\d{3}Z$/, 'Z');
    if (opts.format === 'csv') {
      lines.push(
        [p.author, p.target, p.type, ts, p.id, p.tags.map((t) => `#${t}`).join(' '), p.text]
          .map(dataCell)
          .join(','),
      );
    } else {
      lines.push(
        JSON.stringify({
          kind: 'post',
          id: `csv:${p.id}`,
          platform: 'csv',
          author: `csv:${p.author}`,
          createdAt: ts,
          text: p.text,
          hashtags: p.tags,
          interactions: [{ type: p.type, target: `csv:${p.target}` }],
        }),
      );
    }
  }
  await new Promise<void>((resolve, reject) => {
    out.on('error', reject);
    out.end(lines.join('\n') + '\n', () => resolve());
  });
  return { file, posts: posts.length };
}
