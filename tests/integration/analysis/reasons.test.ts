// The reasons an influencer is shown with: the strongest incoming interactions, each (source, type,
// count) ranked by count × the type's default weight (reply and quote 2, repost 1.5, mention 1,
// follow 0.5), ties going to the lower source id and then to the type order mention, reply, repost,
// quote, follow. The graph is written directly, so every count is known.
import { describe, expect, it } from 'vitest';
import { writeSummaries } from '../../../queries/analysis/summaries.ts';
import type { Db } from '../../../queries/db.ts';
import { findInfluencers } from '../../../queries/influencers.ts';
import { useTestGraph } from '../../helpers/db.ts';

describe('influencer reasons', () => {
  let db: Db;
  useTestGraph((opened) => (db = opened));

  it('are the three strongest (source, type) pairs, in a stable order', async () => {
    await db.write(
      `
      CREATE (t:Account {id: 'x:t', handle: 'target', score: 0.9})
      CREATE (q:Account {id: 'x:quiet', handle: 'quiet', score: 0.1})
      WITH t
      UNWIND $sources AS s
      CREATE (a:Account {id: s.id, handle: s.id})
      CREATE (a)-[:INTERACTS {mention: s.mention, reply: s.reply, repost: s.repost, quote: s.quote,
                              follow: s.follow}]->(t)`,
      {
        sources: [
          // mention 6 = 6, reply 3 = 6: a tie inside one pair, mention first.
          { id: 'x:b', mention: 6, reply: 3, repost: 0, quote: 0, follow: 0 },
          // repost 4 = 6 ties with b's two; b's id is lower.
          { id: 'x:c', mention: 0, reply: 0, repost: 4, quote: 0, follow: 1 },
          // quote 3 = 6 too, but a has the lowest id of all: first.
          { id: 'x:a', mention: 1, reply: 0, repost: 0, quote: 3, follow: 0 },
          // Many follows weigh less than one strong reply: 10 × 0.5 = 5.
          { id: 'x:d', mention: 0, reply: 0, repost: 0, quote: 0, follow: 10 },
          // Nothing counted: never a reason.
          { id: 'x:e', mention: 0, reply: 0, repost: 0, quote: 0, follow: 0 },
        ],
      },
    );
    // Reasons are stored at analysis time (issue 15); the scores above were written by hand.
    await writeSummaries(db);
    const { items } = await findInfluencers(db, {});
    expect(items.map((i) => i.accountId)).toEqual(['x:t', 'x:quiet']);
    const reason = (id: string, type: string, count: number) => ({ accountId: id, handle: id, type, count });
    expect(items[0]!.why.topInteractions).toEqual([
      reason('x:a', 'quote', 3),
      reason('x:b', 'mention', 6),
      reason('x:b', 'reply', 3),
    ]);
    expect(items[1]!.why.topInteractions).toEqual([]);
  });

  it('a topic ranking shows the reasons analysis stored (no live sort), and computes them only for accounts it has not seen', async () => {
    await db.write(
      `
      CREATE (v:Account {id: 'y:voice', handle: 'voice', score: 0.5})
      CREATE (f:Account {id: 'y:fan', handle: 'fan'})
      CREATE (f)-[:INTERACTS {mention: 0, reply: 4, repost: 0, quote: 0, follow: 0}]->(v)
      CREATE (tp:Topic {key: 'hashtag:t1d', kind: 'hashtag', name: 't1d', label: '#t1d', tags: ['t1d']})
      CREATE (v)-[:TOPIC_SCORE {score: 0.9, attention: 8, pagerank: 0.1, mention: 0, reply: 4, repost: 0,
                                quote: 0, sources: 1, localSources: 0, rank: 1}]->(tp)`,
    );
    await writeSummaries(db, { steps: ['reasons'] });
    // After the analysis: a far stronger interaction, and a voice analysis has not seen yet.
    await db.write(
      `
      MATCH (v:Account {id: 'y:voice'}), (tp:Topic {key: 'hashtag:t1d'})
      CREATE (late:Account {id: 'y:late', handle: 'late'})
      CREATE (loud:Account {id: 'y:loud', handle: 'loud'})
      CREATE (loud)-[:INTERACTS {mention: 0, reply: 0, repost: 0, quote: 50, follow: 0}]->(v)
      CREATE (loud)-[:INTERACTS {mention: 7, reply: 0, repost: 0, quote: 0, follow: 0}]->(late)
      CREATE (late)-[:TOPIC_SCORE {score: 0.4, attention: 7, pagerank: 0.1, mention: 7, reply: 0, repost: 0,
                                   quote: 0, sources: 1, localSources: 0, rank: 2}]->(tp)`,
    );
    const { items } = await findInfluencers(db, { hashtag: 't1d' });
    expect(items.map((i) => i.accountId)).toEqual(['y:voice', 'y:late']);
    const reason = (id: string, type: string, count: number) => ({
      accountId: id,
      handle: id.slice(2),
      type,
      count,
    });
    // The reasons as analysis stored them: the 50 quotes came later and show after the next analysis.
    expect(items[0]!.why.topInteractions).toEqual([reason('y:fan', 'reply', 4)]);
    // Nothing stored for y:late: computed from its interactions, the same way.
    expect(items[1]!.why.topInteractions).toEqual([reason('y:loud', 'mention', 7)]);
    // The explanation keeps its words: what the topic counted, and where the account stands.
    expect(items[0]!.why.summary[0]).toBe('4 replies in #t1d, from 1 account, 0 of them local');
    // A source's new handle shows at once (only the ids and counts are stored).
    await db.write(`MATCH (f:Account {id: 'y:fan'}) SET f.handle = 'fan_renamed'`);
    const again = await findInfluencers(db, { hashtag: 't1d' });
    expect(again.items[0]!.why.topInteractions[0]!.handle).toBe('fan_renamed');
  });
});
