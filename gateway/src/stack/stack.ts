import { readFileSync } from 'node:fs';
import { startGateway } from '../gateway/gateway.js';
import { SUBGRAPHS, SUPERGRAPH_FILE } from '../subgraphs.js';
import { type DatabaseOptions, prepareDatabases, type StackDatabases } from './databases.js';
import { spawnSubgraph, type SubgraphProcess } from './subgraph-process.js';

export interface StackOptions extends DatabaseOptions {
  gatewayPort: number;
  gatewayHost?: string;
  /** 'default' uses each subgraph's own port (4001…); 0 lets the OS pick free ones. */
  subgraphPorts: 'default' | 0;
  /** Extra environment for the subgraph processes (JWT_SECRET, PB_SEED, …). */
  env?: Record<string, string>;
  timeoutMs?: number;
  /** The gateway's operation registry file (npm start: .data/gateway/operations.json). */
  operationsFile?: string;
  log?: (line: string) => void;
}

export interface Stack {
  gatewayUrl: string;
  subgraphs: Record<string, SubgraphProcess>;
  databases: StackDatabases;
  stop(): Promise<void>;
}

/** The whole supergraph: databases, the four subgraph processes, and the gateway in this process. */
export async function startStack(opts: StackOptions): Promise<Stack> {
  const log = opts.log ?? ((line: string) => console.log(line));
  const databases = await prepareDatabases({ ...opts, log });
  const started: SubgraphProcess[] = [];
  const stopAll = async () => {
    await Promise.all(started.map((s) => s.stop()));
    if (databases.embedded?.owned) await databases.embedded.stop();
  };
  try {
    await Promise.all(
      SUBGRAPHS.map(async (info) => {
        const proc = await spawnSubgraph(info, {
          databaseUrl: databases.urls[info.name],
          port: opts.subgraphPorts === 'default' ? info.defaultPort : 0,
          env: opts.env ?? {},
          log,
        });
        started.push(proc);
      }),
    );
    const urls = Object.fromEntries(started.map((s) => [s.name, s.url]));
    for (const s of started) s.tellPeers(urls);
    const gateway = await startGateway({
      supergraphSdl: readFileSync(SUPERGRAPH_FILE, 'utf8'),
      subgraphUrls: Object.fromEntries(started.map((s) => [s.name, s.url])),
      port: opts.gatewayPort,
      host: opts.gatewayHost,
      timeoutMs: opts.timeoutMs,
      operationsFile: opts.operationsFile,
      env: opts.env,
    });
    return {
      gatewayUrl: gateway.url,
      subgraphs: Object.fromEntries(started.map((s) => [s.name, s])),
      databases,
      stop: async () => {
        await gateway.stop();
        await stopAll();
      },
    };
  } catch (err) {
    await stopAll();
    throw err;
  }
}
