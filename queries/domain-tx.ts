// Db wraps whatever escapes a transaction as a DatabaseError, keeping the original as its cause. A
// domain rule checked inside a transaction (a stage moved backwards, the last admin disabled) must
// still reach the caller as the domain error it is, so the transaction rolls back and it is unwrapped.
import { DatabaseError } from './db.ts';
import { DomainError } from './errors.ts';

export async function inDomainTx<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof DatabaseError && err.cause instanceof DomainError) throw err.cause;
    throw err;
  }
}
