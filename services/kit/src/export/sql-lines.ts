import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata.js';
import type { ExportFormat } from './export.js';

/**
 * Export lines built by PostgreSQL (row_to_json, or quoted CSV fields joined with commas),
 * so Node only copies text from the cursor to the socket instead of parsing every row into
 * objects and serialising it again: the bulk of an export's time. Used for types with no personal
 * field to mask (masking stays in one place, the JS path); the output is the JS path's, value for
 * value: timestamps as ISO-8601 UTC with milliseconds, dates as YYYY-MM-DD (as the GraphQL Date
 * scalar), bigints and numerics as strings (as node-postgres gives them).
 */
const TIMESTAMP = `'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`;

const typeOf = (c: ColumnMetadata): string => (typeof c.type === 'string' ? c.type : (c.type as { name?: string }).name ?? '').toLowerCase();

const isTimestamp = (t: string) => t.startsWith('timestamp');
const isBigNumber = (t: string) => ['bigint', 'int8', 'numeric', 'decimal'].includes(t);

/** A column this path renders exactly like the JS path; anything else keeps the JS path. */
function supported(c: ColumnMetadata, format: ExportFormat): boolean {
  const t = typeOf(c);
  if (c.isArray) return !isTimestamp(t) && t !== 'date' && !isBigNumber(t) && !t.startsWith('json');
  return format === 'ndjson' || !t.startsWith('json'); // jsonb as CSV text differs in spacing
}

/** The column's value as JSON would carry it (NDJSON). */
function jsonValue(c: ColumnMetadata, col: string): string {
  const t = typeOf(c);
  if (c.isArray) return col;
  if (isTimestamp(t)) return `to_char(${col} AT TIME ZONE 'UTC', ${TIMESTAMP})`;
  if (t === 'date') return `to_char(${col}, 'YYYY-MM-DD')`;
  if (isBigNumber(t)) return `${col}::text`;
  return col;
}

/** The column's value as a CSV field: text, quoted when it holds a comma, quote or line break. */
function csvField(c: ColumnMetadata, col: string): string {
  const t = typeOf(c);
  let text: string;
  if (c.isArray) text = `to_json(${col})::text`;
  else if (isTimestamp(t)) text = `to_char(${col} AT TIME ZONE 'UTC', ${TIMESTAMP})`;
  else if (t === 'date') text = `to_char(${col}, 'YYYY-MM-DD')`;
  else if (t === 'boolean' || t === 'bool') text = `CASE WHEN ${col} THEN 'true' ELSE 'false' END`;
  else text = `${col}::text`;
  return `coalesce(CASE WHEN ${text} ~ '[",\\r\\n]' THEN '"' || replace(${text}, '"', '""') || '"' ELSE ${text} END, '')`;
}

/**
 * The SELECT list producing one finished line per row (`line`, newline included), or null when a
 * column needs the JS path. `alias` is the query's table alias.
 */
export function lineSelect(columns: ColumnMetadata[], format: ExportFormat, alias: string): string | null {
  if (!columns.every((c) => supported(c, format))) return null;
  const col = (c: ColumnMetadata) => `${alias}."${c.databaseName}"`;
  if (format === 'ndjson') {
    // row_to_json writes compact JSON (as JSON.stringify), keys in column order.
    return `(SELECT row_to_json(x)::text FROM (SELECT ${columns.map((c) => `${jsonValue(c, col(c))} AS "${c.propertyName}"`).join(', ')}) x) || E'\\n'`;
  }
  return `${columns.map((c) => csvField(c, col(c))).join(` || ',' || `)} || E'\\n'`;
}
