import fc from 'fast-check';
import { subgraph } from '@pb/communities';
import { computeCommunityStats } from '@pb/communities/dist/region-stats/community-stats.sql.js';
import { SOURCES } from '@pb/communities/dist/region-trends/community-trend.js';
import { COMMITMENT_TABLES, PARTY_LIFE_TABLES, VOLUNTEER_TABLE } from './shared';
import { day, dayAfter, dayOrNull, type SectorSpec } from './harness';

const count = fc.integer({ min: 0, max: 40 });
const name = fc.constantFrom('甲', '乙', '丙');
/** Few units, so one unit reports to several communities and the distinct counts collide. */
const UNITS = ['a', 'b', 'c', 'd', 'e'].map((x) => `00000000-0000-4000-9000-00000000000${x}`);

/** Every table the community stats read, with the columns they read (and the NOT NULL ones). */
export const communities: SectorSpec = {
  name: 'communities',
  definition: () => subgraph,
  stats: computeCommunityStats,
  trends: SOURCES,
  tables: [
    {
      table: 'community',
      weight: 3,
      row: fc.record({ name, party_organization: fc.constantFrom('PARTY_COMMITTEE', 'GENERAL_BRANCH', 'BRANCH'), party_members: count, established_on: dayOrNull() }),
    },
    { table: 'grid', parents: { community_id: 'community' }, row: fc.record({ number: count, name, workers: count, established_on: dayOrNull() }) },
    {
      table: 'grid_party_branch',
      parents: { grid_id: 'grid', community_id: 'community' },
      row: fc.record({ name, party_members: count, established_on: dayOrNull() }),
    },
    {
      table: 'building_party_group',
      parents: { grid_id: 'grid', community_id: 'community' },
      optionalParents: { branch_id: 'grid_party_branch' },
      row: fc.record({ name, party_members: count, established_on: dayOrNull() }),
    },
    {
      table: 'party_member_household',
      parents: { grid_id: 'grid', community_id: 'community' },
      optionalParents: { group_id: 'building_party_group' },
      row: fc.record({ head_name: name, linked_households: count, designated_on: dayOrNull() }),
    },
    {
      table: 'dual_registration',
      weight: 3,
      parents: { community_id: 'community' },
      row: fc.record({ unit_sector: fc.constantFrom('AGENCY', 'HOSPITAL', 'SCHOOL', 'SOE'), unit_id: fc.constantFrom(...UNITS), members: count, registered_on: day, active: fc.boolean() }),
    },
    {
      table: 'demand',
      weight: 2,
      parents: { community_id: 'community' },
      row: day.chain((collected) =>
        fc.record({
          title: name,
          channel: fc.constantFrom('DOOR_TO_DOOR', 'HOTLINE'),
          status: fc.constantFrom('COLLECTED', 'DELIBERATING', 'IN_PROGRESS', 'RESOLVED', 'FEEDBACK'),
          collected_on: fc.constant(collected),
          resolved_on: fc.option(dayAfter(collected), { freq: 2 }),
          feedback_on: fc.option(dayAfter(collected, 500), { freq: 2 }),
          satisfaction: fc.option(fc.integer({ min: 1, max: 5 }), { freq: 2 }),
        }),
      ),
    },
    {
      table: 'meeting',
      parents: { community_id: 'community' },
      row: fc.record({ format: fc.constantFrom('BENCH', 'GRID_DAY'), held_on: day, attendees: count, topics: name }),
    },
    {
      table: 'dispute',
      weight: 2,
      parents: { community_id: 'community' },
      row: day.chain((reported) =>
        fc.record({
          category: fc.constantFrom('NEIGHBOR', 'PROPERTY', 'MARRIAGE_FAMILY', 'OTHER'),
          status: fc.constantFrom('OPEN', 'MEDIATING', 'RESOLVED', 'ESCALATED'),
          reported_on: fc.constant(reported),
          mediating_on: fc.option(dayAfter(reported, 60), { freq: 3 }),
          closed_on: fc.option(dayAfter(reported, 400), { freq: 2 }),
          settled_level: fc.option(fc.constantFrom('GRID', 'COMMUNITY', 'STREET'), { freq: 3 }),
        }),
      ),
    },
    {
      // The same pair twice, or a community with itself, is refused by the schema (skipped).
      table: 'community_partnership',
      weight: 2,
      parents: { community_a_id: 'community', community_b_id: 'community' },
      row: fc.record({ paired_on: dayOrNull(), suggestions_adopted: count, resources_shared: count, problems_solved: count }),
    },
    {
      table: 'service_claim',
      parents: { community_id: 'community' },
      optionalParents: { dual_registration_id: 'dual_registration' },
      row: day.chain((claimed) =>
        fc.record({
          category: fc.constantFrom('REPAIR', 'HEALTH'),
          title: name,
          status: fc.constantFrom('CLAIMED', 'COMPLETED'),
          claimed_on: fc.constant(claimed),
          completed_on: fc.option(dayAfter(claimed), { freq: 2 }),
          households_visited: count,
          problems_solved: count,
        }),
      ),
    },
    { table: 'resource', parents: { community_id: 'community' }, row: fc.record({ title: name, category: fc.constantFrom('REPAIR', 'OTHER'), listed_on: day }) },
    {
      table: 'service_project',
      parents: { community_id: 'community', demand_id: 'demand' },
      row: day.chain((started) => fc.record({ title: name, started_on: fc.constant(started), completed_on: fc.option(dayAfter(started), { freq: 2 }) })),
    },
    { table: 'service_station', parents: { community_id: 'community' }, row: fc.record({ name, windows: count, opened_on: dayOrNull() }) },
    { table: 'service_station_visit', parents: { station_id: 'service_station' }, row: fc.record({ visited_on: day, visitors: count }) },
    { table: 'property_company', row: fc.record({ name, has_party_branch: fc.boolean() }) },
    ...PARTY_LIFE_TABLES, VOLUNTEER_TABLE, ...COMMITMENT_TABLES,
  ],
};
