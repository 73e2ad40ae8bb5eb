import fc from 'fast-check';
import { subgraph } from '@pb/soes';
import { computeSoeStats } from '@pb/soes/dist/region-stats/soe-stats.sql.js';
import { SOURCES } from '@pb/soes/dist/trends/soe-trend.resolver.js';
import { PARTY_LIFE_TABLES } from './shared';
import { day, dayOrNull, type SectorSpec } from './harness';

const count = fc.integer({ min: 0, max: 40 });
const name = fc.constantFrom('甲', '乙', '丙');
const ORGANIZERS = ['00000000-0000-4000-9000-000000000001', '00000000-0000-4000-9000-000000000002'];

/** Every table the SOE stats read, with the columns they read (and the NOT NULL ones). */
export const soes: SectorSpec = {
  name: 'soes',
  definition: () => subgraph,
  stats: computeSoeStats,
  trends: SOURCES,
  tables: [
    {
      table: 'enterprise',
      weight: 2,
      row: fc.record({
        name,
        level: fc.constantFrom('CENTRAL', 'PROVINCIAL', 'MUNICIPAL', 'COUNTY'),
        industry: name,
        party_organization: fc.constantFrom('PARTY_COMMITTEE', 'GENERAL_BRANCH', 'BRANCH'),
        established_on: dayOrNull(),
      }),
    },
    { table: 'service_center', weight: 2, parents: { enterprise_id: 'enterprise' }, row: fc.record({ name, opened_on: day, open_to_public: fc.boolean() }) },
    {
      table: 'service_item',
      weight: 2,
      parents: { service_center_id: 'service_center' },
      row: fc.record({ kind: fc.constantFrom('FOOD_HEATING', 'HOT_WATER', 'OTHER'), name, offered_since: dayOrNull() }),
    },
    {
      table: 'service_center_visit',
      weight: 2,
      parents: { service_center_id: 'service_center' },
      row: fc.oneof(
        fc.record({ visited_on: day, span: fc.constant('DAY'), visitors: count }),
        fc.record({ visited_on: day.map((d) => `${d.slice(0, 7)}-01`), span: fc.constant('MONTH'), visitors: count }),
      ),
    },
    {
      table: 'volunteer_activity',
      optionalParents: { service_center_id: 'service_center' },
      row: fc.record({
        title: name,
        organizer_sector: fc.constantFrom('COMMUNITY', 'HOSPITAL', 'SCHOOL', 'SOE', 'AGENCY'),
        organizer_id: fc.constantFrom(...ORGANIZERS),
        held_on: day,
        volunteers: count,
        hours: count,
        people_served: count,
      }),
    },
    ...PARTY_LIFE_TABLES,
  ],
};
