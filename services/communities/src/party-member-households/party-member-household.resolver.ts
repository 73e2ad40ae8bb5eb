import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { byIdLoader, crudResolver, type RequestContext, Personal } from '@pb/kit';
import { BuildingPartyGroup } from '../building-party-groups/building-party-group.entity.js';
import { personal } from '../common/personal.js';
import { Grid } from '../grids/grid.entity.js';
import { PartyMemberHousehold } from './party-member-household.entity.js';
import {
  checkPartyMemberHousehold,
  CreatePartyMemberHouseholdInput,
  PartyMemberHouseholdListArgs,
  placePartyMemberHousehold,
  UpdatePartyMemberHouseholdInput,
} from './party-member-household.inputs.js';

/** partyMemberHouseholds / partyMemberHousehold / create… / update… / delete…; placed in its grid's region. */
@Resolver(() => PartyMemberHousehold)
export class PartyMemberHouseholdResolver extends crudResolver({
  sector: 'communities',
  entity: PartyMemberHousehold,
  typeName: 'PartyMemberHousehold',
  listName: 'partyMemberHouseholds',
  createInput: CreatePartyMemberHouseholdInput,
  updateInput: UpdatePartyMemberHouseholdInput,
  listArgs: PartyMemberHouseholdListArgs,
  check: checkPartyMemberHousehold,
  place: placePartyMemberHousehold,
  filter: (qb, args) => {
    if (args.communityId) qb.andWhere('r.community_id = :communityId', { communityId: args.communityId });
    if (args.gridId) qb.andWhere('r.grid_id = :gridId', { gridId: args.gridId });
    if (args.groupId) qb.andWhere('r.group_id = :groupId', { groupId: args.groupId });
  },
}) {
  @Personal('name')
  @FieldResolver(() => String, { nullable: true, description: 'Household head (户主) name; masked (张*) unless ADMIN or a communities EDITOR of the region' })
  headName(@Root() h: PartyMemberHousehold, @Ctx() ctx: RequestContext): string | null {
    return personal(ctx, h, 'name', h.headName);
  }

  @Personal('phone')
  @FieldResolver(() => String, { nullable: true, description: 'Household head phone; masked (138****5678) unless ADMIN or a communities EDITOR of the region' })
  headPhone(@Root() h: PartyMemberHousehold, @Ctx() ctx: RequestContext): string | null {
    return personal(ctx, h, 'phone', h.headPhone);
  }

  @FieldResolver(() => BuildingPartyGroup, { nullable: true })
  group(@Root() h: PartyMemberHousehold, @Ctx() ctx: RequestContext): Promise<BuildingPartyGroup | null> {
    return h.groupId ? byIdLoader(ctx, BuildingPartyGroup).load(h.groupId) : Promise.resolve(null);
  }

  @FieldResolver(() => Grid, { nullable: true })
  grid(@Root() h: PartyMemberHousehold, @Ctx() ctx: RequestContext): Promise<Grid | null> {
    return byIdLoader(ctx, Grid).load(h.gridId);
  }
}
