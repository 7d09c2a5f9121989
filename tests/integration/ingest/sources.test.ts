// Every source on real (or, where none exists, hand-made) fixtures. The expected numbers were counted
// by hand from the raw files; each block says how.
import { describe, expect, it } from 'vitest';
import type { Db } from '../../../queries/db.ts';
import { useTestGraph, resetGraph } from '../../helpers/db.ts';
import { derivedMismatches, graphState } from './state.ts';
import { fixture, load } from './load.ts';

let db: Db;
useTestGraph((opened) => (db = opened), { eachTest: true });

const none = { mention: 0, reply: 0, repost: 0, quote: 0, follow: 0 };

describe('X API v2', () => {
  const files = ['x/two_tweets.jsonl', 'x/quoted_edit.jsonl', 'x/mentions_tweet.jsonl'].map(fixture);

  it('loads raw response pages with the interaction semantics of DESIGN.md', async () => {
    // Hand count:
    // two_tweets: @LachiVeronica retweets @bibaigna96's tweet (in includes.tweets) → 1 repost; the RT's
    //   "@bibaigna96" mention and #POIUYTREWQ belong to the original, which is tagged #poiuytrewq.
    // quoted_edit: @dappdavid99 replies to and quotes @wongmjane and mentions her → reply 1, quote 1,
    //   no mention (the reply target is not also a mention); includes.tweets repeats the data tweet.
    // mentions_tweet: @BaldManGamer retweets @S3NT1N3L17, whose tweet mentions 8 accounts (ids given)
    //   and tags #Xbox #PlayStation #gaming → repost 1, mention 8.
    // Posts 2 + 3 + 2 = 7; accounts 2 + 2 + (2 + 8 mentioned) = 14; hashtags 1 + 0 + 3 = 4.
    const s = await load(db, files);
    expect(s).toMatchObject({ read: 3, loaded: 3, duplicates: 0, rejected: 0, unresolved: 0 });
    expect(s.files.map((f) => f.format)).toEqual(['x-v2', 'x-v2', 'x-v2']);
    const { stats } = await graphState(db);
    expect(stats).toEqual({
      accounts: 14,
      hashtags: 4,
      posts: 7,
      interactions: { mention: 8, reply: 1, repost: 2, quote: 1, follow: 0 },
    });
    const [pair] = await db.read(
      `MATCH (:Account {handleLower: 'dappdavid99'})-[i:INTERACTS]->(:Account {handleLower: 'wongmjane'})
       RETURN i.reply AS reply, i.quote AS quote, i.mention AS mention, i.total AS total`,
    );
    expect(pair).toEqual({ reply: 1, quote: 1, mention: 0, total: 2 });
    const [author] = await db.read(
      `MATCH (a:Account {id: 'x:1221317221714157569'})-[u:USED]->(h:Hashtag) RETURN collect(h.tag + ':' + u.count) AS used`,
    );
    expect((author?.used as string[]).sort()).toEqual(['gaming:1', 'playstation:1', 'xbox:1']);
    expect(await derivedMismatches(db)).toBe(0);
  });

  it('loads a filtered stream whose last line was cut off: 7 tweets, 1 reject', async () => {
    // Hand count: 8 lines; lines 1–7 are complete stream messages (data is one tweet each); line 8 stops
    // mid-object. Each message is one row.
    const s = await load(db, [fixture('x/streaming_output_with_error.jsonl')]);
    expect(s).toMatchObject({ read: 8, loaded: 7, rejected: 1 });
    expect(s.rejects).toHaveLength(1);
    expect(s.rejects[0]).toMatchObject({ line: 8, reason: expect.stringMatching(/not valid JSON/) });
    const { stats } = await graphState(db);
    expect(stats.posts).toBeGreaterThanOrEqual(7);
  });
});

