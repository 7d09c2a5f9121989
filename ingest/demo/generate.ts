// A seeded, realistic healthcare network in the canonical CSV (accounts.csv + edges.csv) or JSON Lines:
// planted communities (one per specialty, most members in its home cities) with a few clear influencers
// each, bridges between them, clinicians, hospitals, researchers and patient advocates, plus noise and
// bot-like accounts. Rows are streamed to disk, so memory stays flat from 2k accounts to 1M interactions.
import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import path from 'node:path';
import { dataCell } from '../../queries/csv.ts';
import { seededRng } from '../../queries/random.ts';
import { writeDemoChats } from './chats.ts';
import {
  BOT_TAGS,
  CITIES,
  COMMUNITIES,
  FIRST,
  GENERIC_TAGS,
  LAST,
  MESSY_LOCATIONS,
  PHRASES,
  type Community,
} from './vocabulary.ts';
import { isPlanted, spamProfile, spamTags } from './spam.ts';
import { mentionTexts } from './mention-texts.ts';

interface DemoOptions {
  outDir: string;
  seed?: number;
  accounts?: number;
  /** Total interactions (rows of edges.csv); default 12 per account. */
  interactions?: number;
  format?: 'csv' | 'jsonl';
  /** Also plant hashtag chats hosted by the influencers (ingest/demo/chats.ts), in one more file. */
  chats?: boolean;
  /**
   * Write texts into some posts that name the demo hospital (ingest/demo/mention-texts.ts), about one
   * mention per ten interactions, so the listening inbox has a realistic load; default true.
   */
  mentions?: boolean;
}

/** Share of the posts that are not reposts whose text names the hospital: ~1 mention per 10 interactions. */
const MENTION_SHARE = 0.19;

interface DemoFiles {
  files: string[];
  accounts: number;
  interactions: number;
  posts: number;
  /** Posts whose text names the demo hospital (what the inbox will hold once its identity is set). */
  mentions: number;
}

type Role = 'advocate' | 'clinician' | 'hospital' | 'researcher' | 'bot' | 'noise';

interface DemoAccount {
  id: string;
  community: number;
  role: Role;
  influencer: boolean;
  planted?: boolean;
}

class LineWriter {
  private buf: string[] = [];
  private size = 0;
  constructor(private readonly stream: WriteStream) {}
  async line(s: string) {
    this.buf.push(s);
    this.size += s.length + 1;
    if (this.size > 1 << 16) await this.flush();
  }
  async flush() {
    if (!this.buf.length) return;
    const chunk = this.buf.join('\n') + '\n';
    this.buf = [];
    this.size = 0;
    if (!this.stream.write(chunk)) await new Promise<void>((r) => this.stream.once('drain', r));
  }
  async close() {
    await this.flush();
    await new Promise<void>((resolve, reject) =>
      this.stream.end((e?: Error | null) => (e ? reject(e) : resolve())),
    );
  }
}

