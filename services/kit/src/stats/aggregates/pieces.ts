/**
 * A date range as the fewest aggregate buckets: whole years, then whole months, then days.
 * `[2023-03-15, 2024-12-31]` is days 03-15…03-31, months 04…12 of 2023 and the year 2024.
 * Open ends are ±infinity, so "what exists at D" is the range (-infinity, D].
 */
export type Grain = 'D' | 'M' | 'Y';
export interface Piece {
  grain: Grain;
  /** First and last bucket start of the piece, inclusive ('-infinity'/'infinity' for open ends). */
  lo: string;
  hi: string;
}

const NEG = '-infinity';
const POS = 'infinity';
const finite = (d: string): boolean => d !== NEG && d !== POS;

const toDate = (d: string): Date => new Date(`${d}T00:00:00Z`);
const iso = (t: Date): string => t.toISOString().slice(0, 10);
export const addDays = (d: string, n: number): string => iso(new Date(toDate(d).getTime() + n * 86_400_000));
function addMonths(d: string, n: number): string {
  const [y, m] = d.split('-').map(Number);
  const t = y * 12 + (m - 1) + n;
  return `${String(Math.floor(t / 12)).padStart(4, '0')}-${String((t % 12) + 1).padStart(2, '0')}-01`;
}
const monthStart = (d: string): string => `${d.slice(0, 7)}-01`;
const yearStart = (d: string): string => `${d.slice(0, 4)}-01-01`;
const isMonthEnd = (d: string): boolean => addDays(d, 1).slice(8) === '01';

function months(a: string, b: string, out: Piece[]): void {
  const fm = a.endsWith('-01') ? a : addMonths(monthStart(a), 1);
  const lm = isMonthEnd(b) ? monthStart(b) : addMonths(monthStart(b), -1);
  if (fm > lm) {
    out.push({ grain: 'D', lo: a, hi: b });
    return;
  }
  if (a < fm) out.push({ grain: 'D', lo: a, hi: addDays(fm, -1) });
  out.push({ grain: 'M', lo: fm, hi: lm });
  const after = addMonths(lm, 1);
  if (after <= b) out.push({ grain: 'D', lo: after, hi: b });
}

/** Pieces covering [from, to] (null = open); `maxGrain` M keeps month detail (for trends). */
export function pieces(from: string | null, to: string | null, maxGrain: Grain = 'Y'): Piece[] {
  const a = from ?? NEG;
  const b = to ?? POS;
  if (finite(a) && finite(b) && a > b) return [];
  const out: Piece[] = [];
  const unit = maxGrain === 'Y' ? 12 : 1;
  const start = (d: string) => (unit === 12 ? yearStart(d) : monthStart(d));
  const isStart = (d: string) => (unit === 12 ? d.endsWith('-01-01') : d.endsWith('-01'));
  const isEnd = (d: string) => (unit === 12 ? d.endsWith('-12-31') : isMonthEnd(d));
  const first = !finite(a) ? NEG : isStart(a) ? a : addMonths(start(a), unit);
  const last = !finite(b) ? POS : isEnd(b) ? start(b) : addMonths(start(b), -unit);
  if (!finite(first) || !finite(last) || first <= last) {
    if (finite(a) && a < first) months(a, addDays(first, -1), out);
    out.push({ grain: maxGrain === 'Y' ? 'Y' : 'M', lo: first, hi: last });
    const after = finite(last) ? addMonths(last, unit) : POS;
    if (finite(after) && after <= b) months(after, b, out);
  } else {
    months(a, b, out);
  }
  return out;
}
