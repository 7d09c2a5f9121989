import { describe, expect, it } from 'vitest';
import { ConstraintViolationError, Db, DatabaseUnavailableError, QueryError, int } from '../../queries/db.ts';
import { applySchema } from '../../queries/schema.ts';
import { useTestGraph } from '../helpers/db.ts';

describe('the one door to Neo4j', () => {
  let db: Db;
  useTestGraph((opened) => (db = opened));

  it('reports the server version', async () => {
    const info = await db.serverInfo();
    expect(info.version).toMatch(/^5\.26\./);
  });

  it('writes through Bolt and reads it back, with integers as numbers', async () => {
    await db.write('CREATE (:Account {id: $id, handle: $handle, followers: $followers})', {
      id: 'x:1',
      handle: 'alice',
      followers: int(1200),
    });
    const rows = await db.read(
      'MATCH (a:Account {id: $id}) RETURN a.handle AS handle, a.followers AS followers',
      {
        id: 'x:1',
      },
    );
    expect(rows).toEqual([{ handle: 'alice', followers: 1200 }]);
  });

  it('maps a uniqueness violation to ConstraintViolationError', async () => {
    await expect(db.write('CREATE (:Account {id: $id})', { id: 'x:1' })).rejects.toBeInstanceOf(
      ConstraintViolationError,
    );
  });

  it('maps a syntax error to QueryError', async () => {
    await expect(db.read('MATCH (n RETURN n')).rejects.toBeInstanceOf(QueryError);
  });

  it('runs several statements in one write transaction and rolls back on failure', async () => {
    await expect(
      db.writeTx(async (tx) => {
        await tx.run('CREATE (:Account {id: $id})', { id: 'x:rollback' });
        await tx.run('CREATE (:Account {id: $id})', { id: 'x:1' }); // violates the constraint
      }),
    ).rejects.toBeInstanceOf(ConstraintViolationError);
    const rows = await db.read('MATCH (a:Account {id: $id}) RETURN count(a) AS n', { id: 'x:rollback' });
    expect(rows[0]?.n).toBe(0);
  });

  it('applies the schema again without error (idempotent)', async () => {
    const n = await applySchema(db);
    expect(n).toBeGreaterThan(3);
    const rows = await db.read('SHOW CONSTRAINTS YIELD name RETURN collect(name) AS names');
    expect(rows[0]?.names).toEqual(expect.arrayContaining(['account_id', 'post_id', 'hashtag_tag']));
  });

  it('fails fast with the URI in the message when Neo4j cannot be reached', async () => {
    const down = new Db({ uri: 'bolt://127.0.0.1:1', user: 'neo4j', password: 'x' });
    const started = Date.now();
    try {
      await expect(down.serverInfo()).rejects.toThrow(DatabaseUnavailableError);
      await expect(down.serverInfo()).rejects.toThrow(/bolt:\/\/127\.0\.0\.1:1/);
    } finally {
      await down.close();
    }
    expect(Date.now() - started).toBeLessThan(15_000);
  });
});
