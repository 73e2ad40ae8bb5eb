import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '@pb/kit';
import { Client } from 'pg';

export const SCALES = ['county', 'city', 'province', 'national'] as const;
export type Scale = (typeof SCALES)[number];

/**
 * Synthetic hospitals (`source = 'SYNTHETIC'`, hospitals database) from which a dataset of a
 * scale counts as generated. Rough orders of magnitude (a county has tens of hospitals, China
 * some 38k): adjust here once the generator's sizes are known.
 */
export const SYNTHETIC_HOSPITALS_AT_LEAST: Record<Scale, number> = { county: 10, city: 100, province: 1_000, national: 10_000 };

/** Regions measured, widest first: 河南省 › 郑州市 › 金水区 › 祭城路街道 on generated data… */
export const SYNTHETIC_REGIONS = ['41', '4101', '410105', '410105015'];
/** …and 陕西省 › 渭南市 › 韩城市 › 新城街道 on the reference dataset (whose events are dated 2023). */
export const REFERENCE_REGIONS = ['61', '6105', '610581', '610581001'];
/** Counties with few and many townships, for the statement-count check: 洛阳市西工区 (11) and 金水区 (24). */
export const SYNTHETIC_STATEMENT_PAIR: [string, string] = ['410305', '410105'];
/** 韩城市 (8 townships) and 渭南市临渭区 (27). */
export const REFERENCE_STATEMENT_PAIR: [string, string] = ['610581', '610502'];

export interface DatasetStatus {
  scale: Scale;
  /** Hospitals with source = 'SYNTHETIC'; null when that cannot be asked yet. */
  syntheticHospitals: number | null;
  threshold: number;
  present: boolean;
  note: string;
}

/** Whether the synthetic dataset of `scale` is in the hospitals database. Never throws on a missing table or column. */
export async function datasetStatus(hospitalsUrl: string, scale: Scale): Promise<DatasetStatus> {
  const threshold = SYNTHETIC_HOSPITALS_AT_LEAST[scale];
  const client = new Client({ connectionString: hospitalsUrl, application_name: 'pb-bench' });
  await client.connect();
  try {
    const table = await client.query(`SELECT to_regclass('public.hospital') AS t`);
    if (!table.rows[0].t) return { scale, syntheticHospitals: null, threshold, present: false, note: 'the hospital table does not exist yet (database not migrated)' };
    const column = await client.query(`SELECT 1 FROM information_schema.columns WHERE table_name = 'hospital' AND column_name = 'source'`);
    if (!column.rowCount) return { scale, syntheticHospitals: null, threshold, present: false, note: 'hospital.source does not exist yet' };
    const checks = await client.query(`SELECT pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conrelid = 'hospital'::regclass AND contype = 'c'`);
    const sourceCheck = checks.rows.map((r) => String(r.def)).find((d) => d.includes('source'));
    const admitsSynthetic = !sourceCheck || sourceCheck.includes('SYNTHETIC');
    const { rows } = await client.query(`SELECT count(*)::int AS n FROM hospital WHERE source = 'SYNTHETIC'`);
    const n = rows[0].n as number;
    const present = n >= threshold;
    const note = !admitsSynthetic
      ? `hospital.source does not admit 'SYNTHETIC' yet (generator not merged): running on the data that is there`
      : present
        ? `${n} synthetic hospitals (≥ ${threshold} for ${scale})`
        : `${n} synthetic hospitals, fewer than the ${threshold} of a ${scale} dataset`;
    return { scale, syntheticHospitals: n, threshold, present, note };
  } finally {
    await client.end();
  }
}

export const generatorMain = (): string => join(projectRoot(), 'gateway', 'dist', 'generate', 'main.js');

/** Runs `node gateway/dist/generate/main.js --scale <scale>`; false when the generator is not there. */
export async function runGenerator(scale: Scale, seed?: number): Promise<boolean> {
  const main = generatorMain();
  if (!existsSync(main)) return false;
  const args = [main, '--scale', scale, ...(seed !== undefined ? ['--seed', String(seed)] : [])];
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: projectRoot(), stdio: 'inherit', env: process.env });
    child.once('error', reject);
    child.once('exit', (code, signal) => (code === 0 ? resolve() : reject(new Error(`generator exited with ${signal ?? code}`))));
  });
  return true;
}
