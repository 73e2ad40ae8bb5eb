import { envInt, resolveJwtSecret } from '@pb/kit';
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
  // One signing secret for every subgraph: JWT_SECRET, or the development one in .data/.
  const { secret, generated } = resolveJwtSecret();
  const gatewayPort = envInt('GATEWAY_PORT', 4000);
  // A subgraph's URL opened in a browser points to the gateway's explorer.
  const gatewayUrl = gatewayPort ? `http://${process.env.HOST && process.env.HOST !== '0.0.0.0' ? process.env.HOST : '127.0.0.1'}:${gatewayPort}/graphql` : '';
  const stack = await startStack({
    gatewayPort,
    gatewayHost: process.env.HOST,
    subgraphPorts: process.env.SUBGRAPH_PORTS === '0' ? 0 : 'default',
    env: { JWT_SECRET: secret, ...(gatewayUrl ? { PB_GATEWAY_URL: gatewayUrl } : {}) },
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
