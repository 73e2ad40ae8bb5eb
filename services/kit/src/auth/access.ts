import type { AuthChecker } from 'type-graphql';
import { badInput, forbidden, unauthenticated } from '../errors/errors.js';
import type { RequestContext } from '../context.js';
import type { Claims } from './claims.js';

/** The bearer, or the reason there is none (missing or invalid token). */
export function requireClaims(ctx: RequestContext): Claims {
  if (ctx.auth.claims) return ctx.auth.claims;
  throw unauthenticated(ctx.auth.error ?? undefined);
}

const coversRegion = (claims: Claims, code: string) => claims.regions.some((prefix) => code.startsWith(prefix));

/** ADMIN, or an EDITOR of `sector` whose regions cover `regionCode`. */
export function canWrite(claims: Claims | null, sector: string, regionCode: string): boolean {
  if (!claims) return false;
  if (claims.role === 'ADMIN') return true;
  return claims.role === 'EDITOR' && claims.sectors.includes(sector) && coversRegion(claims, regionCode);
}

/** Throws UNAUTHENTICATED / FORBIDDEN unless the bearer may write `sector` records in `regionCode`. */
export function assertCanWrite(ctx: RequestContext, sector: string, regionCode: string): void {
  const claims = requireClaims(ctx);
  if (!canWrite(claims, sector, regionCode)) {
    throw forbidden(`Not allowed to write ${sector} records in region ${regionCode}`);
  }
}

/** Personal data (names, phones) is shown in clear only to ADMIN and the record's own editors. */
export const canSeePersonal = (ctx: RequestContext, sector: string, regionCode: string): boolean =>
  canWrite(ctx.auth.claims, sector, regionCode);

/**
 * Rules for `@Authorized(...)`:
 * - `@Authorized()`: any authenticated caller (VIEWER and up);
 * - `@Authorized('write:hospitals')`: ADMIN, or EDITOR holding the `hospitals` sector. The
 *   region prefix is checked against the record itself by `assertCanWrite`, since an update's
 *   region is only known once the record is loaded.
 */
export const authChecker: AuthChecker<RequestContext> = ({ context }, rules) => {
  for (const rule of rules) {
    const [kind, sector] = rule.split(':');
    if (kind !== 'write') throw new Error(`unknown authorization rule ${rule}`);
    assertSectorWriter(context, sector);
  }
  requireClaims(context);
  return true;
};

/** `write:<sector>` outside GraphQL (the ledger import): ADMIN, or EDITOR holding the sector. */
export function assertSectorWriter(ctx: RequestContext, sector: string): void {
  const claims = requireClaims(ctx);
  const allowed = claims.role === 'ADMIN' || (claims.role === 'EDITOR' && claims.sectors.includes(sector));
  if (!allowed) throw forbidden(`Writing ${sector} records needs an EDITOR token for that sector`);
}

/** Checks that a region the caller is writing to exists and is covered, naming the input field. */
export async function assertRegionWritable(
  ctx: RequestContext,
  sector: string,
  field: string,
  regionCode: string,
  exists: (code: string) => Promise<boolean>,
): Promise<void> {
  if (!(await exists(regionCode))) throw badInput(field, `unknown region code ${regionCode}`);
  assertCanWrite(ctx, sector, regionCode);
}
