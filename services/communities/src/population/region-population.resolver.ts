import DataLoader from 'dataloader';
import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { crudResolver, DateScalar, Region, type RequestContext, todayInShanghai } from '@pb/kit';
import { RegionPopulation } from './region-population.entity.js';
import { checkRegionPopulation, CreateRegionPopulationInput, RegionPopulationListArgs, UpdateRegionPopulationInput } from './region-population.inputs.js';
import { latestPopulation } from './population.sql.js';

/** regionPopulations / regionPopulation / create… / update… / delete… (ADMIN only). */
@Resolver(() => RegionPopulation)
export class RegionPopulationResolver extends crudResolver({
  sector: 'communities',
  entity: RegionPopulation,
  typeName: 'RegionPopulation',
  listName: 'regionPopulations',
  createInput: CreateRegionPopulationInput,
  updateInput: UpdateRegionPopulationInput,
  listArgs: RegionPopulationListArgs,
  check: checkRegionPopulation,
  adminOnly: true,
}) {}

/** `Region.population(at)`: the latest figures of exactly this division on or before the day. */
@Resolver(() => Region)
export class RegionPopulationFieldResolver {
  @FieldResolver(() => RegionPopulation, { nullable: true, description: 'Resident population (常住人口) and households of exactly this division: the latest record on or before `at` (default today); null when none was entered' })
  population(@Root() region: Region, @Arg('at', () => DateScalar, { nullable: true }) at: string | null, @Ctx() ctx: RequestContext): Promise<RegionPopulation | null> {
    const day = at ?? todayInShanghai();
    const loader = ctx.loaders.get(`population:${day}`, () => new DataLoader<string, RegionPopulation | null>(async (codes) => {
      const found = await latestPopulation(ctx, codes, day);
      return codes.map((c) => found.get(c) ?? null);
    }));
    return loader.load(region.code);
  }
}
