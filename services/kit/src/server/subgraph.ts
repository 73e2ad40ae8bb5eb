import { join } from 'node:path';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import type { DataSource } from 'typeorm';
import type { ClassType, NonEmptyArray } from 'type-graphql';
import { verifierFromEnv, type TokenVerifier } from '../auth/verifier.js';
import { databaseUrlFor, portFor } from '../config.js';
import { createContext, type RequestContext } from '../context.js';
import { createDataSource, openDatabase } from '../db/data-source.js';
import { ensureDatabase } from '../db/databases.js';
import { ensureEmbeddedPostgres, type EmbeddedPostgresHandle } from '../db/embedded.js';
import { sqlCounter } from '../db/sql-counter.js';
import { formatError } from '../errors/format-error.js';
import { dataDir } from '../paths.js';
import { CreateRegions1763000000000 } from '../regions/migrations/1763000000000-CreateRegions.js';
import { Region } from '../regions/region.entity.js';
import { RegionResolver, regionReference } from '../regions/region.resolver.js';
import { limitedParseOptions, requestLimitsPlugin } from '../limits/plugin.js';
import { limitsFromEnv, requestTimeoutMs, statementTimeoutMs } from '../limits/settings.js';
import { buildFederatedSchema, type FederatedSchemaOptions, type ReferenceResolvers } from '../schema/build-schema.js';
import { serveApollo } from './http.js';
import type { StatsDefinition } from '../stats/aggregates/definition.js';
import { ensureStatsAggregates } from '../stats/aggregates/install.js';
import { CreateStatsAggregates1763000030000 } from '../stats/aggregates/migration.js';
import { AllowSyntheticSource1763000020000 } from '../records/migrations/1763000020000-AllowSyntheticSource.js';

/** Everything a sector subgraph contributes; the kit adds regions, auth, paging and the server. */
export interface SubgraphDefinition {
  /** Subgraph name, also the `sectors` claim and the settings prefix (HOSPITALS_DATABASE_URL). */
  name: string;
  defaultPort: number;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: Function[];
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: Function[];
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  resolvers: NonEmptyArray<Function>;
  orphanedTypes?: ClassType[];
  references?: ReferenceResolvers;
  /** Loads the reference dataset; must be idempotent. */
  seed?: (db: DataSource) => Promise<void>;
  /** The sector's pre-aggregated statistics (kept exact by database triggers). */
  stats?: StatsDefinition;
}

/** Entities and migrations the kit itself owns, shared by every subgraph's database. */
export const KIT_ENTITIES = [Region];
export const KIT_MIGRATIONS = [CreateRegions1763000000000, AllowSyntheticSource1763000020000, CreateStatsAggregates1763000030000];

export function schemaOptions(def: SubgraphDefinition): FederatedSchemaOptions {
  return {
    resolvers: [RegionResolver, ...def.resolvers],
    orphanedTypes: def.orphanedTypes,
    references: { ...regionReference, ...def.references },
    sector: def.name,
  };
}

export function subgraphDataSource(def: SubgraphDefinition, url: string, statementTimeoutMs?: number): DataSource {
  return createDataSource({
    url,
    statementTimeoutMs,
    applicationName: `pb-${def.name}`,
    entities: [...KIT_ENTITIES, ...def.entities],
    migrations: [...KIT_MIGRATIONS, ...def.migrations],
  });
}

/**
 * Connects, migrates and installs the statistics triggers of the code's declaration (rebuilding
 * the aggregates when it changed): what every process opening a subgraph's database does.
 */
export async function openSubgraphDatabase(def: SubgraphDefinition, url: string): Promise<DataSource> {
  const db = await openDatabase(subgraphDataSource(def, url));
  try {
    await ensureStatsAggregates(db, def.name, def.stats ?? { rows: [] });
  } catch (err) {
    await db.destroy();
    throw err;
  }
  return db;
}

/**
 * Migrates and seeds without a time limit (migrations and aggregate rebuilds may be long), then
 * serves from a pool whose every statement has the statement_timeout.
 */
async function openServingDatabase(def: SubgraphDefinition, opts: StartOptions): Promise<DataSource> {
  const setup = await openSubgraphDatabase(def, opts.databaseUrl);
  try {
    if (opts.seed && def.seed) await def.seed(setup);
  } finally {
    await setup.destroy();
  }
  return subgraphDataSource(def, opts.databaseUrl, statementTimeoutMs()).initialize();
}

export interface RunningSubgraph {
  name: string;
  url: string;
  db: DataSource;
  stop(): Promise<void>;
}

export interface StartOptions {
  databaseUrl: string;
  port: number;
  host?: string;
  seed?: boolean;
  verifier?: TokenVerifier;
}

/** Migrates (and seeds) the database, then serves the subgraph. */
export async function startSubgraph(def: SubgraphDefinition, opts: StartOptions): Promise<RunningSubgraph> {
  const verifier = opts.verifier ?? verifierFromEnv();
  const db = await openServingDatabase(def, opts);
  const limits = limitsFromEnv();
  const apollo = new ApolloServer<RequestContext>({
    schema: await buildFederatedSchema(schemaOptions(def)),
    formatError,
    includeStacktraceInErrorResponses: false,
    parseOptions: limitedParseOptions(limits),
    // Traces are for Apollo's hosted usage reporting, which this deployment does not use.
    plugins: [ApolloServerPluginInlineTraceDisabled(), requestLimitsPlugin(limits)],
  });
  let served: { url: string; stop(): Promise<void> };
  try {
    served = await serveApollo({
      apollo,
      port: opts.port,
      host: opts.host,
      context: (req, signal) => createContext(db, verifier, req.headers.authorization, signal),
      maxBodyBytes: limits.maxBodyBytes,
      requestTimeoutMs: requestTimeoutMs(),
      healthy: async () => (await db.query('SELECT 1')).length === 1,
      routes: process.env.PB_SQL_STATS === '1' ? { '/debug/sql-statements': (_req, res) => void res.end(JSON.stringify(sqlCounter)) } : {},
    });
  } catch (err) {
    await db.destroy();
    throw err;
  }
  return {
    name: def.name,
    url: served.url,
    db,
    stop: async () => {
      await served.stop();
      await db.destroy();
    },
  };
}

/**
 * Entry point of a subgraph process (`npm start -w services/hospitals`). Uses
 * `<NAME>_DATABASE_URL` / `DATABASE_URL`; without one, joins or starts the project's embedded
 * PostgreSQL. Tells a parent launcher its URL over IPC; stops cleanly on SIGINT/SIGTERM.
 */
export async function runSubgraphProcess(def: SubgraphDefinition): Promise<void> {
  let embedded: EmbeddedPostgresHandle | null = null;
  let url = databaseUrlFor(def.name);
  if (!url) {
    embedded = await ensureEmbeddedPostgres({ dataDir: join(dataDir(), 'postgres') });
    url = await ensureDatabase(embedded.adminUrl, `pb_${def.name}`);
  }
  const running = await startSubgraph(def, {
    databaseUrl: url,
    port: portFor(def.name, def.defaultPort),
    host: process.env.HOST,
    seed: process.env.PB_SEED !== '0',
  });
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await running.stop().catch((err) => console.error(`[${def.name}] stop failed`, err));
    if (embedded?.owned) await embedded.stop();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  process.on('disconnect', stop);
  if (process.send) process.send({ type: 'ready', name: def.name, url: running.url });
  else console.log(`${def.name} subgraph ready at ${running.url}`);
}
