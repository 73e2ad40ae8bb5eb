import type { SectorKey } from './query';

/** A headline figure: where it is read, how it is shown. Rates are 0..1 and compared in points. */
export interface Kpi {
  field: string;
  label: string;
  unit: string;
  rate?: boolean;
}

export interface Sector {
  key: SectorKey;
  /** The subgraph behind the sector, as the gateway names it in errors. */
  subgraph: string;
  title: string;
  kpis: Kpi[];
}

export const SECTORS: Sector[] = [
  {
    key: 'community',
    subgraph: 'communities',
    title: '城市社区',
    kpis: [
      { field: 'registeredUnits', label: '双报到单位', unit: '个' },
      { field: 'registeredMembers', label: '报到党员', unit: '人' },
      { field: 'meetingsHeld', label: '召开会议', unit: '次' },
      { field: 'disputesResolved', label: '化解矛盾纠纷', unit: '件' },
    ],
  },
  {
    key: 'hospital',
    subgraph: 'hospitals',
    title: '公立医院',
    kpis: [
      { field: 'freeClinics', label: '义诊活动', unit: '场' },
      { field: 'freeClinicPatients', label: '义诊服务群众', unit: '人次' },
      { field: 'stationHomeVisits', label: '健康驿站上门服务', unit: '人次' },
      { field: 'secretaryPresidentSeparationRate', label: '书记院长分设率', unit: '%', rate: true },
      { field: 'dualLeaderRate', label: '支部书记"双带头人"', unit: '%', rate: true },
    ],
  },
  {
    key: 'school',
    subgraph: 'schools',
    title: '中小学校',
    kpis: [
      { field: 'schools', label: '学校', unit: '所' },
      { field: 'secretaryPrincipalCombinedRate', label: '书记校长"一肩挑"', unit: '%', rate: true },
      { field: 'demonstrationSchools', label: '党建示范校', unit: '所' },
    ],
  },
  {
    key: 'soe',
    subgraph: 'soes',
    title: '国有企业',
    kpis: [
      { field: 'serviceCenters', label: '党群服务中心', unit: '个' },
      { field: 'serviceCenterVisits', label: '接待群众', unit: '人次' },
      { field: 'volunteerActivities', label: '志愿服务活动', unit: '次' },
    ],
  },
];

/** Figures of the child regions the ranking can sort by (the fields the screen query asks per child). */
export const CHILD_KPIS: { sector: SectorKey; field: string; label: string }[] = [
  { sector: 'community', field: 'registeredUnits', label: '双报到单位' },
  { sector: 'community', field: 'registeredMembers', label: '报到党员' },
  { sector: 'community', field: 'meetingsHeld', label: '召开会议' },
  { sector: 'community', field: 'disputesResolved', label: '化解矛盾纠纷' },
  { sector: 'hospital', field: 'freeClinics', label: '义诊活动' },
  { sector: 'hospital', field: 'freeClinicPatients', label: '义诊服务群众' },
  { sector: 'hospital', field: 'stationHomeVisits', label: '健康驿站上门服务' },
  { sector: 'school', field: 'schools', label: '学校' },
  { sector: 'school', field: 'demonstrationSchools', label: '党建示范校' },
  { sector: 'soe', field: 'serviceCenters', label: '党群服务中心' },
  { sector: 'soe', field: 'serviceCenterVisits', label: '接待群众' },
];

/** Monthly series drawn in the trends panel (aliases of the screen query). */
export const TRENDS: { alias: string; sector: SectorKey; label: string }[] = [
  { alias: 'meetingsHeld', sector: 'community', label: '社区会议' },
  { alias: 'disputesResolved', sector: 'community', label: '化解纠纷' },
  { alias: 'freeClinicPatients', sector: 'hospital', label: '义诊人次' },
  { alias: 'stationHomeVisits', sector: 'hospital', label: '驿站上门' },
  { alias: 'guidanceAttendees', sector: 'school', label: '招生培训人次' },
  { alias: 'serviceCenterVisits', sector: 'soe', label: '国企驿站接待' },
];

/** 12,345 · 83.3% · — for a missing figure. */
export function formatValue(value: number | null | undefined, kpi: Pick<Kpi, 'rate'>): string {
  if (value === null || value === undefined) return '—';
  return kpi.rate ? `${(value * 100).toFixed(1)}%` : value.toLocaleString('zh-CN');
}

/** The change against a base: `+12 (+8.5%)`, rates in percentage points; null when it can't be said. */
export function formatDelta(current: number | null | undefined, base: number | null | undefined, kpi: Pick<Kpi, 'rate'>): { text: string; sign: number } | null {
  if (current === null || current === undefined || base === null || base === undefined) return null;
  const diff = current - base;
  const sign = Math.sign(diff);
  const plus = diff > 0 ? '+' : '';
  if (kpi.rate) return { text: `${plus}${(diff * 100).toFixed(1)}个百分点`, sign };
  const pct = base === 0 ? '' : ` (${plus}${((diff / base) * 100).toFixed(1)}%)`;
  return { text: `${plus}${diff.toLocaleString('zh-CN')}${pct}`, sign };
}
