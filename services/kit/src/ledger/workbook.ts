import ExcelJS from 'exceljs';
import { todayInShanghai } from '../scalars/date.js';
import { cellText, neutralise, type RawCell } from './cells.js';
import { EXAMPLE_MARK, type LedgerColumn, ledgerColumns } from './columns.js';
import { ERROR_HEADER, errorsByRow, type RowError } from './import.js';
import { readRows } from './read.js';
import type { LedgerType } from './registry.js';

const TEMPLATE_ROWS = 2000;
const RED = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } } as const;
const GREY = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEDEDED' } } as const;

function example(column: LedgerColumn): ExcelJS.CellValue {
  if (column.extra === 'externalId') return EXAMPLE_MARK;
  if (column.field === 'regionCode' || column.extra === 'parentRegion') return '610581';
  switch (column.kind) {
    case 'int':
      return 1;
    case 'float':
      return 1.5;
    case 'boolean':
      return '是';
    case 'date':
      return new Date(`${todayInShanghai()}T00:00:00Z`);
    case 'enum':
      return column.enumValues![0];
    case 'id':
      return column.parentField === undefined && column.required ? '00000000-0000-0000-0000-000000000000' : null;
    default:
      return `示例${column.header}`;
  }
}

const kindText = (c: LedgerColumn): string =>
  ({ text: '文本 text', id: 'ID (UUID)', int: '整数 whole number', float: '数字 number', boolean: '是/否 yes/no', date: '日期 YYYY-MM-DD', enum: `选项 one of: ${c.enumValues?.join(' / ')}` })[c.kind] +
  (c.list ? '；多个用 、 分隔 (several, separated by 、)' : '');

/**
 * The import template of a record type: Chinese headers (required ones marked *), the field
 * names as a second header row, one example row, dropdowns for enums, date formats, and a
 * 说明 sheet describing every column.
 */
export async function templateWorkbook(type: LedgerType): Promise<Buffer> {
  const columns = ledgerColumns(type);
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet(type.cfg.typeName, { views: [{ state: 'frozen', ySplit: 2 }] });
  sheet.addRow(columns.map((c) => (c.required ? `${c.header} *` : c.header)));
  sheet.addRow(columns.map((c) => c.field));
  sheet.addRow(columns.map(example));
  columns.forEach((c, i) => {
    const col = sheet.getColumn(i + 1);
    col.width = Math.max(12, c.header.length * 2 + 4);
    const head = sheet.getCell(1, i + 1);
    head.font = { bold: true, color: c.required ? { argb: 'FFC00000' } : undefined };
    head.note = `${c.description || c.field}\n${kindText(c)}${c.required ? '\n必填 required' : ''}`;
    sheet.getCell(2, i + 1).fill = GREY;
    if (c.kind === 'date') col.numFmt = 'yyyy-mm-dd';
    if (c.kind === 'enum' && !c.list) {
      for (let r = 3; r <= TEMPLATE_ROWS; r++) {
        sheet.getCell(r, i + 1).dataValidation = { type: 'list', allowBlank: !c.required, formulae: [`"${c.enumValues!.join(',')}"`], showErrorMessage: true, error: `one of ${c.enumValues!.join(', ')}` };
      }
    }
  });
  const about = wb.addWorksheet('说明');
  about.addRow(['列 column', '字段 field', '必填 required', '类型 type', '说明 description']);
  for (const c of columns) about.addRow([c.header, c.field, c.required ? '是' : '', kindText(c), c.description]);
  about.getRow(1).font = { bold: true };
  about.columns.forEach((col, i) => (col.width = [18, 22, 10, 40, 80][i]));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function safeValue(raw: RawCell): ExcelJS.CellValue {
  if (raw === null || raw === undefined) return null;
  if (raw instanceof Date || typeof raw === 'number' || typeof raw === 'boolean') return raw;
  return neutralise(cellText(raw));
}

/**
 * The uploaded rows again, with an error column and the bad cells highlighted (and a note
 * saying why). Text that a spreadsheet would run as a formula is written neutralised.
 */
export async function errorWorkbook(type: LedgerType, data: Buffer, errors: RowError[]): Promise<Buffer> {
  const columns = ledgerColumns(type);
  const byRow = errorsByRow(errors);
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet(`${type.cfg.typeName} errors`);
  let fieldIndex: Map<string, number> | null = null;
  let errCol = 0;
  for await (const row of readRows(data)) {
    const out = sheet.addRow([...row.cells.map(safeValue)]);
    if (!fieldIndex) {
      errCol = row.cells.length + 1;
      fieldIndex = new Map();
      row.cells.forEach((cell, i) => {
        const text = cellText(cell).replace(/[*＊\s]/g, '');
        const col = columns.find((c) => c.header.replace(/\s/g, '') === text || c.field === text);
        if (col) fieldIndex!.set(col.field, i + 1);
      });
      out.getCell(errCol).value = ERROR_HEADER;
      continue;
    }
    const rowErrors = byRow.get(row.number) ?? [];
    if (!rowErrors.length) continue;
    out.getCell(errCol).value = rowErrors.map((e) => `${e.header ?? e.column ?? ''}: ${e.message}`).join('；');
    for (const e of rowErrors) {
      const idx = e.column ? fieldIndex.get(e.column) : undefined;
      if (!idx) continue;
      const cell = out.getCell(idx);
      cell.fill = RED;
      cell.note = `${e.code}: ${e.message}`;
    }
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
