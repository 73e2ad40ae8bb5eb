import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import type { RawCell } from './cells.js';

/** A file the import refuses as a whole (HTTP 400), with what is wrong. */
export class LedgerFileError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export interface SheetRow {
  /** Row number as the spreadsheet shows it (1 = the header row). */
  number: number;
  cells: RawCell[];
}

export type FileKind = 'xlsx' | 'csv';

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);

/** XLSX by its zip signature; text that is not a binary format is CSV. */
export function fileKind(data: Buffer): FileKind {
  if (data.subarray(0, 4).equals(ZIP)) return 'xlsx';
  if (data.subarray(0, 4).equals(OLE)) throw new LedgerFileError('Old .xls workbooks are not read: save the file as .xlsx or .csv', 'NOT_A_WORKBOOK');
  if (data.subarray(0, 4096).includes(0)) throw new LedgerFileError('The file is not a workbook (.xlsx) nor a CSV file', 'NOT_A_WORKBOOK');
  return 'csv';
}

/** UTF-8 (with or without BOM) when it decodes as such, else GB18030 (what Chinese Excel writes as "CSV"). */
export function decodeText(data: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(data);
  } catch {
    return iconv.decode(data, 'gb18030');
  }
}

/** exceljs cell values: rich text, hyperlinks and formulas become plain values or `{ formula }`. */
function plainCell(v: unknown): RawCell {
  if (v === null || v === undefined || typeof v !== 'object' || v instanceof Date) return v as RawCell;
  const o = v as { formula?: string; sharedFormula?: string; richText?: { text: string }[]; text?: string; error?: string };
  if (o.formula !== undefined || o.sharedFormula !== undefined) return { formula: o.formula ?? o.sharedFormula ?? '' };
  if (o.richText) return o.richText.map((r) => r.text).join('');
  if (o.text !== undefined) return String(o.text);
  if (o.error !== undefined) return { formula: o.error };
  return String(v);
}

/** The first worksheet's rows, streamed (exceljs WorkbookReader). */
async function* xlsxRows(data: Buffer): AsyncGenerator<SheetRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(data), {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    worksheets: 'emit',
    entries: 'emit',
  });
  try {
    for await (const sheet of reader) {
      for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
        const values = (row.values as unknown[]).slice(1).map(plainCell);
        yield { number: row.number, cells: values };
      }
      return;
    }
  } catch (err) {
    if (err instanceof LedgerFileError) throw err;
    throw new LedgerFileError('The file could not be read as an .xlsx workbook', 'NOT_A_WORKBOOK');
  }
}

async function* csvRows(data: Buffer): AsyncGenerator<SheetRow> {
  const parser = Readable.from([decodeText(data)]).pipe(parse({ bom: true, relax_column_count: true, skip_empty_lines: true, info: true }));
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      yield { number: info.lines, cells: record };
    }
  } catch {
    throw new LedgerFileError('The file could not be read as CSV', 'NOT_A_WORKBOOK');
  }
}

/** Every row of the file's first sheet, header rows included, rows with no value skipped. */
export async function* readRows(data: Buffer): AsyncGenerator<SheetRow> {
  const rows = fileKind(data) === 'xlsx' ? xlsxRows(data) : csvRows(data);
  for await (const row of rows) {
    if (row.cells.some((c) => c !== null && c !== undefined && String(c).trim() !== '')) yield row;
  }
}
