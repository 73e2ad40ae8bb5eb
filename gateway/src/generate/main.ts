import { parseArgs } from 'node:util';
import { SUBGRAPHS } from '../subgraphs.js';
import { generateDataset } from './generate.js';
import { SCALE_NAMES, type ScaleName } from './scales.js';

const HELP = `npm run generate -- --scale <county|city|province|national> [--seed N] [--reset] [--only communities,hospitals]

Fills the subgraphs' databases with a synthetic dataset of every record type, marked
source SYNTHETIC: <NAME>_DATABASE_URL / DATABASE_URL when set, otherwise the embedded
PostgreSQL in .data/ (the one \`npm start\` uses).

  --scale       county (410105 金水区, a few thousand rows), city (4101 郑州市),
                province (41 河南省, ~1/15 of national), national (all provinces, ~14M rows)
  --seed N      deterministic pseudo-randomness (default 1)
  --reset       first delete the SYNTHETIC rows (and only those: USER, ARTICLE and FILLER
                rows are kept); without it, a database already holding SYNTHETIC rows is refused
  --only        the subgraphs to act on (default: all four)
  --sequential  load the databases one after another (default: all at once)
  --help        this text

Stop a running \`npm start\` first if it uses the embedded PostgreSQL (or it will be joined).`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      scale: { type: 'string' },
      seed: { type: 'string', default: '1' },
      reset: { type: 'boolean', default: false },
      only: { type: 'string', default: SUBGRAPHS.map((s) => s.name).join(',') },
      sequential: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) {
    console.log(HELP);
    return;
  }
  const scale = values.scale as ScaleName | undefined;
  if (!scale || !SCALE_NAMES.includes(scale)) throw new Error(`--scale must be one of ${SCALE_NAMES.join(', ')} (see --help)`);
  if (!/^\d+$/.test(values.seed)) throw new Error('--seed must be a whole number');
  const log = (line: string) => console.log(line);
  const result = await generateDataset({
    scale,
    seed: Number(values.seed),
    reset: values.reset,
    only: values.only.split(',').filter(Boolean),
    sequential: values.sequential,
    log,
  });
  let total = 0;
  for (const [subgraph, tables] of Object.entries(result.rows)) {
    for (const [table, n] of Object.entries(tables)) {
      total += n;
      log(`${`${subgraph}.${table}`.padEnd(44)} ${n.toLocaleString('en-US').padStart(12)}`);
    }
  }
  log(`${'total'.padEnd(44)} ${total.toLocaleString('en-US').padStart(12)} SYNTHETIC rows in ${result.seconds.toFixed(0)}s (scale ${scale}, seed ${values.seed})`);
}

main().catch((err) => {
  console.error('generate failed:', err instanceof Error ? err.message : String(err));
  process.exit(1);
});
