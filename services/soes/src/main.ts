import { runSubgraphProcess } from '@pb/kit';
import { soesSubgraph } from './index.js';

runSubgraphProcess(soesSubgraph).catch((err) => {
  console.error('soes subgraph failed to start:', err);
  process.exit(1);
});
