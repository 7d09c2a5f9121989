// The last step of an ingest: posts that name the organisation go to the mentions inbox
// (queries/mentions.ts). Nothing happens, and nothing is read, until an identity is configured.
import type { Db } from '../queries/db.ts';
import { scanMentions, type ScanSummary } from '../queries/mentions.ts';

export async function scanAfterIngest(
  db: Db,
  log: (line: string) => void,
  now = new Date(),
): Promise<ScanSummary> {
  const s = await scanMentions(db, { log, now });
  if (s.scanned > 0) {
    log(
      `listening: ${s.matched.toLocaleString('en-US')} posts name us, ${s.created.toLocaleString('en-US')} new in the inbox` +
        (s.escalated ? `, ${s.escalated} escalation notices sent` : ''),
    );
  }
  return s;
}
