import { BarChart, LineChart, MapChart, PieChart, TreemapChart } from 'echarts/charts';
import { GridComponent, TitleComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { CHILD_KPIS, TRENDS } from './kpis';
import type { ChildRegion, Figures, ScreenRegion, TrendPoint } from './query';

echarts.use([BarChart, LineChart, MapChart, TreemapChart, GridComponent, TitleComponent, TooltipComponent, VisualMapComponent, CanvasRenderer, PieChart]);

const TEXT = '#d6e4ff';
const MUTED = '#7f96c4';
const AXIS = { axisLine: { lineStyle: { color: '#2c4a86' } }, axisLabel: { color: MUTED }, splitLine: { lineStyle: { color: '#1a2f5c' } } };
const PALETTE = ['#ffcf5c', '#ff6b5b', '#4fd1c5', '#63b3ff', '#b794f4', '#f6ad55'];

export type Drill = (code: string) => void;

function chart(el: HTMLElement): echarts.ECharts {
  return echarts.getInstanceByDom(el) ?? echarts.init(el, undefined, { renderer: 'canvas' });
}

export function childValue(child: ChildRegion, sortKey: string): number {
  const [sector, field] = sortKey.split('.') as [keyof ChildRegion, string];
  return ((child[sector] as Figures | null)?.[field] ?? 0) as number;
}

export function sortLabel(sortKey: string): string {
  return CHILD_KPIS.find((k) => `${k.sector}.${k.field}` === sortKey)?.label ?? sortKey;
}

/** Children ranked by the chosen figure, largest on top; a click drills down. */
export function renderRanking(el: HTMLElement, children: ChildRegion[], sortKey: string, drill: Drill): void {
  const ranked = [...children].sort((a, b) => childValue(a, sortKey) - childValue(b, sortKey));
  const c = chart(el);
  c.setOption(
    {
      grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: { type: 'value', ...AXIS },
      yAxis: { type: 'category', data: ranked.map((r) => r.name), ...AXIS, axisLabel: { color: TEXT, fontSize: 13 } },
      series: [
        {
          type: 'bar',
          name: sortLabel(sortKey),
          data: ranked.map((r) => ({ value: childValue(r, sortKey), code: r.code })),
          barMaxWidth: 18,
          itemStyle: { borderRadius: [0, 4, 4, 0], color: new echarts.graphic.LinearGradient(0, 0, 1, 0, [{ offset: 0, color: '#c0392b' }, { offset: 1, color: '#ffcf5c' }]) },
          label: { show: true, position: 'right', color: TEXT },
        },
      ],
    },
    true,
  );
  c.off('click');
  c.on('click', (p) => drill((p.data as { code: string }).code));
}

/** Children as a map when a GeoJSON of the level is served, else a treemap; a click drills down. */
export async function renderGeography(el: HTMLElement, region: ScreenRegion, sortKey: string, maps: Set<string>, drill: Drill): Promise<'map' | 'treemap'> {
  const mapCode = region.code.padEnd(6, '0');
  const c = chart(el);
  c.off('click');
  if (region.code.length <= 4 && maps.has(mapCode)) {
    const geo = await loadMap(mapCode);
    const names = matchFeatures(geo, region.children);
    if (names.size > 0) {
      const values = region.children.map((r) => childValue(r, sortKey));
      c.setOption(
        {
          tooltip: { trigger: 'item' },
          visualMap: { min: 0, max: Math.max(1, ...values), left: 8, bottom: 8, calculable: true, textStyle: { color: TEXT }, inRange: { color: ['#1d3b73', '#c0392b', '#ffcf5c'] } },
          series: [
            {
              type: 'map',
              map: `pb-${mapCode}`,
              roam: false,
              label: { show: true, color: TEXT, fontSize: 11 },
              itemStyle: { borderColor: '#5d7fc7', areaColor: '#15306a' },
              emphasis: { label: { color: '#fff' }, itemStyle: { areaColor: '#ffcf5c' } },
              name: sortLabel(sortKey),
              data: region.children.filter((r) => names.has(r.code)).map((r) => ({ name: names.get(r.code), value: childValue(r, sortKey), code: r.code })),
            },
          ],
        },
        true,
      );
      c.on('click', (p) => {
        if (p.data) drill((p.data as { code: string }).code);
      });
      return 'map';
    }
  }
  c.setOption(
    {
      tooltip: { formatter: (p: { name: string; data: { real: number } }) => `${p.name}：${p.data.real.toLocaleString('zh-CN')}` },
      series: [
        {
          type: 'treemap',
          name: sortLabel(sortKey),
          roam: false,
          nodeClick: false,
          breadcrumb: { show: false },
          top: 4,
          bottom: 4,
          left: 4,
          right: 4,
          label: { show: true, formatter: (p: { name: string; data: { real: number } }) => `${p.name}\n${p.data.real.toLocaleString('zh-CN')}`, color: '#fff', fontSize: 14 },
          itemStyle: { borderColor: '#0b1a3a', borderWidth: 2, gapWidth: 2 },
          levels: [{ color: ['#a4271b', '#c0572b', '#b7791f', '#2b5ea8', '#1f7a7a', '#6b46c1', '#8c2f5f', '#3c6e47'], colorMappingBy: 'index' }],
          // A child with nothing keeps a sliver so it can still be clicked.
          data: region.children.map((r) => ({ name: r.name, real: childValue(r, sortKey), value: childValue(r, sortKey) || 0.0001, code: r.code })),
        },
      ],
    },
    true,
  );
  c.on('click', (p) => {
    if (p.data) drill((p.data as { code: string }).code);
  });
  return 'treemap';
}

type GeoJson = { features: { properties: { adcode?: number | string; name: string } }[] };
const loadedMaps = new Map<string, GeoJson>();

async function loadMap(code: string): Promise<GeoJson> {
  const cached = loadedMaps.get(code);
  if (cached) return cached;
  const geo = (await (await fetch(`/assets/maps/${code}.json`)).json()) as GeoJson;
  echarts.registerMap(`pb-${code}`, geo as unknown as Parameters<typeof echarts.registerMap>[1]);
  loadedMaps.set(code, geo);
  return geo;
}

/** Child code → feature name, by the feature's 6-digit adcode (a city 6105 is 610500). */
function matchFeatures(geo: GeoJson, children: ChildRegion[]): Map<string, string> {
  const byAdcode = new Map(geo.features.map((f) => [String(f.properties.adcode ?? ''), f.properties.name]));
  const out = new Map<string, string>();
  for (const child of children) {
    const name = byAdcode.get(child.code.padEnd(6, '0'));
    if (name) out.set(child.code, name);
  }
  return out;
}

/** The period's monthly series, one small chart per series (they differ by orders of magnitude). */
export function renderTrends(el: HTMLElement, region: ScreenRegion): void {
  const cols = 3;
  const shown = TRENDS.map((t, i) => ({ ...t, i, points: (region[t.alias] as TrendPoint[] | null) ?? null }));
  const cell = (i: number) => ({ left: `${(i % cols) * 33.3 + 1}%`, width: '31%', top: `${Math.floor(i / cols) * 50 + 11}%`, height: '36%' });
  chart(el).setOption(
    {
      tooltip: { trigger: 'axis' },
      title: shown.map((t) => ({ text: t.points ? t.label : `${t.label}（暂不可用）`, textStyle: { color: t.points ? TEXT : '#ff9f94', fontSize: 13, fontWeight: 'normal' }, left: `${(t.i % cols) * 33.3 + 1}%`, top: `${Math.floor(t.i / cols) * 50}%` })),
      grid: shown.map((t) => ({ ...cell(t.i), containLabel: true })),
      xAxis: shown.map((t) => ({ type: 'category', gridIndex: t.i, data: (t.points ?? []).map((p) => p.label.slice(5) || p.label), boundaryGap: false, ...AXIS })),
      yAxis: shown.map((t) => ({ type: 'value', gridIndex: t.i, minInterval: 1, ...AXIS })),
      series: shown.map((t) => ({
        type: 'line',
        name: t.label,
        xAxisIndex: t.i,
        yAxisIndex: t.i,
        smooth: true,
        symbolSize: 5,
        data: (t.points ?? []).map((p) => p.value),
        lineStyle: { color: PALETTE[t.i], width: 2 },
        itemStyle: { color: PALETTE[t.i] },
        areaStyle: { color: new echarts.graphic.LinearGradient(0, 0, 0, 1, [{ offset: 0, color: `${PALETTE[t.i]}66` }, { offset: 1, color: `${PALETTE[t.i]}05` }]) },
      })),
    },
    true,
  );
}

const UNIT_SECTORS: Record<string, string> = { AGENCY: '机关单位', HOSPITAL: '医院', SCHOOL: '学校', SOE: '国有企业' };

/** 双报到 units by the units' own sector (机关、医院、学校、国企), from the communities' figures. */
export function renderUnitSectors(el: HTMLElement, region: ScreenRegion): void {
  const bySector = (region.community as { registeredUnitsBySector?: { sector: string; count: number }[] } | null)?.registeredUnitsBySector ?? [];
  chart(el).setOption(
    {
      tooltip: { trigger: 'item', formatter: '{b}：{c}（{d}%）' },
      series: [
        {
          type: 'pie',
          radius: ['45%', '72%'],
          center: ['50%', '52%'],
          label: { color: TEXT, formatter: '{b}\n{c}' },
          itemStyle: { borderColor: '#0b1a3a', borderWidth: 2 },
          color: ['#c0392b', '#ffcf5c', '#4fd1c5', '#63b3ff'],
          data: bySector.map((s) => ({ name: UNIT_SECTORS[s.sector] ?? s.sector, value: s.count })),
        },
      ],
    },
    true,
  );
}

export function resizeCharts(els: HTMLElement[]): void {
  for (const el of els) echarts.getInstanceByDom(el)?.resize();
}
