import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { byIdLoader, crudResolver, type RequestContext } from '@pb/kit';
import { ElderCareActivity } from './elder-care-activity.entity.js';
import { checkElderCareActivity, CreateElderCareActivityInput, ElderCareActivityListArgs, UpdateElderCareActivityInput } from './elder-care-activity.inputs.js';
import { ElderCareCenter } from './elder-care-center.entity.js';
import { placeUnderCenter } from './elder-care-center.inputs.js';

@Resolver(() => ElderCareActivity)
export class ElderCareActivityResolver extends crudResolver({
  sector: 'hospitals',
  entity: ElderCareActivity,
  typeName: 'ElderCareActivity',
  listName: 'elderCareActivities',
  createInput: CreateElderCareActivityInput,
  updateInput: UpdateElderCareActivityInput,
  listArgs: ElderCareActivityListArgs,
  check: checkElderCareActivity,
  place: placeUnderCenter,
  filter: (qb, args) => {
    if (args.centerId) qb.andWhere('r.center_id = :centerId', { centerId: args.centerId });
    if (args.kind) qb.andWhere('r.kind = :kind', { kind: args.kind });
    if (args.heldFrom) qb.andWhere('r.held_on >= :heldFrom', { heldFrom: args.heldFrom });
    if (args.heldTo) qb.andWhere('r.held_on <= :heldTo', { heldTo: args.heldTo });
  },
}) {
  @FieldResolver(() => ElderCareCenter, { nullable: true })
  center(@Root() activity: ElderCareActivity, @Ctx() ctx: RequestContext): Promise<ElderCareCenter | null> {
    return byIdLoader(ctx, ElderCareCenter).load(activity.centerId);
  }
}
