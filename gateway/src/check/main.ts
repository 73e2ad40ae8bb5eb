import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { dataDir } from '@pb/kit';
import { subgraphSdl } from '../compose/compose.js';
import { docsOperations, type RegisteredOperation } from '../gateway/operation-registry.js';
import { SUBGRAPHS, SUPERGRAPH_FILE } from '../subgraphs.js';
import { checkSubgraph, formatCheckReport } from './check.js';

const HELP = `npm run schema:check -- <subgraph> [--schema <file>] [--against <supergraph file | gateway URL>] [--operations <file>] [--json]

Checks a subgraph's schema change before it is deployed:
  composition   the subgraph composes with the other subgraphs' current schemas;
  changes       each change to the API, classified breaking, dangerous or safe, with the
                operations that use what changed;
  operations    the operations clients really sent (the gateway's operation registry) and the
                queries of docs/ that the change would break.
Exits 1 when anything breaks.

  <subgraph>      communities, hospitals, schools or soes
  --schema        the proposed SDL (default: printed from the subgraph's code in this checkout)
  --against       the supergraph in service: a file (default schema/supergraph.graphql), or a
                  running gateway's URL, which also gives its operation registry
  --operations    an operation registry file (default .data/gateway/operations.json if present)
  --json          the report as JSON`;

async function fromGateway(url: string): Promise<{ supergraphSdl: string; operations: RegisteredOperation[] }> {
  const base = new URL(url);
  const sdl = await fetch(new URL('/supergraph.graphql', base));
  const ops = await fetch(new URL('/operations', base));
  if (!sdl.ok || !ops.ok) throw new Error(`${base.origin} did not give its supergraph and operations (HTTP ${sdl.status}/${ops.status})`);
  return { supergraphSdl: await sdl.text(), operations: ((await ops.json()) as { operations: RegisteredOperation[] }).operations };
}

function registryFile(file: string): RegisteredOperation[] {
  if (!existsSync(file)) return [];
  return (JSON.parse(readFileSync(file, 'utf8')) as { operations: RegisteredOperation[] }).operations;
}

/** Registry operations and docs/ queries, once each. */
function withDocs(ops: RegisteredOperation[]): RegisteredOperation[] {
  const ids = new Set(ops.map((o) => o.id));
  return [...ops, ...docsOperations().filter((d) => !ids.has(d.id))];
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { schema: { type: 'string' }, against: { type: 'string' }, operations: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) return (console.log(HELP), 0);
  const name = positionals[0];
  const info = SUBGRAPHS.find((s) => s.name === name);
  if (!info) throw new Error(`name the subgraph to check: ${SUBGRAPHS.map((s) => s.name).join(', ')} (see --help)`);
  const proposedSdl = values.schema ? readFileSync(values.schema, 'utf8') : await subgraphSdl(info);
  const against = values.against ?? SUPERGRAPH_FILE;
  const remote = /^https?:\/\//.test(against) ? await fromGateway(against) : undefined;
  const supergraphSdl = remote?.supergraphSdl ?? readFileSync(against, 'utf8');
  const registry = values.operations ? registryFile(values.operations) : (remote?.operations ?? registryFile(join(dataDir(), 'gateway', 'operations.json')));
  const report = await checkSubgraph({ subgraph: info.name, proposedSdl, supergraphSdl, operations: withDocs(registry) });
  console.log(values.json ? JSON.stringify(report, null, 2) : formatCheckReport(report, remote ? against : relative(process.cwd(), against) || against));
  return report.passed ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(`schema:check failed: ${(err as Error).message}`);
    process.exit(2);
  },
);
