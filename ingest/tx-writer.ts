// The transactional ingest's batch writer: one Neo4j transaction per batch, decided by applyBatch
// (decide.ts) against the ingest statements (queries/ingest-store.ts), retried when another writer
// created a key after this batch looked.
import { ConstraintViolationError, type Db } from '../queries/db.ts';
import { TxStore } from '../queries/ingest-store.ts';
import { applyBatch, rememberAccounts, type BatchResult, type BatchWriter, type Unit } from './decide.ts';

export class Loader implements BatchWriter {
  private readonly known = new Set<string>();
  constructor(private readonly db: Db) {}

  /** Writes one batch in one transaction. */
  async write(units: Unit[]): Promise<BatchResult> {
    let result: Awaited<ReturnType<typeof applyBatch>>;
    for (let attempt = 1; ; attempt++) {
      try {
        result = await this.db.writeTx(
          (tx) => applyBatch(new TxStore(tx), units, this.known),
          'ingest/batch',
        );
        break;
      } catch (err) {
        // A post or account created by another transaction after this one looked (a killed run whose
        // last commit was still landing, an ingest job started from the web app) breaks a uniqueness
        // constraint. The batch rolled back as a whole; run it again and the lookups will see it.
        if (!(err instanceof ConstraintViolationError) || attempt >= 3) throw err;
      }
    }
    // Only after the commit: a rolled-back batch must not make later ones skip its accounts.
    rememberAccounts(this.known, result.prepared);
    return { changed: result.changed, rejected: result.rejected };
  }
}
