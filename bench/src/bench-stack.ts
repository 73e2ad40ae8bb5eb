import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { prepareDatabases, startStack, type Stack, type StackDatabases } from '@pb/gateway';
import { envInt, mintToken, projectRoot, resolveJwtSecret } from '@pb/kit';

export interface BenchStack {
  stack: Stack;
  /** The secret the stack verifies tokens with. */
  secret: string;
  /** An ADMIN token for one hour. */
  admin: string;
}

export interface BenchStackOptions {
  log: (line: string) => void;
  /** The subgraphs' logs too. */
  verbose?: boolean;
  /** Extra environment of the subgraphs (e.g. SQL capture). */
  env?: Record<string, string>;
  /** Work on the databases before the stack starts (e.g. generating the dataset). */
  beforeStart?: (databases: StackDatabases) => Promise<void>;
  /** Always run before the stack stops, also after a failure or Ctrl-C (e.g. deleting the bench's rows). */
  cleanup?: (stack: Stack) => Promise<void>;
}

/**
 * Every benchmark's frame: the databases as `npm start` prepares them (embedded PostgreSQL in
 * PB_DATA_DIR, or the configured URLs), the stack on free ports (GATEWAY_PORT / HOST when set),
 * `body`, then the cleanup and everything stopped — on success, failure and Ctrl-C alike.
 */
export async function withBenchStack<T>(o: BenchStackOptions, body: (b: BenchStack) => Promise<T>): Promise<T> {
  const { secret } = resolveJwtSecret();
  const databases = await prepareDatabases({ log: o.log });
  let stack: Stack | null = null;
  const stop = async () => {
    if (stack) await o.cleanup?.(stack).catch((err: Error) => o.log(`cleanup failed: ${err.message}`));
    await stack?.stop().catch(() => {});
    stack = null;
    if (databases.embedded?.owned) await databases.embedded.stop().catch(() => {});
  };
  const interrupted = () => {
    console.error('\ninterrupted: stopping the stack…');
    void stop().then(() => process.exit(130));
  };
  process.once('SIGINT', interrupted);
  try {
    await o.beforeStart?.(databases);
    o.log('starting the stack…');
    stack = await startStack({
      gatewayPort: envInt('GATEWAY_PORT', 0),
      gatewayHost: process.env.HOST,
      subgraphPorts: 0,
      env: { JWT_SECRET: secret, ...o.env },
      log: o.verbose ? o.log : () => {},
    });
    await o.cleanup?.(stack); // rows left by an interrupted run
    return await body({ stack, secret, admin: mintToken({ sub: 'pb-bench', role: 'ADMIN', sectors: [], regions: [] }, secret, '1h') });
  } finally {
    process.off('SIGINT', interrupted);
    await stop();
  }
}

/** Writes a result as `bench/results/<kind>-<timestamp>.json` and returns its path. */
export function writeResult(kind: string, result: unknown, at = new Date()): string {
  const dir = join(projectRoot(), 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${kind}-${at.toISOString().replace(/:/g, '-').replace(/\.\d+Z$/, 'Z')}.json`);
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  return file;
}
