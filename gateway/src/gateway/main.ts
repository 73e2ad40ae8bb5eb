import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, dataDir, explainStartupError, gatewaySettings, logger } from '@pb/kit';
import { loadGatewayConfig } from './config.js';
import { type RunningGateway, startGateway } from './gateway.js';

const HELP = `npm run gateway [-- --config supergraph.yaml]

Runs the gateway alone, in front of subgraphs that run elsewhere. The config file (rover's
supergraph.yaml format plus a "gateway" section; see the README, "Operating it") names each
subgraph's routing URL and where its schema comes from (the live subgraph, or a file).
Settings: PB_GATEWAY_CONFIG (the file), GATEWAY_PORT, HOST, <NAME>_URL (a subgraph's URL), LOG_LEVEL.`;

/** How long the gateway waits for in-flight requests on SIGTERM/SIGINT before it exits anyway. */
const STOP_TIMEOUT_MS = 10_000;

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { config: { type: 'string', short: 'c' }, help: { type: 'boolean', short: 'h' } }, strict: true });
  if (values.help) return console.log(HELP);
  process.env.PB_SERVICE_NAME ??= 'gateway';
  const log = logger();
  const settings = gatewaySettings();
  const file = values.config ?? settings.config ?? 'supergraph.yaml';
  const config = loadGatewayConfig(file);
  const port = process.env.GATEWAY_PORT ? settings.port : (config.port ?? settings.port);
  const host = settings.host ?? config.host;
  let gateway: RunningGateway;
  try {
    gateway = await startGateway({ ...config, port, host, operationsFile: config.operationsFile ?? join(dataDir(), 'gateway', 'operations.json') });
  } catch (err) {
    throw new ConfigError([explainStartupError(err, { databaseSetting: '', portSetting: 'GATEWAY_PORT', port, host: host ?? '127.0.0.1' }).replace(/^: /, '')]);
  }
  log.info({ url: gateway.url, mode: config.supergraphSdl ? 'file' : 'live', config: file }, 'gateway ready');
  if (!process.send) console.log(`gateway ready at ${gateway.url}`);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'gateway stopping');
    setTimeout(() => {
      log.error(`gateway did not stop within ${STOP_TIMEOUT_MS} ms; exiting`);
      process.exit(1);
    }, STOP_TIMEOUT_MS).unref();
    await gateway.stop().catch((err) => log.error({ cause: (err as Error).message }, 'stop failed'));
    log.info('gateway stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((err) => {
  const lines = err instanceof ConfigError ? err.problems : [(err as Error).message];
  console.error(`gateway cannot start:\n${lines.map((l) => `  - ${l}`).join('\n')}`);
  process.exit(1);
});
