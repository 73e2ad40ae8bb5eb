import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { byIdLoader, crudResolver, type RequestContext } from '@pb/kit';
import { ElderCareCenter } from './elder-care-center.entity.js';
import { placeUnderCenter } from './elder-care-center.inputs.js';
import { ElderCareCensus } from './elder-care-census.entity.js';
import { checkElderCareCensus, CreateElderCareCensusInput, ElderCareCensusListArgs, UpdateElderCareCensusInput } from './elder-care-census.inputs.js';

@Resolver(() => ElderCareCensus)
export class ElderCareCensusResolver extends crudResolver({
  sector: 'hospitals',
  entity: ElderCareCensus,
  typeName: 'ElderCareCensus',
  listName: 'elderCareCensuses',
  createInput: CreateElderCareCensusInput,
  updateInput: UpdateElderCareCensusInput,
  listArgs: ElderCareCensusListArgs,
  check: checkElderCareCensus,
  place: placeUnderCenter,
  filter: (qb, args) => {
    if (args.centerId) qb.andWhere('r.center_id = :centerId', { centerId: args.centerId });
  },
}) {
  @FieldResolver(() => ElderCareCenter, { nullable: true })
  center(@Root() census: ElderCareCensus, @Ctx() ctx: RequestContext): Promise<ElderCareCenter | null> {
    return byIdLoader(ctx, ElderCareCenter).load(census.centerId);
  }
}
