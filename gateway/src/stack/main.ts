import { join } from 'node:path';
import { databaseUrlFor, dataDir, envInt, resolveJwtSecret } from '@pb/kit';
import { SUBGRAPHS } from '../subgraphs.js';
import { startStack } from './stack.js';

const EXAMPLE = `{
  region(code: "610581") {
    name level parent { name }
    communityStats { communities }
    hospitalStats { hospitals secondaryOrAboveHospitals }
    schoolStats { schools }
    soeStats { enterprises }
  }
}`;

/** `npm start`: the whole supergraph on the embedded PostgreSQL (or the configured databases). */
async function main(): Promise<void> {
  // One signing secret for every subgraph: JWT_SECRET, or the development one in .data/ — unless
  // tokens are verified with a public key or an identity provider's JWKS instead.
  if (process.env.NODE_ENV === 'production' && process.env.PB_EMBEDDED_POSTGRES !== '1' && SUBGRAPHS.some((s) => !databaseUrlFor(s.name))) {
    throw new Error('NODE_ENV=production needs each subgraph\'s <NAME>_DATABASE_URL (or DATABASE_URL); PB_EMBEDDED_POSTGRES=1 runs the embedded PostgreSQL instead');
  }
  const external = Boolean(process.env.JWT_PUBLIC_KEY || process.env.JWT_JWKS_URL);
  const { secret, generated } = external ? { secret: '', generated: false } : resolveJwtSecret();
  const gatewayPort = envInt('GATEWAY_PORT', 4000);
  // A subgraph's URL opened in a browser points to the gateway's explorer.
  const gatewayUrl = gatewayPort ? `http://${process.env.HOST && process.env.HOST !== '0.0.0.0' ? process.env.HOST : '127.0.0.1'}:${gatewayPort}/graphql` : '';
  const stack = await startStack({
    operationsFile: join(dataDir(), 'gateway', 'operations.json'),
    gatewayPort,
    gatewayHost: process.env.HOST,
    subgraphPorts: process.env.SUBGRAPH_PORTS === '0' ? 0 : 'default',
    env: { ...(secret ? { JWT_SECRET: secret } : {}), ...(gatewayUrl ? { PB_GATEWAY_URL: gatewayUrl } : {}) },
  });
  console.log(`
Party-building supergraph ready.
  Gateway:   ${stack.gatewayUrl}  (explorer in a browser; 数据大屏 at ${stack.gatewayUrl.replace(/graphql$/, '')})
  Subgraphs: ${Object.values(stack.subgraphs).map((s) => `${s.name} ${s.url}`).join(', ')}
${generated ? '  A development signing secret was generated in .data/dev-jwt-secret.\n' : ''}
Try:
  curl -s ${stack.gatewayUrl} -H 'content-type: application/json' \\
    -d '{"query":"${EXAMPLE.replace(/\s+/g, ' ').replace(/"/g, '\\"')}"}'

Writes need a token:  npm run token -- --role EDITOR --sector hospitals --region 610581
Stop with Ctrl-C.`);
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    console.log('\nstopping…');
    // Bounded: the subgraphs get SIGTERM (and SIGKILL after 10 s); past 15 s we leave anyway.
    setTimeout(() => process.exit(1), 15_000).unref();
    await stack.stop();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err) => {
  const message = err instanceof Error ? err.message : String(err);
  console.error('failed to start:', message);
  if (message.includes('EADDRINUSE')) {
    console.error('A port is taken (another npm start?). Choose others: GATEWAY_PORT=0 SUBGRAPH_PORTS=0 npm start');
  }
  process.exit(1);
});
