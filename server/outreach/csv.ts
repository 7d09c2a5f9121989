// The pipeline as CSV (RFC 4180 quoting; cells starting with = + - @ are prefixed with ' so a
// spreadsheet does not run them as formulas).
import type { PipelineItem } from './model.ts';

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

function cell(v: unknown): string {
  if (v === null || v === undefined) return '';
  let s = String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

export function pipelineCsv(items: PipelineItem[]): string {
  const lines = [COLUMNS.join(',')];
  for (const it of items) {
    const r = it.relationship;
    lines.push(
      [
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
      ]
        .map(cell)
        .join(','),
    );
  }
  return lines.join('\r\n') + '\r\n';
}
