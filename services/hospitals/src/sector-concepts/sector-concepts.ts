import { sectorConcepts } from '@pb/kit';
import { Hospital } from '../hospitals/hospital.entity.js';

/**
 * The kit's shared concepts instantiated for this sector: HospitalPartyOrganization and
 * HospitalPartyActivity (组织生活), HospitalSatisfactionSurvey and HospitalVolunteerService, each belonging to a Hospital.
 */
export const concepts = sectorConcepts({ sector: 'hospitals', prefix: 'Hospital', unit: { entity: Hospital, typeName: 'Hospital' } });
