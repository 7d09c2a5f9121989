// The social graph as a whole: how much it holds (DESIGN.md's `stats` shape) and emptying it.
import { loadCypher } from './cypher.ts';
import type { Db } from './db.ts';
import { Stats } from './model.ts';

export async function readStats(db: Db): Promise<Stats> {
  const [r = {}] = await db.read(loadCypher('ingest/stats'));
  return Stats.parse({
    accounts: r.accounts,
    hashtags: r.hashtags,
    posts: r.posts,
    interactions: { mention: r.mention, reply: r.reply, repost: r.repost, quote: r.quote, follow: r.follow },
  });
}

/**
 * Deletes the social graph (or, with `all`, every application node: users, outreach records and the
 * audit log too) in batches, so a million interactions never sit in one transaction.
 */
export async function resetSocialGraph(db: Db, all = false): Promise<void> {
  await db.autoCommit(loadCypher('ingest/reset-posts'));
  await db.autoCommit(loadCypher('ingest/reset-relationships'));
  await db.autoCommit(loadCypher(all ? 'ingest/reset-all' : 'ingest/reset-social'));
}

/** Whether the graph holds any account (the demo loads only into an empty one). */
export async function hasAccounts(db: Db): Promise<boolean> {
  const [row] = await db.read(loadCypher('ingest/has-accounts'));
  return row?.present === true;
}
