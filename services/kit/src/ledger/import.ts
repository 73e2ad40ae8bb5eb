import { GraphQLError } from 'graphql';
import type { EntityManager, QueryRunner } from 'typeorm';
import { assertSectorWriter } from '../auth/access.js';
import type { RequestContext } from '../context.js';
import { PUBLIC_CODES } from '../errors/errors.js';
import { normalizeRegionCode } from '../regions/codes.js';
import type { RegionalRecord } from '../records/regional-record.js';
import { BatchKeys } from '../records/unique.js';
import { insertMany, ledgerKeyOf, type PreparedCreate, prepareCreate, prepareUpdate, saveUpdate } from '../records/write.js';
import { findByLedgerNumbers, keyText, type LedgerKey, saveLedgerNumbers } from './numbers.js';
import { CellError, type CellValue, cellText, convertCell, isFormulaCell, type RawCell } from './cells.js';
import { EXAMPLE_MARK, type LedgerColumn, ledgerColumns } from './columns.js';
import { LedgerFileError, readRows, type SheetRow } from './read.js';
import type { LedgerType } from './registry.js';

export interface ImportOptions {
  /** Check everything, write nothing. */
  dryRun?: boolean;
  /** Write the good rows and return the bad ones, instead of writing nothing. */
  skipInvalid?: boolean;
  /** Most data rows one request may hold. */
  maxRows?: number;
  onProgress?(rowsRead: number): void;
}

/** One problem of one row: where (row, column), what was there, and why. */
export interface RowError {
  row: number;
  column: string | null;
  header: string | null;
  value: string | null;
  message: string;
  code: string;
}

export interface ImportSummary {
  type: string;
  rowsRead: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  /** True when the good rows were written (no dry run, and no bad row or --skip-invalid). */
  committed: boolean;
  dryRun: boolean;
  durationMs: number;
  errors: RowError[];
}

export const DEFAULT_MAX_ROWS = Number(process.env.PB_IMPORT_MAX_ROWS ?? 100_000);
/** Rows checked and written together: bigger chunks mean fewer statements and trigger runs. */
const CHUNK = 2000;
/** Headers the import itself writes into an error workbook; ignored when such a file comes back. */
export const ERROR_HEADER = '导入错误 (import errors)';

const stripHeader = (text: string) => text.replace(/[*＊\s]/g, '').replace(/（/g, '(').replace(/）/g, ')');

/** Maps each header cell to its column, by Chinese header or field name; unknown headers are a 400. */
function matchHeaders(header: SheetRow, columns: LedgerColumn[]): (LedgerColumn | null)[] {
  const byName = new Map<string, LedgerColumn>();
  for (const c of columns) {
    byName.set(stripHeader(c.header), c);
    byName.set(c.field.toLowerCase(), c);
  }
  const unknown: string[] = [];
  const matched = header.cells.map((cell) => {
    const text = cellText(cell).trim();
    if (!text || stripHeader(text) === stripHeader(ERROR_HEADER)) return null;
    const column = byName.get(stripHeader(text)) ?? byName.get(text.toLowerCase());
    if (!column) unknown.push(text);
    return column ?? null;
  });
  if (unknown.length) throw new LedgerFileError(`Unknown columns: ${unknown.join(', ')}`, 'UNKNOWN_COLUMNS', { unknown, known: columns.map((c) => ({ header: c.header, field: c.field })) });
  if (!matched.some(Boolean)) throw new LedgerFileError('The first row holds no column headers', 'EMPTY_SHEET');
  return matched;
}

/** The template's second header row: every cell a field name. */
const isFieldNameRow = (row: SheetRow, columns: (LedgerColumn | null)[]) =>
  row.cells.every((cell, i) => cellText(cell).trim() === '' || cellText(cell).trim() === columns[i]?.field);

interface ParsedRow {
  number: number;
  raw: Map<string, RawCell>;
  values: Record<string, CellValue>;
  errors: RowError[];
}

function errorOf(row: number, column: LedgerColumn | null, raw: RawCell, message: string, code: string): RowError {
  return { row, column: column?.field ?? null, header: column?.header ?? null, value: raw === undefined ? null : cellText(raw), message, code };
}

