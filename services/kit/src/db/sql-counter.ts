import type { Logger } from 'typeorm';

/**
 * Counts every SQL statement a process sends. Tests read it (through the subgraph's debug
 * endpoint, enabled only by PB_SQL_STATS=1) to prove a query costs a constant number of
 * statements; nothing else depends on it.
 */
export const sqlCounter = { statements: 0 };

export class CountingLogger implements Logger {
  private readonly echo = process.env.PB_LOG_SQL === '1';
  logQuery(query: string, parameters?: unknown[]): void {
    sqlCounter.statements += 1;
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
