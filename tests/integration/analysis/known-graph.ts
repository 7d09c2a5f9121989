// A small social graph whose right answers are known, written in the shape queries/README.md
// describes (Account, INTERACTS with per-type counts, USED, Post-TAGGED-Hashtag), directly with Cypher.
//
// Two clear communities: a type 1 diabetes circle around Boston (with one strong diabetes voice in
// San Francisco) and a breast-cancer circle in Seattle, joined by one bridge account. In the diabetes
// circle everyone replies to @bos_t1d_nurse, so she is the top diabetes influencer near Boston; the
// San Francisco account gets even more attention but is 4,300 km away.
import type { Db } from '../../../queries/db.ts';

interface KnownAccount {
  id: string;
  handle: string;
  name: string;
  bio: string;
  location: string;
  roleOverride?: string;
}

const A = (id: string, handle: string, bio: string, location: string, extra: Partial<KnownAccount> = {}) => ({
  id: `x:${id}`,
  handle,
  name: handle.replace(/_/g, ' '),
  bio,
  location,
  ...extra,
});

export const accounts: KnownAccount[] = [
  A('d0', 'bos_t1d_nurse', 'Pediatric nurse, RN. Living with T1D since 1990.', 'Cambridge, MA'),
  A('d1', 'beacon_hill_bg', 'Type 1 diabetes dad of two', 'Boston, MA 🦞'),
  A('d2', 'somerville_pump', 'T1D advocate, insulin pump life', 'Somerville, Massachusetts'),
  A('d3', 'quincy_cgm', 'mom of a T1D kid', 'Quincy MA'),
  A('d4', 'newton_diabetes', 'Diabetes researcher, PhD', 'Newton, MA'),
  A('d5', 'sf_t1d_voice', 'T1D since 2001. Writing about #insulin4all', 'SF, CA'),
  A('d6', 'worcester_doc', 'Endocrinologist, MD', 'Worcester, MA'),
  A('d7', 'bos_diabetes_center', 'We help families with diabetes', 'Boston', {
    roleOverride: 'organisation',
  }),
  A('c0', 'sea_bcsm', 'Breast cancer survivor and advocate #bcsm', 'Seattle, WA'),
  A('c1', 'tacoma_onc', 'Oncologist. MD.', 'Tacoma, WA'),
  A('c2', 'bellevue_pink', 'Living with metastatic breast cancer', 'Bellevue, Washington'),
  A('c3', 'redmond_survivor', 'cancer survivor', 'Redmond, WA'),
  A('c4', 'everett_caregiver', 'caregiver to my wife', 'Planet Earth 🌍'),
  A('c5', 'nowhere_bcsm', 'bcsm community', 'somewhere over the rainbow'),
  A('b0', 'health_bridge', 'Public health people and patients', 'Chicago, IL'),
];

type Counts = Partial<Record<'mention' | 'reply' | 'repost' | 'quote' | 'follow', number>>;
const I = (s: string, t: string, c: Counts): [string, string, Counts] => [`x:${s}`, `x:${t}`, c];

const interactions: [string, string, Counts][] = [
  // Diabetes circle: everyone replies to d0; d5 (SF) gets reposts from everyone.
  I('d1', 'd0', { reply: 4, mention: 2 }),
  I('d2', 'd0', { reply: 3 }),
  I('d3', 'd0', { reply: 2, quote: 1 }),
  I('d4', 'd0', { reply: 1 }),
  I('d6', 'd0', { reply: 2 }),
  I('d7', 'd0', { mention: 2 }),
  I('d0', 'd1', { reply: 1 }),
  I('d2', 'd3', { mention: 1 }),
  I('d1', 'd5', { repost: 6 }),
  I('d2', 'd5', { repost: 6 }),
  I('d3', 'd5', { repost: 6 }),
  I('d4', 'd5', { repost: 6 }),
  I('d6', 'd5', { repost: 6 }),
  I('d7', 'd5', { repost: 6 }),
  I('d0', 'd5', { repost: 6 }),
  I('d4', 'd6', { mention: 1 }),
  I('d7', 'd6', { mention: 1 }),
  // Cancer circle around c0.
  I('c1', 'c0', { reply: 3 }),
  I('c2', 'c0', { reply: 3, quote: 1 }),
  I('c3', 'c0', { reply: 2 }),
  I('c4', 'c0', { mention: 2 }),
  I('c5', 'c0', { reply: 1 }),
  I('c0', 'c1', { reply: 2 }),
  I('c2', 'c1', { mention: 1 }),
  I('c3', 'c2', { mention: 1 }),
  I('c4', 'c3', { follow: 1, mention: 1 }),
  // The bridge talks to both circles a little.
  I('b0', 'd0', { mention: 1 }),
  I('b0', 'c0', { mention: 1 }),
];

