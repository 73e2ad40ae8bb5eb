import './style.css';
import { renderGeography, renderRanking, renderTrends, renderUnitSectors, resizeCharts } from './charts';
import { setupPeriodPicker } from './controls';
import { byId, h } from './dom';
import { CHILD_KPIS } from './kpis';
import { failedSectors, renderSectors } from './panels';
import { periodLabel, previousPeriod, sameLastYear } from './period';
import { fetchScreen, type RegionRef, type ScreenRegion } from './query';
import { readConfig, readState, type ScreenState, stateUrl } from './state';
import { childrenCsv, downloadCsv, renderTable } from './table';

const config = readConfig();
let state: ScreenState = readState(config);
let shown: ScreenRegion | null = null;
let loading = 0;

const els = {
  title: byId('title'),
  crumbs: byId('crumbs'),
  periodLabel: byId('period-label'),
  asOf: byId('as-of'),
  sectors: byId('sectors'),
  geo: byId('geo'),
  geoTitle: byId('geo-title'),
  ranking: byId('ranking'),
  sort: byId<HTMLSelectElement>('sort'),
  table: byId<HTMLTableElement>('children'),
  trends: byId('trends'),
  units: byId('units'),
  message: byId('message'),
  csv: byId<HTMLButtonElement>('csv'),
};

/** Moves to another state: URL first (bookmarkable, back button), then the one request. */
function go(next: Partial<ScreenState>): void {
  state = { ...state, ...next };
  history.pushState(null, '', stateUrl(state));
  void load();
}
const drill = (code: string) => go({ region: code });

function ancestors(region: RegionRef): RegionRef[] {
  const chain: RegionRef[] = [];
  for (let r = region.parent; r; r = r.parent) chain.unshift(r);
  return chain;
}

function renderCrumbs(region: ScreenRegion): void {
  const links = ancestors(region).map((r) => {
    const a = h('a', { href: `?region=${r.code}`, 'data-code': r.code }, r.name);
    a.addEventListener('click', (e) => {
      e.preventDefault();
      drill(r.code);
    });
    return a;
  });
  els.crumbs.replaceChildren(...links.flatMap((a) => [a, h('span', { class: 'sep' }, '›')]), h('span', { class: 'current' }, region.name));
}

function showMessage(text: string | null): void {
  els.message.hidden = !text;
  els.message.textContent = text ?? '';
}

async function load(): Promise<void> {
  const ticket = ++loading;
  const variables = { code: state.region, period: pick(state.period), previous: pick(previousPeriod(state.period)), lastYear: pick(sameLastYear(state.period)) };
  let answer;
  try {
    answer = await fetchScreen(variables);
  } catch {
    if (ticket === loading) els.asOf.textContent = '连接中断，显示的是上次数据';
    return;
  }
  if (ticket !== loading) return; // a newer request has been sent meanwhile
  const region = answer.data?.region;
  if (!region) {
    showMessage(answer.errors?.[0]?.message ? `无法加载该区域：${answer.errors[0].message}` : '未找到该区划代码');
    return;
  }
  showMessage(null);
  shown = region;
  render(region, failedSectors(region, answer.errors ?? []));
  els.asOf.textContent = `数据截至 ${new Date().toLocaleString('zh-CN', { hour12: false, timeZone: 'Asia/Shanghai' })}`;
  document.body.dataset.loaded = `${region.code}:${state.period.from}:${state.period.to}`;
}

const pick = (p: { from: string; to: string }) => ({ from: p.from, to: p.to });

function render(region: ScreenRegion, failed: Set<string>): void {
  document.title = `${region.name} · 党建引领数据大屏`;
  els.title.textContent = `${region.name}党建引领数据大屏`;
  els.periodLabel.textContent = periodLabel(state.period);
  renderCrumbs(region);
  renderSectors(els.sectors, region, failed);
  els.sort.value = state.sort;
  renderRanking(els.ranking, region.children, state.sort, drill);
  renderTable(els.table, region.children, drill);
  renderTrends(els.trends, region);
  renderUnitSectors(els.units, region);
  void renderGeography(els.geo, region, state.sort, config.maps, drill).then((kind) => {
    els.geoTitle.textContent = kind === 'map' ? '下级区域分布图' : '下级区域构成';
  });
  els.csv.disabled = region.children.length === 0;
}

function setup(): void {
  els.sort.replaceChildren(...CHILD_KPIS.map((k) => h('option', { value: `${k.sector}.${k.field}` }, k.label)));
  els.sort.addEventListener('change', () => go({ sort: els.sort.value }));
  const showPeriod = setupPeriodPicker(state.period, (period) => go({ period }));
  els.csv.addEventListener('click', () => {
    if (shown) downloadCsv(`${shown.name}-下级区域-${state.period.from}至${state.period.to}.csv`, childrenCsv(shown.children));
  });
  window.addEventListener('popstate', () => {
    state = readState(config);
    showPeriod(state.period);
    void load();
  });
  window.addEventListener('resize', () => resizeCharts([els.geo, els.ranking, els.trends, els.units]));
  if (state.refresh > 0) setInterval(() => void load(), state.refresh * 1000);
  void load();
}

setup();
