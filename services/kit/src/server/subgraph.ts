import { join } from 'node:path';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import type { DataSource } from 'typeorm';
import type { ClassType, NonEmptyArray } from 'type-graphql';
import { verifierFromEnv, type TokenVerifier } from '../auth/verifier.js';
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
import { subgraphLandingPage } from './landing-page.js';
import { loggableError, logger } from '../ops/log.js';
import { trackPool } from '../ops/metrics.js';
import { requestScopePlugin, sendProbe, serveMetrics } from '../ops/observe.js';
import { ConfigError, explainStartupError, subgraphSettings } from '../ops/settings.js';
import { ledgerRoute } from '../ledger/http.js';
import { CreateLedgerEntries1764000130000 } from '../ledger/migration.js';
import { LedgerNumbersPerOwner1764000180000 } from '../ledger/owner-migration.js';
import type { StatsDefinition } from '../stats/aggregates/definition.js';
import { ensureStatsAggregates } from '../stats/aggregates/install.js';
import { AggregateKeyCoversValue1764000210000, CreateStatsAggregates1763000030000 } from '../stats/aggregates/migration.js';
import { AllowSyntheticSource1763000020000 } from '../records/migrations/1763000020000-AllowSyntheticSource.js';
import { SoftDeleteAndAudit1764000120000 } from '../records/migrations/1764000120000-SoftDeleteAndAudit.js';
import { SyncIndexesForLaterTables1764000160000 } from '../records/migrations/1764000160000-SyncIndexesForLaterTables.js';
import { auditLogResolver } from '../records/audit.js';
import { setPeerUrls } from '../records/remote-references.js';
import { followRemoteDeletions, type RemoteDeletionFeed } from '../records/remote-deletions.js';
import { RemoteDeletions1764000170000 } from '../records/migrations/1764000170000-RemoteDeletions.js';
import { exportRoute } from '../export/export.js';

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
  /** Types of other subgraphs whose deletions this one follows (polled from their deletions feeds). */
  remoteDeletions?: RemoteDeletionFeed[];
}

/** Entities and migrations the kit itself owns, shared by every subgraph's database. */
export const KIT_ENTITIES = [Region];
export const KIT_MIGRATIONS = [CreateRegions1763000000000, AllowSyntheticSource1763000020000, CreateStatsAggregates1763000030000, SoftDeleteAndAudit1764000120000, CreateLedgerEntries1764000130000, SyncIndexesForLaterTables1764000160000, RemoteDeletions1764000170000, LedgerNumbersPerOwner1764000180000, AggregateKeyCoversValue1764000210000];

export function schemaOptions(def: SubgraphDefinition): FederatedSchemaOptions {
  return {
    resolvers: [RegionResolver, auditLogResolver(def.name), ...def.resolvers],
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
  /** How often the followed deletions feeds are polled (PB_DELETIONS_POLL_MS); 0 = never. */
  deletionsPollMs?: number;
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
    // No cache hints are used: the default cache-control plugin would wrap every field's resolver.
    plugins: [ApolloServerPluginInlineTraceDisabled(), ApolloServerPluginCacheControlDisabled(), subgraphLandingPage(def.name), requestScopePlugin(), requestLimitsPlugin(limits)],
    // The process stops the server itself (runSubgraphProcess); Apollo's own signal handler
    // would wait on that stop while the process waited on Apollo's.
    stopOnTerminationSignals: false,
  });
  const untrackPool = trackPool((db.driver as unknown as { master: Parameters<typeof trackPool>[0] }).master);
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
      prefixRoutes: { '/import/': ledgerRoute((req) => createContext(db, verifier, req.headers.authorization)) },
      routes: {
        '/ready': async (_req, res) => {
          const state = await readiness(db);
          sendProbe(res, state.database && state.migrations === 'applied', { subgraph: def.name, ...state });
        },
        '/metrics': serveMetrics,
        '/export/*': exportRoute(db, verifier),
        ...(process.env.PB_SQL_STATS === '1' ? { '/debug/sql-statements': (_req, res) => void res.end(JSON.stringify(sqlCounter)) } : {}),
      },
    });
  } catch (err) {
    untrackPool();
    await db.destroy();
    throw err;
  }
  const follower = def.remoteDeletions?.length && opts.deletionsPollMs ? followRemoteDeletions(db, def.remoteDeletions, opts.deletionsPollMs) : null;
  return {
    name: def.name,
    url: served.url,
    db,
    stop: async () => {
      await follower?.stop();
      await served.stop();
      untrackPool();
      await db.destroy();
    },
  };
}

