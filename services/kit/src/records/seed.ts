import { readFileSync } from 'node:fs';
import { stableId } from '../ids/stable-id.js';
import type { DataSource, DeepPartial } from 'typeorm';
import type { ClassType } from 'type-graphql';
import { requireRegionCodeFormat } from '../regions/codes.js';
import { LoaderCache, type RequestContext } from '../context.js';
import { type RegionalRecord, RecordSource } from './regional-record.js';
import { archivedIds } from './soft-delete.js';

/** The loader's own identity: it writes as ADMIN, through the same checks as any caller. */
export const systemContext = (db: DataSource): RequestContext => ({
  auth: { claims: { sub: 'reference-data-loader', role: 'ADMIN', sectors: [], regions: [] }, error: null },
  db,
  loaders: new LoaderCache(),
});

/**
 * Inserts reference records through the same `check` as the create mutation (one write path),
 * with stable ids. A record already present is left as it is (an agency may have edited it, and
 * bumping updated_at would make every integrator re-sync it). One transaction: all or nothing.
 */
export async function seedRecords<E extends RegionalRecord, C extends { regionCode?: string | null }>(
  db: DataSource,
  entity: ClassType<E>,
  check: (values: C, ctx: RequestContext) => DeepPartial<E> | Promise<DeepPartial<E>>,
  rows: (C & { id: string; source?: RecordSource })[],
  /** For records placed under a parent: the same `place` as the resolver's. */
  place?: (values: C, ctx: RequestContext) => Promise<string>,
): Promise<void> {
  if (!rows.length) return;
  const ctx = systemContext(db);
  const codes = place
    ? await Promise.all(rows.map((r) => place(r, ctx)))
    : rows.map((r) => requireRegionCodeFormat(r.regionCode ?? '', 'input.regionCode'));
  const found: { code: string }[] = await db.query('SELECT code FROM region WHERE code = ANY($1)', [codes]);
  const known = new Set(found.map((r) => r.code));
  const missing = codes.filter((c) => !known.has(c));
  if (missing.length) throw new Error(`reference data names unknown region codes: ${missing.join(', ')}`);
  const checked = await Promise.all(rows.map((row) => check(row, ctx)));
  await db.transaction(async (em) => {
    // A reference record deleted through the API stays deleted (it is in the archive, not missing).
    const deleted = await archivedIds(em, em.getRepository(entity).metadata.tableName, rows.map((r) => r.id));
    const records = rows
      .map((row, i) => em.create(entity, { ...checked[i], id: row.id, regionCode: codes[i], source: row.source ?? RecordSource.ARTICLE } as DeepPartial<E>))
      .filter((record) => !deleted.has(record.id));
    if (!records.length) return;
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
