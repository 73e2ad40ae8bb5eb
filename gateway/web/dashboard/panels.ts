import { h } from './dom';
import { formatDelta, formatValue, type Kpi, type Sector, SECTORS } from './kpis';
import type { Figures, ScreenRegion } from './query';

function deltaLine(label: string, current: number | null | undefined, base: number | null | undefined, kpi: Kpi): HTMLElement {
  const delta = formatDelta(current, base, kpi);
  const cls = !delta ? 'delta none' : delta.sign > 0 ? 'delta up' : delta.sign < 0 ? 'delta down' : 'delta flat';
  const arrow = !delta ? '' : delta.sign > 0 ? '▲ ' : delta.sign < 0 ? '▼ ' : '';
  return h('div', { class: cls, 'data-compare': label === '环比' ? 'previous' : 'last-year' }, h('span', { class: 'delta-label' }, label), `${arrow}${delta?.text ?? '—'}`);
}

function kpiCard(sector: Sector, kpi: Kpi, region: ScreenRegion): HTMLElement {
  const figures = (key: string) => region[key] as Figures | null | undefined;
  const value = figures(sector.key)?.[kpi.field];
  return h(
    'div',
    { class: 'kpi', 'data-kpi': `${sector.key}.${kpi.field}` },
    h('div', { class: 'kpi-label' }, kpi.label),
    h('div', { class: 'kpi-value' }, formatValue(value, kpi), kpi.rate ? null : h('span', { class: 'kpi-unit' }, kpi.unit)),
    deltaLine('环比', value, figures(`${sector.key}Previous`)?.[kpi.field], kpi),
    deltaLine('同比', value, figures(`${sector.key}LastYear`)?.[kpi.field], kpi),
  );
}

/** The banner a sector shows instead of its figures when its subgraph did not answer. */
export function sectorBanner(sector: Sector): HTMLElement {
  return h('div', { class: 'banner', role: 'alert', 'data-banner': sector.subgraph }, `${sector.title}数据暂不可用：${sector.subgraph} 子图未响应，其余板块照常显示`);
}

/** The four sector panels: headline figures with 环比 (previous period) and 同比 (same period last year). */
export function renderSectors(container: HTMLElement, region: ScreenRegion, failed: Set<string>): void {
  container.replaceChildren(
    ...SECTORS.map((sector) =>
      h(
        'section',
        { class: `panel sector sector-${sector.key}`, 'data-sector': sector.subgraph },
        h('h2', {}, sector.title),
        failed.has(sector.subgraph) ? sectorBanner(sector) : h('div', { class: 'kpis' }, ...sector.kpis.map((k) => kpiCard(sector, k, region))),
      ),
    ),
  );
}

/**
 * Sectors whose figures are missing: the gateway answers the others and reports the failed
 * sector's fields as errors (extensions.serviceName, or the path of a null stats field).
 */
export function failedSectors(region: ScreenRegion, errors: { path?: (string | number)[]; extensions?: { serviceName?: string } }[]): Set<string> {
  const failed = new Set<string>();
  for (const sector of SECTORS) {
    const named = errors.some((e) => e.extensions?.serviceName === sector.subgraph);
    const onPath = errors.some((e) => e.path?.some((p) => typeof p === 'string' && p.startsWith(sector.key)));
    if (region[sector.key] == null && (named || onPath || errors.length > 0)) failed.add(sector.subgraph);
  }
  return failed;
}
