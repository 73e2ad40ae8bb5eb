import 'reflect-metadata';
import { referenceById, type SubgraphDefinition } from '@pb/kit';
import { CreateSchools1763000001000 } from './migrations/1763000001000-CreateSchools.js';
import { seedSchools } from './reference-data/seed.js';
import { SchoolRegionResolver } from './region-stats/region-stats.resolver.js';
import { School } from './schools/school.entity.js';
import { SchoolResolver } from './schools/school.resolver.js';

/** The schools subgraph (教体): schools, and later demonstration schools, secretary projects… */
export const schoolsSubgraph: SubgraphDefinition = {
  name: 'schools',
  defaultPort: 4003,
  entities: [School],
  migrations: [CreateSchools1763000001000],
  resolvers: [SchoolResolver, SchoolRegionResolver],
  references: referenceById('School', School),
  seed: seedSchools,
};

export { School, SchoolResolver };

export { schoolsSubgraph as subgraph };
