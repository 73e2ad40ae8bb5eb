import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { byIdLoader, crudResolver, type RequestContext } from '@pb/kit';
import { RectificationItem } from './rectification.entity.js';
import { checkRectification, CreateRectificationItemInput, placeRectification, RectificationItemListArgs, UpdateRectificationItemInput } from './rectification.inputs.js';
import { WardRound } from './ward-round.entity.js';

/** rectificationItems / rectificationItem / create… / update… (status OPEN → DONE) / delete…. */
@Resolver(() => RectificationItem)
export class RectificationItemResolver extends crudResolver({
  sector: 'hospitals',
  entity: RectificationItem,
  typeName: 'RectificationItem',
  listName: 'rectificationItems',
  createInput: CreateRectificationItemInput,
  updateInput: UpdateRectificationItemInput,
  listArgs: RectificationItemListArgs,
  check: checkRectification,
  place: placeRectification,
  filter: (qb, args) => {
    if (args.wardRoundId) qb.andWhere('r.ward_round_id = :wardRoundId', { wardRoundId: args.wardRoundId });
    if (args.status) qb.andWhere('r.status = :status', { status: args.status });
  },
}) {
  @FieldResolver(() => WardRound, { nullable: true })
  wardRound(@Root() item: RectificationItem, @Ctx() ctx: RequestContext): Promise<WardRound | null> {
    return byIdLoader(ctx, WardRound).load(item.wardRoundId);
  }
}
