// Neo4j refusing a statement for its size (transaction memory, our read timeout) is the request's
// size, not a fault: queries/db.ts turns it into TooLarge, which the server answers with 503.
import { describe, expect, it } from 'vitest';
import { tooLarge } from '../../queries/db.ts';
import { HTTP_STATUS, TooLarge } from '../../queries/errors.ts';

describe('Neo4j size refusals', () => {
  it('maps the transaction memory pool running out (the 1M /api/graph failure) to TooLarge', () => {
    const e = tooLarge(
      'Neo.TransientError.General.MemoryPoolOutOfMemoryError',
      'The allocation of an extra 2.0 MiB would use more than the limit 1.4 GiB. Currently using 1.4 GiB. dbms.memory.transaction.total.max threshold reached',
    );
    expect(e).toBeInstanceOf(TooLarge);
    expect(e!.message).toMatch(/narrow it/);
    expect(HTTP_STATUS[e!.kind]).toBe(503);
    expect(
      tooLarge('Neo.TransientError.General.TransactionOutOfMemoryError', 'db.memory.transaction.max'),
    ).toBeInstanceOf(TooLarge);
  });

  it('maps a transaction timeout to TooLarge and leaves other errors alone', () => {
    expect(
      tooLarge('Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration', 'timed out'),
    ).toBeInstanceOf(TooLarge);
    expect(tooLarge('Neo.ClientError.Statement.SyntaxError', 'Invalid input')).toBeNull();
    expect(tooLarge('Neo.TransientError.Transaction.DeadlockDetected', 'deadlock')).toBeNull();
  });
});
