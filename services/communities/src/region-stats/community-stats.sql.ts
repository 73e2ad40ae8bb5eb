import { commitmentParts, sectorConceptParts, withPer10kRates } from '@pb/kit';
import { latestPopulation } from '../population/population.sql.js';
import { type BatchStats, composeStats, existedBySql, percentileOfHistogram, rate, type RequestContext, rollUpByRegion, Sector, type StatsPart } from '@pb/kit';
import { rollUpByRegionAndKey } from '../common/keyed-roll-up.js';
import { demandFigures, disputeFigures, meetingFigures } from './lists-stats.sql.js';
import { projectFigures, serviceClaimFigures } from './service-stats.sql.js';
import { partnershipFigures } from './partnership-stats.sql.js';
import type { CommunityStats } from './community-stats.type.js';
import { propertyFigures, stationFigures, stationVisitFigures } from './station-stats.sql.js';

type Codes = readonly string[];

/** A stock count: rows of `table` existing at the period end (`dateColumn` null = always). */
const stockCount = (ctx: RequestContext, codes: Codes, to: string | null, table: string, dateColumn: string) =>
  rollUpByRegion<{ n: number }>(ctx, codes, {
    from: `${table} t`,
    regionColumn: 't.region_code',
    aggregates: 'count(t.id)::int AS n',
    where: existedBySql(`t.${dateColumn}`, '$2'),
    params: [to],
  });

const communities = (ctx: RequestContext, codes: Codes, to: string | null) =>
  rollUpByRegion<{ communities: number; partyMembers: number }>(ctx, codes, {
    from: 'community c',
    regionColumn: 'c.region_code',
    aggregates: `count(c.id)::int AS communities, coalesce(sum(c.party_members), 0)::int AS "partyMembers"`,
    where: existedBySql('c.established_on', '$2'),
    params: [to],
  });

/** 双报到 in force at the period end: active, its unit not deleted, registered by then. */
const REGISTERED = `d.active AND NOT d.unit_deleted AND ${existedBySql('d.registered_on', '$2')}`;
const REGISTERING_SECTORS = [Sector.AGENCY, Sector.HOSPITAL, Sector.SCHOOL, Sector.SOE] as const;

const registrations = (ctx: RequestContext, codes: Codes, to: string | null) =>
  rollUpByRegion<{ units: number; members: number }>(ctx, codes, {
    from: 'dual_registration d',
    regionColumn: 'd.region_code',
    aggregates: `count(DISTINCT d.unit_sector || ':' || d.unit_id)::int AS units, coalesce(sum(d.members), 0)::int AS members`,
    where: REGISTERED,
    params: [to],
  });

const registrationsBySector = (ctx: RequestContext, codes: Codes, to: string | null) =>
  rollUpByRegionAndKey(ctx, codes, REGISTERING_SECTORS, {
    from: 'dual_registration d',
    regionColumn: 'd.region_code',
    key: 'd.unit_sector',
    value: 'count(DISTINCT d.unit_id)',
    where: REGISTERED,
    params: [to],
  });

const CATEGORIES = ['NEIGHBOR', 'PROPERTY', 'MARRIAGE_FAMILY', 'OTHER'] as const;
const n = (m: Map<string, { n: number }>, code: string) => m.get(code)?.n ?? 0;
const byCode = <T>(codes: Codes, f: (code: string) => T) => new Map(codes.map((code) => [code, f(code)]));

/**
 * CommunityStats in parts: each part's figures from the rows (`raw`, the definition) and, where
 * they add up, from the pre-aggregates (`aggregated`, see community-stats.aggregates.ts). Only
 * the parts asked for run; every part costs one statement per source table, whatever the number
 * of regions.
 */
