import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { BATCH_MAX, byIdLoader, crudResolver, type RequestContext } from '@pb/kit';
import { communityStub, CommunityRef } from '../common/community-ref.js';
import { Hospital } from '../hospitals/hospital.entity.js';
import { FreeClinic } from './free-clinic.entity.js';
import { checkFreeClinic, CreateFreeClinicInput, FreeClinicListArgs, UpdateFreeClinicInput } from './free-clinic.inputs.js';

/** freeClinics / freeClinic / createFreeClinic / updateFreeClinic / deleteFreeClinic, and the clinic's relations. */
@Resolver(() => FreeClinic)
export class FreeClinicResolver extends crudResolver({
  sector: 'hospitals',
  entity: FreeClinic,
  typeName: 'FreeClinic',
  batchMax: BATCH_MAX,
  ledger: { parents: [{ field: 'hospitalId', entity: Hospital, term: '主办医院' }] },
  listName: 'freeClinics',
  createInput: CreateFreeClinicInput,
  updateInput: UpdateFreeClinicInput,
  listArgs: FreeClinicListArgs,
  check: checkFreeClinic,
  remoteReferences: (f: { communityId?: string | null }) => (f.communityId ? [{ field: 'input.communityId', sector: 'communities', typeName: 'Community', id: f.communityId }] : []),
  filter: (qb, args) => {
    if (args.hospitalId) qb.andWhere('(r.hospital_id = :hospitalId OR :hospitalId = ANY(r.partner_hospital_ids))', { hospitalId: args.hospitalId });
    if (args.communityId) qb.andWhere('r.community_id = :communityId', { communityId: args.communityId });
    if (args.heldFrom) qb.andWhere('r.held_on >= :heldFrom', { heldFrom: args.heldFrom });
    if (args.heldTo) qb.andWhere('r.held_on <= :heldTo', { heldTo: args.heldTo });
  },
}) {
  @FieldResolver(() => Hospital, { nullable: true, description: 'Organizing hospital' })
  hospital(@Root() clinic: FreeClinic, @Ctx() ctx: RequestContext): Promise<Hospital | null> {
    return byIdLoader(ctx, Hospital).load(clinic.hospitalId);
  }

  @FieldResolver(() => [Hospital])
  async partnerHospitals(@Root() clinic: FreeClinic, @Ctx() ctx: RequestContext): Promise<Hospital[]> {
    const found = await byIdLoader(ctx, Hospital).loadMany(clinic.partnerHospitalIds);
    return found.filter((h): h is Hospital => h instanceof Hospital);
  }

  @FieldResolver(() => CommunityRef, { nullable: true, description: 'Community served (社区), resolved by the communities subgraph' })
  community(@Root() clinic: FreeClinic): CommunityRef | null {
    return communityStub(clinic.communityId);
  }
}
