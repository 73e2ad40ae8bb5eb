import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { byIdLoader, childrenLoader, crudResolver, nestedParts, type RequestContext } from '@pb/kit';
import { Hospital } from '../hospitals/hospital.entity.js';
import { ElderCareActivity, ElderCareActivityKind } from './elder-care-activity.entity.js';
import { ElderCareCenter } from './elder-care-center.entity.js';
import { checkElderCareCenter, CreateElderCareCenterInput, ElderCareCenterListArgs, UpdateElderCareCenterInput } from './elder-care-center.inputs.js';
import { ElderCareCensus } from './elder-care-census.entity.js';

const censusesOf = (ctx: RequestContext) => childrenLoader(ctx, ElderCareCensus, 'centerId', { countedOn: 'DESC', id: 'ASC' });

/** elderCareCenters / elderCareCenter / create… / update… / delete…, and the centre's relations. */
@Resolver(() => ElderCareCenter)
export class ElderCareCenterResolver extends crudResolver({
  sector: 'hospitals',
  entity: ElderCareCenter,
  typeName: 'ElderCareCenter',
  parts: nestedParts([{ field: 'censuses', parentKey: 'centerId', type: 'ElderCareCensus' }]),
  listName: 'elderCareCenters',
  createInput: CreateElderCareCenterInput,
  updateInput: UpdateElderCareCenterInput,
  listArgs: ElderCareCenterListArgs,
  check: checkElderCareCenter,
  filter: (qb, args) => {
    if (args.hospitalId) qb.andWhere('r.hospital_id = :hospitalId', { hospitalId: args.hospitalId });
  },
}) {
  @FieldResolver(() => Hospital, { nullable: true, description: 'Hospital that runs it (举办医院)' })
  hospital(@Root() center: ElderCareCenter, @Ctx() ctx: RequestContext): Promise<Hospital | null> {
    return byIdLoader(ctx, Hospital).load(center.hospitalId);
  }

  @FieldResolver(() => [ElderCareCensus], { description: 'Resident censuses, latest first' })
  censuses(@Root() center: ElderCareCenter, @Ctx() ctx: RequestContext): Promise<ElderCareCensus[]> {
    return censusesOf(ctx).load(center.id);
  }

  @FieldResolver(() => ElderCareCensus, { nullable: true, description: 'The latest census: its current residents by care level' })
  async latestCensus(@Root() center: ElderCareCenter, @Ctx() ctx: RequestContext): Promise<ElderCareCensus | null> {
    return (await censusesOf(ctx).load(center.id))[0] ?? null;
  }

  @FieldResolver(() => [ElderCareActivity], { description: 'Its "四个一" activities, latest first; optionally of one kind' })
  activities(
    @Root() center: ElderCareCenter,
    @Arg('kind', () => ElderCareActivityKind, { nullable: true }) kind: ElderCareActivityKind | null,
    @Ctx() ctx: RequestContext,
  ): Promise<ElderCareActivity[]> {
    const filter = kind ? { name: kind, where: { kind } } : undefined;
    return childrenLoader(ctx, ElderCareActivity, 'centerId', { heldOn: 'DESC', id: 'ASC' }, filter).load(center.id);
  }
}
