import { sectorConceptParts } from '@pb/kit';
import { type BatchStats, composeStats, datedWithinSql, existedBySql, type Period, rate, type RequestContext, rollUpByRegion, type StatsPart } from '@pb/kit';
import type { SchoolStats } from './school-stats.type.js';

const PUBLIC_PRIMARY_SECONDARY = `s.is_public AND s.stage <> 'KINDERGARTEN'`;

/** In the programme at the period end ($2): batch year reached, not revoked by then. */
const DESIGNATION_HELD = `($2::date IS NULL OR d.year <= extract(year FROM $2::date))
  AND (d.status <> 'REVOKED' OR ($2::date IS NOT NULL AND d.revoked_on > $2::date))`;
/** Named (not just cultivated) at the period end; a REVOKED one was named before its revocation. */
const DESIGNATED = `d.status IN ('DESIGNATED', 'REVOKED')`;

type Codes = readonly string[];
// Child tables are joined LATERAL from the school: the region's schools first (region index),
// then each school's rows (school_id index; OFFSET 0 keeps the subquery from being flattened).
// A plain join lets the planner scan the child table
// by date for every region, since it cannot tell how few schools a township has.

/** Stock: schools existing at the period end. */
const schoolCounts = (ctx: RequestContext, codes: Codes, p: Period) =>
  rollUpByRegion<{ schools: number; public_schools: number; combined: number }>(ctx, codes, {
    from: 'school s',
    regionColumn: 's.region_code',
    aggregates: `count(s.id)::int AS schools,
      count(s.id) FILTER (WHERE ${PUBLIC_PRIMARY_SECONDARY})::int AS public_schools,
      count(s.id) FILTER (WHERE ${PUBLIC_PRIMARY_SECONDARY} AND s.secretary_principal_combined)::int AS combined`,
    where: existedBySql('s.established_on', '$2'),
    params: [p.to],
  });

/** Stock: distinct schools holding a designation at the period end (region of the school). */
const designationCounts = (ctx: RequestContext, codes: Codes, p: Period) =>
  rollUpByRegion<{ in_programme: number; designated: number }>(ctx, codes, {
    from: '(school s JOIN LATERAL (SELECT * FROM demonstration_designation WHERE school_id = s.id OFFSET 0) d ON true)',
    regionColumn: 's.region_code',
    aggregates: `count(DISTINCT d.school_id)::int AS in_programme,
      count(DISTINCT d.school_id) FILTER (WHERE ${DESIGNATED})::int AS designated`,
    where: DESIGNATION_HELD,
    params: [p.to],
  });

/** Projects under way at some time in the period: started by its end, not ended before its start. */
const projectCounts = (ctx: RequestContext, codes: Codes, p: Period) =>
  rollUpByRegion<{ projects: number }>(ctx, codes, {
    from: '(school s JOIN LATERAL (SELECT * FROM secretary_project WHERE school_id = s.id OFFSET 0) sp ON true)',
    regionColumn: 's.region_code',
    aggregates: 'count(sp.id)::int AS projects',
    where: `($3::date IS NULL OR sp.started_on <= $3::date) AND ($2::date IS NULL OR sp.ended_on IS NULL OR sp.ended_on >= $2::date)`,
    params: [p.from, p.to],
  });

/** Event: places whose effective date is inside the period. */
const placeSums = (ctx: RequestContext, codes: Codes, p: Period) =>
  rollUpByRegion<{ added: number; converted: number }>(ctx, codes, {
    from: '(school s JOIN LATERAL (SELECT * FROM enrollment_change WHERE school_id = s.id OFFSET 0) ec ON true)',
    regionColumn: 's.region_code',
    aggregates: `coalesce(sum(ec.places), 0)::int AS added,
      coalesce(sum(ec.places) FILTER (WHERE ec.kind = 'CONVERTED'), 0)::int AS converted`,
    where: datedWithinSql('ec.effective_on', '$2', '$3'),
    params: [p.from, p.to],
  });

/** Stock: stations set up by the period end, and the distinct schools they incubate. */
const stationCounts = (ctx: RequestContext, codes: Codes, p: Period) =>
  rollUpByRegion<{ stations: number; incubated: number }>(ctx, codes, {
    from: '(incubation_station st JOIN school s ON s.id = st.host_school_id LEFT JOIN LATERAL unnest(st.incubated_school_ids) AS inc(school_id) ON true)',
    regionColumn: 's.region_code',
    aggregates: 'count(DISTINCT st.id)::int AS stations, count(DISTINCT inc.school_id)::int AS incubated',
    where: existedBySql('st.established_on', '$2'),
    params: [p.to],
  });

