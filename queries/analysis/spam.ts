// Spam and bot-like accounts and hashtags, flagged at analysis time so rankings and co-occurrence
// can leave them out by default and show them on request with the reason. Each flag is a short
// sentence a person can check against the profile ("follows 4,900 accounts, followed by 12").
//
// Signals (any one flags an account):
// - follows at least FOLLOWING_MIN accounts and FOLLOWING_RATIO times more than follow it back;
// - most of its hashtag use (≥ 50 %, at least 3 uses) is promotional tags (#followback, #giveaway,
//   #crypto …, SPAM_TAG_PATTERN);
// - wrote at least BUSY_POSTS posts and nobody interacted with any of them;
// - its bio is a template (the same text once digits, links, @handles and emoji are removed) shared by
//   at least TEMPLATE_MIN accounts of which most are flagged by the signals above. A shared bio alone
//   is not enough: hospitals' and clinicians' bios are often boilerplate too.
// A hashtag is spam when it matches SPAM_TAG_PATTERN, or when at least SPAM_USERS_SHARE of the
// accounts using it (at least 5) are flagged.
import { loadCypher } from '../cypher.ts';
import type { Db } from '../db.ts';
import type { IdRange } from './projection.ts';
import { z } from 'zod';

const FOLLOWING_MIN = 2_000;
const FOLLOWING_RATIO = 20;
const BUSY_POSTS = 100;
const TEMPLATE_MIN = 3;
const SPAM_USERS_SHARE = 0.8;

/** Promotional and follow-for-follow tags, whole tag (already lower case, no #). */
const SPAM_TAG_PATTERN =
  /^(?:follow(?:back|4follow|forfollow|train|me|trick)|teamfollowback|f4f|l4l|like4like|likeforlike|sub4sub|giveaways?|giveawayalert|crypto(?:currency|giveaway|news|trading|moon)?|bitcoin|btc|nfts?|airdrops?|forex|binaryoptions|makemoneyonline|earnmoney|passiveincome|freeiphone\w*)$/;

export function isSpamTag(tag: string): boolean {
  return SPAM_TAG_PATTERN.test(tag);
}

const SignalRow = z.object({
  id: z.string(),
  followers: z.number().nullable(),
  following: z.number().nullable(),
  bio: z.string().nullable(),
  posts: z.number(),
});

interface AccountSignals {
  followers: (number | null)[];
  following: (number | null)[];
  bio: (string | null)[];
  posts: number[];
}

/** Reads follower counts, bios and post counts over the same id ranges the projection read. */
export async function readSignals(db: Db, ids: string[], pages: IdRange[]): Promise<AccountSignals> {
  const index = new Map(ids.map((id, i) => [id, i]));
  const n = ids.length;
  const out: AccountSignals = {
    followers: new Array<number | null>(n).fill(null),
    following: new Array<number | null>(n).fill(null),
    bio: new Array<string | null>(n).fill(null),
    posts: new Array<number>(n).fill(0),
  };
  for (const page of pages) {
    for (const raw of await db.read(loadCypher('analysis/spam-signals'), page)) {
      const r = SignalRow.parse(raw);
      const i = index.get(r.id);
      if (i === undefined) continue;
      out.followers[i] = r.followers;
      out.following[i] = r.following;
      out.bio[i] = r.bio;
      out.posts[i] = r.posts;
    }
  }
  return out;
}

