import DataLoader from 'dataloader';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { parseStatsScope, PublicFigures, type RequestContext, STATS_BATCHING } from '@pb/kit';
import { latestPopulation } from './population.sql.js';

/**
 * The population this subgraph adds to another sector's stats object (keyed by region and
 * period), so that the sector's per-10,000-resident rates can `@requires` it: HospitalStats'
 * family-doctor signing rate. The sector's subgraph never asks this one itself.
 */
@Directive('@key(fields: "scope")')
@PublicFigures()
@ObjectType('HospitalStats')
export class HospitalStatsPopulation {
  @Field(() => ID)
  scope: string;

  @Field(() => Int, { nullable: true, description: 'Resident population (常住人口) of exactly this division at the period end (the latest record entered by an ADMIN on or before it); null when unknown' })
  residents: number | null;
}

/** Residents of many divisions at one day, in one statement per day asked in a request. */
const residentsAt = (ctx: RequestContext, day: string | null) =>
  ctx.loaders.get(`population:residents:${day ?? ''}`, () =>
    new DataLoader<string, number | null>(async (codes) => {
      const found = await latestPopulation(ctx, codes, day);
      return codes.map((c) => found.get(c)?.residents ?? null);
    }, STATS_BATCHING),
  );

async function resolvePopulation(ref: { scope: string }, ctx: RequestContext): Promise<HospitalStatsPopulation> {
  const { code, period } = parseStatsScope(ref.scope);
  return { scope: ref.scope, residents: await residentsAt(ctx, period.to).load(code) };
}

export const sectorStatsPopulationReferences = { HospitalStats: { __resolveReference: resolvePopulation } };
