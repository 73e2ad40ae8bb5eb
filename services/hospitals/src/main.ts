import { runSubgraphProcess } from '@pb/kit';
import { hospitalsSubgraph } from './index.js';

runSubgraphProcess(hospitalsSubgraph).catch((err) => {
  console.error('hospitals subgraph failed to start:', err);
  process.exit(1);
});
