import cliProgress from 'cli-progress';

/** One table's progress: rows done out of the indexes to generate. */
export interface TableProgress {
  update(done: number, rows: number): void;
  finish(rows: number): void;
}

export interface Progress {
  table(subgraph: string, table: string, total: number): TableProgress;
  log(line: string): void;
  stop(): void;
}

const rate = (rows: number, ms: number): string => `${Math.round(rows / Math.max(ms / 1000, 0.001)).toLocaleString('en-US')} rows/s`;
const eta = (done: number, total: number, ms: number): string => (done ? `${Math.max(0, Math.round(((total - done) * ms) / done / 1000))}s` : '?');

/**
 * On a terminal: one cli-progress bar per table (rows, rows/s, ETA), several at once when the
 * databases load in parallel. Elsewhere (CI, a log file): a plain line per chunk, since bars
 * redrawn with carriage returns make unreadable logs.
 */
export function createProgress(log: (line: string) => void, tty = Boolean(process.stdout.isTTY)): Progress {
  if (!tty) return plainProgress(log);
  const multi = new cliProgress.MultiBar(
    {
      format: '{label} |{bar}| {percentage}% {rows} rows | {speed} | ETA {eta_formatted}',
      hideCursor: true,
      clearOnComplete: false,
      etaBuffer: 20,
    },
    cliProgress.Presets.shades_classic,
  );
  return {
    table(subgraph, table, total) {
      const started = Date.now();
      const label = `${subgraph}.${table}`.padEnd(40);
      const bar = multi.create(Math.max(total, 1), 0, { label, rows: 0, speed: '' });
      return {
        update: (done, rows) => bar.update(done, { rows: rows.toLocaleString('en-US'), speed: rate(rows, Date.now() - started) }),
        finish: (rows) => {
          bar.update(Math.max(total, 1), { rows: rows.toLocaleString('en-US'), speed: rate(rows, Date.now() - started) });
          bar.stop();
        },
      };
    },
    log: (line) => multi.log(`${line}\n`),
    stop: () => multi.stop(),
  };
}

function plainProgress(log: (line: string) => void): Progress {
  return {
    table(subgraph, table, total) {
      const started = Date.now();
      const label = `[${subgraph}] ${table}`;
      return {
        update(done, rows) {
          if (done >= total) return; // the finish line says it
          const ms = Date.now() - started;
          log(`${label} ${done.toLocaleString('en-US')}/${total.toLocaleString('en-US')} (${Math.floor((done * 100) / total)}%) ${rate(rows, ms)}, ETA ${eta(done, total, ms)}`);
        },
        finish(rows) {
          const ms = Date.now() - started;
          log(`${label} ${rows.toLocaleString('en-US')} rows in ${(ms / 1000).toFixed(1)}s (${rate(rows, ms)})`);
        },
      };
    },
    log,
    stop: () => {},
  };
}
