import { canSeePersonal, personalField, type RequestContext } from '@pb/kit';

/** A person's name on a hospitals record, in clear only for its own editors and ADMIN. */
export const personalName = (ctx: RequestContext, regionCode: string, name: string | null): string | null =>
  personalField(canSeePersonal(ctx, 'hospitals', regionCode), 'name', name);
