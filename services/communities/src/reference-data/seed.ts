import { resolve } from 'node:path';
import type { DataSource } from 'typeorm';
import { readReferenceRecords, seedRecords } from '@pb/kit';
import { Community } from '../communities/community.entity.js';
import { checkCommunity, type CreateCommunityInput } from '../communities/community.inputs.js';

const DATA = resolve(__dirname, '..', '..', 'reference-data');

/** Loads the communities of the reference dataset (idempotent). */
export async function seedCommunities(db: DataSource): Promise<void> {
  await seedRecords(db, Community, checkCommunity, readReferenceRecords<CreateCommunityInput>(resolve(DATA, 'communities.json'), 'community'));
}
