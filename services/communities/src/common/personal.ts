import { canSeePersonal, personalField, type RequestContext } from '@pb/kit';

/** A person's name or phone on a communities record, masked unless ADMIN or its own EDITOR. */
export const personal = (ctx: RequestContext, record: { regionCode: string }, kind: 'name' | 'phone', value: string | null): string | null =>
  personalField(canSeePersonal(ctx, 'communities', record.regionCode), kind, value);