/** Event: parent guidance sessions held inside the period, and their attendees. */
const sessionSums = (ctx: RequestContext, codes: Codes, p: Period) =>
  rollUpByRegion<{ sessions: number; attendees: number }>(ctx, codes, {
    from: 'enrollment_guidance_session g',
    regionColumn: 'g.region_code',
    aggregates: 'count(g.id)::int AS sessions, coalesce(sum(g.attendees), 0)::int AS attendees',
    where: datedWithinSql('g.held_on', '$2', '$3'),
    params: [p.from, p.to],
  });

const byCode = <T>(codes: Codes, f: (code: string) => T) => new Map(codes.map((code) => [code, f(code)]));

/**
 * SchoolStats in parts: figures from the rows (`raw`, the definition) and, where they add up,
 * from the pre-aggregates (school-stats.aggregates.ts). Only the parts asked for run.
 */
export const SCHOOL_STATS_PARTS: StatsPart<SchoolStats>[] = [
  {
    fields: ['schools', 'publicSchools', 'secretaryPrincipalCombined', 'secretaryPrincipalCombinedRate'],
    raw: async (ctx, codes, p) => {
      const s = await schoolCounts(ctx, codes, p);
      return byCode(codes, (code) => {
        const r = s.get(code)!;
        return { schools: r.schools, publicSchools: r.public_schools, secretaryPrincipalCombined: r.combined, secretaryPrincipalCombinedRate: rate(r.combined, r.public_schools) };
      });
    },
    aggregated: {
      stocks: ['school.count', 'school.publicPrimarySecondary', 'school.combined'],
      figures: (get) => ({
        schools: get('school.count'),
        publicSchools: get('school.publicPrimarySecondary'),
        secretaryPrincipalCombined: get('school.combined'),
        secretaryPrincipalCombinedRate: rate(get('school.combined'), get('school.publicPrimarySecondary')),
      }),
    },
  },
  {
    fields: ['demonstrationSchools', 'designatedDemonstrationSchools'],
    raw: async (ctx, codes, p) => {
      const d = await designationCounts(ctx, codes, p);
      return byCode(codes, (code) => ({ demonstrationSchools: d.get(code)!.in_programme, designatedDemonstrationSchools: d.get(code)!.designated }));
    },
    aggregated: {
      stocks: ['designation.inProgramme', 'designation.designated'],
      figures: (get) => ({ demonstrationSchools: get('designation.inProgramme'), designatedDemonstrationSchools: get('designation.designated') }),
    },
  },
  {
    fields: ['secretaryProjects'],
    raw: async (ctx, codes, p) => {
      const projects = await projectCounts(ctx, codes, p);
      return byCode(codes, (code) => ({ secretaryProjects: projects.get(code)!.projects }));
    },
    aggregated: {
      stocks: ['project.started'],
      stocksBeforeStart: ['project.ended'],
      figures: (get) => ({ secretaryProjects: get('project.started') - get('before:project.ended') }),
    },
  },
  {
    fields: ['placesAdded', 'placesConverted'],
    raw: async (ctx, codes, p) => {
      const places = await placeSums(ctx, codes, p);
      return byCode(codes, (code) => ({ placesAdded: places.get(code)!.added, placesConverted: places.get(code)!.converted }));
    },
    aggregated: {
      events: ['places.added', 'places.converted'],
      figures: (get) => ({ placesAdded: get('places.added'), placesConverted: get('places.converted') }),
    },
  },
  {
    fields: ['incubationStations', 'incubatedSchools'],
    raw: async (ctx, codes, p) => {
      const st = await stationCounts(ctx, codes, p);
      return byCode(codes, (code) => ({ incubationStations: st.get(code)!.stations, incubatedSchools: st.get(code)!.incubated }));
    },
    aggregated: {
      stocks: ['incubation.stations', 'incubation.incubatedSchools'],
      figures: (get) => ({ incubationStations: get('incubation.stations'), incubatedSchools: get('incubation.incubatedSchools') }),
    },
  },
  {
    fields: ['enrollmentGuidanceSessions', 'enrollmentGuidanceAttendees'],
    raw: async (ctx, codes, p) => {
      const g = await sessionSums(ctx, codes, p);
      return byCode(codes, (code) => ({ enrollmentGuidanceSessions: g.get(code)!.sessions, enrollmentGuidanceAttendees: g.get(code)!.attendees }));
    },
    aggregated: {
      events: ['guidance.sessions', 'guidance.attendees'],
      figures: (get) => ({ enrollmentGuidanceSessions: get('guidance.sessions'), enrollmentGuidanceAttendees: get('guidance.attendees') }),
    },
  },
];

export const computeSchoolStats: BatchStats<SchoolStats> = composeStats([...SCHOOL_STATS_PARTS, ...sectorConceptParts<SchoolStats>()]);
