import 'reflect-metadata';
import { referenceById, type SubgraphDefinition } from '@pb/kit';
import { Hospital } from './hospitals/hospital.entity.js';
import { HospitalResolver } from './hospitals/hospital.resolver.js';
import { CreateHospitals1763000001000 } from './migrations/1763000001000-CreateHospitals.js';
import { seedHospitals } from './reference-data/seed.js';
import { HospitalRegionResolver } from './region-stats/region-stats.resolver.js';

/** The hospitals subgraph (卫健): hospitals, and later their branches, ward rounds, clinics… */
export const hospitalsSubgraph: SubgraphDefinition = {
  name: 'hospitals',
  defaultPort: 4002,
  entities: [Hospital],
  migrations: [CreateHospitals1763000001000],
  resolvers: [HospitalResolver, HospitalRegionResolver],
  references: referenceById('Hospital', Hospital),
  seed: seedHospitals,
};

export { Hospital, HospitalResolver };

export { hospitalsSubgraph as subgraph };
