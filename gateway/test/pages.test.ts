/// <reference lib="dom" />
import { corsOriginsFromEnv, pagesOptionsFromEnv } from '../src/pages/config';
import { formatDelta } from '../web/dashboard/kpis';
import { periodContaining, periodFromParams, previousPeriod, sameLastYear } from '../web/dashboard/period';
import { childrenCsv } from '../web/dashboard/table';

describe('the 大屏 periods and comparisons', () => {
  test.each([
    ['month', '2024-03-15', '2024-03-01', '2024-03-31', '2024-02-01', '2024-02-29', '2023-03-01', '2023-03-31'],
    ['month', '2024-01-10', '2024-01-01', '2024-01-31', '2023-12-01', '2023-12-31', '2023-01-01', '2023-01-31'],
    ['quarter', '2025-05-20', '2025-04-01', '2025-06-30', '2025-01-01', '2025-03-31', '2024-04-01', '2024-06-30'],
    ['year', '2024-07-01', '2024-01-01', '2024-12-31', '2023-01-01', '2023-12-31', '2023-01-01', '2023-12-31'],
  ] as const)('%s containing %s, its previous period and the same period last year', (kind, day, from, to, pFrom, pTo, yFrom, yTo) => {
    const p = periodContaining(kind, day);
    expect(p).toEqual({ kind, from, to });
    expect(previousPeriod(p)).toEqual({ kind, from: pFrom, to: pTo });
    expect(sameLastYear(p)).toEqual({ kind, from: yFrom, to: yTo });
  });

  test('a custom period is compared with as many days just before, and with last year (29 February → 28th)', () => {
    const p = { kind: 'custom' as const, from: '2024-02-20', to: '2024-02-29' };
    expect(previousPeriod(p)).toEqual({ kind: 'custom', from: '2024-02-10', to: '2024-02-19' });
    expect(sameLastYear(p)).toEqual({ kind: 'custom', from: '2023-02-20', to: '2023-02-28' });
  });

  test('the URL gives the period; anything invalid falls back to the current year', () => {
    expect(periodFromParams(new URLSearchParams('period=quarter&from=2023-05-01'), '2026-11-29')).toEqual({ kind: 'quarter', from: '2023-04-01', to: '2023-06-30' });
    expect(periodFromParams(new URLSearchParams('period=custom&from=2023-05-09&to=2023-05-01'), '2026-11-29')).toEqual({ kind: 'year', from: '2026-01-01', to: '2026-12-31' });
    expect(periodFromParams(new URLSearchParams(''), '2026-11-29')).toEqual({ kind: 'year', from: '2026-01-01', to: '2026-12-31' });
  });

  test('deltas: difference and percentage, rates in points, nothing when a side is missing', () => {
    expect(formatDelta(50, 20, {})).toEqual({ text: '+30 (+150.0%)', sign: 1 });
    expect(formatDelta(1200, 1500, {})).toEqual({ text: '-300 (-20.0%)', sign: -1 });
    expect(formatDelta(5, 0, {})).toEqual({ text: '+5', sign: 1 });
    expect(formatDelta(0.8, 0.75, { rate: true })).toEqual({ text: '+5.0个百分点', sign: 1 });
    expect(formatDelta(null, 3, {})).toBeNull();
  });
});

test('the children CSV starts with a BOM, quotes what needs it and leaves missing sectors empty', () => {
  const csv = childrenCsv([
    { code: '610581001', name: '新城街道', community: { registeredUnits: 180, registeredMembers: 2756, meetingsHeld: 0, disputesResolved: 0 }, hospital: null, school: null, soe: null },
    { code: '610581002', name: '金城,街道', community: null, hospital: null, school: null, soe: null },
  ]);
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  const lines = csv.slice(1).split('\r\n');
  expect(lines[0].split(',').slice(0, 4)).toEqual(['区划代码', '名称', '双报到单位', '报到党员']);
  expect(lines[1].startsWith('610581001,新城街道,180,2756,0,0,,')).toBe(true);
  expect(lines[2].startsWith('610581002,"金城,街道",,')).toBe(true);
});

test('settings: CORS origins listed exactly, same-origin by default; the screen region must be a code', () => {
  expect(corsOriginsFromEnv({})).toEqual([]);
  expect(corsOriginsFromEnv({ CORS_ORIGINS: 'https://a.example/, http://10.0.0.5:8080' })).toEqual(['https://a.example', 'http://10.0.0.5:8080']);
  expect(pagesOptionsFromEnv({})).toMatchObject({ defaultRegion: '610581', explorer: true });
  expect(pagesOptionsFromEnv({ DASHBOARD_REGION: '6105', PB_EXPLORER: '0' })).toMatchObject({ defaultRegion: '6105', explorer: false });
  expect(() => pagesOptionsFromEnv({ DASHBOARD_REGION: '61<script>' })).toThrow(/DASHBOARD_REGION/);
});
