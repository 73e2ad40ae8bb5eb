import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { SUPERGRAPH_FILE } from '../subgraphs.js';
import { composeSupergraph } from './compose.js';

/**
 * `npm run compose`: writes schema/supergraph.graphql. `--check` only compares, exiting 1 when
 * the committed file is stale (the tests run the same comparison).
 */
async function main(): Promise<void> {
  const check = process.argv.includes('--check');
  const composed = await composeSupergraph();
  const current = existsSync(SUPERGRAPH_FILE) ? readFileSync(SUPERGRAPH_FILE, 'utf8') : '';
  const where = relative(process.cwd(), SUPERGRAPH_FILE);
  if (current === composed) return console.log(`${where} is up to date`);
  if (check) {
    console.error(`${where} is stale: run npm run compose and commit it`);
    process.exit(1);
  }
  writeFileSync(SUPERGRAPH_FILE, composed);
  console.log(`wrote ${where}`);
}

main().catch((err) => {
  console.error((err as Error).message);
  process.exit(1);
});
