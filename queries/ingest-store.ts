// The ingest statements (cypher/ingest/) as one Neo4j transaction's GraphStore: what applyBatch
// (ingest/decide.ts) reads and writes for the transactional ingest and the collectors.
import { loadCypher } from './cypher.ts';
import type { Tx } from './db.ts';
import type { AccountValues } from '../ingest/accounts.ts';
import type {
  AccountRow,
  FreshPost,
  GraphStore,
  PairRow,
  PostRow,
  RelRow,
  RelStatement,
  TaggedRow,
  UsedRow,
} from '../ingest/decide.ts';

/** The ingest statements in one Neo4j transaction. */
export class TxStore implements GraphStore {
  constructor(private readonly tx: Tx) {}

  async accountValues(ids: string[]) {
    const stored = new Map<string, AccountValues>();
    for (const row of await this.tx.run(loadCypher('ingest/existing-accounts'), { ids })) {
      const { id, ...values } = row;
      stored.set(String(id), values as AccountValues);
    }
    return stored;
  }
  async mergeAccounts(accounts: AccountRow[]) {
    await this.tx.run(loadCypher('ingest/merge-accounts'), { accounts });
  }
  async mergeStubs(accounts: { id: string; platform: string }[]) {
    await this.tx.run(loadCypher('ingest/merge-stubs'), { accounts });
  }
  async mergeHashtags(tags: string[]) {
    await this.tx.run(loadCypher('ingest/merge-hashtags'), { tags });
  }
  async existingPosts(ids: string[]) {
    const found = await this.tx.run(loadCypher('ingest/existing-posts'), { ids });
    return new Map(found.map((r) => [String(r.id), r.author == null ? null : String(r.author)]));
  }
  async createPosts(posts: FreshPost[]) {
    await this.tx.run(loadCypher('ingest/create-posts'), { posts });
  }
  async mergePosts(posts: PostRow[]) {
    await this.tx.run(loadCypher('ingest/merge-posts'), { posts });
  }
  existingTagged(rows: TaggedRow[]) {
    return this.existing('tagged', rows);
  }
  async createTagged(rows: TaggedRow[]) {
    await this.tx.run(loadCypher('ingest/create-tagged'), { rows });
  }
  existingRels(name: RelStatement, rows: RelRow[]) {
    return this.existing(name, rows);
  }
  async createRels(name: RelStatement, rows: RelRow[]) {
    await this.tx.run(loadCypher(`ingest/create-${name}`), { rows });
  }
  async addUsed(rows: UsedRow[]) {
    await this.tx.run(loadCypher('ingest/add-used'), { rows });
  }
  async addInteracts(pairs: PairRow[]) {
    await this.tx.run(loadCypher('ingest/add-interacts'), { pairs });
  }
  private async existing(name: string, rows: { i: number }[]): Promise<Set<number>> {
    const found = await this.tx.run(loadCypher(`ingest/existing-${name}`), { rows });
    return new Set(found.map((r) => Number(r.i)));
  }
}
