import { ArgsType, Field, InputType, Int } from 'type-graphql';
import { DateScalar, forbidden, ListArgs, type RequestContext, requireClaims, requireCount, requirePastDate } from '@pb/kit';
import type { RegionPopulation } from './region-population.entity.js';

@InputType({ description: 'A division\'s resident population as of a day (ADMIN only)' })
export class CreateRegionPopulationInput {
  @Field({ description: 'Division code (行政区划代码), padded or not: the figures are of exactly this division' })
  regionCode: string;

  @Field(() => DateScalar)
  asOf: string;

  @Field(() => Int)
  residents: number;

  @Field(() => Int, { nullable: true })
  households?: number | null;
}

@InputType({ description: 'Changes to a population record; omitted fields stay as they are' })
export class UpdateRegionPopulationInput {
  @Field({ nullable: true })
  regionCode?: string;

  @Field(() => DateScalar, { nullable: true })
  asOf?: string;

  @Field(() => Int, { nullable: true })
  residents?: number;

  @Field(() => Int, { nullable: true })
  households?: number | null;
}

@ArgsType()
export class RegionPopulationListArgs extends ListArgs {}

/** Population is a region attribute: only an ADMIN sets it, whatever the caller's sectors. */
export function assertAdmin(ctx: RequestContext): void {
  if (requireClaims(ctx).role !== 'ADMIN') throw forbidden('Only an ADMIN enters region population');
}

export function checkRegionPopulation(input: CreateRegionPopulationInput, ctx: RequestContext): Partial<RegionPopulation> {
  assertAdmin(ctx);
  return {
    asOf: requirePastDate(input.asOf, 'input.asOf'),
    residents: requireCount(input.residents, 'input.residents', 200_000_000),
    households: input.households === null || input.households === undefined ? null : requireCount(input.households, 'input.households', 100_000_000),
  };
}
