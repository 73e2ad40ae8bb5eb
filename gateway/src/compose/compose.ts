import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { SUBGRAPHS, type SubgraphInfo } from '../subgraphs.js';

const run = promisify(execFile);

/** One subgraph's SDL, printed by a process of its own (see the kit's print-sdl-cli). */
export async function subgraphSdl(info: SubgraphInfo): Promise<string> {
  const cli = require.resolve('@pb/kit/dist/schema/print-sdl-cli.js');
  const { stdout } = await run(process.execPath, [cli, info.package], { maxBuffer: 16 * 1024 * 1024 });
  return stdout;
}

/**
 * Composes the supergraph offline from the four subgraphs' SDL. Throws with every
 * composition error listed, so a subgraph change that breaks another fails loudly.
 */
export async function composeSupergraph(): Promise<string> {
  const sdls = await Promise.all(SUBGRAPHS.map(subgraphSdl));
  const result = composeServices(
    SUBGRAPHS.map((info, i) => ({
      name: info.name,
      // Placeholder addresses: the gateway is told the real ones when it starts.
      url: `http://127.0.0.1:${info.defaultPort}/graphql`,
      typeDefs: parse(sdls[i]),
    })),
  );
  if (result.errors?.length) {
    throw new Error(`supergraph composition failed:\n${result.errors.map((e) => `- ${e.message}`).join('\n')}`);
  }
  if (!result.supergraphSdl) throw new Error('supergraph composition produced no schema');
  return result.supergraphSdl;
}
