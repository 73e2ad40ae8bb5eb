import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * One Prometheus registry per process (`GET /metrics`). Metrics are created once per process
 * even when several servers run in it (tests start many gateways in one process).
 */
export const registry = new Registry();
collectDefaultMetrics({ register: registry, prefix: 'pb_' });

export const graphqlRequests = new Counter({
  name: 'pb_graphql_requests_total',
  help: 'GraphQL requests served, by operation name and outcome (ok, error)',
  labelNames: ['operation', 'outcome'] as const,
  registers: [registry],
});

export const graphqlDuration = new Histogram({
  name: 'pb_graphql_request_duration_seconds',
  help: 'GraphQL request latency, by operation name',
  labelNames: ['operation'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [registry],
});

export const subgraphFetchDuration = new Histogram({
  name: 'pb_subgraph_fetch_duration_seconds',
  help: 'Gateway fetches to a subgraph, by subgraph',
  labelNames: ['subgraph'] as const,
  buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10],
  registers: [registry],
});

export const subgraphFetchErrors = new Counter({
  name: 'pb_subgraph_fetch_errors_total',
  help: 'Gateway fetches to a subgraph that failed, by subgraph and kind (unavailable, timeout, rejected, schema_mismatch)',
  labelNames: ['subgraph', 'kind'] as const,
  registers: [registry],
});

export const compositions = new Counter({
  name: 'pb_supergraph_compositions_total',
  help: 'Supergraph compositions by the gateway, by outcome (success, failure)',
  labelNames: ['outcome'] as const,
  registers: [registry],
});

/** The pg pools of this process (one per subgraph), read when /metrics is scraped. */
interface PoolLike {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
}
const pools = new Set<PoolLike>();

export const dbPool = new Gauge({
  name: 'pb_db_pool_connections',
  help: 'Database pool connections, by state (total, idle, waiting)',
  labelNames: ['state'] as const,
  registers: [registry],
  collect() {
    const sum = (k: keyof PoolLike) => [...pools].reduce((n, p) => n + p[k], 0);
    this.set({ state: 'total' }, sum('totalCount'));
    this.set({ state: 'idle' }, sum('idleCount'));
    this.set({ state: 'waiting' }, sum('waitingCount'));
  },
});

/** Reports a pool in `pb_db_pool_connections` until the returned function is called. */
export function trackPool(pool: PoolLike): () => void {
  pools.add(pool);
  return () => pools.delete(pool);
}

/** Operation names come from clients: cap their length so a label cannot grow without bound. */
export const operationLabel = (name: string | undefined | null): string => (name ? name.slice(0, 64) : 'anonymous');
