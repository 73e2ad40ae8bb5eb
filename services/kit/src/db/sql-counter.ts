import type { Logger } from 'typeorm';

/** One statement a process sent: its number in `sqlCounter.statements`, text and parameters. */
export interface CapturedStatement {
  seq: number;
  query: string;
  parameters: unknown[];
}

/**
 * Counts every SQL statement a process sends. Tests read it (through the subgraph's debug
 * endpoint, enabled only by PB_SQL_STATS=1) to prove a query costs a constant number of
 * statements; nothing else depends on it.
 *
 * Opt-in, `PB_SQL_CAPTURE=N` also keeps the last N statements with their parameters (the
 * benchmark replays one request's statements straight against the database). Off by default:
 * parameters may hold personal data.
 */
export const sqlCounter: { statements: number; captured?: CapturedStatement[] } = { statements: 0 };

const captureLimit = (): number => {
  const n = Number(process.env.PB_SQL_CAPTURE ?? 0);
  return Number.isInteger(n) && n > 0 ? n : 0;
};

export class CountingLogger implements Logger {
  private readonly echo = process.env.PB_LOG_SQL === '1';
  private readonly capture = captureLimit();
  logQuery(query: string, parameters?: unknown[]): void {
    sqlCounter.statements += 1;
    if (this.capture) {
      const captured = (sqlCounter.captured ??= []);
      captured.push({ seq: sqlCounter.statements, query, parameters: parameters ?? [] });
      if (captured.length > this.capture) captured.splice(0, captured.length - this.capture);
    }
    if (this.echo) console.log('[sql]', query, parameters ?? '');
  }
  logQueryError(error: string | Error, query: string): void {
    if (this.echo) console.error('[sql error]', error, query);
  }
  logQuerySlow(time: number, query: string): void {
    if (this.echo) console.warn(`[sql slow ${time}ms]`, query);
  }
  logSchemaBuild(): void {}
  logMigration(message: string): void {
    if (process.env.PB_LOG_MIGRATIONS === '1') console.log('[migration]', message);
  }
  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    // 57P01: the server is shutting down (on Ctrl-C PostgreSQL gets the signal too): expected.
    if (/administrator command|57P01/.test(String(message))) return;
    if (level === 'warn') console.warn('[typeorm]', message);
  }
}
