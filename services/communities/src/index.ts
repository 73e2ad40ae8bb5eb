import 'reflect-metadata';
import { referenceById, type SubgraphDefinition } from '@pb/kit';
import { Community } from './communities/community.entity.js';
import { CommunityResolver } from './communities/community.resolver.js';
import { CreateCommunities1763000001000 } from './migrations/1763000001000-CreateCommunities.js';
import { seedCommunities } from './reference-data/seed.js';
import { CommunityRegionResolver } from './region-stats/region-stats.resolver.js';

/** The communities subgraph (街道/社区): communities, and later grids, 双报到, the three lists… */
export const communitiesSubgraph: SubgraphDefinition = {
  name: 'communities',
  defaultPort: 4001,
  entities: [Community],
  migrations: [CreateCommunities1763000001000],
  resolvers: [CommunityResolver, CommunityRegionResolver],
  references: referenceById('Community', Community),
  seed: seedCommunities,
};

export { Community, CommunityResolver };

export { communitiesSubgraph as subgraph };
