import { sectorConcepts } from '@pb/kit';
import { Hospital } from '../hospitals/hospital.entity.js';

/**
 * The kit's shared concepts instantiated for this sector: HospitalPartyOrganization and
 * HospitalPartyActivity (组织生活), HospitalSatisfactionSurvey and HospitalVolunteerService, each belonging to a Hospital.
 * Each department branch (HospitalPartyBranch) is also an organisation (mirrorOf).
 */
export const concepts = sectorConcepts({
  sector: 'hospitals',
  prefix: 'Hospital',
  unit: { entity: Hospital, typeName: 'Hospital', table: 'hospital' },
  // Kept in step by migration 1764000193000: each department branch is also an organisation.
  mirrors: { HospitalPartyBranch: { table: 'hospital_party_branch', editable: ['members', 'establishedOn'] } },
});
