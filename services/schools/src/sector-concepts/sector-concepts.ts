import { sectorConcepts } from '@pb/kit';
import { School } from '../schools/school.entity.js';

/**
 * The kit's shared concepts instantiated for this sector: SchoolPartyOrganization and
 * SchoolPartyActivity (组织生活), SchoolSatisfactionSurvey and SchoolVolunteerService, each belonging to a School.
 */
export const concepts = sectorConcepts({ sector: 'schools', prefix: 'School', unit: { entity: School, typeName: 'School', table: 'school' } });
