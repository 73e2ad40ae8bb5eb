import { sectorConcepts } from '@pb/kit';
import { Community } from '../communities/community.entity.js';

/**
 * The kit's shared concepts instantiated for this sector: CommunityPartyOrganization and
 * CommunityPartyActivity (组织生活), CommunitySatisfactionSurvey and CommunityVolunteerService, each belonging to a Community;
 * CommunityPartyMemberPointsEntry (党员积分, 积分超市) and CommunityPledge (承诺践诺), which the sources place in communities.
 */
export const concepts = sectorConcepts({ sector: 'communities', prefix: 'Community', unit: { entity: Community, typeName: 'Community' }, commitments: true });