describe('Mastodon', () => {
  it('loads an account timeline: replies resolved through mentions, self-replies dropped', async () => {
    // Hand count over get_account_statuses_default.json (20 statuses by @schochastics@fosstodon.org):
    // 11 have in_reply_to_account_id; 2 of them reply to himself → 9 replies. Mentions other than the
    // reply target: 1 (maelle) + 2 (haraldkliems, termehs) + 1 (christophsax) + 1 + 1 (coolbutuseless,
    // twice in different posts) + 4 (self-reply naming djnavarro, TazPoltorak, reesericci, danwwilson)
    // + 1 (Lluis_Revilla) = 11. Accounts: the author + 15 distinct mentioned accounts = 16.
    // Tags: rstats, QuartoPub, adventofcode = 3.
    const s = await load(db, [fixture('mastodon/get_account_statuses_default.json')]);
    expect(s).toMatchObject({ read: 20, loaded: 20, rejected: 0, unresolved: 0 });
    expect(s.files[0]?.format).toBe('mastodon');
    expect((await graphState(db)).stats).toEqual({
      accounts: 16,
      hashtags: 3,
      posts: 20,
      interactions: { ...none, mention: 11, reply: 9 },
    });
    // An acct without a domain gets the instance's host.
    const [a] = await db.read(
      `MATCH (a:Account {id: 'mastodon:schochastics@fosstodon.org'}) RETURN a.handle AS h`,
    );
    expect(a?.h).toBe('schochastics@fosstodon.org');
    expect(await derivedMismatches(db)).toBe(0);
  });

  it('loads a single status, a context and a hashtag timeline', async () => {
    // Hand count: status → 1 post by schochastics mentioning maelle@mastodon.social, #rstats.
    // context → 1 ancestor by schochastics, #QuartoPub #rstats, no mentions.
    // hashtag timeline → 5 statuses by 5 authors; mentions snystrom@genomic.social and schochastics
    // (fosstodon.org, the same account as above); tags rstats, user2025, aws, rtoot,
    // functionalprogramming. Accounts: schochastics, maelle, 5 authors, snystrom = 8.
    // Hashtags: rstats, quartopub, user2025, aws, rtoot, functionalprogramming = 6.
    const s = await load(
      db,
      [
        'get_status_anonymous.json',
        'get_context_with_ancesters.json',
        'get_timeline_hashtag_default.json',
      ].map((f) => fixture(`mastodon/${f}`)),
    );
    expect(s).toMatchObject({ read: 7, loaded: 7, rejected: 0 });
    expect((await graphState(db)).stats).toEqual({
      accounts: 8,
      hashtags: 6,
      posts: 7,
      interactions: { ...none, mention: 3 },
    });
  });
});

describe('Bluesky', () => {
  it('loads getQuotes, getRepostedBy, getPostThread and getFollows', async () => {
    // Hand count:
    // f_getquotes: 2 posts quote chriskenny-adjacent did:plc:5c2r…'s post (embed.record and
    //   recordWithMedia) → quote 2; the first mentions 5c2r… and wpe35… (2), the second 5c2r… (1)
    //   → mention 3; both tag #rstats. The quoted post (embedded view) is a post too; its only mention
    //   is its own author (dropped). Posts 3, accounts 3.
    // f_reposts: did:plc:jyoll… reposted did:plc:ic6z…'s post → repost 1 (1 derived repost post).
    // f_postthread: that same ic6z… post, link facets only, no replies → 1 post.
    // g_follows: wpe35… follows 48 distinct profiles → follow 48.
    // Accounts: 5c2r, 3ixx, wpe35 + jyoll, ic6z + 48 followed (none of the above) = 53.
    const files = ['f_getquotes.json', 'f_reposts.json', 'f_postthread.json', 'g_follows.json'].map((f) =>
      fixture(`bluesky/${f}`),
    );
    const s = await load(db, files);
    expect(s).toMatchObject({ read: 2 + 1 + 1 + 48, loaded: 52, rejected: 0 });
    expect(s.files.map((f) => f.format)).toEqual(['bluesky', 'bluesky', 'bluesky', 'bluesky']);
    expect((await graphState(db)).stats).toEqual({
      accounts: 53,
      hashtags: 1,
      posts: 5,
      interactions: { ...none, mention: 3, quote: 2, repost: 1, follow: 48 },
    });
    expect(await derivedMismatches(db)).toBe(0);
  });
});

describe('canonical CSV', () => {
  it('loads accounts.csv and edges.csv with rejects, duplicates and newest-wins accounts', async () => {
    // Hand count (tests/fixtures/ingest/csv): accounts.csv has 6 rows; bad_row's followers "lots" is
    // rejected; the second dr_lee row changes location and followers → 5 loaded.
    // edges.csv has 13 rows: 4 rejects (self mention, type "like", missing target, weight "abc"), one
    // exact repeat of the endo_sam repost (duplicate) → 8 loaded. Posts: p1, p2, p3 and 2 rows without
    // post_id = 5. Mentions: p1 → t1d_maria, p1 → endo_sam, hospital_bos → t1d_maria = 3; reply 1,
    // repost 1, quote 1 (weight 2), follow 2. Hashtags: t1d, diabetes, medtwitter, hcsm, insulin4all
    // (#cardiology was only on a rejected row) = 5. Accounts: 5 in edges + newcomer = 6.
    const s = await load(db, [fixture('csv/accounts.csv'), fixture('csv/edges.csv')]);
    expect(s.files).toEqual([
      { file: fixture('csv/accounts.csv'), format: 'csv', read: 6, loaded: 5, duplicates: 0, rejected: 1 },
      { file: fixture('csv/edges.csv'), format: 'csv', read: 13, loaded: 8, duplicates: 1, rejected: 4 },
    ]);
    expect(s.rejects.map((r) => [r.line, r.reason])).toEqual([
      [7, expect.stringMatching(/^followers must be a whole number/)],
      [10, expect.stringMatching(/same account/)],
      [11, expect.stringMatching(/^type must be/)],
      [12, 'target is required'],
      [13, expect.stringMatching(/^weight must be a positive number/)],
    ]);
    expect((await graphState(db)).stats).toEqual({
      accounts: 6,
      hashtags: 5,
      posts: 5,
      interactions: { mention: 3, reply: 1, repost: 1, quote: 1, follow: 2 },
    });
    const [lee] = await db.read(
      `MATCH (a:Account {id: 'csv:dr_lee'})
       RETURN a.handle AS handle, a.handleLower AS handleLower, a.bio AS bio, a.location AS location,
              a.followers AS followers, a.following AS following, a.verified AS verified`,
    );
    expect(lee).toEqual({
      handle: 'DrLeeEndo',
      handleLower: 'drleeendo',
      bio: 'Endocrinologist. #T1D research, views my own',
      location: 'Cambridge MA',
      followers: 15300,
      following: 310,
      verified: true,
    });
    const [quote] = await db.read(
      `MATCH (:Account {id: 'csv:nurse_kay'})-[i:INTERACTS]->(:Account {id: 'csv:t1d_maria'})
       RETURN i.quote AS quote, i.total AS total`,
    );
    expect(quote).toEqual({ quote: 2, total: 2 });
    expect(await derivedMismatches(db)).toBe(0);
  });
});

