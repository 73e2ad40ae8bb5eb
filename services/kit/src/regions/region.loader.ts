import DataLoader from 'dataloader';
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

/** Regions by canonical code, one statement per request tick. */
export const regionLoader = (ctx: RequestContext) =>
  ctx.loaders.get('region.byCode', () =>
    new DataLoader<string, Region | null>(async (codes) => {
      const rows: RegionRow[] = await ctx.db.query('SELECT code, name, level, parent_code FROM region WHERE code = ANY($1)', [codes]);
      const byCode = new Map(rows.map((r) => [r.code, toRegion(r)]));
      return codes.map((c) => byCode.get(c) ?? null);
    }),
  );

/** Child divisions of many regions in one statement (drill-down). */
export const regionChildrenLoader = (ctx: RequestContext) =>
  ctx.loaders.get('region.children', () =>
    new DataLoader<string, Region[]>(async (codes) => {
      const rows: RegionRow[] = await ctx.db.query(
        'SELECT code, name, level, parent_code FROM region WHERE parent_code = ANY($1) ORDER BY code',
        [codes],
      );
      const byParent = new Map<string, Region[]>();
      for (const r of rows) {
        const list = byParent.get(r.parent_code!) ?? [];
        list.push(toRegion(r));
        byParent.set(r.parent_code!, list);
      }
      return codes.map((c) => byParent.get(c) ?? []);
    }),
  );

/** Normalizes `raw` and checks the region exists, else BAD_USER_INPUT naming `field`. */
export async function requireRegion(ctx: RequestContext, raw: string, field: string): Promise<Region> {
  const code = requireRegionCodeFormat(raw, field);
  const region = await regionLoader(ctx).load(code);
  if (!region) throw badInput(field, `unknown region code ${raw}`);
  return region;
}
