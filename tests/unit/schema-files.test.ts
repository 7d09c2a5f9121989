import { describe, expect, it } from 'vitest';
import { schemaStatements } from '../../queries/cypher.ts';

describe('queries/schema', () => {
  const statements = schemaStatements();
  it('has the constraints of the graph model', () => {
    const text = statements.map((s) => s.text).join('\n');
    for (const key of ['(a:Account) REQUIRE a.id', '(p:Post) REQUIRE p.id', '(h:Hashtag) REQUIRE h.tag']) {
      expect(text).toContain(key);
    }
  });
  it('is idempotent: every statement creates IF NOT EXISTS or drops IF EXISTS', () => {
    for (const s of statements)
      expect(s.text, s.name).toMatch(/^(CREATE .* IF NOT EXISTS|DROP .* IF EXISTS)/s);
  });
});