/** The bio with what varies between copies of a template removed; '' when too short to compare. */
export function bioTemplate(bio: string | null): string {
  if (!bio) return '';
  const t = bio
    .toLowerCase()
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/[@#]\w+/g, ' ')
    .replace(/[\d$€£.,]+/g, ' ')
    .replace(/[^\p{L}\s]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return t.length >= 12 ? t : '';
}

const count = (x: number) => x.toLocaleString('en-US');

export interface SpamInput extends AccountSignals {
  /** Weighted attention each account received (scores.ts inWeight). */
  inWeight: ArrayLike<number>;
  /** Hashtag use: parallel arrays account index → tag, count (projection.ts). */
  tagAccount: number[];
  tagName: string[];
  tagCount: number[];
}

interface SpamResult {
  /** Reason per account, or null when it looks like a real account. */
  flag: (string | null)[];
  hashtags: { tag: string; reason: string }[];
}

export function flagSpam(s: SpamInput): SpamResult {
  const n = s.posts.length;
  const reasons: string[][] = Array.from({ length: n }, () => []);
  for (let i = 0; i < n; i++) {
    const following = s.following[i] ?? 0;
    const followers = s.followers[i] ?? 0;
    if (following >= FOLLOWING_MIN && following >= FOLLOWING_RATIO * Math.max(1, followers)) {
      reasons[i]!.push(`follows ${count(following)} accounts, followed by ${count(followers)}`);
    }
    if (s.posts[i]! >= BUSY_POSTS && !(s.inWeight[i]! > 0)) {
      reasons[i]!.push(`${count(s.posts[i]!)} posts and no one interacted with them`);
    }
  }
  const tagUses = new Float64Array(n);
  const spamUses = new Float64Array(n);
  const spamTagsOf = new Map<number, Set<string>>();
  for (let k = 0; k < s.tagAccount.length; k++) {
    const i = s.tagAccount[k]!;
    tagUses[i] = tagUses[i]! + s.tagCount[k]!;
    if (isSpamTag(s.tagName[k]!)) {
      spamUses[i] = spamUses[i]! + s.tagCount[k]!;
      let set = spamTagsOf.get(i);
      if (!set) spamTagsOf.set(i, (set = new Set()));
      set.add(s.tagName[k]!);
    }
  }
  for (const [i, tags] of spamTagsOf) {
    if (spamUses[i]! >= 3 && spamUses[i]! >= 0.5 * tagUses[i]!) {
      const shown = [...tags].sort().slice(0, 3);
      reasons[i]!.push(`posts ${shown.map((t) => `#${t}`).join(', ')}`);
    }
  }
  // Templates: groups of the same bio where most members are already flagged.
  const groups = new Map<string, number[]>();
  for (let i = 0; i < n; i++) {
    const t = bioTemplate(s.bio[i] ?? null);
    if (!t) continue;
    let g = groups.get(t);
    if (!g) groups.set(t, (g = []));
    g.push(i);
  }
  for (const g of groups.values()) {
    if (g.length < TEMPLATE_MIN) continue;
    const flagged = g.filter((i) => reasons[i]!.length > 0).length;
    if (flagged * 2 <= g.length) continue;
    for (const i of g) reasons[i]!.push(`bio is a template shared by ${count(g.length)} accounts`);
  }
  const flag = reasons.map((r) => (r.length > 0 ? r.join('; ') : null));

  // Hashtags: by name, or by who uses them.
  const users = new Map<string, { all: number; flagged: number }>();
  for (let k = 0; k < s.tagAccount.length; k++) {
    const tag = s.tagName[k]!;
    let u = users.get(tag);
    if (!u) users.set(tag, (u = { all: 0, flagged: 0 }));
    u.all++;
    if (flag[s.tagAccount[k]!]) u.flagged++;
  }
  const hashtags: { tag: string; reason: string }[] = [];
  for (const [tag, u] of [...users].sort((a, b) => a[0].localeCompare(b[0]))) {
    if (isSpamTag(tag)) hashtags.push({ tag, reason: 'a promotional or follow-for-follow tag' });
    else if (u.all >= 5 && u.flagged >= SPAM_USERS_SHARE * u.all) {
      hashtags.push({
        tag,
        reason: `${Math.round((100 * u.flagged) / u.all)} % of the ${count(u.all)} accounts using it are flagged as spam`,
      });
    }
  }
  return { flag, hashtags };
}
