import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const allCypher = fileURLToPath(new URL('../../../queries/cypher/', import.meta.url));
const serverCode = fileURLToPath(new URL('../../../server/', import.meta.url));
const queriesCode = fileURLToPath(new URL('../../../queries/', import.meta.url));
// The statements of the audit log itself and of the records that show it (an account's timeline).
const recordCypher = ['audit/', 'outreach/'].map((d) => path.join(allCypher, d));
const isRecordStatement = (f: string) => recordCypher.some((d) => f.startsWith(d));

function files(dir: string, ext: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith(ext))
    .map((e) => path.join(e.parentPath, e.name));
}

describe('the audit log is append-only', () => {
  it('no audit or outreach statement sets, removes, merges or deletes an AuditEntry; only append creates one', () => {
    const touching = files(allCypher, '.cypher')
      .filter(isRecordStatement)
      .filter((f) => /AuditEntry/.test(readFileSync(f, 'utf8')));
    // The audit page and an account's timeline read entries; nothing else of the records touches them.
    expect(touching.map((f) => path.relative(allCypher, f)).sort()).toEqual([
      'audit/append.cypher',
      'audit/list.cypher',
      'outreach/timeline.cypher',
    ]);
    for (const reader of ['audit/list.cypher', 'outreach/timeline.cypher']) {
      const text = readFileSync(path.join(allCypher, reader), 'utf8')
        .split('\n')
        .filter((l) => !l.trim().startsWith('//'))
        .join('\n')
        // Action names such as 'relationship.create' are string literals, not clauses.
        .replace(/'[^']*'/g, "''");
      expect(text, reader).not.toMatch(/\b(SET|REMOVE|DELETE|MERGE|CREATE)\b/i);
    }
    const append = readFileSync(path.join(allCypher, 'audit/append.cypher'), 'utf8')
      .split('\n')
      .filter((l) => !l.trim().startsWith('//'))
      .join('\n');
    // The only SET is on the sequence counter; the entry itself is only ever CREATEd.
    expect(append).not.toMatch(/\b(REMOVE|DELETE)\b/i);
    expect(append.match(/\bSET\s+(\w+)/gi)).toEqual(['SET counter']);
    expect(append).toMatch(/CREATE \(e:AuditEntry/);
  });

  it('outside the audit and outreach statements, only a purge reads entries and redacts copies of a purged text, never deleting one', () => {
    // Issue 13: a slip must be undoable, so the purge (queries/purge.ts, admin only) replaces the
    // copies of the purged text in before/after. It may change nothing else about an entry.
    const touching = files(allCypher, '.cypher')
      .filter((f) => !isRecordStatement(f))
      .filter((f) => /AuditEntry/.test(readFileSync(f, 'utf8')));
    expect(touching.map((f) => path.relative(allCypher, f)).sort()).toEqual([
      'ingest/bulk-occupied.cypher',
      'purge/audit-of-target.cypher',
      'purge/redact-audit.cypher',
    ]);
    const code = (f: string) =>
      readFileSync(path.join(allCypher, f), 'utf8')
        .split('\n')
        .filter((l) => !l.trim().startsWith('//'))
        .join('\n');
    expect(code('ingest/bulk-occupied.cypher')).not.toMatch(/\b(SET|REMOVE|DELETE|MERGE|CREATE)\b/i);
    expect(code('purge/audit-of-target.cypher')).not.toMatch(/\b(SET|REMOVE|DELETE|MERGE|CREATE)\b/i);
    const redact = code('purge/redact-audit.cypher');
    expect(redact).not.toMatch(/\b(REMOVE|DELETE|MERGE|CREATE)\b/i);
    const assigned = [...redact.matchAll(/\be\.(\w+)\s*=/g)].map((m) => m[1]);
    expect(assigned.sort()).toEqual(['after', 'before', 'redactedAt', 'redactedBy']);
  });

  it('the server has no route that changes or deletes audit entries, and no inline Cypher touching them', () => {
    for (const f of [...files(serverCode, '.ts'), ...files(queriesCode, '.ts')]) {
      const text = readFileSync(f, 'utf8');
      expect(text, f).not.toMatch(/app\.(put|patch|delete)\(\s*'\/api\/audit/);
      expect(text, f).not.toMatch(/AuditEntry[^\n]*\b(SET|DELETE|REMOVE)\b/);
    }
  });
});
