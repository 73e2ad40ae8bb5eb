import type { IncomingMessage, ServerResponse } from 'node:http';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import { GraphQLError } from 'graphql';
import type { PoolClient } from 'pg';
import QueryStream from 'pg-query-stream';
import type { ClassType } from 'type-graphql';
import type { DataSource } from 'typeorm';
import { canSeePersonal } from '../auth/access.js';
import { maskName, maskPhone } from '../auth/mask.js';
import type { TokenVerifier } from '../auth/verifier.js';
import { createContext } from '../context.js';
import { badInput } from '../errors/errors.js';
import type { ListArgs } from '../pagination/connection.js';
import { applyListFilters } from '../pagination/paginate.js';
import { type PersonalKind, personalFieldsOf } from '../auth/read-access.js';
import { lineSelect } from './sql-lines.js';

/** A record type that can be exported: registered by its crud resolver under its list name. */
export interface ExportType {
  listName: string;
  typeName: string;
  sector: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entity: ClassType | Function;
}

const types = new Map<string, ExportType>();

export function registerExportType(t: ExportType): void {
  types.set(t.listName, t);
}

/** The list names this process can export (`GET /export`). */
export const exportTypeNames = (): string[] => [...types.keys()].sort();

export type ExportFormat = 'ndjson' | 'csv';

/** Rows a cursor fetch brings: bigger batches mean fewer round trips, at a bounded memory cost. */
const BATCH_ROWS = 5_000;

interface ExportRequest {
  type: ExportType;
  format: ExportFormat;
  args: ListArgs;
}

function sendError(res: ServerResponse, status: number, err: { code: string; message: string; field?: string }): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ error: err }));
}

/** The type and the list's filters from the URL; bad input throws a BAD_USER_INPUT naming the parameter. */
function parseRequest(url: URL): ExportRequest {
  const name = decodeURIComponent(url.pathname.replace(/^\/export\/?/, ''));
  const type = types.get(name);
  if (!type) throw badInput('type', `unknown record type ${JSON.stringify(name)}; one of ${exportTypeNames().join(', ')}`);
  const format = (url.searchParams.get('format') ?? 'ndjson').toLowerCase();
  if (format !== 'ndjson' && format !== 'csv') throw badInput('format', 'must be ndjson or csv');
  const since = url.searchParams.get('updatedSince');
  if (since !== null && Number.isNaN(Date.parse(since))) throw badInput('updatedSince', 'must be an ISO date-time');
  const deleted = url.searchParams.get('includeDeleted');
  if (deleted !== null && !['true', 'false', '1', '0'].includes(deleted)) throw badInput('includeDeleted', 'must be true or false');
  for (const key of url.searchParams.keys()) {
    if (!['format', 'regionCode', 'updatedSince', 'includeDeleted'].includes(key)) throw badInput(key, 'is not a filter of the export (format, regionCode, updatedSince, includeDeleted)');
  }
  const args = { first: 0, regionCode: url.searchParams.get('regionCode'), updatedSince: since ? new Date(since) : null, includeDeleted: deleted === 'true' || deleted === '1' } as ListArgs;
  return { type, format, args };
}

const iso = (v: unknown): unknown => (v instanceof Date ? v.toISOString() : v);
const pad = (n: number) => String(n).padStart(2, '0');
/** A `date` column (node-postgres gives a local midnight) as YYYY-MM-DD, as the GraphQL Date scalar. */
const day = (v: unknown): unknown => (v instanceof Date ? `${v.getFullYear()}-${pad(v.getMonth() + 1)}-${pad(v.getDate())}` : v);

/**
 * Rows whose `line` PostgreSQL built (sql-lines.ts), passed on as text in ~64 KiB pieces: one
 * write (and one HTTP chunk) per piece rather than per row.
 */
function lines(): Transform {
  let held: string[] = [];
  let size = 0;
  const take = () => {
    const text = held.join('');
    held = [];
    size = 0;
    return text;
  };
  return new Transform({
    writableObjectMode: true,
    transform(row: { line: string }, _enc, done) {
      held.push(row.line);
      size += row.line.length;
      done(null, size >= 65_536 ? take() : undefined);
    },
    flush(done) {
      done(null, size ? take() : undefined);
    },
  });
}

/**
 * `GET /export/<listName>?format=ndjson|csv&regionCode=&updatedSince=&includeDeleted=`: every
 * record of the type matching the list's filters, streamed from a database cursor (memory stays
 * bounded whatever the size), personal fields masked as in GraphQL unless the token may see them.
 * CSV is UTF-8 with a BOM (Excel opens Chinese text correctly), a header of field names.
 */
