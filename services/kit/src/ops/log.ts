import { AsyncLocalStorage } from 'node:async_hooks';
import pino, { type Logger } from 'pino';

/** What one HTTP request carries through its async work: its id, and what the access line reports. */
export interface RequestScope {
  id: string;
  operationName?: string;
  errorCodes: string[];
}

export const requestScope = new AsyncLocalStorage<RequestScope>();

/** The id of the request being served, if any (for logs, error extensions, subgraph fetches). */
export const currentRequestId = (): string | undefined => requestScope.getStore()?.id;

const LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LEVELS)[number];

function level(): LogLevel {
  const raw = process.env.LOG_LEVEL;
  if (raw && (LEVELS as readonly string[]).includes(raw)) return raw as LogLevel;
  // Tests start dozens of processes; their logs are opt-in (LOG_LEVEL or PB_TEST_VERBOSE).
  return process.env.NODE_ENV === 'test' && process.env.PB_TEST_VERBOSE !== '1' ? 'silent' : 'info';
}

let root: Logger | undefined;

/**
 * The process's JSON logger (pino, one line per event on stdout). Every line written while a
 * request is served carries its `requestId`.
 */
export function logger(): Logger {
  root ??= pino({
    level: level(),
    base: { service: process.env.PB_SERVICE_NAME ?? 'pb', pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    mixin: () => {
      const id = currentRequestId();
      return id ? { requestId: id } : {};
    },
  });
  return root;
}

/** Whether SQL text and parameters may be logged (they can hold personal data): `PB_LOG_SQL=1`. */
export const sqlLoggingAllowed = (): boolean => process.env.PB_LOG_SQL === '1';

/**
 * An error as it may be logged: name, message and code, never the SQL text, parameters or
 * driver detail a database error carries (unless PB_LOG_SQL=1 asks for them).
 */
export function loggableError(err: unknown): Record<string, unknown> {
  if (!(err instanceof Error)) return { message: String(err) };
  const e = err as Error & { code?: unknown; query?: unknown; parameters?: unknown; driverError?: { code?: unknown } };
  const out: Record<string, unknown> = { type: e.name, message: e.message, code: e.code ?? e.driverError?.code };
  if (sqlLoggingAllowed()) Object.assign(out, { query: e.query, parameters: e.parameters, stack: e.stack });
  else if (!e.query) out.stack = e.stack;
  return out;
}
