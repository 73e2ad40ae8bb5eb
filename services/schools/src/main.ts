import { runSubgraphProcess } from '@pb/kit';
import { schoolsSubgraph } from './index.js';

runSubgraphProcess(schoolsSubgraph).catch((err) => {
  console.error('schools subgraph failed to start:', err);
  process.exit(1);
});
