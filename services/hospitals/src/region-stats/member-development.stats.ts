import { datedWithinSql, type Period, type RequestContext, rollUpByRegion, type RowSource, type StatsPart } from '@pb/kit';
import type { HospitalStats } from './hospital-stats.type.js';

/** A branch's yearly record counts on the last day of its year. */
const YEAR_END = 'make_date(r.year, 12, 31)';

/** Pre-aggregates: branch-by-branch yearly development and reports for a region and period. */
export const MEMBER_DEVELOPMENT_ROWS: RowSource[] = [
  { table: 'branch_member_development', measures: [{ metric: 'memberDevelopment.branches', event: YEAR_END, value: 'r.developed' }] },
  { table: 'member_development_report', measures: [{ metric: 'memberDevelopment.reports', event: 'r.period_end', value: 'r.developed' }] },
];

async function developmentFigures(ctx: RequestContext, codes: readonly string[], p: Period) {
  const sum = (table: string, date: string) =>
    rollUpByRegion<{ n: number }>(ctx, codes, {
      from: `${table} r`,
      regionColumn: 'r.region_code',
      aggregates: 'coalesce(sum(r.developed), 0)::int AS n',
      where: datedWithinSql(date, '$2', '$3'),
      params: [p.from, p.to],
    });
  const [branches, reports] = await Promise.all([sum('branch_member_development', YEAR_END), sum('member_development_report', 'r.period_end')]);
  return new Map(codes.map((code) => [code, { partyMembersDeveloped: branches.get(code)!.n + reports.get(code)!.n }]));
}

export const MEMBER_DEVELOPMENT_PART: StatsPart<HospitalStats> = {
  fields: ['partyMembersDeveloped'],
  raw: developmentFigures,
  aggregated: {
    events: ['memberDevelopment.branches', 'memberDevelopment.reports'],
    figures: (get) => ({ partyMembersDeveloped: get('memberDevelopment.branches') + get('memberDevelopment.reports') }),
  },
};