const hashtagUse: [string, string, number][] = [
  ['x:d0', 't1d', 9],
  ['x:d0', 'diabetes', 3],
  ['x:d1', 't1d', 4],
  ['x:d2', 't1d', 2],
  ['x:d2', 'wearenotwaiting', 2],
  ['x:d3', 't1d', 2],
  ['x:d4', 'diabetes', 2],
  ['x:d5', 't1d', 8],
  ['x:d5', 'insulin4all', 5],
  ['x:d6', 'diabetes', 1],
  ['x:c0', 'bcsm', 7],
  ['x:c1', 'bcsm', 2],
  ['x:c1', 'oncology', 2],
  ['x:c2', 'bcsm', 3],
  ['x:c3', 'bcsm', 1],
  ['x:b0', 'publichealth', 2],
];

/** Posts for the hashtag co-occurrence projection: [post id, author, tags]. */
const posts: [string, string, string[]][] = [
  ['x:p1', 'x:d0', ['t1d', 'diabetes']],
  ['x:p2', 'x:d1', ['t1d', 'diabetes']],
  ['x:p3', 'x:d5', ['t1d', 'insulin4all']],
  ['x:p4', 'x:d2', ['t1d', 'wearenotwaiting']],
  ['x:p5', 'x:c0', ['bcsm', 'oncology']],
  ['x:p6', 'x:c1', ['bcsm', 'oncology']],
  ['x:p7', 'x:c2', ['bcsm', 'oncology']],
];

const TYPES = ['mention', 'reply', 'repost', 'quote', 'follow'] as const;

export async function writeKnownGraph(db: Db): Promise<void> {
  await db.write(
    `UNWIND $accounts AS a
     MERGE (x:Account {id: a.id})
     SET x.platform = 'x', x.handle = a.handle, x.handleLower = toLower(a.handle), x.name = a.name,
         x.bio = a.bio, x.location = a.location, x.roleOverride = a.roleOverride`,
    { accounts: accounts.map((a) => ({ roleOverride: null, ...a })) },
  );
  await db.write(
    `UNWIND $rows AS r
     MATCH (s:Account {id: r.s}), (t:Account {id: r.t})
     MERGE (s)-[i:INTERACTS]->(t)
     SET i.mention = r.mention, i.reply = r.reply, i.repost = r.repost, i.quote = r.quote,
         i.follow = r.follow, i.total = r.total`,
    {
      rows: interactions.map(([s, t, c]) => {
        const row: Record<string, unknown> = { s, t };
        let total = 0;
        for (const k of TYPES) {
          row[k] = c[k] ?? 0;
          total += c[k] ?? 0;
        }
        return { ...row, total };
      }),
    },
  );
  await db.write(
    `UNWIND $rows AS r
     MATCH (a:Account {id: r[0]})
     MERGE (h:Hashtag {tag: r[1]})
     MERGE (a)-[u:USED]->(h) SET u.count = r[2]`,
    { rows: hashtagUse },
  );
  await db.write(
    `UNWIND $rows AS r
     MATCH (a:Account {id: r[1]})
     MERGE (p:Post {id: r[0]}) SET p.platform = 'x'
     MERGE (a)-[:POSTED]->(p)
     WITH p, r UNWIND r[2] AS tag
     MERGE (h:Hashtag {tag: tag})
     MERGE (p)-[:TAGGED]->(h)`,
    { rows: posts },
  );
}
