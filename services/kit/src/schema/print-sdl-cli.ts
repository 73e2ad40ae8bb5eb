#!/usr/bin/env node
/**
 * Prints one subgraph's SDL: `node print-sdl-cli.js @pb/hospitals`. Run once per subgraph, in
 * its own process: type-graphql keeps decorator metadata globally, so building two subgraphs
 * in one process would let one's Region fields leak into the other's schema.
 */
import type { SubgraphDefinition } from '../server/subgraph.js';
import { schemaOptions } from '../server/subgraph.js';
import { buildSubgraphTypeDefs } from './build-schema.js';

async function main(): Promise<void> {
  const pkg = process.argv[2];
  if (!pkg) throw new Error('usage: print-sdl-cli <subgraph package>');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { subgraph } = require(pkg) as { subgraph: SubgraphDefinition };
  const { sdl } = await buildSubgraphTypeDefs(schemaOptions(subgraph));
  process.stdout.write(sdl);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
