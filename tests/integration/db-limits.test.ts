// A read that runs past the web server's read timeout is stopped by Neo4j and reaches the caller as
// TooLarge (HTTP 503 with advice), not as an unexplained database error.
import { describe, expect, it } from 'vitest';
import { connectionFromEnv, openDb } from '../../queries/connection.ts';
import { TooLarge } from '../../queries/errors.ts';

describe('read timeout', () => {
  it('refuses a read that takes longer than allowed as TooLarge; the same read without it finishes', async () => {
    const timed = openDb(connectionFromEnv(), undefined, 1_000, 200);
    try {
      const slow = 'UNWIND range(1, 300000000) AS x RETURN count(x) AS n';
      await expect(timed.read(slow)).rejects.toBeInstanceOf(TooLarge);
      await expect(timed.read(slow)).rejects.toThrow(/took longer than the graph database allows/);
      const [row] = await timed.untimed().read('UNWIND range(1, 1000) AS x RETURN count(x) AS n');
      expect(row?.n).toBe(1000);
    } finally {
      await timed.close();
    }
  }, 120_000);
});
