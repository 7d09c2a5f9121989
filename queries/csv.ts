// Writing CSV (RFC 4180 quoting), one module for every writer: the exports people open in a
// spreadsheet (the pipeline, the influencer and community tables, `export --format csv`) and the data
// files the demo generator writes for ingest to read back.
//
// Social-media text can hold anything, so a cell a spreadsheet would run as a formula (=, +, -, @, a
// tab or a carriage return at the start) is prefixed with a quote mark in anything a person opens
// (`spreadsheetCell`). Files written for ingest keep every value exactly (`dataCell`): the quote mark
// would become part of the data.

type Value = string | number | boolean | null | undefined;

function quoted(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** One cell of a file for ingest: quoted where needed, otherwise exactly the value. */
export function dataCell(v: unknown): string {
  return v === null || v === undefined ? '' : quoted(String(v));
}

/** One cell of a file a person opens: as dataCell, and a text that looks like a formula is defused. */
export function spreadsheetCell(v: Value): string {
  if (v === null || v === undefined) return '';
  const s = String(v);
  return quoted(typeof v === 'string' && /^[=+\-@\t\r]/.test(s) ? `'${s}` : s);
}

/** One line (CRLF, as RFC 4180 has it) of spreadsheet cells. */
export function spreadsheetLine(cells: readonly Value[]): string {
  return cells.map(spreadsheetCell).join(',') + '\r\n';
}
