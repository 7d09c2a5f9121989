// CSV of a table as shown, written by the one CSV module (queries/csv.ts: cells that a spreadsheet
// would run as a formula are defused).
import { spreadsheetLine } from '../../queries/csv.ts';

export interface CsvColumn<T> {
  header: string;
  value: (row: T) => string | number | null | undefined;
}

export function toCsv<T>(rows: readonly T[], columns: readonly CsvColumn<T>[]): string {
  let out = spreadsheetLine(columns.map((c) => c.header));
  for (const r of rows) out += spreadsheetLine(columns.map((c) => c.value(r)));
  return out;
}