function parseRow(row: SheetRow, columns: (LedgerColumn | null)[], formulas: RowError[]): ParsedRow {
  const parsed: ParsedRow = { number: row.number, raw: new Map(), values: {}, errors: [] };
  columns.forEach((column, i) => {
    if (!column) return;
    const raw = row.cells[i];
    parsed.raw.set(column.field, raw);
    if (isFormulaCell(raw, column)) {
      formulas.push(errorOf(row.number, column, raw, 'a formula (or text starting with = + - @) is not accepted in a ledger cell', 'FORMULA_CELL'));
      return;
    }
    try {
      parsed.values[column.field] = convertCell(raw, column);
    } catch (err) {
      if (!(err instanceof CellError)) throw err;
      parsed.errors.push(errorOf(row.number, column, raw, err.message, 'BAD_USER_INPUT'));
    }
  });
  return parsed;
}

/** Resolves parents named by name and region (cached per import): exactly one must match. */
class ParentResolver {
  private readonly cache = new Map<string, Promise<string[]>>();
  constructor(private readonly ctx: RequestContext) {}

  async resolve(type: LedgerType, row: ParsedRow, columns: LedgerColumn[]): Promise<void> {
    for (const parent of type.cfg.ledger?.parents ?? []) {
      if (row.values[parent.field] !== undefined) continue;
      const nameCol = columns.find((c) => c.extra === 'parentName' && c.parentField === parent.field)!;
      const regionCol = columns.find((c) => c.extra === 'parentRegion' && c.parentField === parent.field)!;
      const name = row.values[nameCol.field];
      if (name === undefined) continue;
      const region = row.values[regionCol.field];
      const prefix = region === undefined ? '' : normalizeRegionCode(String(region));
      if (prefix === null) {
        row.errors.push(errorOf(row.number, regionCol, row.raw.get(regionCol.field), 'is not a region code', 'BAD_USER_INPUT'));
        continue;
      }
      const key = `${parent.field}\u0000${name}\u0000${prefix}`;
      if (!this.cache.has(key)) {
        const qb = this.ctx.db.getRepository(parent.entity).createQueryBuilder('p').select('p.id', 'id').where('p.name = :name', { name }).andWhere('p.region_code LIKE :prefix', { prefix: `${prefix}%` }).limit(2);
        this.cache.set(key, qb.getRawMany<{ id: string }>().then((rows) => rows.map((r) => r.id)));
      }
      const ids = await this.cache.get(key)!;
      if (ids.length === 1) row.values[parent.field] = ids[0];
      else
        row.errors.push(
          errorOf(row.number, nameCol, row.raw.get(nameCol.field), ids.length ? `names more than one ${parent.term} in that region: give its id or a narrower region code` : `no ${parent.term} of that name in that region`, ids.length ? 'AMBIGUOUS_PARENT' : 'NOT_FOUND'),
        );
    }
  }
}

/** A thrown write-path error as a row error on the column its field names. */
function rowErrorFrom(err: unknown, row: ParsedRow, columns: LedgerColumn[]): RowError {
  if (!(err instanceof GraphQLError) || !PUBLIC_CODES.has(String(err.extensions.code))) {
    console.error('[ledger import] internal error on a row', err);
    return errorOf(row.number, null, undefined, 'Internal error', 'INTERNAL_SERVER_ERROR');
  }
  const field = typeof err.extensions.field === 'string' ? err.extensions.field : '';
  const name = field.replace(/^input\./, '').split('.')[0];
  const column = columns.find((c) => c.field === name) ?? null;
  const message = field && err.message.startsWith(`${field}: `) ? err.message.slice(field.length + 2) : err.message;
  return errorOf(row.number, column, column ? row.raw.get(column.field) : undefined, message, String(err.extensions.code));
}

/** JSON equality of stored and checked values (dates as YYYY-MM-DD, lists in order). */
const same = (a: unknown, b: unknown) => JSON.stringify(a instanceof Date ? a.toISOString() : (a ?? null)) === JSON.stringify(b instanceof Date ? b.toISOString() : (b ?? null));

interface ChunkOutcome {
  creates: { prepared: PreparedCreate<RegionalRecord>; key: LedgerKey | null }[];
  updates: { current: RegionalRecord; changes: Record<string, unknown>; key: LedgerKey }[];
  unchanged: number;
}

