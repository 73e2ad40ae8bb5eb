import { type BatchStats, datedWithinSql, existedBySql, rate, rollUpByRegion, todayInShanghai } from '@pb/kit';
import { quarterOf } from '../common/quarter.js';
import type { HospitalStats } from '../region-stats/hospital-stats.type.js';

/** Ward rounds held in the period (event). */
async function heldRounds(...[ctx, codes, period]: Parameters<BatchStats<unknown>>) {
  return rollUpByRegion<{ rounds: number }>(ctx, codes, {
    from: 'ward_round w',
    regionColumn: 'w.region_code',
    aggregates: 'count(w.id)::int AS rounds',
    where: datedWithinSql('w.held_on', '$2', '$3'),
    params: [period.from, period.to],
  });
}

/**
 * Quarterly coverage at the period end: of the branches existing then, those visited by a
 * ward round in the quarter the period ends in (up to that end).
 */
async function coverage(...[ctx, codes, period]: Parameters<BatchStats<unknown>>) {
  const end = period.to ?? todayInShanghai();
  return rollUpByRegion<{ branches: number; visited: number }>(ctx, codes, {
    from: 'hospital_party_branch b',
    regionColumn: 'b.region_code',
    aggregates: `count(b.id)::int AS branches,
      count(b.id) FILTER (WHERE EXISTS (SELECT 1 FROM ward_round w WHERE w.branch_id = b.id AND w.held_on BETWEEN $3::date AND $2::date))::int AS visited`,
    where: existedBySql('b.established_on', '$2'),
    params: [end, quarterOf(end).from],
  });
}

/** Items raised by rounds held by the period end and not done by then (stock); overdue ones too. */
async function openItems(...[ctx, codes, period]: Parameters<BatchStats<unknown>>) {
  return rollUpByRegion<{ open: number; overdue: number }>(ctx, codes, {
    from: '(rectification_item i JOIN ward_round w ON w.id = i.ward_round_id)',
    regionColumn: 'i.region_code',
    aggregates: `count(i.id)::int AS open, count(i.id) FILTER (WHERE i.due_on < $2::date)::int AS overdue`,
    where: `w.held_on <= $2::date AND (i.done_on IS NULL OR i.done_on > $2::date)`,
    params: [period.to ?? todayInShanghai()],
  });
}

export const wardRoundFigures: BatchStats<Partial<HospitalStats>> = async (ctx, codes, period) => {
  const [held, covered, open] = await Promise.all([heldRounds(ctx, codes, period), coverage(ctx, codes, period), openItems(ctx, codes, period)]);
  const quarter = quarterOf(period.to ?? todayInShanghai()).label;
  return new Map(
    codes.map((code) => {
      const c = covered.get(code) ?? { branches: 0, visited: 0 };
      return [
        code,
        {
          wardRounds: held.get(code)?.rounds ?? 0,
          wardRoundQuarter: quarter,
          wardRoundBranchesVisited: c.visited,
          wardRoundCoverage: rate(c.visited, c.branches),
          openRectificationItems: open.get(code)?.open ?? 0,
          overdueRectificationItems: open.get(code)?.overdue ?? 0,
        },
      ];
    }),
  );
};
