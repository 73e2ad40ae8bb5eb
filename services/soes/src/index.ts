import 'reflect-metadata';
import { referenceById, type SubgraphDefinition } from '@pb/kit';
import { Enterprise } from './enterprises/enterprise.entity.js';
import { EnterpriseResolver } from './enterprises/enterprise.resolver.js';
import { CreateEnterprises1763000001000 } from './migrations/1763000001000-CreateEnterprises.js';
import { seedEnterprises } from './reference-data/seed.js';
import { SoeRegionResolver } from './region-stats/region-stats.resolver.js';

/** The SOE subgraph (国资/企业党委): enterprises, and later their service centres (初心驿站)… */
export const soesSubgraph: SubgraphDefinition = {
  name: 'soes',
  defaultPort: 4004,
  entities: [Enterprise],
  migrations: [CreateEnterprises1763000001000],
  resolvers: [EnterpriseResolver, SoeRegionResolver],
  references: referenceById('Enterprise', Enterprise),
  seed: seedEnterprises,
};

export { Enterprise, EnterpriseResolver };

export { soesSubgraph as subgraph };