/** What one import has seen so far: ledger numbers (by owner) and natural keys, with their rows. */
export interface ImportSeen {
  numbers: Map<string, number>;
  unique: BatchKeys;
}

/** A row's input (its ledger number included) without the columns that only name parents. */
function inputOf(row: ParsedRow, columns: LedgerColumn[]): Record<string, unknown> {
  const input: Record<string, unknown> = { ...row.values };
  for (const c of columns) if (c.extra && c.extra !== 'externalId') delete input[c.field];
  return input;
}

/** Each good row's ledger key; a number its owner already used on an earlier row is refused. */
async function keysOf(type: LedgerType, rows: ParsedRow[], columns: LedgerColumn[], ctx: RequestContext, parents: ParentResolver, seen: ImportSeen) {
  const keyed = await Promise.all(
    rows.map(async (row) => {
      await parents.resolve(type, row, columns);
      if (row.errors.length) return null;
      const input = inputOf(row, columns);
      try {
        return { row, input, key: await ledgerKeyOf(type.cfg, input, ctx) };
      } catch (err) {
        row.errors.push(rowErrorFrom(err, row, columns));
        return null;
      }
    }),
  );
  for (const k of keyed) {
    if (!k?.key) continue;
    const earlier = seen.numbers.get(keyText(k.key));
    if (earlier !== undefined) k.row.errors.push(errorOf(k.row.number, columns[0], k.key.externalId, `the same ledger number under the same owner is on an earlier row (${earlier})`, 'DUPLICATE_LEDGER_NUMBER'));
    else seen.numbers.set(keyText(k.key), k.row.number);
  }
  return keyed.filter((k): k is NonNullable<typeof k> => !!k && !k.row.errors.length);
}

/** Checks a chunk of rows through the write path; records what to write and each row's errors. */
async function checkChunk(type: LedgerType, rows: ParsedRow[], columns: LedgerColumn[], ctx: RequestContext, parents: ParentResolver, seen: ImportSeen): Promise<ChunkOutcome> {
  const { cfg } = type;
  const keyed = await keysOf(type, rows, columns, ctx, parents, seen);
  const currentOf = await findByLedgerNumbers(ctx.db.manager, cfg, keyed.flatMap((k) => (k.key ? [k.key] : [])));
  const out: ChunkOutcome = { creates: [], updates: [], unchanged: 0 };
  const checked = await Promise.all(
    keyed.map(async ({ row, input, key }) => {
      const current = key ? currentOf.get(keyText(key)) : undefined;
      try {
        if (current && key) return { row, current, key, changes: (await prepareUpdate(cfg, current, input, ctx)) as Record<string, unknown> };
        return { row, key, prepared: await prepareCreate(cfg, input, ctx) };
      } catch (err) {
        row.errors.push(rowErrorFrom(err, row, columns));
        return null;
      }
    }),
  );
  // In row order, so a natural-key duplicate is reported on the later row.
  for (const c of checked) {
    if (!c) continue;
    try {
      seen.unique.add(c.prepared ? c.prepared.values : { ...c.current, ...c.changes }, c.row.number, 'input', 'row ');
    } catch (err) {
      c.row.errors.push(rowErrorFrom(err, c.row, columns));
      continue;
    }
    if (c.prepared) out.creates.push({ prepared: c.prepared, key: c.key });
    else if (Object.entries(c.changes).every(([k, v]) => same((c.current as unknown as Record<string, unknown>)[k], v))) out.unchanged++;
    else out.updates.push({ current: c.current, changes: c.changes, key: c.key });
  }
  return out;
}

async function writeChunk(em: EntityManager, type: LedgerType, outcome: ChunkOutcome, ctx: RequestContext): Promise<void> {
  const ids = await insertMany(em, type.cfg, outcome.creates.map((c) => c.prepared), ctx);
  const numbers = outcome.creates.flatMap((c, i) => (c.key ? [{ ...c.key, recordId: ids[i] }] : []));
  for (const u of outcome.updates) {
    await saveUpdate(em, type.cfg, u.current, u.changes as never, ctx);
    numbers.push({ ...u.key, recordId: u.current.id });
  }
  await saveLedgerNumbers(em, type.cfg.typeName, numbers);
}

