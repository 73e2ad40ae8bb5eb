import { readFileSync } from 'node:fs';
import { stableId } from '../ids/stable-id.js';
import type { DataSource, DeepPartial } from 'typeorm';
import type { ClassType } from 'type-graphql';
import { requireRegionCodeFormat } from '../regions/codes.js';
import type { RegionalRecord } from './regional-record.js';

/**
 * Inserts reference records through the same `check` as the create mutation (one write path),
 * with stable ids. A record already present is left as it is (an agency may have edited it, and
 * bumping updated_at would make every integrator re-sync it). One transaction: all or nothing.
 */
export async function seedRecords<E extends RegionalRecord, C extends { regionCode?: string | null }>(
  db: DataSource,
  entity: ClassType<E>,
  check: (values: C) => DeepPartial<E>,
  rows: (C & { id: string })[],
): Promise<void> {
  if (!rows.length) return;
  const codes = rows.map((r) => requireRegionCodeFormat(r.regionCode ?? '', 'input.regionCode'));
  const found: { code: string }[] = await db.query('SELECT code FROM region WHERE code = ANY($1)', [codes]);
  const known = new Set(found.map((r) => r.code));
  const missing = codes.filter((c) => !known.has(c));
  if (missing.length) throw new Error(`reference data names unknown region codes: ${missing.join(', ')}`);
  await db.transaction(async (em) => {
    const records = rows.map((row, i) => em.create(entity, { ...check(row), id: row.id, regionCode: codes[i] } as DeepPartial<E>));
    await em.createQueryBuilder().insert().into(entity).values(records as never).orIgnore().execute();
  });
}

/** A reference-data file: records of one type, each with a natural `key` that fixes its id. */
export interface ReferenceFile<T> {
  /** What the file holds and where the figures come from (seed article ids). */
  description: string;
  records: (T & { key: string })[];
}

/** Reads a reference-data JSON file and gives each record its stable id (`<kind>:<key>`). */
export function readReferenceRecords<T>(path: string, kind: string): (T & { id: string })[] {
  const file = JSON.parse(readFileSync(path, 'utf8')) as ReferenceFile<T>;
  return file.records.map(({ key, ...rest }) => ({ ...(rest as T), id: stableId(`${kind}:${key}`) }));
}
