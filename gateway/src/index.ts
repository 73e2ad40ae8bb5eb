export * from './compose/compose.js';
export * from './gateway/gateway.js';
export * from './stack/databases.js';
export * from './stack/stack.js';
export * from './stack/subgraph-process.js';
export * from './subgraphs.js';
export { formatReport, rebuildSubgraphStats, type RebuildReport } from './stack/stats-rebuild-cli.js';
