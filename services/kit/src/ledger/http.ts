import type { IncomingMessage, ServerResponse } from 'node:http';
import busboy from 'busboy';
import { GraphQLError } from 'graphql';
import type { RequestContext } from '../context.js';
import { type ImportSummary, importLedger, type RowError } from './import.js';
import { LedgerFileError } from './read.js';
import { ledgerType, ledgerTypeNames } from './registry.js';
import { errorWorkbook, templateWorkbook } from './workbook.js';

export const DEFAULT_MAX_BYTES = Number(process.env.PB_IMPORT_MAX_BYTES ?? 50 * 1024 * 1024);
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

function sendXlsx(res: ServerResponse, status: number, name: string, data: Buffer, extra: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': XLSX_TYPE, 'content-disposition': `attachment; filename="${name}"`, 'content-length': data.length, ...extra });
  res.end(data);
}

/** The uploaded file: the first file part of a multipart form, or the raw body. At most `max` bytes. */
function readUpload(req: IncomingMessage, max: number): Promise<Buffer> {
  const tooLarge = () => new HttpError(413, 'FILE_TOO_LARGE', `The file is larger than ${max} bytes`);
  if (!/^multipart\/form-data/i.test(req.headers['content-type'] ?? '')) {
    return new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      let size = 0;
      req.on('data', (c: Buffer) => {
        size += c.length;
        if (size > max) {
          reject(tooLarge());
          req.resume();
        } else chunks.push(c);
      });
      req.on('end', () => resolve(Buffer.concat(chunks)));
      req.on('error', reject);
    });
  }
  return new Promise((resolve, reject) => {
    let file: Promise<Buffer> | null = null;
    const bb = busboy({ headers: req.headers, limits: { fileSize: max, files: 1 } });
    bb.on('file', (_name, stream) => {
      file = new Promise((ok, fail) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('limit', () => fail(tooLarge()));
        stream.on('end', () => ok(Buffer.concat(chunks)));
      });
    });
    bb.on('close', () => (file ? file.then(resolve, reject) : reject(new HttpError(400, 'NO_FILE', 'Send the ledger as a multipart form with a file part'))));
    bb.on('error', () => reject(new HttpError(400, 'BAD_MULTIPART', 'The multipart body could not be read')));
    req.pipe(bb);
  });
}

const statusOf = (summary: ImportSummary) => (summary.rejected && !summary.committed && !summary.dryRun ? 422 : 200);

const progressLine = (res: ServerResponse) => (rowsRead: number) => {
  if (!res.headersSent) res.writeHead(200, { 'content-type': 'application/x-ndjson; charset=utf-8' });
  res.write(`${JSON.stringify({ rowsRead })}\n`);
};

/**
 * `?progress=ndjson` (the import command's progress bar): a line `{ rowsRead }` per chunk
 * checked, then `{ status, summary }` or `{ status, error }` — the HTTP status is sent first, so
 * the outcome is in the last line.
 */
async function streamImport(res: ServerResponse, run: () => Promise<ImportSummary>): Promise<void> {
  let last: unknown;
  try {
    const summary = await run();
    last = { status: statusOf(summary), summary };
  } catch (err) {
    if (!(err instanceof LedgerFileError)) throw err;
    last = { status: 400, error: { code: err.code, message: err.message, details: err.details } };
  }
  if (!res.headersSent) res.writeHead(200, { 'content-type': 'application/x-ndjson; charset=utf-8' });
  res.end(`${JSON.stringify(last)}\n`);
}

const STATUS_OF: Record<string, number> = { UNAUTHENTICATED: 401, FORBIDDEN: 403 };

/**
 * `GET /import/<type>/template.xlsx` and `POST /import/<type>[?dryRun=1&skipInvalid=1&format=xlsx]`
 * on a subgraph: the ledger import over HTTP. Answers JSON (the summary, with every row error),
 * or with `format=xlsx` the uploaded rows with an error column when rows failed.
 */
export function ledgerRoute(context: (req: IncomingMessage) => Promise<RequestContext>) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const [, , typeName, rest] = url.pathname.split('/');
    try {
      const type = ledgerType(decodeURIComponent(typeName ?? ''));
      if (!type) throw new HttpError(404, 'UNKNOWN_TYPE', `No importable type ${typeName}`, { types: ledgerTypeNames() });
      if (req.method === 'GET' && rest === 'template.xlsx') return sendXlsx(res, 200, `${type.cfg.typeName}-template.xlsx`, await templateWorkbook(type));
      if (req.method !== 'POST' || rest) throw new HttpError(404, 'NOT_FOUND', 'GET /import/<type>/template.xlsx or POST /import/<type>');
      const ctx = await context(req);
      const flag = (name: string) => ['1', 'true', ''].includes(url.searchParams.get(name) ?? 'no');
      const data = await readUpload(req, DEFAULT_MAX_BYTES);
      if (!data.length) throw new HttpError(400, 'EMPTY_FILE', 'The file is empty');
      if (url.searchParams.get('progress') === 'ndjson') return streamImport(res, () => importLedger(type, data, ctx, { dryRun: flag('dryRun'), skipInvalid: flag('skipInvalid'), onProgress: progressLine(res) }));
      const summary = await importLedger(type, data, ctx, { dryRun: flag('dryRun'), skipInvalid: flag('skipInvalid') }).catch(async (err: unknown) => {
        // Formula cells are refused; asked for a workbook, the caller gets them marked (and neutralised).
        if (err instanceof LedgerFileError && err.code === 'FORMULA_CELL' && url.searchParams.get('format') === 'xlsx') {
          sendXlsx(res, 400, `${type.cfg.typeName}-errors.xlsx`, await errorWorkbook(type, data, err.details as RowError[]), { 'x-import-error': JSON.stringify({ code: err.code, message: err.message }) });
          return null;
        }
        throw err;
      });
      if (!summary) return;
      const status = statusOf(summary);
      if (url.searchParams.get('format') === 'xlsx' && summary.errors.length) {
        const { errors: _errors, ...counts } = summary;
        return sendXlsx(res, status, `${type.cfg.typeName}-errors.xlsx`, await errorWorkbook(type, data, summary.errors), { 'x-import-summary': JSON.stringify(counts) });
      }
      sendJson(res, status, summary);
    } catch (err) {
      if (res.headersSent) return void res.end();
      if (err instanceof HttpError) return sendJson(res, err.status, { error: { code: err.code, message: err.message, details: err.details } });
      if (err instanceof LedgerFileError) return sendJson(res, 400, { error: { code: err.code, message: err.message, details: err.details } });
      if (err instanceof GraphQLError && STATUS_OF[String(err.extensions.code)]) return sendJson(res, STATUS_OF[String(err.extensions.code)], { error: { code: err.extensions.code, message: err.message } });
      console.error('[ledger import] internal error', err);
      sendJson(res, 500, { error: { code: 'INTERNAL_SERVER_ERROR', message: 'Internal server error' } });
    }
  };
}
