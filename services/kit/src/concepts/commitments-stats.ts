import { Field, Float, Int, ObjectType } from 'type-graphql';
import type { RequestContext } from '../context.js';
import type { Period } from '../period/period.js';
import type { RowSource } from '../stats/aggregates/definition.js';
import type { StatsPart } from '../stats/parts.js';
import { datedWithinSql, existedBySql, rollUpByRegion } from '../stats/roll-up.js';
import { rate } from '../stats/stats-loader.js';
import { SectorConceptStats } from './sector-stats.js';

/** The stats of a sector that records 党员积分 and 承诺践诺 (sectorConcepts({ commitments: true })). */
@ObjectType({ description: 'Base of the stats types of sectors recording points and pledges; not itself in the schema' })
export abstract class SectorCommitmentStats extends SectorConceptStats {
  @Field(() => Int, { description: 'Event: points earned (党员积分获得) in the period (sum)' })
  pointsEarned: number;

  @Field(() => Int, { description: 'Event: points redeemed at the points supermarket (积分超市兑换) in the period (sum)' })
  pointsRedeemed: number;

  @Field(() => Int, { description: 'Event: public pledges made (公开承诺) in the period' })
  pledgesMade: number;

  @Field(() => Int, { description: 'Event: pledges fulfilled (践诺) in the period, whenever they were made' })
  pledgesFulfilled: number;

  @Field(() => Float, { nullable: true, description: 'Fulfilment rate (践诺率): of the pledges made by the period end, the share fulfilled by then; null without pledges' })
  pledgeFulfilmentRate: number | null;
}

/** Pre-aggregate declarations of points and pledges, in the StatsDefinition of a sector recording them. */
export const COMMITMENT_ROWS: RowSource[] = [
  {
    table: 'party_member_points',
    measures: [
      { metric: 'points.earned', event: 'r.recorded_on', value: 'r.points', when: `r.kind = 'EARNED'` },
      { metric: 'points.redeemed', event: 'r.recorded_on', value: 'r.points', when: `r.kind = 'REDEEMED'` },
    ],
  },
  {
    table: 'pledge',
    measures: [
      { metric: 'pledge.made', event: 'r.pledged_on' },
      { metric: 'pledge.fulfilled', event: 'r.fulfilled_on' },
      { metric: 'pledge.madeStock', from: 'r.pledged_on' },
      { metric: 'pledge.fulfilledStock', from: 'r.fulfilled_on', when: 'r.fulfilled_on IS NOT NULL' },
    ],
  },
];

type Codes = readonly string[];

async function pointsFigures(ctx: RequestContext, codes: Codes, p: Period) {
  const rows = await rollUpByRegion<{ earned: number; redeemed: number }>(ctx, codes, {
    from: 'party_member_points m',
    regionColumn: 'm.region_code',
    aggregates: `coalesce(sum(m.points) FILTER (WHERE m.kind = 'EARNED'), 0)::int AS earned, coalesce(sum(m.points) FILTER (WHERE m.kind = 'REDEEMED'), 0)::int AS redeemed`,
    where: datedWithinSql('m.recorded_on', '$2', '$3'),
    params: [p.from, p.to],
  });
  return new Map(codes.map((code) => [code, { pointsEarned: rows.get(code)!.earned, pointsRedeemed: rows.get(code)!.redeemed }]));
}

async function pledgeFigures(ctx: RequestContext, codes: Codes, p: Period) {
  const rows = await rollUpByRegion<{ made: number; fulfilled: number; madeBy: number; fulfilledBy: number }>(ctx, codes, {
    from: 'pledge g',
    regionColumn: 'g.region_code',
    aggregates: `count(g.id) FILTER (WHERE ${datedWithinSql('g.pledged_on', '$2', '$3')})::int AS made,
      count(g.id) FILTER (WHERE ${datedWithinSql('g.fulfilled_on', '$2', '$3')})::int AS fulfilled,
      count(g.id) FILTER (WHERE ${existedBySql('g.pledged_on', '$3')})::int AS "madeBy",
      count(g.id) FILTER (WHERE g.fulfilled_on IS NOT NULL AND ${existedBySql('g.fulfilled_on', '$3')})::int AS "fulfilledBy"`,
    where: 'true',
    params: [p.from, p.to],
  });
  return new Map(codes.map((code) => {
    const r = rows.get(code)!;
    return [code, { pledgesMade: r.made, pledgesFulfilled: r.fulfilled, pledgeFulfilmentRate: rate(r.fulfilledBy, r.madeBy) }];
  }));
}

/** Points and pledges as stats parts: append to the sector's parts. */
export function commitmentParts<S extends SectorCommitmentStats>(): StatsPart<S>[] {
  return [
    {
      fields: ['pointsEarned', 'pointsRedeemed'],
      raw: pointsFigures as StatsPart<S>['raw'],
      aggregated: {
        events: ['points.earned', 'points.redeemed'],
        figures: (get) => ({ pointsEarned: get('points.earned'), pointsRedeemed: get('points.redeemed') }) as Partial<S>,
      },
    },
    {
      fields: ['pledgesMade', 'pledgesFulfilled', 'pledgeFulfilmentRate'],
      raw: pledgeFigures as StatsPart<S>['raw'],
      aggregated: {
        events: ['pledge.made', 'pledge.fulfilled'],
        stocks: ['pledge.madeStock', 'pledge.fulfilledStock'],
        figures: (get) =>
          ({
            pledgesMade: get('pledge.made'),
            pledgesFulfilled: get('pledge.fulfilled'),
            pledgeFulfilmentRate: rate(get('pledge.fulfilledStock'), get('pledge.madeStock')),
          }) as Partial<S>,
      },
    },
  ];
}
