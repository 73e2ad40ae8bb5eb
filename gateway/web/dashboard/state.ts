import { type Period, periodFromParams, todayInChina } from './period';

/** What a screen shows, all of it in the URL so a wall screen can be bookmarked. */
export interface ScreenState {
  region: string;
  period: Period;
  /** `sector.field` of the KPI the ranking and map sort by. */
  sort: string;
  /** Auto-refresh interval in seconds (0: off). */
  refresh: number;
}

export interface ScreenConfig {
  region: string;
  refresh: number;
  /** Codes (6 digits) whose child regions' GeoJSON the gateway serves. */
  maps: Set<string>;
}

export function readConfig(): ScreenConfig {
  const data = document.body.dataset;
  return {
    region: data.region || '610581',
    refresh: Number(data.refresh ?? 300),
    maps: new Set((data.maps ?? '').split(',').filter(Boolean)),
  };
}

export function readState(config: ScreenConfig, search = location.search): ScreenState {
  const params = new URLSearchParams(search);
  const refresh = Number(params.get('refresh') ?? config.refresh);
  return {
    region: /^\d{2,12}$/.test(params.get('region') ?? '') ? (params.get('region') as string) : config.region,
    period: periodFromParams(params, todayInChina()),
    sort: params.get('sort') ?? 'community.registeredUnits',
    refresh: Number.isFinite(refresh) && refresh >= 0 ? refresh : config.refresh,
  };
}

export function stateUrl(state: ScreenState): string {
  const params = new URLSearchParams({ region: state.region, period: state.period.kind, from: state.period.from });
  if (state.period.kind === 'custom') params.set('to', state.period.to);
  if (state.sort !== 'community.registeredUnits') params.set('sort', state.sort);
  const current = new URLSearchParams(location.search);
  if (current.has('refresh')) params.set('refresh', String(state.refresh));
  return `${location.pathname}?${params}`;
}
