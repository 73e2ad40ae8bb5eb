import { COMMITMENT_ROWS, SECTOR_CONCEPT_ROWS } from '@pb/kit';
import type { GroupSource, RowSource, StatsDefinition } from '@pb/kit';

/** Something that exists from `column` on (null = always): a stock count. */
const stockCount = (table: string, metric: string, column: string | null): RowSource => ({ table, measures: [{ metric, from: column ? `r.${column}` : null }] });

const REGISTRATION_UNIT = `r.unit_sector || ':' || r.unit_id`;

/**
 * A registration counts while active and while its unit exists: `unit_deleted` is set by the
 * database when the unit is deleted (an agency here, a hospital, school or enterprise in its own
 * subgraph, learnt from its deletions feed) and cleared when it is restored, as an UPDATE of
 * that unit's registrations only, which the triggers below turn into the difference.
 */
const COUNTS = 'r.active AND NOT r.unit_deleted';

/**
 * 双报到 units, each counted once per region however many of its communities there it reports
 * to: a unit counts in a region from its first active registration there. Grouped by unit, so a
 * change to one registration recomputes that unit only.
 */
const registeredUnits: GroupSource = {
  name: 'communities.registeredUnits',
  expanded: true,
  triggers: [{ table: 'dual_registration', groupKey: REGISTRATION_UNIT }],
  select: (keys) => `SELECT ${REGISTRATION_UNIT} AS group_key, p.code AS region_code, m.metric, m.key, min(r.registered_on) AS day, 1 AS value
      FROM dual_registration r
      CROSS JOIN LATERAL unnest(pb_region_prefixes(r.region_code)) p(code)
      CROSS JOIN LATERAL (VALUES ('registration.unitsBySector', r.unit_sector)) m(metric, key)
     WHERE ${COUNTS}${keys ? ` AND (r.unit_sector, r.unit_id) IN (SELECT split_part(k, ':', 1), split_part(k, ':', 2)::uuid FROM unnest(${keys}) k)` : ''}
     GROUP BY 1, 2, 3, 4`,
};

/**
 * 结对共建 partnerships at a day: counted once in every region holding at least one of their two
 * communities (the distinct prefixes of both codes), with their cumulative figures. Grouped by
 * partnership; a community that moves recomputes its partnerships.
 */
const partnerships: GroupSource = {
  name: 'communities.partnerships',
  expanded: true,
  triggers: [
    { table: 'community_partnership', groupKey: 'r.id' },
    { table: 'community', groupKey: 'unnest(ARRAY(SELECT p.id FROM community_partnership p WHERE p.community_a_id = r.id OR p.community_b_id = r.id))' },
  ],
  select: (keys) => `SELECT p.id::text AS group_key, x.code AS region_code, m.metric, '' AS key, coalesce(p.paired_on, '-infinity'::date) AS day, m.value::bigint AS value
      FROM community_partnership p
      JOIN community ca ON ca.id = p.community_a_id
      JOIN community cb ON cb.id = p.community_b_id
      CROSS JOIN LATERAL (SELECT DISTINCT unnest(pb_region_prefixes(ca.region_code) || pb_region_prefixes(cb.region_code))) x(code)
      CROSS JOIN LATERAL (VALUES ('partnership.count', 1), ('partnership.suggestions', p.suggestions_adopted),
                                 ('partnership.resources', p.resources_shared), ('partnership.problems', p.problems_solved)) m(metric, value)
     WHERE m.value <> 0${keys ? ` AND p.id IN (SELECT k::uuid FROM unnest(${keys}) k)` : ''}`,
};

/** The community sector's pre-aggregates: every figure of CommunityStats that adds up. */
export const communityStatsDefinition: StatsDefinition = {
  rows: [
    ...SECTOR_CONCEPT_ROWS,
    ...COMMITMENT_ROWS,
    {
      table: 'community',
      measures: [
        { metric: 'community.count', from: 'r.established_on' },
        { metric: 'community.partyMembers', from: 'r.established_on', value: 'r.party_members' },
      ],
    },
    stockCount('grid', 'grid.count', 'established_on'),
    stockCount('grid_party_branch', 'gridPartyBranch.count', 'established_on'),
    stockCount('building_party_group', 'buildingPartyGroup.count', 'established_on'),
    stockCount('party_member_household', 'partyMemberHousehold.count', 'designated_on'),
    { table: 'dual_registration', measures: [{ metric: 'registration.members', from: 'r.registered_on', value: 'r.members', when: COUNTS }] },
    {
      table: 'demand',
      measures: [
        { metric: 'demand.collected', event: 'r.collected_on' },
        { metric: 'demand.resolved', event: 'r.resolved_on' },
        // Demands resolved on a day, by days taken: the histogram the median is read from.
        { metric: 'demand.daysToResolve', event: 'r.resolved_on', key: '(r.resolved_on - r.collected_on)' },
        { metric: 'demand.satisfactionSum', event: 'r.feedback_on', value: 'r.satisfaction', when: 'r.satisfaction IS NOT NULL' },
        { metric: 'demand.satisfactionCount', event: 'r.feedback_on', when: 'r.satisfaction IS NOT NULL' },
      ],
    },
    { table: 'meeting', measures: [{ metric: 'meeting.held', event: 'r.held_on' }] },
    {
      table: 'dispute',
      measures: [
        { metric: 'dispute.mediated', event: 'r.mediating_on' },
        { metric: 'dispute.mediatedByCategory', event: 'r.mediating_on', key: 'r.category' },
        { metric: 'dispute.resolved', event: 'r.closed_on', when: `r.status = 'RESOLVED'` },
        { metric: 'dispute.resolvedInGrid', event: 'r.closed_on', when: `r.status = 'RESOLVED' AND r.settled_level = 'GRID'` },
      ],
    },
    {
      table: 'service_claim',
      measures: [
        { metric: 'serviceClaim.claimed', event: 'r.claimed_on' },
        { metric: 'serviceClaim.completed', event: 'r.completed_on', when: `r.status = 'COMPLETED'` },
        { metric: 'serviceClaim.households', event: 'r.completed_on', value: 'r.households_visited', when: `r.status = 'COMPLETED'` },
        { metric: 'serviceClaim.problems', event: 'r.completed_on', value: 'r.problems_solved', when: `r.status = 'COMPLETED'` },
      ],
    },
    stockCount('resource', 'resource.count', 'listed_on'),
    {
      table: 'service_project',
      measures: [
        { metric: 'serviceProject.started', event: 'r.started_on' },
        { metric: 'serviceProject.completed', event: 'r.completed_on' },
      ],
    },
    stockCount('service_station', 'serviceStation.count', 'opened_on'),
    { table: 'service_station_visit', measures: [{ metric: 'serviceStation.visitors', event: 'r.visited_on', value: 'r.visitors' }] },
    {
      table: 'property_company',
      measures: [
        { metric: 'propertyCompany.count', from: null },
        { metric: 'propertyCompany.red', from: null, when: 'r.has_party_branch' },
      ],
    },
  ],
  groups: [registeredUnits, partnerships],
};
