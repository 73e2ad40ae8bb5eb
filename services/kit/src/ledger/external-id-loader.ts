import DataLoader from 'dataloader';
import type { RequestContext } from '../context.js';

/** A record's 台账编号 (the newest entry naming it), batched per request and type. */
export function externalIdLoader(ctx: RequestContext, typeName: string): DataLoader<string, string | null> {
  return ctx.loaders.get(`externalId:${typeName}`, () =>
    new DataLoader<string, string | null>(async (ids) => {
      const rows: { record_id: string; external_id: string }[] = await ctx.db.query(
        `SELECT DISTINCT ON (record_id) record_id, external_id FROM ledger_entry WHERE record_type = $1 AND record_id = ANY($2::uuid[]) ORDER BY record_id, created_at DESC`,
        [typeName, [...new Set(ids)]],
      );
      const byId = new Map(rows.map((r) => [r.record_id, r.external_id]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
  );
}