export function exportRoute(db: DataSource, verifier: TokenVerifier) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/export' || url.pathname === '/export/') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ types: exportTypeNames() }));
      return;
    }
    const ctx = await createContext(db, verifier, req.headers.authorization);
    if (ctx.auth.error) return sendError(res, 401, { code: 'UNAUTHENTICATED', message: ctx.auth.error });
    let request: ExportRequest;
    const repo = (() => {
      try {
        request = parseRequest(url);
        return db.getRepository(request.type.entity);
      } catch (err) {
        return err as GraphQLError;
      }
    })();
    if (repo instanceof GraphQLError) return sendError(res, 400, { code: 'BAD_USER_INPUT', message: repo.message, field: repo.extensions.field as string });
    const { type, format, args } = request!;
    const qb = repo.createQueryBuilder('r');
    try {
      await applyListFilters(ctx, qb, args);
    } catch (err) {
      const e = err as GraphQLError;
      return sendError(res, 400, { code: String(e.extensions?.code ?? 'BAD_USER_INPUT'), message: e.message, field: e.extensions?.field as string });
    }
    const columns = repo.metadata.columns.filter((c) => c.isSelect || args.includeDeleted);
    const fields = columns.map((c) => c.propertyName);
    const personal = personalFieldsOf(type.typeName);
    const masks = new Map(fields.filter((f) => personal[f]).map((f) => [f, personal[f]] as [string, PersonalKind]));
    const dates = new Set(columns.filter((c) => c.type === 'date').map((c) => c.propertyName));
    // Nothing to mask: PostgreSQL writes the lines. Otherwise each row is masked here.
    const line = masks.size ? null : lineSelect(columns, format, 'r');
    if (line) qb.select(line, 'line');
    else {
      qb.select(`r.${columns[0].databaseName}`, columns[0].propertyName);
      for (const c of columns.slice(1)) qb.addSelect(`r.${c.databaseName}`, c.propertyName);
    }
    qb.orderBy('r.id', 'ASC');
    const [sql, params] = qb.getQueryAndParameters();
    const shape = (row: Record<string, unknown>): Record<string, unknown> => {
      const visible = canSeePersonal(ctx, type.sector, String(row.regionCode));
      const out: Record<string, unknown> = {};
      for (const f of fields) {
        const kind = masks.get(f);
        const v = row[f];
        out[f] = kind && !visible && v != null ? (kind === 'phone' ? maskPhone(String(v)) : maskName(String(v))) : dates.has(f) ? day(v) : iso(v);
      }
      return out;
    };
    const runner = db.createQueryRunner('slave');
    const client = (await runner.connect()) as PoolClient;
    try {
      // One snapshot for the whole file. The cursor's fetches are one statement to PostgreSQL, so
      // the serving pool's statement_timeout (seconds) would cut any export of more than a few
      // hundred thousand rows: an export gets 30 minutes instead.
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      await client.query(`SET LOCAL statement_timeout = '30min'`);
      const rows = client.query(new QueryStream(sql, params as unknown[], { batchSize: BATCH_ROWS }));
      res.writeHead(200, {
        'content-type': format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8',
        'content-disposition': `attachment; filename="${type.listName}.${format}"`,
      });
      if (line) {
        if (format === 'csv') res.write(`\ufeff${fields.join(',')}\n`);
        await pipeline(rows, lines(), res);
      } else if (format === 'csv') {
        const toRecord = new Transform({ objectMode: true, transform: (row, _enc, done) => done(null, shape(row as Record<string, unknown>)) });
        const csv = stringify({ header: true, columns: fields, bom: true, cast: { object: (v) => JSON.stringify(v), boolean: (v) => String(v) } });
        await pipeline(rows, toRecord, csv, res);
      } else {
        const ndjson = new Transform({ writableObjectMode: true, transform: (row, _enc, done) => done(null, `${JSON.stringify(shape(row as Record<string, unknown>))}\n`) });
        await pipeline(rows, ndjson, res);
      }
    } catch {
      // A client that went away, or a failed query: the response is cut short (no internals shown).
      if (!res.headersSent) sendError(res, 500, { code: 'INTERNAL_SERVER_ERROR', message: 'Export failed' });
      else res.destroy();
    } finally {
      await client.query('ROLLBACK').catch(() => {});
      await runner.release();
    }
  };
}
