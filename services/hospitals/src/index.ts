import 'reflect-metadata';
import { referenceById, type SubgraphDefinition } from '@pb/kit';
import { CommunityRef } from './common/community-ref.js';
import { FreeClinic } from './free-clinics/free-clinic.entity.js';
import { FreeClinicResolver } from './free-clinics/free-clinic.resolver.js';
import { HospitalRelationsResolver } from './hospitals/hospital-relations.resolver.js';
import { Hospital } from './hospitals/hospital.entity.js';
import { HospitalResolver } from './hospitals/hospital.resolver.js';
import { CreateHospitals1763000001000 } from './migrations/1763000001000-CreateHospitals.js';
import { CreatePartyBranches1763000002000 } from './migrations/1763000002000-CreatePartyBranches.js';
import { CreateFreeClinics1763000003000 } from './migrations/1763000003000-CreateFreeClinics.js';
import { BranchMemberDevelopment } from './party-branches/member-development.entity.js';
import { BranchMemberDevelopmentResolver } from './party-branches/member-development.resolver.js';
import { HospitalPartyBranch } from './party-branches/party-branch.entity.js';
import { HospitalPartyBranchResolver } from './party-branches/party-branch.resolver.js';
import { seedHospitals } from './reference-data/seed.js';
import { HospitalRegionResolver } from './region-stats/region-stats.resolver.js';

/** The hospitals subgraph (卫健): hospitals, department branches, ward rounds, free clinics, stations, elder care. */
export const hospitalsSubgraph: SubgraphDefinition = {
  name: 'hospitals',
  defaultPort: 4002,
  entities: [Hospital, HospitalPartyBranch, BranchMemberDevelopment, FreeClinic],
  migrations: [CreateHospitals1763000001000, CreatePartyBranches1763000002000, CreateFreeClinics1763000003000],
  resolvers: [
    HospitalResolver,
    HospitalRelationsResolver,
    HospitalPartyBranchResolver,
    BranchMemberDevelopmentResolver,
    FreeClinicResolver,
    HospitalRegionResolver,
  ],
  orphanedTypes: [CommunityRef],
  references: referenceById('Hospital', Hospital),
  seed: seedHospitals,
};

export { Hospital, HospitalResolver };

export { hospitalsSubgraph as subgraph };
