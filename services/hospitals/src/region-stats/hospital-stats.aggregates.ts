import { GRASSROOTS_ROWS } from '../grassroots/grassroots-stats.js';
import { MEMBER_DEVELOPMENT_ROWS } from './member-development.stats.js';
import { SECTOR_CONCEPT_ROWS } from '@pb/kit';
import type { GroupSource, StatsDefinition } from '@pb/kit';

const SECONDARY_OR_ABOVE = `r.is_public AND r.grade IN ('SECONDARY', 'TERTIARY')`;
const DUAL_LEADER = `r.secretary_role IN ('DEPARTMENT_HEAD', 'BUSINESS_BACKBONE')`;
const keysIn = (column: string, keys: string | null) => (keys ? ` AND ${column} IN (SELECT k::uuid FROM unnest(${keys}) k)` : '');

/**
 * Rectification items open at a day: raised by a round held by then and not done by then
 * ([held_on, done_on)); overdue from the day after their due date. Grouped by ward round, since
 * an item's start is its round's date.
 */
const rectificationItems: GroupSource = {
  name: 'hospitals.rectificationItems',
  triggers: [
    { table: 'rectification_item', groupKey: 'r.ward_round_id' },
    { table: 'ward_round', groupKey: 'r.id' },
  ],
  select: (keys) => `SELECT x.ward_round_id::text AS group_key, x.region_code, x.metric, '' AS key, d.day, d.value
      FROM (SELECT i.ward_round_id, i.region_code, 'rectification.open' AS metric, w.held_on AS start_on, i.done_on AS end_on
              FROM rectification_item i JOIN ward_round w ON w.id = i.ward_round_id WHERE true${keysIn('i.ward_round_id', keys)}
            UNION ALL
            SELECT i.ward_round_id, i.region_code, 'rectification.overdue', greatest(w.held_on, i.due_on + 1), i.done_on
              FROM rectification_item i JOIN ward_round w ON w.id = i.ward_round_id WHERE true${keysIn('i.ward_round_id', keys)}) x
      CROSS JOIN LATERAL (VALUES (x.start_on, 1), (x.end_on, -1)) d(day, value)
     WHERE (x.end_on IS NULL OR x.start_on < x.end_on) AND d.day IS NOT NULL`,
};

/**
 * Residents of elder-care centres at a day: each census counts from its date (not before the
 * centre opened) until the centre's next census. Grouped by centre.
 */
const elderCareResidents: GroupSource = {
  name: 'hospitals.elderCareResidents',
  triggers: [
    { table: 'elder_care_census', groupKey: 'r.center_id' },
    { table: 'elder_care_center', groupKey: 'r.id' },
  ],
  select: (keys) => `SELECT x.center_id::text AS group_key, x.region_code, v.metric, '' AS key, d.day, d.value
      FROM (SELECT c.center_id, ctr.region_code, c.self_care, c.semi_disabled, c.disabled,
                   greatest(c.counted_on, coalesce(ctr.opened_on, '-infinity'::date)) AS start_on,
                   lead(c.counted_on) OVER (PARTITION BY c.center_id ORDER BY c.counted_on, c.id) AS next_on
              FROM elder_care_census c JOIN elder_care_center ctr ON ctr.id = c.center_id WHERE true${keysIn('c.center_id', keys)}) x
      CROSS JOIN LATERAL (VALUES ('elderCare.selfCare', x.self_care), ('elderCare.semiDisabled', x.semi_disabled), ('elderCare.disabled', x.disabled)) v(metric, amount)
      CROSS JOIN LATERAL (VALUES (x.start_on, v.amount::bigint), (x.next_on, -v.amount::bigint)) d(day, value)
     WHERE (x.next_on IS NULL OR x.start_on < x.next_on) AND d.day IS NOT NULL`,
};

const stationKind = (metric: string, kind: string) => ({ metric, event: 'r.served_on', value: 'r.services', when: `r.kind = '${kind}'` });

/** The hospital sector's pre-aggregates. */
export const hospitalStatsDefinition: StatsDefinition = {
  rows: [
    ...SECTOR_CONCEPT_ROWS,
    ...GRASSROOTS_ROWS,
    ...MEMBER_DEVELOPMENT_ROWS,
    {
      table: 'hospital',
      measures: [
        { metric: 'hospital.count', from: 'r.established_on' },
        { metric: 'hospital.secondaryOrAbove', from: 'r.established_on', when: SECONDARY_OR_ABOVE },
        { metric: 'hospital.separated', from: 'r.established_on', when: `${SECONDARY_OR_ABOVE} AND r.secretary_president_separated` },
      ],
    },
    {
      table: 'hospital_party_branch',
      measures: [
        { metric: 'branch.count', from: 'r.established_on' },
        { metric: 'branch.dualLeader', from: 'r.established_on', when: DUAL_LEADER },
        { metric: 'branch.members', from: 'r.established_on', value: 'r.members' },
      ],
    },
    {
      table: 'free_clinic',
      measures: [
        { metric: 'freeClinic.count', event: 'r.held_on' },
        { metric: 'freeClinic.patients', event: 'r.held_on', value: 'r.patients' },
        { metric: 'freeClinic.patientsReported', event: 'r.held_on', when: 'r.patients IS NOT NULL' },
        { metric: 'freeClinic.homeVisits', event: 'r.held_on', value: 'r.home_visits' },
        { metric: 'freeClinic.referrals', event: 'r.held_on', value: 'r.referrals' },
      ],
    },
    { table: 'ward_round', measures: [{ metric: 'wardRound.held', event: 'r.held_on' }] },
    { table: 'health_station', measures: [{ metric: 'healthStation.count', from: 'r.opened_on' }] },
    {
      table: 'station_service_record',
      measures: [
        stationKind('stationService.homeVisits', 'HOME_VISIT'),
        stationKind('stationService.basicCare', 'BASIC_CARE'),
        stationKind('stationService.healthEducation', 'HEALTH_EDUCATION'),
        stationKind('stationService.policyConsultation', 'POLICY_CONSULTATION'),
      ],
    },
    {
      table: 'elder_care_center',
      measures: [
        { metric: 'elderCare.centers', from: 'r.opened_on' },
        { metric: 'elderCare.beds', from: 'r.opened_on', value: 'r.beds' },
      ],
    },
    { table: 'elder_care_activity', measures: [{ metric: 'elderCare.activities', event: 'r.held_on' }] },
  ],
  groups: [rectificationItems, elderCareResidents],
};
