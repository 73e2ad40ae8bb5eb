import DataLoader from 'dataloader';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { byIdLoader, crudResolver, nestedParts, type RequestContext } from '@pb/kit';
import { childrenLoader } from '@pb/kit';
import { communityStub, CommunityRef } from '../common/community-ref.js';
import { Hospital } from '../hospitals/hospital.entity.js';
import { HealthStation } from './health-station.entity.js';
import { checkHealthStation, CreateHealthStationInput, HealthStationListArgs, UpdateHealthStationInput } from './health-station.inputs.js';
import { StationServiceRecord } from './service-record.entity.js';
import { StationWish } from './wish.entity.js';

/** Stations each hospital staffs, for many hospitals in one statement (array overlap, GIN-indexed). */
export const stationsOfHospitalLoader = (ctx: RequestContext) =>
  ctx.loaders.get('stationsOfHospital', () =>
    new DataLoader<string, HealthStation[]>(async (ids) => {
      const rows = await ctx.db
        .getRepository(HealthStation)
        .createQueryBuilder('s')
        .where('s.staff_hospital_ids && CAST(:ids AS uuid[])', { ids: [...ids] })
        .orderBy('s.name')
        .addOrderBy('s.id')
        .getMany();
      return ids.map((id) => rows.filter((s) => s.staffHospitalIds.includes(id)));
    }),
  );

/** healthStations / healthStation / create… / update… / delete…, and the station's relations. */
@Resolver(() => HealthStation)
export class HealthStationResolver extends crudResolver({
  sector: 'hospitals',
  entity: HealthStation,
  typeName: 'HealthStation',
  parts: nestedParts([{ field: 'serviceRecords', parentKey: 'stationId', type: 'StationServiceRecord' }]),
  listName: 'healthStations',
  createInput: CreateHealthStationInput,
  updateInput: UpdateHealthStationInput,
  listArgs: HealthStationListArgs,
  check: checkHealthStation,
  remoteReferences: (f: { communityId?: string | null }) => (f.communityId ? [{ field: 'input.communityId', sector: 'communities', typeName: 'Community', id: f.communityId }] : []),
  filter: (qb, args) => {
    if (args.hospitalId) qb.andWhere(':hospitalId = ANY(r.staff_hospital_ids)', { hospitalId: args.hospitalId });
    if (args.origin) qb.andWhere('r.origin = :origin', { origin: args.origin });
  },
}) {
  @FieldResolver(() => [Hospital], { description: 'Institutions staffing it on rotation' })
  async staffHospitals(@Root() station: HealthStation, @Ctx() ctx: RequestContext): Promise<Hospital[]> {
    const found = await byIdLoader(ctx, Hospital).loadMany(station.staffHospitalIds);
    return found.filter((h): h is Hospital => h instanceof Hospital);
  }

  @FieldResolver(() => CommunityRef, { nullable: true, description: 'Community served (社区), resolved by the communities subgraph' })
  community(@Root() station: HealthStation): CommunityRef | null {
    return communityStub(station.communityId);
  }

  @FieldResolver(() => [StationServiceRecord], { description: 'Service records, latest first' })
  serviceRecords(@Root() station: HealthStation, @Ctx() ctx: RequestContext): Promise<StationServiceRecord[]> {
    return childrenLoader(ctx, StationServiceRecord, 'stationId', { servedOn: 'DESC', id: 'ASC' }).load(station.id);
  }

  @FieldResolver(() => [StationWish], { description: 'Its wish wall (心愿墙), latest first' })
  wishes(@Root() station: HealthStation, @Ctx() ctx: RequestContext): Promise<StationWish[]> {
    return childrenLoader(ctx, StationWish, 'stationId', { postedOn: 'DESC', id: 'ASC' }).load(station.id);
  }
}