/**
 * Imports a ledger file of one record type. Every row goes through the mutations' write path
 * (checks, place, authorization); rows are read and checked in chunks and written inside one
 * transaction, which commits only when no row failed (or `skipInvalid`) and not a dry run.
 */
export async function importLedger(type: LedgerType, data: Buffer, ctx: RequestContext, opts: ImportOptions = {}): Promise<ImportSummary> {
  const started = Date.now();
  assertSectorWriter(ctx, type.cfg.sector);
  const columns = ledgerColumns(type);
  const maxRows = opts.maxRows ?? DEFAULT_MAX_ROWS;
  const summary: ImportSummary = { type: type.cfg.typeName, rowsRead: 0, created: 0, updated: 0, unchanged: 0, rejected: 0, committed: false, dryRun: !!opts.dryRun, durationMs: 0, errors: [] };
  const formulas: RowError[] = [];
  const seen: ImportSeen = { numbers: new Map(), unique: new BatchKeys(type.cfg.unique) };
  const parents = new ParentResolver(ctx);
  const qr: QueryRunner = ctx.db.createQueryRunner();
  await qr.connect();
  await qr.startTransaction();
  // A chunk's bulk insert (and its statistics upkeep) may outlast the serving pool's per-statement
  // limit, which is sized for reads: an import's statements get 5 minutes each.
  await qr.query(`SET LOCAL statement_timeout = '5min'`);
  try {
    let matched: (LedgerColumn | null)[] | null = null;
    let chunk: ParsedRow[] = [];
    const flush = async () => {
      const rows = chunk;
      chunk = [];
      const outcome = await checkChunk(type, rows, columns, ctx, parents, seen);
      const bad = rows.filter((r) => r.errors.length);
      summary.rejected += bad.length;
      for (const r of bad) summary.errors.push(...r.errors);
      summary.unchanged += outcome.unchanged;
      summary.created += outcome.creates.length;
      summary.updated += outcome.updates.length;
      // Once a row failed without --skip-invalid nothing will commit: keep checking, stop writing.
      if ((summary.rejected === 0 || opts.skipInvalid) && !formulas.length) await writeChunk(qr.manager, type, outcome, ctx);
      opts.onProgress?.(summary.rowsRead);
    };
    for await (const row of readRows(data)) {
      if (!matched) {
        matched = matchHeaders(row, columns);
        continue;
      }
      if (summary.rowsRead === 0 && chunk.length === 0 && isFieldNameRow(row, matched)) continue;
      if (matched.some((c, i) => c?.extra === 'externalId' && cellText(row.cells[i]).trim() === EXAMPLE_MARK)) continue;
      if (++summary.rowsRead > maxRows) throw new LedgerFileError(`At most ${maxRows} rows per import: split the file`, 'TOO_MANY_ROWS');
      chunk.push(parseRow(row, matched, formulas));
      if (chunk.length >= CHUNK) await flush();
    }
    if (!matched) throw new LedgerFileError('The sheet is empty', 'EMPTY_SHEET');
    if (chunk.length) await flush();
    if (!summary.rowsRead) throw new LedgerFileError('The sheet has headers but no rows', 'EMPTY_SHEET');
    if (formulas.length) throw new LedgerFileError(`${formulas.length} cells hold a formula (or text starting with = + - @); ledgers take values only`, 'FORMULA_CELL', formulas);
    summary.committed = !opts.dryRun && (summary.rejected === 0 || !!opts.skipInvalid);
    if (summary.committed) await qr.commitTransaction();
    else await qr.rollbackTransaction();
  } catch (err) {
    if (qr.isTransactionActive) await qr.rollbackTransaction();
    throw err;
  } finally {
    await qr.release();
  }
  summary.errors.sort((a, b) => a.row - b.row);
  summary.durationMs = Date.now() - started;
  return summary;
}

/** Row errors by row number, for the error workbook. */
export const errorsByRow = (errors: RowError[]): Map<number, RowError[]> => {
  const map = new Map<number, RowError[]>();
  for (const e of errors) map.set(e.row, [...(map.get(e.row) ?? []), e]);
  return map;
};
