import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '@pb/kit';
import { childrenLoader } from '../common/children-loader.js';
import { FreeClinic } from '../free-clinics/free-clinic.entity.js';
import { HospitalPartyBranch } from '../party-branches/party-branch.entity.js';
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
}
