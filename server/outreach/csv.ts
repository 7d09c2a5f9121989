// The pipeline as CSV, written by the one CSV module (queries/csv.ts: RFC 4180 quoting, formulas
// defused).
import { spreadsheetLine } from '../../queries/csv.ts';
import type { PipelineItem } from '../../queries/outreach/model.ts';

const COLUMNS = [
  'account_id',
  'handle',
  'name',
  'stage',
  'owner',
  'next_step',
  'due_date',
  'contacts',
  'last_contact_at',
  'updated_at',
  'updated_by',
] as const;

const PIPELINE_CSV_HEADER = spreadsheetLine(COLUMNS);

export function pipelineCsv(items: PipelineItem[]): string {
  return PIPELINE_CSV_HEADER + pipelineCsvRows(items);
}

/** The CSV lines of some pipeline items (no header), each ending in CRLF; '' for none. */
function pipelineCsvRows(items: PipelineItem[]): string {
  let out = '';
  for (const it of items) {
    const r = it.relationship;
    out += spreadsheetLine([
      r.accountId,
      it.handle,
      it.name,
      r.stage,
      r.owner,
      r.nextStep,
      r.dueDate,
      it.contacts ?? 0,
      it.lastContactAt,
      r.updatedAt,
      r.updatedBy,
    ]);
  }
  return out;
}

/** The whole pipeline as CSV text chunks: the header, then one chunk per page read. */
export async function* pipelineCsvStream(pages: AsyncIterable<PipelineItem[]>): AsyncGenerator<string> {
  yield PIPELINE_CSV_HEADER;
  for await (const page of pages) yield pipelineCsvRows(page);
}
