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
});
