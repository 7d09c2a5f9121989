// The one CSV writer (queries/csv.ts): what a spreadsheet user opens cannot run a formula, and what the
// demo generator writes for ingest reads back exactly.
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { dataCell, spreadsheetCell, spreadsheetLine } from '../../queries/csv.ts';
import { toCsv } from '../../client/lib/csv.ts';
import { pipelineCsv } from '../../server/outreach/csv.ts';

const NASTY = [
  '=HYPERLINK("http://x","y")',
  '+1',
  '-2+3',
  '@SUM(A1)',
  '\tx',
  'a,b',
  'say "hi"',
  'two\nlines',
  '',
];

describe('CSV cells', () => {
  it('defuse formulas in spreadsheet cells, keep numbers, and quote what needs it', () => {
    expect(NASTY.slice(0, 5).map(spreadsheetCell)).toEqual([
      `"'=HYPERLINK(""http://x"",""y"")"`,
      "'+1",
      "'-2+3",
      "'@SUM(A1)",
      "'\tx",
    ]);
    expect(spreadsheetCell(-1.5)).toBe('-1.5');
    expect(spreadsheetCell(null)).toBe('');
    expect(spreadsheetLine(['a,b', 'say "hi"', 3])).toBe('"a,b","say ""hi""",3\r\n');
  });

  it('read back exactly from data cells, formulas and all', () => {
    const line = NASTY.map(dataCell).join(',');
    expect(parse(line, { relax_column_count: true })).toEqual([NASTY]);
  });

  it('are the same in every spreadsheet export (tables in the app, the pipeline)', () => {
    const table = toCsv([{ h: '=cmd' }], [{ header: 'handle', value: (r) => r.h }]);
    expect(table).toBe("handle\r\n'=cmd\r\n");
    const pipeline = pipelineCsv([
      {
        handle: '@evil',
        name: '=2+2',
        relationship: { accountId: 'x:1', stage: 'contacted' },
      } as never,
    ]);
    expect(pipeline.split('\r\n')[1]).toContain("'@evil,'=2+2");
  });
});