describe('JSON Lines, GraphML and GEXF', () => {
  it('keeps Unicode handles and normalises hashtags (NFC, lower case, no #)', async () => {
    // Hand count (jsonl/unicode.jsonl): 2 accounts; post u1 tags "Diabe\u0300te" (decomposed),
    // "＃Santé", "#SANTÉ" → diabète, santé; u2 tags "Diabète" (composed, the same tag) and t1d → 3 tags.
    // u2 mentions its own author (dropped). The last line is an older observation of josé: its name
    // does not win, its bio fills the empty one.
    const s = await load(db, [fixture('jsonl/unicode.jsonl')]);
    expect(s).toMatchObject({ read: 6, loaded: 6, rejected: 0 });
    expect((await graphState(db)).stats).toEqual({
      accounts: 2,
      hashtags: 3,
      posts: 2,
      interactions: { ...none, mention: 1, reply: 1, follow: 1 },
    });
    const tags = await db.read('MATCH (h:Hashtag) RETURN h.tag AS tag ORDER BY tag');
    expect(tags.map((t) => t.tag)).toEqual(['diabète'.normalize('NFC'), 'santé'.normalize('NFC'), 't1d']);
    const [jose] = await db.read(
      `MATCH (a:Account {handleLower: $h}) RETURN a.id AS id, a.name AS name, a.bio AS bio`,
      { h: 'josé_méndez' },
    );
    expect(jose).toEqual({
      id: 'csv:josé',
      name: 'José Méndez',
      bio: 'older bio, still fills the empty one',
    });
    const [used] = await db.read(
      `MATCH (:Account {id: 'csv:用户'})-[u:USED]->(:Hashtag {tag: 'diabète'}) RETURN u.count AS n`,
    );
    expect(used?.n).toBe(1);
  });

  it('loads GraphML (networkx) and GEXF (Gephi)', async () => {
    // Hand count: florentine_families.graphml has 15 <node> and 20 <edge> without attributes → 15
    // accounts, 20 mentions (the default type), one derived post each.
    const g = await load(db, [fixture('graph/florentine_families.graphml')]);
    expect(g).toMatchObject({ read: 35, loaded: 35, rejected: 0 });
    expect((await graphState(db)).stats).toEqual({
      accounts: 15,
      hashtags: 0,
      posts: 20,
      interactions: { ...none, mention: 20 },
    });
    await resetGraph(db);
    // care-network.gexf: 4 nodes; 5 edges, one of each type; hashtags "#T1D #Diabète", "diabetes", "T1D"
    // → t1d, diabète, diabetes.
    const x = await load(db, [fixture('graph/care-network.gexf')]);
    expect(x).toMatchObject({ read: 9, loaded: 9, rejected: 0 });
    expect((await graphState(db)).stats).toEqual({
      accounts: 4,
      hashtags: 3,
      posts: 4,
      interactions: { mention: 1, reply: 1, repost: 1, quote: 1, follow: 1 },
    });
    const [ana] = await db.read(
      `MATCH (a:Account {id: 'gexf:ana'}) RETURN a.name AS name, a.location AS loc, a.followers AS f`,
    );
    expect(ana).toEqual({ name: 'Dr. Ana Muñoz', loc: 'Boston, MA', f: 15200 });
  });
});

describe('loading twice', () => {
  it('changes nothing: same stats, same checksum, every row a duplicate', async () => {
    const files = [
      fixture('csv/accounts.csv'),
      fixture('csv/edges.csv'),
      fixture('x/mentions_tweet.jsonl'),
      fixture('mastodon/get_account_statuses_default.json'),
      fixture('bluesky/f_getquotes.json'),
      fixture('jsonl/unicode.jsonl'),
      fixture('graph/care-network.gexf'),
    ];
    const first = await load(db, files);
    const once = await graphState(db);
    const second = await load(db, files);
    expect(await graphState(db)).toEqual(once);
    expect(second.loaded).toBe(0);
    expect(second.duplicates).toBe(first.loaded + first.duplicates);
    expect(second.rejected).toBe(first.rejected);
    expect(second.read).toBe(second.loaded + second.duplicates + second.rejected);
  });
});
