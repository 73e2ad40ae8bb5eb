import { type BatchStats, existedBySql, type RequestContext, rollUpByRegion, Sector } from '@pb/kit';
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

/** 双报到 in force at the period end: active, registered by then. */
const REGISTERED = `d.active AND ${existedBySql('d.registered_on', '$2')}`;
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

/**
 * Every figure for every requested region: one statement per source table, whatever the number
 * of regions (a drill-down over N children costs the same as one region).
 */
export const computeCommunityStats: BatchStats<CommunityStats> = async (ctx, codes, period) => {
  const [c, grids, branches, groups, households, reg, regBySector, demands, meetings, disputes, partnerships, claims, projects, stations, stationVisits, property] = await Promise.all([
    communities(ctx, codes, period.to),
    stockCount(ctx, codes, period.to, 'grid', 'established_on'),
    stockCount(ctx, codes, period.to, 'grid_party_branch', 'established_on'),
    stockCount(ctx, codes, period.to, 'building_party_group', 'established_on'),
    stockCount(ctx, codes, period.to, 'party_member_household', 'designated_on'),
    registrations(ctx, codes, period.to),
    registrationsBySector(ctx, codes, period.to),
    demandFigures(ctx, codes, period),
    meetingFigures(ctx, codes, period),
    disputeFigures(ctx, codes, period),
    partnershipFigures(ctx, codes, period.to),
    serviceClaimFigures(ctx, codes, period),
    projectFigures(ctx, codes, period),
    stationFigures(ctx, codes, period.to),
    stationVisitFigures(ctx, codes, period),
    propertyFigures(ctx, codes),
  ]);
  const n = (m: Map<string, { n: number }>, code: string) => m.get(code)?.n ?? 0;
  return new Map(
    codes.map((code) => [
      code,
      {
        communities: c.get(code)?.communities ?? 0,
        partyMembers: c.get(code)?.partyMembers ?? 0,
        grids: n(grids, code),
        gridPartyBranches: n(branches, code),
        buildingPartyGroups: n(groups, code),
        partyMemberHouseholds: n(households, code),
        registeredUnits: reg.get(code)?.units ?? 0,
        registeredMembers: reg.get(code)?.members ?? 0,
        registeredUnitsBySector: (regBySector.get(code) ?? []).map(({ key, count }) => ({ sector: key, count })),
        ...demands.get(code)!,
        meetingsHeld: meetings.get(code)?.meetingsHeld ?? 0,
        ...disputes.get(code)!,
        ...partnerships.get(code)!,
        ...claims.get(code)!,
        ...projects.get(code)!,
        ...stations.get(code)!,
        ...stationVisits.get(code)!,
        ...property.get(code)!,
      },
    ]),
  );
};
