import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { BATCH_MAX, byIdLoader, crudResolver, parentRegion, type RequestContext } from '@pb/kit';
import { Community } from '../communities/community.entity.js';
import { Demand } from '../demands/demand.entity.js';
import { Meeting } from './meeting.entity.js';
import { checkMeeting, CreateMeetingInput, MeetingListArgs, UpdateMeetingInput } from './meeting.inputs.js';

/** meetings / meeting / createMeeting / updateMeeting / deleteMeeting. */
@Resolver(() => Meeting)
export class MeetingResolver extends crudResolver({
  sector: 'communities',
  entity: Meeting,
  typeName: 'Meeting',
  batchMax: BATCH_MAX,
  ledger: { parents: [{ field: 'communityId', entity: Community, term: '社区' }] },
  listName: 'meetings',
  createInput: CreateMeetingInput,
  updateInput: UpdateMeetingInput,
  listArgs: MeetingListArgs,
  check: checkMeeting,
  place: (values, ctx) => parentRegion(ctx, Community, 'Community', values.communityId, 'input.communityId'),
  filter: (qb, args) => {
    if (args.communityId) qb.andWhere('r.community_id = :communityId', { communityId: args.communityId });
    if (args.format) qb.andWhere('r.format = :format', { format: args.format });
  },
}) {
  @FieldResolver(() => [Demand], { description: 'Demands discussed (a deleted demand drops out)' })
  async demands(@Root() m: Meeting, @Ctx() ctx: RequestContext): Promise<Demand[]> {
    const found = await byIdLoader(ctx, Demand).loadMany(m.demandIds);
    return found.filter((d): d is Demand => d instanceof Demand);
  }

  @FieldResolver(() => Community, { nullable: true })
  community(@Root() m: Meeting, @Ctx() ctx: RequestContext): Promise<Community | null> {
    return byIdLoader(ctx, Community).load(m.communityId);
  }
}