export async function generateDemo(opts: DemoOptions): Promise<DemoFiles> {
  const rand = seededRng(opts.seed ?? 42);
  const n = Math.max(20, Math.trunc(opts.accounts ?? 2000));
  const total = Math.max(1, Math.trunc(opts.interactions ?? n * 12));
  const format = opts.format ?? 'csv';
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  mkdirSync(opts.outDir, { recursive: true });

  // Accounts: community, role and influencers first (they decide who talks to whom).
  const accounts: DemoAccount[] = [];
  const members: number[][] = COMMUNITIES.map(() => []);
  const influencers: number[][] = COMMUNITIES.map(() => []);
  const bots: number[] = [];
  for (let i = 0; i < n; i++) {
    const community = Math.floor(rand() * COMMUNITIES.length);
    const r = rand();
    const role: Role =
      r < 0.04
        ? 'hospital'
        : r < 0.22
          ? 'clinician'
          : r < 0.3
            ? 'researcher'
            : r < 0.34
              ? 'bot'
              : r < 0.42
                ? 'noise'
                : 'advocate';
    const planted = isPlanted(i, n);
    accounts.push({
      id: String(100000 + i),
      community,
      role: planted ? 'bot' : role,
      influencer: false,
      planted,
    });
    if (role === 'bot' || planted) bots.push(i);
    else if (role !== 'noise') members[community]!.push(i);
  }
  // A few clear influencers per community: 3 + one per 500 accounts, at least one clinician when possible.
  const perCommunity = 3 + Math.floor(n / 500 / COMMUNITIES.length);
  members.forEach((m, c) => {
    const pool = [...m].sort(
      (a, b) => Number(accounts[b]!.role === 'clinician') - Number(accounts[a]!.role === 'clinician'),
    );
    for (const i of pool.slice(0, Math.min(perCommunity, pool.length))) {
      accounts[i]!.influencer = true;
      influencers[c]!.push(i);
    }
  });

  const handles = new Set<string>();
  const ext = format === 'csv' ? 'csv' : 'jsonl';
  const accountsFile = path.join(opts.outDir, format === 'csv' ? 'accounts.csv' : 'demo.jsonl');
  const edgesFile = path.join(opts.outDir, `edges.${ext}`);
  const aw = new LineWriter(createWriteStream(accountsFile));
  if (format === 'csv')
    await aw.line('id,handle,name,bio,location,followers,following,verified,platform,url');

  for (const a of accounts) {
    const c = COMMUNITIES[a.community]!;
    const first = pick(FIRST);
    const last = pick(LAST);
    const real = profile(a, c, first, last, pick, rand);
    const { name, handleBase, bio } = a.planted ? spamProfile(accounts.length - Number(a.id) + 99999) : real;
    let handle = handleBase.replace(/[^A-Za-z0-9_]/g, '').slice(0, 12) || 'user';
    while (handles.has(handle.toLowerCase())) handle = `${handle.slice(0, 11)}${Math.floor(rand() * 1000)}`;
    handles.add(handle.toLowerCase());
    const followers = a.influencer
      ? 20000 + Math.floor(rand() * 180000)
      : a.role === 'bot'
        ? Math.floor(rand() * 50)
        : a.role === 'hospital'
          ? 5000 + Math.floor(rand() * 40000)
          : Math.floor(50 * Math.exp(rand() * 5));
    const following = a.role === 'bot' ? 3000 + Math.floor(rand() * 4000) : Math.floor(40 + rand() * 900);
    const location = locationFor(a, c, pick, rand);
    const row = {
      id: a.id,
      handle,
      name,
      bio,
      location,
      followers,
      following,
      verified: a.influencer || a.role === 'hospital' ? rand() < 0.7 : false,
      platform: 'csv',
      url: `https://social.example/@${handle}`,
    };
    if (format === 'csv') {
      await aw.line(Object.values(row).map(dataCell).join(','));
    } else {
      const { id, platform, ...rest } = row;
      await aw.line(JSON.stringify({ kind: 'account', id: `${platform}:${id}`, platform, ...rest }));
    }
  }
  if (format === 'csv') await aw.close();

  // Interactions: posts with one to three interactions each, and follows.
  const ew = format === 'csv' ? new LineWriter(createWriteStream(edgesFile)) : aw;
  if (format === 'csv') await ew.line('source,target,type,timestamp,post_id,hashtags,text');
  const texts = mentionTexts(seededRng((opts.seed ?? 42) + 31), opts.mentions === false ? 0 : MENTION_SHARE);
  const start = Date.UTC(2025, 0, 1);
  const span = 180 * 24 * 3600 * 1000;
  let written = 0;
  let posts = 0;
  const targetFor = (author: number): number => {
    const a = accounts[author]!;
    const r = rand();
    if (a.role === 'bot' || a.role === 'noise') {
      // Bots amplify whoever is popular anywhere; noise talks to anyone.
      return r < 0.6 ? pick(influencers[Math.floor(rand() * COMMUNITIES.length)]!) : Math.floor(rand() * n);
    }
    const c = a.community;
    if (r < 0.45 && influencers[c]!.length) return pick(influencers[c]!);
    if (r < 0.88 && members[c]!.length) return pick(members[c]!);
    if (r < 0.96)
      return pick(influencers[Math.floor(rand() * COMMUNITIES.length)]!) ?? Math.floor(rand() * n);
    return Math.floor(rand() * n);
  };
  const authorFor = (): number => {
    const r = rand();
    if (r < 0.12) return pick(influencers[Math.floor(rand() * COMMUNITIES.length)]!) ?? 0;
    if (r < 0.2 && bots.length) return pick(bots);
    return Math.floor(rand() * n);
  };

  while (written < total) {
    const author = authorFor();
    const a = accounts[author]!;
    const ts = new Date(start + Math.floor(rand() * span)).toISOString().replace(/\.\d{3}Z$/, 'Z');
    if (rand() < 0.1) {
      let target = targetFor(author);
      if (target === author) target = (target + 1) % n;
      await edge(ew, format, a.id, accounts[target]!.id, 'follow', ts, '', [], undefined);
      written += 1;
      continue;
    }
    posts += 1;
    const postId = `p${posts}`;
    const c = COMMUNITIES[a.community]!;
    const tags = a.planted
      ? spamTags(pick)
      : a.role === 'bot'
        ? [pick(BOT_TAGS), pick(BOT_TAGS)]
        : a.role === 'noise'
          ? rand() < 0.5
            ? [pick(GENERIC_TAGS)]
            : []
          : [
              pick(c.hashtags),
              ...(rand() < 0.4 ? [pick(c.hashtags)] : []),
              ...(rand() < 0.15 ? [pick(GENERIC_TAGS)] : []),
            ];
    const r = rand();
    const type =
      a.role === 'bot' ? 'repost' : r < 0.45 ? 'mention' : r < 0.72 ? 'reply' : r < 0.93 ? 'repost' : 'quote';
    // A repost or reply has one target; a mention or quote post may name up to three people.
    const count = type === 'mention' || type === 'quote' ? 1 + Math.floor(rand() * rand() * 3) : 1;
    const used = new Set<number>([author]);
    // A repost's text is the original's, so only posts of their own may name the hospital.
    const text = type === 'repost' ? undefined : texts.next();
    for (let k = 0; k < count && written < total; k++) {
      const target = targetFor(author);
      if (used.has(target)) continue;
      used.add(target);
      await edge(ew, format, a.id, accounts[target]!.id, k === 0 ? type : 'mention', ts, postId, tags, text);
      written += 1;
    }
  }
  await ew.close();
  const files = format === 'csv' ? [accountsFile, edgesFile] : [accountsFile];
  if (opts.chats) {
    const ids = (lists: number[][]) => lists.map((l) => l.map((i) => accounts[i]!.id));
    const chats = await writeDemoChats(
      { influencers: ids(influencers), members: ids(members) },
      { outDir: opts.outDir, format, rand: seededRng((opts.seed ?? 42) + 19) },
    );
    files.push(chats.file);
    posts += chats.posts;
  }
  return {
    files,
    accounts: n,
    interactions: written,
    posts,
    mentions: texts.named,
  };
}

