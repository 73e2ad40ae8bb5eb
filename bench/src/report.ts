import Table from 'cli-table3';
import type { BenchFigures } from './run.js';

const ms = (n: number | undefined) => (n === undefined ? '–' : n < 10 ? n.toFixed(2) : n.toFixed(1));
const plain = { head: [] as string[], style: { head: [], border: [], compact: true } };

/** The figures as readable tables (no colours, so they paste into an issue as they are). */
export function formatReport(f: BenchFigures): string {
  const out: string[] = [];
  if (f.dashboard.length) {
    const t = new Table({
      ...plain,
      head: ['dashboard', 'region', 'children', 'gw p50', 'gw p95', 'gw mean', 'gw max', 'sql p50', 'sql p95', 'gw/sql', 'SQL stmts'],
      colAligns: ['left', 'left', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'right'],
    });
    for (const d of f.dashboard) {
      t.push([
        d.region.level,
        `${d.region.code} ${d.region.name}`,
        d.region.children,
        ms(d.gateway?.p50),
        ms(d.gateway?.p95),
        ms(d.gateway?.mean),
        ms(d.gateway?.max),
        ms(d.directSql?.p50),
        ms(d.directSql?.p95),
        d.ratio === undefined ? '–' : `${d.ratio.toFixed(1)}×`,
        d.statements ? `${d.statements.total} (${Object.values(d.statements.bySubgraph).join('+')})` : '–',
      ]);
    }
    out.push(`Dashboard query (docs/dashboard.md), period ${f.period.from}…${f.period.to}, ${f.runs} runs after ${f.warmup} warm-up; ms`);
    out.push(t.toString());
    const order = f.dashboard.find((d) => d.statements)?.statements?.bySubgraph;
    if (order) out.push(`  SQL stmts = total (${Object.keys(order).join('+')}); sql = the captured statements replayed with pg, concurrently per subgraph`);
  }
  if (f.statements) {
    const { few, many, equal } = f.statements;
    out.push(
      `SQL statements per request: ${few.statements} for ${few.code} (${few.children} children), ${many.statements} for ${many.code} (${many.children} children) → ${equal ? 'equal' : 'NOT EQUAL'}`,
    );
  }
  if (f.memory) {
    const t = new Table({ ...plain, head: ['process', 'pid', 'RSS MiB', 'peak RSS MiB'], colAligns: ['left', 'right', 'right', 'right'] });
    t.push(['gateway (in the bench process)', f.memory.gateway.pid ?? '–', f.memory.gateway.rssMb ?? '–', f.memory.gateway.peakRssMb ?? '–']);
    for (const [name, m] of Object.entries(f.memory.subgraphs)) t.push([name, m.pid ?? '–', m.rssMb ?? '–', m.peakRssMb ?? '–']);
    out.push('Memory', t.toString());
  }
  if (f.write) {
    const t = new Table({ ...plain, head: ['write', 'p50', 'p95', 'mean', 'max'], colAligns: ['left', 'right', 'right', 'right', 'right'] });
    const w = f.write.timing;
    t.push([f.write.mutation, ms(w.p50), ms(w.p95), ms(w.mean), ms(w.max)]);
    out.push(`Write through the gateway (ADMIN), ms; ${f.write.created} created, ${f.write.deleted} deleted again`, t.toString());
  }
  for (const s of f.skipped) out.push(`skipped ${s}`);
  return out.join('\n');
}
