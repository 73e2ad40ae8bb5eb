/** Periods of the screen: month, quarter, year or custom; dates are ISO days (Asia/Shanghai calendar). */
export type PeriodKind = 'month' | 'quarter' | 'year' | 'custom';

export interface Period {
  kind: PeriodKind;
  from: string;
  to: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const parse = (s: string) => s.split('-').map(Number) as [number, number, number];

/** Today in China, whatever the browser's zone. */
export function todayInChina(now = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** The month, quarter or year containing `day`. */
export function periodContaining(kind: Exclude<PeriodKind, 'custom'>, day: string): Period {
  const [y, m] = parse(day);
  if (kind === 'year') return { kind, from: iso(y, 1, 1), to: iso(y, 12, 31) };
  if (kind === 'month') return { kind, from: iso(y, m, 1), to: iso(y, m, lastDay(y, m)) };
  const first = Math.floor((m - 1) / 3) * 3 + 1;
  return { kind, from: iso(y, first, 1), to: iso(y, first + 2, lastDay(y, first + 2)) };
}

function addDays(day: string, n: number): string {
  const [y, m, d] = parse(day);
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

function daysBetween(from: string, to: string): number {
  const [a, b] = [from, to].map((s) => Date.UTC(...(parse(s).map((v, i) => (i === 1 ? v - 1 : v)) as [number, number, number])));
  return Math.round((b - a) / 86_400_000);
}

/** The period just before: the previous month, quarter or year, or as many days before a custom one. */
export function previousPeriod(p: Period): Period {
  if (p.kind !== 'custom') return periodContaining(p.kind, addDays(p.from, -1));
  const length = daysBetween(p.from, p.to) + 1;
  return { kind: 'custom', from: addDays(p.from, -length), to: addDays(p.from, -1) };
}

/** The same period one year earlier (29 February becomes the 28th). */
export function sameLastYear(p: Period): Period {
  const shift = (day: string) => {
    const [y, m, d] = parse(day);
    return iso(y - 1, m, Math.min(d, lastDay(y - 1, m)));
  };
  const from = shift(p.from);
  const to = p.kind === 'custom' ? shift(p.to) : periodContaining(p.kind, from).to;
  return { kind: p.kind, from, to };
}

/** A label in Chinese: 2023年, 2023年第2季度, 2023年5月, 2023-01-05 至 2023-03-01. */
export function periodLabel(p: Period): string {
  const [y, m] = parse(p.from);
  if (p.kind === 'year') return `${y}年`;
  if (p.kind === 'quarter') return `${y}年第${Math.floor((m - 1) / 3) + 1}季度`;
  if (p.kind === 'month') return `${y}年${m}月`;
  return `${p.from} 至 ${p.to}`;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Reads `period`, `from`, `to` of the page's URL; the current year when absent or invalid. */
export function periodFromParams(params: URLSearchParams, today: string): Period {
  const kind = params.get('period') as PeriodKind | null;
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  if (kind === 'custom' && DAY.test(from) && DAY.test(to) && from <= to) return { kind, from, to };
  if ((kind === 'month' || kind === 'quarter' || kind === 'year') && DAY.test(from)) return periodContaining(kind, from);
  return periodContaining(kind === 'month' || kind === 'quarter' ? kind : 'year', today);
}
