import { resolve } from 'node:path';
import type { DataSource } from 'typeorm';
import { readReferenceRecords, seedRecords, stableId } from '@pb/kit';
import { Community } from '../communities/community.entity.js';
import { checkCommunity, type CreateCommunityInput } from '../communities/community.inputs.js';
import { CommunityPartnership } from '../partnerships/community-partnership.entity.js';
import { checkCommunityPartnership, type CreateCommunityPartnershipInput, placeCommunityPartnership } from '../partnerships/community-partnership.inputs.js';

const DATA = resolve(__dirname, '..', '..', 'reference-data');

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

/** Loads the reference dataset (idempotent), parents first. */
export async function seedCommunities(db: DataSource): Promise<void> {
  await seedRecords(db, Community, checkCommunity, readReferenceRecords<CreateCommunityInput>(resolve(DATA, 'communities.json'), 'community'));
  await seedRecords(db, CommunityPartnership, checkCommunityPartnership, partnerships(), placeCommunityPartnership);
}
