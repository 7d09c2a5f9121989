// What `ingest --bulk` (ingest/bulk/run.ts) asks of the database around neo4j-admin's import, which
// replaces the whole store: whether it is empty, the bookkeeping nodes it holds (noted before, created
// again after), and the post properties only known once every row was read.
import { loadCypher } from './cypher.ts';
import { int, type Db } from './db.ts';

/** A node an empty database still holds (the CarecircleMeta markers), as JSON can keep it. */
export interface KeptNode {
  labels: string[];
  properties: { key: string; value: unknown; integer: boolean }[];
}

/** Whether the database holds any social data, outreach record or user (bulk refuses it then). */
export async function databaseOccupied(db: Db): Promise<boolean> {
  const [occupied] = await db.read(loadCypher('ingest/bulk-occupied'));
  return Boolean(occupied?.records || occupied?.relationships);
}

export async function keptNodes(db: Db): Promise<KeptNode[]> {
  return (await db.read(loadCypher('ingest/bulk-kept-nodes'))) as unknown as KeptNode[];
}

/** Creates the kept nodes again in the imported store, integers as integers. */
export async function restoreKeptNodes(db: Db, keep: KeptNode[]): Promise<void> {
  if (!keep.length) return;
  const nodes = keep.map((n) => ({
    labels: n.labels,
    properties: Object.fromEntries(
      n.properties.map((p) => [p.key, p.integer && typeof p.value === 'number' ? int(p.value) : p.value]),
    ),
  }));
  await db.write(loadCypher('ingest/bulk-restore-nodes'), { nodes });
}

/** Sets the post properties a later row supplied for a post the import already created. */
export async function fillPosts(db: Db, posts: unknown[]): Promise<void> {
  if (posts.length) await db.write(loadCypher('ingest/merge-posts'), { posts });
}
