import { resolve } from 'node:path';
import type { DataSource } from 'typeorm';
import { parentRegion, readReferenceFile, type ReferenceSection, referenceRows, type RequestContext, seedRecords, seedSectorConcepts } from '@pb/kit';
import { Community } from '../communities/community.entity.js';
import { RegionPopulation } from '../population/region-population.entity.js';
import { checkRegionPopulation, type CreateRegionPopulationInput } from '../population/region-population.inputs.js';
import { concepts } from '../sector-concepts/sector-concepts.js';
import { ServiceClaim } from '../service-claims/service-claim.entity.js';
import { checkServiceClaim, type CreateServiceClaimInput } from '../service-claims/service-claim.inputs.js';

const FILE = resolve(__dirname, '..', '..', 'reference-data', 'article-figures.json');

type ClaimRow = CreateServiceClaimInput & { status: string; completedOn: string };

/** A completed claim of the dataset: the create checks, then the completion the article reports. */
const checkCompletedClaim = async (row: ClaimRow, ctx: RequestContext) => ({ ...(await checkServiceClaim(row, ctx)), completedOn: row.completedOn });

/** Issue 14's article figures: population, party organisations, volunteering, satisfaction, 韩城's claims. */
export async function seedArticleFigures(db: DataSource): Promise<void> {
  const file = readReferenceFile<Record<'population' | 'serviceClaims', ReferenceSection>>(FILE);
  await seedRecords(db, RegionPopulation, checkRegionPopulation, referenceRows<CreateRegionPopulationInput>(file.population, 'region-population'));
  await seedSectorConcepts(db, concepts, FILE, 'community');
  await seedRecords(db, ServiceClaim, checkCompletedClaim, referenceRows<ClaimRow>(file.serviceClaims, 'service-claim', { community: ['communityId', 'community'] }), (v, ctx) =>
    parentRegion(ctx, Community, 'Community', v.communityId, 'input.communityId'),
  );
}