async function edge(
  w: LineWriter,
  format: 'csv' | 'jsonl',
  source: string,
  target: string,
  type: string,
  ts: string,
  postId: string,
  tags: string[],
  text: string | undefined,
) {
  if (format === 'csv') {
    await w.line(
      [source, target, type, ts, postId, tags.map((t) => `#${t}`).join(' '), text].map(dataCell).join(','),
    );
  } else if (type === 'follow') {
    await w.line(JSON.stringify({ kind: 'follow', source: `csv:${source}`, target: `csv:${target}` }));
  } else {
    await w.line(
      JSON.stringify({
        kind: 'post',
        id: `csv:${postId}`,
        platform: 'csv',
        author: `csv:${source}`,
        createdAt: ts,
        hashtags: tags,
        ...(text === undefined ? {} : { text }),
        interactions: [{ type, target: `csv:${target}` }],
      }),
    );
  }
}

function profile(
  a: DemoAccount,
  c: Community,
  first: string,
  last: string,
  pick: <T>(xs: readonly T[]) => T,
  rand: () => number,
): { name: string; handleBase: string; bio: string } {
  const tag = `#${pick(c.hashtags)}`;
  switch (a.role) {
    case 'hospital': {
      const city = CITIES[pick(c.home)]![0];
      const name = `${city} ${pick(c.hospital)}`;
      return {
        name,
        handleBase: name.replace(/\s+/g, ''),
        bio: `Official account of ${name}. Care, research and education. ${tag}`,
      };
    }
    case 'clinician': {
      const spec = pick(c.clinician);
      const cred = /nurse|RN|NP/.test(spec) ? '' : rand() < 0.5 ? ', MD' : ', DO';
      const doctor = cred ? 'Dr' : '';
      return {
        name: `${doctor ? 'Dr. ' : ''}${first} ${last}${cred}`,
        handleBase: `${doctor}${last}${first.slice(0, 1)}`,
        bio: `${spec[0]!.toUpperCase()}${spec.slice(1)}. ${pick(PHRASES.clinician)} ${tag}`,
      };
    }
    case 'researcher':
      return {
        name: `${first} ${last}, PhD`,
        handleBase: `${first.slice(0, 1)}${last}Lab`,
        bio: `${pick(PHRASES.researcher)} studying ${pick(c.topic).replace(/^(living with|a )/i, '')}. ${tag}`,
      };
    case 'bot':
      return {
        name: `${pick(['Health', 'Wellness', 'Vital', 'Cure'])} ${pick(['Deals', 'Tips', 'Daily', 'Hub'])} ${Math.floor(rand() * 999)}`,
        handleBase: `health${Math.floor(rand() * 1e6)}`,
        bio: pick(PHRASES.bot),
      };
    case 'noise':
      return {
        name: `${first} ${last.slice(0, 1)}.`,
        handleBase: `${first}${Math.floor(rand() * 9999)}`,
        bio: rand() < 0.5 ? '' : 'coffee, dogs, hiking',
      };
    default: {
      const topic = pick(c.topic);
      return {
        name: `${first} ${last}`,
        handleBase: `${first}${pick(['', '_', 'The'])}${last}`.slice(0, 12),
        bio: `${topic[0]!.toUpperCase()}${topic.slice(1)}. ${pick(PHRASES.advocate)} ${tag}`,
      };
    }
  }
}

function locationFor(
  a: DemoAccount,
  c: Community,
  pick: <T>(xs: readonly T[]) => T,
  rand: () => number,
): string {
  const r = rand();
  if (a.role === 'bot') return r < 0.7 ? '' : pick(['Worldwide', 'Online', 'USA']);
  if (r < 0.12) return '';
  if (r < 0.22) return pick(MESSY_LOCATIONS);
  const [city, state] = CITIES[rand() < 0.7 ? pick(c.home) : Math.floor(rand() * CITIES.length)]!;
  const style = rand();
  return style < 0.5
    ? `${city}, ${state}`
    : style < 0.8
      ? city
      : style < 0.9
        ? `${city} ${state}`
        : `${city.toUpperCase()}`;
}
