import DataLoader from 'dataloader';
import { LRUCache } from 'lru-cache';
import type { RequestContext } from '../context.js';
import { badInput } from '../errors/errors.js';
import { requireRegionCodeFormat } from './codes.js';
import { Region } from './region.entity.js';

interface RegionRow {
  code: string;
  name: string;
  level: Region['level'];
  parent_code: string | null;
}

const toRegion = (r: RegionRow): Region => Object.assign(new Region(), { code: r.code, name: r.name, level: r.level, parentCode: r.parent_code });

/**
 * The division table never changes while a subgraph runs (it is loaded by a migration), so
 * regions and child lists are cached per process: a warm dashboard request reads no region
 * rows, and its stats batches are not held back behind region lookups. Bounded, as a province's
 * villages alone are tens of thousands.
 */
const byCodeCache = new LRUCache<string, { region: Region | null }>({ max: 100_000 });
const childrenCache = new LRUCache<string, Region[]>({ max: 20_000 });

/** Looks up the codes the cache lacks in one statement, caching them (misses too). */
async function fetchRegions(ctx: RequestContext, codes: readonly string[]): Promise<void> {
  const missing = codes.filter((c) => !byCodeCache.has(c));
  if (!missing.length) return;
  const rows: RegionRow[] = await ctx.db.query('SELECT code, name, level, parent_code FROM region WHERE code = ANY($1)', [missing]);
  const found = new Map(rows.map((r) => [r.code, toRegion(r)]));
  for (const c of missing) byCodeCache.set(c, { region: found.get(c) ?? null });
}

/** Regions by canonical code, at most one statement per request tick (none when cached). */
export const regionLoader = (ctx: RequestContext) =>
  ctx.loaders.get('region.byCode', () =>
    new DataLoader<string, Region | null>(async (codes) => {
      await fetchRegions(ctx, codes);
      return codes.map((c) => byCodeCache.get(c)?.region ?? null);
    }),
  );

/** Child divisions of many regions in one statement (drill-down), cached per process. */
export const regionChildrenLoader = (ctx: RequestContext) =>
  ctx.loaders.get('region.children', () =>
    new DataLoader<string, Region[]>(async (codes) => {
      const missing = codes.filter((c) => !childrenCache.has(c));
      if (missing.length) {
        const rows: RegionRow[] = await ctx.db.query(
          'SELECT code, name, level, parent_code FROM region WHERE parent_code = ANY($1) ORDER BY code',
          [missing],
        );
        const byParent = new Map<string, Region[]>(missing.map((c) => [c, []]));
        for (const r of rows) byParent.get(r.parent_code!)!.push(toRegion(r));
        for (const [parent, list] of byParent) {
          childrenCache.set(parent, list);
          for (const child of list) byCodeCache.set(child.code, { region: child });
        }
      }
      return codes.map((c) => childrenCache.get(c) ?? []);
    }),
  );

/** Normalizes `raw` and checks the region exists, else BAD_USER_INPUT naming `field`. */
export async function requireRegion(ctx: RequestContext, raw: string, field: string): Promise<Region> {
  const code = requireRegionCodeFormat(raw, field);
  const region = await regionLoader(ctx).load(code);
  if (!region) throw badInput(field, `unknown region code ${raw}`);
  return region;
}
