import { sectorConcepts } from '@pb/kit';
import { Community } from '../communities/community.entity.js';

/**
 * The kit's shared concepts instantiated for this sector: CommunityPartyOrganization and
 * CommunityPartyActivity (组织生活), CommunitySatisfactionSurvey and CommunityVolunteerService, each belonging to a Community;
 * CommunityPartyMemberPointsEntry (党员积分, 积分超市) and CommunityPledge (承诺践诺), which the sources place in communities.
 * Each community's own 党委/党总支/党支部 and each grid party branch is also an organisation (mirrorOf).
 */
export const concepts = sectorConcepts({
  sector: 'communities',
  prefix: 'Community',
  unit: { entity: Community, typeName: 'Community', table: 'community' },
  // Kept in step by migration 1764000192000: a community's own organisation and its grid branches.
  mirrors: {
    Community: { table: 'community', editable: ['members', 'secretaryName'] },
    GridPartyBranch: { table: 'grid_party_branch', editable: ['name', 'members', 'establishedOn', 'secretaryName'] },
  },
  commitments: true,
});
