import { runSubgraphProcess } from '@pb/kit';
import { communitiesSubgraph } from './index.js';

runSubgraphProcess(communitiesSubgraph).catch((err) => {
  console.error('communities subgraph failed to start:', err);
  process.exit(1);
});
