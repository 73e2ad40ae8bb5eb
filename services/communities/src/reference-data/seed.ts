import { resolve } from 'node:path';
import type { DataSource } from 'typeorm';
import { parentRegion, readReferenceRecords, type RequestContext, seedRecords, Sector, stableId } from '@pb/kit';
import { Agency } from '../agencies/agency.entity.js';
import { checkAgency, type CreateAgencyInput } from '../agencies/agency.inputs.js';
import { BuildingPartyGroup } from '../building-party-groups/building-party-group.entity.js';
import { checkBuildingPartyGroup, type CreateBuildingPartyGroupInput, placeBuildingPartyGroup } from '../building-party-groups/building-party-group.inputs.js';
import { Community } from '../communities/community.entity.js';
import { CommunityPartnership } from '../partnerships/community-partnership.entity.js';
import { checkCommunityPartnership, type CreateCommunityPartnershipInput, placeCommunityPartnership } from '../partnerships/community-partnership.inputs.js';
import { checkCommunity, type CreateCommunityInput } from '../communities/community.inputs.js';
import { Dispute } from '../disputes/dispute.entity.js';
import { DualRegistration } from '../dual-registrations/dual-registration.entity.js';
import { checkDualRegistration, type CreateDualRegistrationInput } from '../dual-registrations/dual-registration.inputs.js';
import { GridPartyBranch } from '../grid-party-branches/grid-party-branch.entity.js';
import { checkGridPartyBranch, type CreateGridPartyBranchInput } from '../grid-party-branches/grid-party-branch.inputs.js';
import { Grid } from '../grids/grid.entity.js';
import { checkGrid, type CreateGridInput } from '../grids/grid.inputs.js';
import { Meeting } from '../meetings/meeting.entity.js';
import { checkMeeting, type CreateMeetingInput } from '../meetings/meeting.inputs.js';
import { PartyMemberHousehold } from '../party-member-households/party-member-household.entity.js';
import { checkPartyMemberHousehold, type CreatePartyMemberHouseholdInput, placePartyMemberHousehold } from '../party-member-households/party-member-household.inputs.js';
import { seedArticleFigures } from './article-figures.seed.js';
import { checkDisputeWithSteps, type DisputeRow } from './dispute-steps.js';
import { readReferenceFile, type ReferenceSection, referenceRows } from '@pb/kit';

const DATA = resolve(__dirname, '..', '..', 'reference-data');
const file = <F>(name: string) => readReferenceFile<F>(resolve(DATA, name));

/** A community of the dataset, named by its key (its name) in the files that refer to it. */
const communityId = (key: string) => stableId(`community:${key}`);

interface PartnershipRow extends Omit<CreateCommunityPartnershipInput, 'communityAId' | 'communityBId'> {
  communityA: string;
  communityB: string;
  /** What the article says of the pair; documentation only. */
  note?: string;
}

const partnerships = () =>
  readReferenceRecords<PartnershipRow>(resolve(DATA, 'community-partnerships.json'), 'community-partnership').map(({ communityA, communityB, note: _note, ...rest }) => ({
    ...rest,
    communityAId: communityId(communityA),
    communityBId: communityId(communityB),
  }));

/** Same placement as the resolvers: a record under a community or a grid takes its region. */
const inCommunity = (v: { communityId: string }, ctx: RequestContext) => parentRegion(ctx, Community, 'Community', v.communityId, 'input.communityId');
const onGrid = (v: { gridId: string }, ctx: RequestContext) => parentRegion(ctx, Grid, 'Grid', v.gridId, 'input.gridId');

/** The id of a registering unit, owned by its sector's subgraph (kind of its reference-data key). */
const UNIT_KIND: Partial<Record<Sector, string>> = { [Sector.AGENCY]: 'agency', [Sector.HOSPITAL]: 'hospital', [Sector.SCHOOL]: 'school', [Sector.SOE]: 'enterprise' };

function registrationRows(section: ReferenceSection) {
  return referenceRows<CreateDualRegistrationInput & { unit: string }>(section, 'dual-registration', { community: ['communityId', 'community'] }).map(({ unit, ...row }) => ({
    ...row,
    unitId: stableId(`${UNIT_KIND[row.unitSector]}:${unit}`),
  }));
}

/**
 * Loads the communities' reference dataset (idempotent: present records are left as they are).
 * Parents first, each level in its own transaction, so every check finds the parent it names.
 */
export async function seedCommunities(db: DataSource): Promise<void> {
  await seedRecords(db, Community, checkCommunity, referenceRows<CreateCommunityInput>(file('communities.json'), 'community'));
  await seedRecords(db, Agency, checkAgency, referenceRows<CreateAgencyInput>(file('agencies.json'), 'agency'));
  await seedRecords(db, DualRegistration, checkDualRegistration, registrationRows(file('dual-registrations.json')), inCommunity);

  const structure = file<Record<'grids' | 'gridPartyBranches' | 'buildingPartyGroups' | 'partyMemberHouseholds', ReferenceSection>>('party-structure.json');
  await seedRecords(db, Grid, checkGrid, referenceRows<CreateGridInput>(structure.grids, 'grid', { community: ['communityId', 'community'] }), inCommunity);
  await seedRecords(db, GridPartyBranch, checkGridPartyBranch, referenceRows<CreateGridPartyBranchInput>(structure.gridPartyBranches, 'grid-party-branch', { grid: ['gridId', 'grid'] }), onGrid);
  const groupRefs = { grid: ['gridId', 'grid'], branch: ['branchId', 'grid-party-branch'] } as const;
  await seedRecords(db, BuildingPartyGroup, checkBuildingPartyGroup, referenceRows<CreateBuildingPartyGroupInput>(structure.buildingPartyGroups, 'building-party-group', { ...groupRefs }), placeBuildingPartyGroup);
  const householdRefs = { grid: ['gridId', 'grid'], group: ['groupId', 'building-party-group'] } as const;
  await seedRecords(db, PartyMemberHousehold, checkPartyMemberHousehold, referenceRows<CreatePartyMemberHouseholdInput>(structure.partyMemberHouseholds, 'party-member-household', { ...householdRefs }), placePartyMemberHousehold);

  const lists = file<Record<'meetings' | 'disputes', ReferenceSection>>('meetings-disputes.json');
  await seedRecords(db, Meeting, checkMeeting, referenceRows<CreateMeetingInput>(lists.meetings, 'meeting', { community: ['communityId', 'community'] }), inCommunity);
  await seedRecords(db, CommunityPartnership, checkCommunityPartnership, partnerships(), placeCommunityPartnership);
  await seedRecords(db, Dispute, checkDisputeWithSteps, referenceRows<DisputeRow>(lists.disputes, 'dispute', { community: ['communityId', 'community'] }), inCommunity);
  await seedArticleFigures(db);
}
