import { isIsoDate } from '../scalars/date.js';
import type { LedgerColumn } from './columns.js';

/** A cell as read: a string, number, boolean, date, or a formula (`{ formula }`). */
export type RawCell = string | number | boolean | Date | null | undefined | { formula: string };

/** What a cell may hold once converted: the value an input field takes. */
export type CellValue = string | number | boolean | string[] | undefined;

export class CellError extends Error {}

/** Text a spreadsheet would run as a formula (or DDE) when opened. */
export const looksLikeFormula = (text: string): boolean => /^[=+@\t\r]/.test(text) || /^-[^\d.]/.test(text);

/** A raw cell that carries a formula, or text that a spreadsheet would read as one. */
export function isFormulaCell(raw: RawCell, column: LedgerColumn | undefined): boolean {
  if (raw && typeof raw === 'object' && !(raw instanceof Date)) return true;
  if (typeof raw !== 'string') return false;
  const numeric = column && (column.kind === 'int' || column.kind === 'float');
  return looksLikeFormula(raw.trim()) && !(numeric && /^-\d/.test(raw.trim()));
}

/** For text written back into a workbook or CSV: a leading apostrophe keeps it text (OWASP's advice). */
export const neutralise = (text: string): string => (looksLikeFormula(text) ? `'${text}` : text);

/** The text a raw cell shows, for error reports. */
export function cellText(raw: RawCell): string {
  if (raw === null || raw === undefined) return '';
  if (raw instanceof Date) return raw.toISOString().slice(0, 10);
  if (typeof raw === 'object') return `=${raw.formula}`;
  return String(raw);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** 2024-03-05, 2024/3/5, 2024.3.5, 2024年3月5日, or an Excel date cell. */
function toDate(raw: RawCell): string {
  if (raw instanceof Date) return `${raw.getUTCFullYear()}-${pad(raw.getUTCMonth() + 1)}-${pad(raw.getUTCDate())}`;
  const text = String(raw).trim();
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(text);
  const iso = m ? `${m[1]}-${pad(+m[2])}-${pad(+m[3])}` : text;
  if (!isIsoDate(iso)) throw new CellError('must be a date YYYY-MM-DD');
  return iso;
}

const TRUE = new Set(['true', '1', 'yes', 'y', '是', '有', '√']);
const FALSE = new Set(['false', '0', 'no', 'n', '否', '无', '×']);

function toBoolean(raw: RawCell): boolean {
  if (typeof raw === 'boolean') return raw;
  const text = String(raw).trim().toLowerCase();
  if (TRUE.has(text)) return true;
  if (FALSE.has(text)) return false;
  throw new CellError('must be 是 or 否 (true or false)');
}

function toNumber(raw: RawCell, integer: boolean): number {
  const n = typeof raw === 'number' ? raw : Number(String(raw).trim().replace(/,/g, ''));
  if (!Number.isFinite(n)) throw new CellError(integer ? 'must be a whole number' : 'must be a number');
  if (integer && !Number.isInteger(n)) throw new CellError('must be a whole number');
  return n;
}

function toScalar(raw: RawCell, column: LedgerColumn): string | number | boolean {
  switch (column.kind) {
    case 'int':
      return toNumber(raw, true);
    case 'float':
      return toNumber(raw, false);
    case 'boolean':
      return toBoolean(raw);
    case 'date':
      return toDate(raw);
    case 'enum': {
      const text = String(raw).trim().toUpperCase();
      if (!column.enumValues!.includes(text)) throw new CellError(`must be one of ${column.enumValues!.join(', ')}`);
      return text;
    }
    default:
      return raw instanceof Date ? toDate(raw) : String(raw).trim();
  }
}

/** Converts one cell to its field's value; an empty cell is absent (undefined). */
export function convertCell(raw: RawCell, column: LedgerColumn): CellValue {
  if (raw === null || raw === undefined || (typeof raw === 'string' && raw.trim() === '')) return undefined;
  if (!column.list) return toScalar(raw, column);
  const parts = String(raw).split(/[,，;；、]/).map((s) => s.trim()).filter(Boolean);
  return parts.map((p) => String(toScalar(p, column)));
}
