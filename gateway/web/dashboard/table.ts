import { h } from './dom';
import { CHILD_KPIS } from './kpis';
import type { ChildRegion, Figures } from './query';
import type { Drill } from './charts';

const cell = (child: ChildRegion, sector: keyof ChildRegion, field: string): number | null => {
  const figures = child[sector] as Figures | null;
  return figures ? (figures[field] ?? null) : null;
};

/** The children table: one row per child region, every figure the ranking can sort by. */
export function renderTable(table: HTMLTableElement, children: ChildRegion[], drill: Drill): void {
  const head = h('tr', {}, h('th', {}, '区域'), ...CHILD_KPIS.map((k) => h('th', {}, k.label)));
  const rows = children.map((child) => {
    const name = h('a', { href: `?region=${child.code}`, 'data-code': child.code }, child.name);
    name.addEventListener('click', (e) => {
      e.preventDefault();
      drill(child.code);
    });
    return h('tr', { 'data-code': child.code }, h('td', {}, name), ...CHILD_KPIS.map((k) => h('td', {}, cell(child, k.sector, k.field)?.toLocaleString('zh-CN') ?? '—')));
  });
  // Sums of the rows shown (a record placed at the region's own code lies in no child region).
  const total = (sector: keyof ChildRegion, field: string) => children.reduce((n, c) => n + (cell(c, sector, field) ?? 0), 0);
  const missing = (sector: keyof ChildRegion) => children.some((c) => c[sector] === null);
  const foot = h('tr', {}, h('td', {}, '合计'), ...CHILD_KPIS.map((k) => h('td', {}, missing(k.sector) ? '—' : total(k.sector, k.field).toLocaleString('zh-CN'))));
  table.replaceChildren(h('thead', {}, head), h('tbody', {}, ...rows), h('tfoot', {}, foot));
}

function csvField(value: string): string {
  return /[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** The table as CSV, UTF-8 with a byte-order mark so that Excel reads the Chinese right. */
export function childrenCsv(children: ChildRegion[]): string {
  const lines = [['区划代码', '名称', ...CHILD_KPIS.map((k) => k.label)]];
  for (const child of children) lines.push([child.code, child.name, ...CHILD_KPIS.map((k) => String(cell(child, k.sector, k.field) ?? ''))]);
  return '\uFEFF' + lines.map((l) => l.map(csvField).join(',')).join('\r\n') + '\r\n';
}

export function downloadCsv(filename: string, csv: string): void {
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  const a = h('a', { href: url, download: filename });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
