import fc from 'fast-check';
import { subgraph } from '@pb/hospitals';
import { computeHospitalStats } from '@pb/hospitals/dist/region-stats/hospital-stats.sql.js';
import { SOURCES } from '@pb/hospitals/dist/region-trends/hospital-trend.js';
import { PARTY_LIFE_TABLES, VOLUNTEER_TABLE } from './shared';
import { addDays, day, dayAfter, dayOrNull, type SectorSpec } from './harness';

const count = fc.integer({ min: 0, max: 40 });
const name = fc.constantFrom('甲', '乙', '丙');
const HOSPITAL = '00000000-0000-4000-9000-000000000001';

/** Every table the hospital stats read, with the columns they read (and the NOT NULL ones). */
export const hospitals: SectorSpec = {
  name: 'hospitals',
  definition: () => subgraph,
  stats: computeHospitalStats,
  trends: SOURCES,
  tables: [
    {
      table: 'hospital',
      weight: 2,
      row: fc.record({
        name,
        grade: fc.constantFrom('UNRATED', 'PRIMARY', 'SECONDARY', 'TERTIARY'),
        kind: fc.constantFrom('GENERAL', 'TCM'),
        is_public: fc.boolean(),
        secretary_president_separated: fc.boolean(),
        party_organization: fc.constantFrom('PARTY_COMMITTEE', 'GENERAL_BRANCH', 'BRANCH'),
        established_on: dayOrNull(),
      }),
    },
    {
      table: 'hospital_party_branch',
      parents: { hospital_id: 'hospital' },
      row: fc.record({ department: name, secretary_name: name, secretary_role: fc.constantFrom('DEPARTMENT_HEAD', 'BUSINESS_BACKBONE', 'OTHER'), members: count, established_on: dayOrNull() }),
    },
    {
      table: 'branch_member_development',
      parents: { branch_id: 'hospital_party_branch' },
      row: fc.record({ year: fc.integer({ min: 2020, max: 2025 }), developed: count }),
    },
    {
      table: 'member_development_report',
      optionalParents: { hospital_id: 'hospital' },
      row: day.chain((end) => fc.record({ scope: name, period_start: fc.constant(null), period_end: fc.constant(end), developed: count })),
    },
    {
      table: 'free_clinic',
      parents: { hospital_id: 'hospital' },
      // Counts a ledger may not report are null: sums skip them, averages count only reporters.
      row: fc.tuple(fc.option(count, { nil: null }), fc.option(count, { nil: null })).chain(([team, patients]) =>
        fc.record({
          held_on: day,
          team_size: fc.constant(team),
          party_member_doctors: fc.option(fc.integer({ min: 0, max: team ?? 50 }), { nil: null }),
          patients: fc.constant(patients),
          home_visits: fc.option(count, { nil: null }),
          follow_up_patients: fc.option(fc.integer({ min: 0, max: patients ?? 50 }), { nil: null }),
          referrals: fc.option(fc.integer({ min: 0, max: patients ?? 50 }), { nil: null }),
        }),
      ),
    },
    {
      table: 'ward_round',
      weight: 2,
      parents: { branch_id: 'hospital_party_branch', hospital_id: 'hospital' },
      row: fc.record({ held_on: day, leader_name: name }),
    },
    {
      table: 'rectification_item',
      weight: 2,
      parents: { ward_round_id: 'ward_round' },
      row: day.chain((due) =>
        fc.oneof(
          fc.record({ description: name, due_on: fc.constant(due), status: fc.constant('OPEN'), done_on: fc.constant(null) }),
          fc.record({ description: name, due_on: fc.constant(due), status: fc.constant('DONE'), done_on: dayAfter(addDays(due, -200), 500) }),
        ),
      ),
    },
    { table: 'health_station', row: fc.record({ name, opened_on: day, origin: fc.constantFrom('NEW', 'IN_COMMUNITY_CENTRE'), staff_hospital_ids: fc.constant([HOSPITAL]) }) },
    {
      table: 'station_service_record',
      weight: 2,
      parents: { station_id: 'health_station' },
      row: fc.record({ served_on: day, kind: fc.constantFrom('HOME_VISIT', 'BASIC_CARE', 'HEALTH_EDUCATION', 'POLICY_CONSULTATION'), services: fc.integer({ min: 1, max: 30 }) }),
    },
    { table: 'elder_care_center', parents: { hospital_id: 'hospital' }, row: fc.record({ name, opened_on: dayOrNull(), beds: fc.integer({ min: 1, max: 80 }) }) },
    {
      table: 'elder_care_census',
      weight: 3,
      parents: { center_id: 'elder_care_center' },
      row: fc.record({ counted_on: day, self_care: count, semi_disabled: count, disabled: count }),
    },
    {
      table: 'elder_care_activity',
      parents: { center_id: 'elder_care_center' },
      row: fc.record({ kind: fc.constantFrom('WEEKLY_MENU', 'MONTHLY_LECTURE'), held_on: day, participants: fc.option(count) }),
    },
    {
      table: 'hospital_pairing',
      parents: { hospital_id: 'hospital' },
      row: fc.record({
        kind: fc.constantFrom('PAIRED_ASSISTANCE', 'MEDICAL_COMMUNITY', 'MEDICAL_ALLIANCE'),
        partner_kind: fc.constantFrom('TOWNSHIP_HEALTH_CENTER', 'COMMUNITY'),
        partner_name: fc.constantFrom('甲', '乙'),
        started_on: dayOrNull(),
        ended_on: dayOrNull(),
        seconded_vice_president: fc.option(fc.constantFrom('张某'), { nil: null }),
      }),
    },
    {
      table: 'family_doctor_team',
      parents: { hospital_id: 'hospital' },
      row: fc.record({ name: fc.constantFrom('甲', '乙'), members: count, signed_residents: count, formed_on: dayOrNull() }),
    },
    ...PARTY_LIFE_TABLES, VOLUNTEER_TABLE,
  ],
};

