import { sectorConcepts } from '@pb/kit';
import { Enterprise } from '../enterprises/enterprise.entity.js';

/**
 * The kit's shared concepts instantiated for this sector: SoePartyOrganization and
 * SoePartyActivity (组织生活), SoeSatisfactionSurvey, each belonging to a Enterprise.
 * The SOEs keep their older VolunteerActivity type (it implements the same VolunteerService interface).
 */
export const concepts = sectorConcepts({ sector: 'soes', prefix: 'Soe', unit: { entity: Enterprise, typeName: 'Enterprise', table: 'enterprise' }, volunteers: false });
