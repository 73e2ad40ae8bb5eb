import { dirname, join } from 'node:path';

/** The four sector subgraphs the supergraph composes, with their default local ports. */
export interface SubgraphInfo {
  name: string;
  package: string;
  defaultPort: number;
}

export const SUBGRAPHS: readonly SubgraphInfo[] = [
  { name: 'communities', package: '@pb/communities', defaultPort: 4001 },
  { name: 'hospitals', package: '@pb/hospitals', defaultPort: 4002 },
  { name: 'schools', package: '@pb/schools', defaultPort: 4003 },
  { name: 'soes', package: '@pb/soes', defaultPort: 4004 },
];

/** The compiled entry point of a subgraph process. */
export const subgraphMain = (info: SubgraphInfo): string => join(dirname(require.resolve(`${info.package}/package.json`)), 'dist', 'main.js');

/** Where the committed, composed supergraph lives. */
export const SUPERGRAPH_FILE = join(__dirname, '..', '..', 'schema', 'supergraph.graphql');
