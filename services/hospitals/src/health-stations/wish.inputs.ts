import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { badInput, DateScalar, ListArgs, optionalText, parentRegion, requireId, requirePastDate, requireText, type RequestContext, todayInShanghai, UpdateInputOf } from '@pb/kit';
import { HealthStation } from './health-station.entity.js';
import { StationWish, WISH_FLOW, WishStatus } from './wish.entity.js';

@InputType({ description: "A resident's request posted on a station's wish wall (心愿墙); it starts POSTED" })
export class CreateStationWishInput {
  @Field(() => ID)
  stationId: string;

  @Field(() => DateScalar)
  postedOn: string;

  @Field()
  request: string;

  @Field(() => String, { nullable: true })
  residentName?: string | null;

  regionCode?: null;
}

@InputType({ description: 'Changes to a wish; status POSTED → CLAIMED → FULFILLED' })
export class UpdateStationWishInput extends UpdateInputOf(CreateStationWishInput, { omit: ['stationId', 'postedOn'] }) {
  @Field(() => WishStatus, { nullable: true })
  status?: WishStatus;
  @Field(() => DateScalar, { nullable: true, description: 'Defaults to today when status becomes FULFILLED' })
  fulfilledOn?: string | null;
}

@ArgsType()
export class StationWishListArgs extends ListArgs {
  @Field(() => ID, { nullable: true })
  stationId?: string | null;

  @Field(() => WishStatus, { nullable: true })
  status?: WishStatus | null;
}

type WishValues = CreateStationWishInput & Partial<Pick<StationWish, 'id' | 'status' | 'fulfilledOn'>>;

export async function checkWish(input: WishValues, ctx: RequestContext): Promise<Partial<StationWish>> {
  const postedOn = requirePastDate(input.postedOn, 'input.postedOn');
  const status = input.status ?? WishStatus.POSTED;
  const stored = input.id ? await ctx.db.getRepository(StationWish).findOneBy({ id: input.id }) : null;
  if (stored) WISH_FLOW.assert(stored.status, status, 'input.status');
  let fulfilledOn: string | null = null;
  if (status === WishStatus.FULFILLED) {
    fulfilledOn = requirePastDate(input.fulfilledOn ?? todayInShanghai(), 'input.fulfilledOn');
    if (fulfilledOn < postedOn) throw badInput('input.fulfilledOn', `must not be before it was posted (${postedOn})`);
  }
  return {
    stationId: requireId(input.stationId ?? '', 'input.stationId'),
    postedOn,
    request: requireText(input.request, 'input.request', 500),
    residentName: optionalText(input.residentName, 'input.residentName', 50),
    status,
    fulfilledOn,
  };
}

export const placeWish = (input: CreateStationWishInput, ctx: RequestContext): Promise<string> =>
  parentRegion(ctx, HealthStation, 'HealthStation', input.stationId, 'input.stationId');
