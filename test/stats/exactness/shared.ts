import fc from 'fast-check';
import { day, dayAfter, dayOrNull, type TableSpec } from './harness';

const count = fc.integer({ min: 0, max: 40 });
const name = fc.constantFrom('甲', '乙', '丙');

/** The kit's shared concepts, the same tables in every sector's database. */
export const PARTY_LIFE_TABLES: TableSpec[] = [
  {
    table: 'party_organization',
    weight: 2,
    optionalParents: { parent_id: 'party_organization' },
    row: fc.record({ name, kind: fc.constantFrom('COMMITTEE', 'GENERAL_BRANCH', 'BRANCH', 'BRANCH', 'PARTY_GROUP'), members: count, established_on: dayOrNull() }),
  },
  {
    table: 'party_activity',
    weight: 3,
    parents: { organization_id: 'party_organization' },
    row: fc.record({
      kind: fc.constantFrom('MEMBERS_MEETING', 'COMMITTEE_MEETING', 'GROUP_MEETING', 'PARTY_LECTURE', 'THEME_PARTY_DAY', 'FIRST_TOPIC_STUDY', 'OTHER'),
      held_on: day,
      attendees: count,
      topic: name,
    }),
  },
  {
    table: 'satisfaction_survey',
    row: fc.record({ subject: name, period_end: day, respondents: fc.integer({ min: 40, max: 80 }), satisfied: count }),
  },
];

/** Volunteer service in the sectors that got the table from the kit (the SOEs' has more columns). */
export const VOLUNTEER_TABLE: TableSpec = {
  table: 'volunteer_activity',
  row: fc.record({ title: name, held_on: day, volunteers: count, hours: count, people_served: count }),
};

/** 党员积分 and 承诺践诺, in the sectors that record them (sectorConcepts({ commitments: true })). */
export const COMMITMENT_TABLES: TableSpec[] = [
  {
    table: 'party_member_points',
    row: fc.record({ member_name: name, recorded_on: day, kind: fc.constantFrom('EARNED', 'REDEEMED'), points: fc.integer({ min: 1, max: 40 }), reason: name }),
  },
  {
    table: 'pledge',
    row: day.chain((pledged) =>
      fc.record({ organization: name, pledged_on: fc.constant(pledged), content: name, fulfilled_on: fc.option(dayAfter(pledged), { freq: 2 }) }),
    ),
  },
];
