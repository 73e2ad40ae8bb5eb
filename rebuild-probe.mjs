import { openSubgraphDatabase, rebuildStats } from '@pb/kit';
import { prepareDatabases } from './gateway/dist/stack/databases.js';
import { SUBGRAPHS } from './gateway/dist/subgraphs.js';
const only = (process.argv[2] ?? 'communities,hospitals,schools,soes').split(',');
const dbs = await prepareDatabases({ log: console.log });
await Promise.all(SUBGRAPHS.filter((s) => only.includes(s.name)).map(async (info) => {
  const def = (await import(info.package)).subgraph;
  let t = Date.now();
  const db = await openSubgraphDatabase(def, dbs.urls[info.name]);
  console.log(info.name, 'open+ensure', (Date.now() - t) / 1000, 's');
  t = Date.now();
  if (process.argv[3] === 'rebuild') { await rebuildStats(db, def.stats); console.log(info.name, 'rebuild', (Date.now() - t) / 1000, 's'); }
  const [{ n }] = await db.query('SELECT count(*)::int AS n FROM stats_aggregate');
  const [{ l }] = await db.query('SELECT count(*)::int AS l FROM stats_ledger');
  console.log(info.name, 'aggregate rows', n, 'ledger rows', l);
  await db.destroy();
}));
if (dbs.embedded?.owned) await dbs.embedded.stop();
