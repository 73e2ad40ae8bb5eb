import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { crudResolver, type RequestContext } from '@pb/kit';
import { personalName } from '../common/personal.js';
import { StationWish } from './wish.entity.js';
import { checkWish, CreateStationWishInput, placeWish, StationWishListArgs, UpdateStationWishInput } from './wish.inputs.js';

@Resolver(() => StationWish)
export class StationWishResolver extends crudResolver({
  sector: 'hospitals',
  entity: StationWish,
  typeName: 'StationWish',
  listName: 'stationWishes',
  createInput: CreateStationWishInput,
  updateInput: UpdateStationWishInput,
  listArgs: StationWishListArgs,
  check: checkWish,
  place: placeWish,
  filter: (qb, args) => {
    if (args.stationId) qb.andWhere('r.station_id = :stationId', { stationId: args.stationId });
    if (args.status) qb.andWhere('r.status = :status', { status: args.status });
  },
}) {
  @FieldResolver(() => String, { nullable: true })
  residentName(@Root() wish: StationWish, @Ctx() ctx: RequestContext): string | null {
    return personalName(ctx, wish.regionCode, wish.residentName);
  }
}
