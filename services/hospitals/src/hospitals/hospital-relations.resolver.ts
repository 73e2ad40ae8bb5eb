import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { type RequestContext, todayInShanghai } from '@pb/kit';
import { Between } from 'typeorm';
import { childrenLoader } from '@pb/kit';
import { FreeClinic } from '../free-clinics/free-clinic.entity.js';
import { parseQuarter, quarterOf } from '../common/quarter.js';
import { WardRound } from '../ward-rounds/ward-round.entity.js';
import { HealthStation } from '../health-stations/health-station.entity.js';
import { stationsOfHospitalLoader } from '../health-stations/health-station.resolver.js';
import { HospitalPartyBranch } from '../party-branches/party-branch.entity.js';
import { ElderCareCenter } from '../elder-care/elder-care-center.entity.js';
import { Hospital } from './hospital.entity.js';

/** What hangs off a hospital; each relation is one batched statement per request tick. */
@Resolver(() => Hospital)
export class HospitalRelationsResolver {
  @FieldResolver(() => [HospitalPartyBranch], { description: 'Department party branches (党支部建在科室)' })
  branches(@Root() hospital: Hospital, @Ctx() ctx: RequestContext): Promise<HospitalPartyBranch[]> {
    return childrenLoader(ctx, HospitalPartyBranch, 'hospitalId', { department: 'ASC', id: 'ASC' }).load(hospital.id);
  }

  @FieldResolver(() => [FreeClinic], { description: 'Free clinics (义诊) it organized, latest first' })
  freeClinics(@Root() hospital: Hospital, @Ctx() ctx: RequestContext): Promise<FreeClinic[]> {
    return childrenLoader(ctx, FreeClinic, 'hospitalId', { heldOn: 'DESC', id: 'ASC' }).load(hospital.id);
  }

  @FieldResolver(() => [WardRound], { description: 'Ward rounds (党建查房) in its branches during a quarter (default: the current one), latest first' })
  wardRounds(
    @Root() hospital: Hospital,
    @Arg('quarter', () => String, { nullable: true, description: 'e.g. 2024-Q2' }) quarter: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<WardRound[]> {
    const q = quarter ? parseQuarter(quarter, 'quarter') : quarterOf(todayInShanghai());
    return childrenLoader(ctx, WardRound, 'hospitalId', { heldOn: 'DESC', id: 'ASC' }, { name: q.label, where: { heldOn: Between(q.from, q.to) } }).load(hospital.id);
  }

  @FieldResolver(() => [HealthStation], { description: 'Health stations (健康驿站) it staffs on rotation' })
  healthStations(@Root() hospital: Hospital, @Ctx() ctx: RequestContext): Promise<HealthStation[]> {
    return stationsOfHospitalLoader(ctx).load(hospital.id);
  }

  @FieldResolver(() => [ElderCareCenter], { description: 'Elder-care centres (医养结合) it runs' })
  elderCareCenters(@Root() hospital: Hospital, @Ctx() ctx: RequestContext): Promise<ElderCareCenter[]> {
    return childrenLoader(ctx, ElderCareCenter, 'hospitalId', { name: 'ASC', id: 'ASC' }).load(hospital.id);
  }
}