export const COMMUNITY_STATS_PARTS: StatsPart<CommunityStats>[] = [
  {
    fields: ['communities', 'partyMembers', 'grids', 'gridPartyBranches', 'buildingPartyGroups', 'partyMemberHouseholds'],
    raw: async (ctx, codes, p) => {
      const [c, grids, branches, groups, households] = await Promise.all([
        communities(ctx, codes, p.to),
        stockCount(ctx, codes, p.to, 'grid', 'established_on'),
        stockCount(ctx, codes, p.to, 'grid_party_branch', 'established_on'),
        stockCount(ctx, codes, p.to, 'building_party_group', 'established_on'),
        stockCount(ctx, codes, p.to, 'party_member_household', 'designated_on'),
      ]);
      return byCode(codes, (code) => ({
        communities: c.get(code)?.communities ?? 0,
        partyMembers: c.get(code)?.partyMembers ?? 0,
        grids: n(grids, code),
        gridPartyBranches: n(branches, code),
        buildingPartyGroups: n(groups, code),
        partyMemberHouseholds: n(households, code),
      }));
    },
    aggregated: {
      stocks: ['community.count', 'community.partyMembers', 'grid.count', 'gridPartyBranch.count', 'buildingPartyGroup.count', 'partyMemberHousehold.count'],
      figures: (get) => ({
        communities: get('community.count'),
        partyMembers: get('community.partyMembers'),
        grids: get('grid.count'),
        gridPartyBranches: get('gridPartyBranch.count'),
        buildingPartyGroups: get('buildingPartyGroup.count'),
        partyMemberHouseholds: get('partyMemberHousehold.count'),
      }),
    },
  },
  {
    fields: ['registeredUnits', 'registeredMembers', 'registeredUnitsBySector'],
    raw: async (ctx, codes, p) => {
      const [reg, regBySector] = await Promise.all([registrations(ctx, codes, p.to), registrationsBySector(ctx, codes, p.to)]);
      return byCode(codes, (code) => ({
        registeredUnits: reg.get(code)?.units ?? 0,
        registeredMembers: reg.get(code)?.members ?? 0,
        registeredUnitsBySector: (regBySector.get(code) ?? []).map(({ key, count }) => ({ sector: key, count })),
      }));
    },
    aggregated: {
      stocks: ['registration.members', 'registration.unitsBySector'],
      figures: (get) => ({
        registeredUnits: get('registration.unitsBySector'), // the total over the sectors
        registeredMembers: get('registration.members'),
        registeredUnitsBySector: REGISTERING_SECTORS.map((sector) => ({ sector, count: get(`registration.unitsBySector|${sector}`) })),
      }),
    },
  },
  {
    fields: ['demandsCollected', 'demandsResolved', 'demandAverageSatisfaction'],
    raw: demandFigures,
    aggregated: {
      events: ['demand.collected', 'demand.resolved', 'demand.satisfactionSum', 'demand.satisfactionCount'],
      figures: (get) => ({
        demandsCollected: get('demand.collected'),
        demandsResolved: get('demand.resolved'),
        demandAverageSatisfaction: get('demand.satisfactionCount') > 0 ? get('demand.satisfactionSum') / get('demand.satisfactionCount') : null,
      }),
    },
  },
  {
    fields: ['demandMedianDaysToResolve'],
    raw: demandFigures,
    aggregated: {
      events: ['demand.daysToResolve'],
      figures: (_get, _p, keyed) => ({ demandMedianDaysToResolve: percentileOfHistogram(keyed('demand.daysToResolve'), 0.5) }),
    },
  },
  // A cohort share (collected in the period and resolved by its end) is no sum of buckets: from the rows.
  { fields: ['demandResolutionRate'], raw: demandFigures },
  {
    fields: ['meetingsHeld'],
    raw: meetingFigures,
    aggregated: { events: ['meeting.held'], figures: (get) => ({ meetingsHeld: get('meeting.held') }) },
  },
  {
    fields: ['disputesMediated', 'disputesResolved', 'disputesByCategory', 'disputesSettledInGridRate'],
    raw: disputeFigures,
    aggregated: {
      events: ['dispute.mediated', 'dispute.mediatedByCategory', 'dispute.resolved', 'dispute.resolvedInGrid'],
      figures: (get) => ({
        disputesMediated: get('dispute.mediated'),
        disputesResolved: get('dispute.resolved'),
        disputesByCategory: CATEGORIES.map((category) => ({ category, count: get(`dispute.mediatedByCategory|${category}`) })),
        disputesSettledInGridRate: rate(get('dispute.resolvedInGrid'), get('dispute.resolved')),
      }),
    },
  },
  { fields: ['disputeResolutionRate'], raw: disputeFigures },
  {
    fields: ['partnerships', 'partnershipSuggestionsAdopted', 'partnershipResourcesShared', 'partnershipProblemsSolved'],
    raw: (ctx, codes, p) => partnershipFigures(ctx, codes, p.to),
    aggregated: {
      stocks: ['partnership.count', 'partnership.suggestions', 'partnership.resources', 'partnership.problems'],
      figures: (get) => ({
        partnerships: get('partnership.count'),
        partnershipSuggestionsAdopted: get('partnership.suggestions'),
        partnershipResourcesShared: get('partnership.resources'),
        partnershipProblemsSolved: get('partnership.problems'),
      }),
    },
  },
  {
    fields: ['serviceClaims', 'serviceClaimsCompleted', 'serviceClaimHouseholdsVisited', 'serviceClaimProblemsSolved'],
    raw: serviceClaimFigures,
    aggregated: {
      events: ['serviceClaim.claimed', 'serviceClaim.completed', 'serviceClaim.households', 'serviceClaim.problems'],
      figures: (get) => ({
        serviceClaims: get('serviceClaim.claimed'),
        serviceClaimsCompleted: get('serviceClaim.completed'),
        serviceClaimHouseholdsVisited: get('serviceClaim.households'),
        serviceClaimProblemsSolved: get('serviceClaim.problems'),
      }),
    },
  },
  {
    fields: ['resources', 'serviceProjects', 'serviceProjectsCompleted'],
    raw: projectFigures,
    aggregated: {
      stocks: ['resource.count'],
      events: ['serviceProject.started', 'serviceProject.completed'],
      figures: (get) => ({ resources: get('resource.count'), serviceProjects: get('serviceProject.started'), serviceProjectsCompleted: get('serviceProject.completed') }),
    },
  },
  {
    fields: ['serviceStations', 'serviceStationVisitors'],
    raw: async (ctx, codes, p) => {
      const [stations, visits] = await Promise.all([stationFigures(ctx, codes, p.to), stationVisitFigures(ctx, codes, p)]);
      return byCode(codes, (code) => ({ ...stations.get(code)!, ...visits.get(code)! }));
    },
    aggregated: {
      stocks: ['serviceStation.count'],
      events: ['serviceStation.visitors'],
      figures: (get) => ({ serviceStations: get('serviceStation.count'), serviceStationVisitors: get('serviceStation.visitors') }),
    },
  },
  {
    fields: ['propertyCompanies', 'redPropertyCompanies'],
    raw: (ctx, codes) => propertyFigures(ctx, codes),
    aggregated: {
      stocks: ['propertyCompany.count', 'propertyCompany.red'],
      figures: (get) => ({ propertyCompanies: get('propertyCompany.count'), redPropertyCompanies: get('propertyCompany.red') }),
    },
  },
];

/** Population of exactly each division at the period end (a region attribute, not a roll-up). */
const POPULATION_PART: StatsPart<CommunityStats> = {
  fields: ['residents', 'households'],
  raw: async (ctx, codes, p) => {
    const found = await latestPopulation(ctx, codes, p.to);
    return new Map(codes.map((code) => [code, { residents: found.get(code)?.residents ?? null, households: found.get(code)?.households ?? null }]));
  },
};

export const computeCommunityStats: BatchStats<CommunityStats> = withPer10kRates<CommunityStats>(
  composeStats([...COMMUNITY_STATS_PARTS, ...sectorConceptParts<CommunityStats>(), ...commitmentParts<CommunityStats>(), POPULATION_PART]),
  'residents',
  {
    partyMembersPer10kResidents: 'partyMembers',
    registeredMembersPer10kResidents: 'registeredMembers',
    volunteerHoursPer10kResidents: 'volunteerHours',
    partyOrganizationMembersPer10kResidents: 'partyOrganizationMembers',
  },
);
