import { DataSource, type MixedList, type EntitySchema } from 'typeorm';
import { envInt } from '../config.js';
import { CountingLogger } from './sql-counter.js';

export interface DataSourceOptions {
  url: string;
  /** Shown in pg_stat_activity, so a DBA can tell the subgraphs apart. */
  applicationName: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function | string>;
  /** PostgreSQL statement_timeout of every connection (ms); none when unset (migrations, bulk loads). */
  statementTimeoutMs?: number;
}

/** A pooled PostgreSQL DataSource. Schema changes come from migrations only, never `synchronize`. */
export function createDataSource(opts: DataSourceOptions): DataSource {
  return new DataSource({
    type: 'postgres',
    url: opts.url,
    applicationName: opts.applicationName,
    entities: opts.entities,
    migrations: opts.migrations,
    synchronize: false,
    migrationsRun: false,
    logger: new CountingLogger(),
    extra: {
      max: envInt('PB_DB_POOL_SIZE', 10),
      idleTimeoutMillis: 30_000,
      ...(opts.statementTimeoutMs ? { statement_timeout: opts.statementTimeoutMs } : {}),
    },
  });
}

/** Any number, the same in every process: the key of the migration lock. */
const MIGRATION_LOCK = 7_316_253;

/**
 * Connects and brings the schema up to date, each migration in its own transaction. An
 * advisory lock serialises processes migrating the same database at once (several replicas,
 * or subgraphs sharing one DATABASE_URL), so no two run the same migration.
 */
export async function openDatabase(ds: DataSource): Promise<DataSource> {
  await ds.initialize();
  const runner = ds.createQueryRunner();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await ds.runMigrations({ transaction: 'each' });
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => {});
    await runner.release();
  }
  return ds;
}
