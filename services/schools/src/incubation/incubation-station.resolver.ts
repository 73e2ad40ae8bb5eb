import DataLoader from 'dataloader';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { byIdLoader, crudResolver, type RequestContext, requireId } from '@pb/kit';
import { School } from '../schools/school.entity.js';
import { IncubationStation } from './incubation-station.entity.js';
import {
  checkIncubationStation,
  CreateIncubationStationInput,
  IncubationStationListArgs,
  placeIncubationStation,
  UpdateIncubationStationInput,
} from './incubation-station.inputs.js';

/** Stations incubating each of many schools, one statement (GIN index on the id array). */
export const incubatingStationsLoader = (ctx: RequestContext) =>
  ctx.loaders.get('incubation.bySchool', () =>
    new DataLoader<string, IncubationStation[]>(async (schoolIds) => {
      const rows = await ctx.db
        .getRepository(IncubationStation)
        .createQueryBuilder('st')
        .where('st.incubated_school_ids && :ids::uuid[]', { ids: [...schoolIds] })
        .orderBy('st.name')
        .getMany();
      return schoolIds.map((id) => rows.filter((st) => st.incubatedSchoolIds.includes(id)));
    }),
  );

/** incubationStations / incubationStation / create… / update… / delete…. */
@Resolver(() => IncubationStation)
export class IncubationStationResolver extends crudResolver({
  sector: 'schools',
  entity: IncubationStation,
  typeName: 'IncubationStation',
  listName: 'incubationStations',
  createInput: CreateIncubationStationInput,
  updateInput: UpdateIncubationStationInput,
  listArgs: IncubationStationListArgs,
  check: checkIncubationStation,
  place: placeIncubationStation,
  filter: (qb, args) => {
    if (args.hostSchoolId) qb.andWhere('r.host_school_id = :h', { h: requireId(args.hostSchoolId, 'hostSchoolId') });
  },
}) {
  @FieldResolver(() => School, { nullable: true, description: 'The host school' })
  hostSchool(@Root() st: IncubationStation, @Ctx() ctx: RequestContext): Promise<School | null> {
    return byIdLoader(ctx, School).load(st.hostSchoolId);
  }

  @FieldResolver(() => [School], { description: 'The schools it incubates (deleted schools drop out)' })
  async incubatedSchools(@Root() st: IncubationStation, @Ctx() ctx: RequestContext): Promise<School[]> {
    const found = await byIdLoader(ctx, School).loadMany(st.incubatedSchoolIds);
    return found.filter((s): s is School => s instanceof School);
  }
}
