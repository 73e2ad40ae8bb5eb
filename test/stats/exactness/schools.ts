import fc from 'fast-check';
import { subgraph } from '@pb/schools';
import { computeSchoolStats } from '@pb/schools/dist/region-stats/school-stats.sql.js';
import { SOURCES } from '@pb/schools/dist/trends/school-trend.resolver.js';
import { PARTY_LIFE_TABLES, VOLUNTEER_TABLE } from './shared';
import { day, dayAfter, dayOrNull, type SectorSpec } from './harness';

const count = fc.integer({ min: 0, max: 40 });
const INCUBATED = ['a', 'b', 'c', 'd', 'e'].map((c) => `00000000-0000-4000-8000-00000000000${c}`);
const name = fc.constantFrom('甲', '乙', '丙');

/** Every table the school stats read, with the columns they read (and the NOT NULL ones). */
export const schools: SectorSpec = {
  name: 'schools',
  definition: () => subgraph,
  stats: computeSchoolStats,
  trends: SOURCES,
  tables: [
    {
      table: 'school',
      weight: 2,
      row: fc.record({
        name,
        stage: fc.constantFrom('KINDERGARTEN', 'PRIMARY', 'JUNIOR_SECONDARY', 'NINE_YEAR'),
        is_public: fc.boolean(),
        secretary_principal_combined: fc.boolean(),
        party_organization: fc.constantFrom('PARTY_COMMITTEE', 'GENERAL_BRANCH', 'BRANCH'),
        established_on: dayOrNull(),
      }),
    },
    {
      table: 'demonstration_designation',
      weight: 3,
      parents: { school_id: 'school' },
      row: fc.integer({ min: 2020, max: 2024 }).chain((year) =>
        fc.oneof(
          fc.record({ level: fc.constantFrom('COUNTY', 'CITY', 'PROVINCE'), year: fc.constant(year), status: fc.constantFrom('CULTIVATING', 'DESIGNATED'), revoked_on: fc.constant(null) }),
          fc.record({ level: fc.constantFrom('COUNTY', 'CITY'), year: fc.constant(year), status: fc.constant('REVOKED'), revoked_on: dayAfter(`${year}-01-01`, 1000).map((d) => (d > '2024-12-31' ? '2024-12-31' : d)) }),
          fc.record({ level: fc.constant('COUNTY'), year: fc.constant(year), status: fc.constant('REVOKED'), revoked_on: day }),
        ),
      ),
    },
    {
      table: 'secretary_project',
      weight: 2,
      parents: { school_id: 'school' },
      row: day.chain((started) =>
        fc.record({ title: name, goal: name, started_on: fc.constant(started), ended_on: fc.option(dayAfter(started), { freq: 2 }), status: fc.constantFrom('IN_PROGRESS', 'COMPLETED', 'ABANDONED') }),
      ),
    },
    {
      table: 'enrollment_change',
      weight: 2,
      parents: { school_id: 'school' },
      row: fc.record({ kind: fc.constantFrom('ADDED', 'CONVERTED'), places: fc.integer({ min: 1, max: 200 }), effective_on: day }),
    },
    {
      // Incubated schools are ids without a foreign key: a small pool, so stations share schools.
      table: 'incubation_station',
      weight: 2,
      parents: { host_school_id: 'school' },
      row: fc.record({ name, incubated_school_ids: fc.subarray(INCUBATED), established_on: dayOrNull() }),
    },
    { table: 'enrollment_guidance_session', row: fc.record({ title: name, held_on: day, attendees: count, volunteers: count }) },
    ...PARTY_LIFE_TABLES, VOLUNTEER_TABLE,
  ],
};
