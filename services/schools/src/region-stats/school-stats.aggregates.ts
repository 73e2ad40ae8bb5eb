import { SECTOR_CONCEPT_ROWS } from '@pb/kit';
import { distinctMembersSql, type GroupSource, parentRegionSource, type StatsDefinition, uuidKeysIn } from '@pb/kit';

const PUBLIC_PRIMARY_SECONDARY = `r.is_public AND r.stage <> 'KINDERGARTEN'`;

/**
 * Schools in the demonstration programme at a day, each counted once however many
 * designations it holds: a designation holds from 1 January of its batch year until it is
 * revoked (a REVOKED one without a date never held). Counted in the school's region; grouped by
 * school, so a change to a designation or a move of the school recomputes that school only.
 */
const demonstrationSchools: GroupSource = {
  name: 'schools.demonstrationSchools',
  expanded: true,
  triggers: [
    { table: 'demonstration_designation', groupKey: 'r.school_id' },
    { table: 'school', groupKey: 'r.id' },
  ],
  select: (keys) =>
    distinctMembersSql(`SELECT s.id::text AS group_key, s.id AS member, s.region_code, m.metric, '' AS key,
        make_date(d.year, 1, 1) AS start_on,
        CASE WHEN d.status = 'REVOKED' THEN coalesce(d.revoked_on, make_date(d.year, 1, 1)) END AS end_on
      FROM demonstration_designation d JOIN school s ON s.id = d.school_id
      CROSS JOIN LATERAL (VALUES ('designation.inProgramme', true), ('designation.designated', d.status IN ('DESIGNATED', 'REVOKED'))) m(metric, applies)
     WHERE m.applies${uuidKeysIn('s.id', keys)}`),
};

/**
 * Schools incubated (示范孵化) at a day, each counted once in a region however many of its
 * stations incubate it: from the station's set-up date, in the host school's region. Grouped by
 * incubated school; a host school that moves recomputes the schools its stations incubate.
 */
const incubatedSchools: GroupSource = {
  name: 'schools.incubatedSchools',
  expanded: true,
  triggers: [
    { table: 'incubation_station', groupKey: 'unnest(r.incubated_school_ids)' },
    { table: 'school', groupKey: 'unnest(ARRAY(SELECT unnest(st.incubated_school_ids) FROM incubation_station st WHERE st.host_school_id = r.id))' },
  ],
  select: (keys) =>
    distinctMembersSql(`SELECT inc.school_id::text AS group_key, inc.school_id AS member, s.region_code, 'incubation.incubatedSchools' AS metric, '' AS key,
        st.established_on AS start_on, NULL::date AS end_on
      FROM incubation_station st JOIN school s ON s.id = st.host_school_id
      CROSS JOIN LATERAL unnest(st.incubated_school_ids) inc(school_id)
     WHERE true${keys ? ` AND st.incubated_school_ids && ARRAY(SELECT k::uuid FROM unnest(${keys}) k) AND inc.school_id IN (SELECT k::uuid FROM unnest(${keys}) k)` : ''}`),
};

/** The school sector's pre-aggregates. */
export const schoolStatsDefinition: StatsDefinition = {
  rows: [
    ...SECTOR_CONCEPT_ROWS,
    {
      table: 'school',
      measures: [
        { metric: 'school.count', from: 'r.established_on' },
        { metric: 'school.publicPrimarySecondary', from: 'r.established_on', when: PUBLIC_PRIMARY_SECONDARY },
        { metric: 'school.combined', from: 'r.established_on', when: `${PUBLIC_PRIMARY_SECONDARY} AND r.secretary_principal_combined` },
      ],
    },
    {
      table: 'enrollment_guidance_session',
      measures: [
        { metric: 'guidance.sessions', event: 'r.held_on' },
        { metric: 'guidance.attendees', event: 'r.held_on', value: 'r.attendees' },
      ],
    },
  ],
  groups: [
    demonstrationSchools,
    incubatedSchools,
    // Stations set up by a day, in the host school's region.
    parentRegionSource({
      name: 'schools.incubationStations',
      child: 'incubation_station',
      foreignKey: 'host_school_id',
      parent: 'school',
      measures: [{ metric: 'incubation.stations', from: 'r.established_on' }],
    }),
    // Places by effective date, in the school's region.
    parentRegionSource({
      name: 'schools.places',
      child: 'enrollment_change',
      foreignKey: 'school_id',
      parent: 'school',
      measures: [
        { metric: 'places.added', event: 'r.effective_on', value: 'r.places' },
        { metric: 'places.converted', event: 'r.effective_on', value: 'r.places', when: `r.kind = 'CONVERTED'` },
      ],
    }),
    // Secretary projects under way in a period = started by its end − ended before its start
    // (the checks keep ended_on ≥ started_on).
    parentRegionSource({
      name: 'schools.secretaryProjects',
      child: 'secretary_project',
      foreignKey: 'school_id',
      parent: 'school',
      measures: [
        { metric: 'project.started', from: 'r.started_on' },
        { metric: 'project.ended', from: 'r.ended_on', when: 'r.ended_on IS NOT NULL' },
      ],
    }),
  ],
};