/** Readiness: the database answers and every migration of the code is applied. */
async function readiness(db: DataSource): Promise<{ database: boolean; migrations: 'applied' | 'pending' | 'unknown' }> {
  try {
    await db.query('SELECT 1');
  } catch {
    return { database: false, migrations: 'unknown' };
  }
  const pending = await db.showMigrations().catch(() => null);
  return { database: true, migrations: pending === null ? 'unknown' : pending ? 'pending' : 'applied' };
}

/** How long a stopping process waits for in-flight requests and the pool before it exits anyway. */
const STOP_TIMEOUT_MS = 10_000;

/**
 * Entry point of a subgraph process (`npm start -w services/hospitals`). Checks its settings,
 * uses `<NAME>_DATABASE_URL` / `DATABASE_URL`, or else joins or starts the project's embedded
 * PostgreSQL (in production only with PB_EMBEDDED_POSTGRES=1). Tells a parent launcher its URL
 * over IPC; stops cleanly on SIGINT/SIGTERM within STOP_TIMEOUT_MS. Start-up problems are
 * printed one line each, and the process exits 1.
 */
export async function runSubgraphProcess(def: SubgraphDefinition): Promise<void> {
  process.env.PB_SERVICE_NAME ??= def.name;
  const log = logger();
  const P = def.name.toUpperCase();
  let embedded: EmbeddedPostgresHandle | null = null;
  let running: RunningSubgraph;
  let settings: ReturnType<typeof subgraphSettings> | undefined;
  try {
    settings = subgraphSettings(def.name, def.defaultPort);
    let url = settings.databaseUrl;
    if (!url) {
      embedded = await ensureEmbeddedPostgres({ dataDir: join(dataDir(), 'postgres') });
      url = await ensureDatabase(embedded.adminUrl, `pb_${def.name}`);
    }
    running = await startSubgraph(def, { databaseUrl: url, port: settings.port, host: settings.host, seed: settings.seed, deletionsPollMs: settings.deletionsPollMs });
  } catch (err) {
    const lines = err instanceof ConfigError ? err.problems : [explainStartupError(err, {
      databaseSetting: process.env[`${P}_DATABASE_URL`] ? `${P}_DATABASE_URL` : 'DATABASE_URL',
      portSetting: process.env[`${P}_PORT`] ? `${P}_PORT` : 'PORT',
      port: settings?.port ?? def.defaultPort,
      host: settings?.host ?? '127.0.0.1',
    })];
    log.fatal({ problems: lines }, `${def.name} subgraph cannot start`);
    console.error(`${def.name} subgraph cannot start:\n${lines.map((l) => `  - ${l}`).join('\n')}`);
    if (embedded?.owned) await embedded.stop().catch(() => {});
    process.exit(1);
  }
  let stopping = false;
  const stop = async (why: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal: why }, `${def.name} subgraph stopping`);
    setTimeout(() => {
      log.error(`${def.name} subgraph did not stop within ${STOP_TIMEOUT_MS} ms; exiting`);
      process.exit(1);
    }, STOP_TIMEOUT_MS).unref();
    await running.stop().catch((err) => log.error({ err: loggableError(err) }, 'stop failed'));
    if (embedded?.owned) await embedded.stop();
    log.info(`${def.name} subgraph stopped`);
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('disconnect', () => void stop('disconnect'));
  // The launcher tells each subgraph where the others are, once all listen (reference checks).
  process.on('message', (msg: { type?: string; urls?: Record<string, string> }) => {
    if (msg?.type === 'peers' && msg.urls) setPeerUrls(msg.urls);
  });
  if (process.send) process.send({ type: 'ready', name: def.name, url: running.url });
  log.info({ url: running.url }, `${def.name} subgraph ready`);
  if (!process.send) console.log(`${def.name} subgraph ready at ${running.url}`);
}
