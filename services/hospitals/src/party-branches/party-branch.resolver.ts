import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { byIdLoader, crudResolver, type RequestContext } from '@pb/kit';
import { childrenLoader } from '@pb/kit';
import { personalName } from '../common/personal.js';
import { Hospital } from '../hospitals/hospital.entity.js';
import { WardRound } from '../ward-rounds/ward-round.entity.js';
import { BranchMemberDevelopment } from './member-development.entity.js';
import { DUAL_LEADER_ROLES, HospitalPartyBranch } from './party-branch.entity.js';
import { concepts } from '../sector-concepts/sector-concepts.js';
import {
  checkBranch,
  CreateHospitalPartyBranchInput,
  HospitalPartyBranchListArgs,
  placeBranch,
  UpdateHospitalPartyBranchInput,
} from './party-branch.inputs.js';

const { Org } = concepts.party;

/** hospitalPartyBranches / hospitalPartyBranch / create… / update… / delete…, and the branch's relations. */
@Resolver(() => HospitalPartyBranch)
export class HospitalPartyBranchResolver extends crudResolver({
  sector: 'hospitals',
  entity: HospitalPartyBranch,
  typeName: 'HospitalPartyBranch',
  listName: 'hospitalPartyBranches',
  createInput: CreateHospitalPartyBranchInput,
  updateInput: UpdateHospitalPartyBranchInput,
  listArgs: HospitalPartyBranchListArgs,
  check: checkBranch,
  place: placeBranch,
  filter: (qb, args) => {
    if (args.hospitalId) qb.andWhere('r.hospital_id = :hospitalId', { hospitalId: args.hospitalId });
    if (args.secretaryRole) qb.andWhere('r.secretary_role = :role', { role: args.secretaryRole });
  },
}) {
  @FieldResolver(() => Hospital, { nullable: true })
  hospital(@Root() branch: HospitalPartyBranch, @Ctx() ctx: RequestContext): Promise<Hospital | null> {
    return byIdLoader(ctx, Hospital).load(branch.hospitalId);
  }

  @FieldResolver(() => Org, { nullable: true, description: 'The branch as a party organisation (HospitalPartyOrganization, same id), counted in the cross-sector figures' })
  organization(@Root() branch: HospitalPartyBranch, @Ctx() ctx: RequestContext): Promise<InstanceType<typeof Org> | null> {
    return byIdLoader(ctx, Org).load(branch.id);
  }

  @FieldResolver(() => Boolean, { description: '双带头人: the secretary is the department head or a business backbone' })
  dualLeader(@Root() branch: HospitalPartyBranch): boolean {
    return DUAL_LEADER_ROLES.includes(branch.secretaryRole);
  }

  @FieldResolver(() => String)
  secretaryName(@Root() branch: HospitalPartyBranch, @Ctx() ctx: RequestContext): string | null {
    return personalName(ctx, branch.regionCode, branch.secretaryName);
  }

  @FieldResolver(() => [BranchMemberDevelopment], { description: 'Members developed (发展党员), one entry per year, oldest first' })
  membersDeveloped(@Root() branch: HospitalPartyBranch, @Ctx() ctx: RequestContext): Promise<BranchMemberDevelopment[]> {
    return childrenLoader(ctx, BranchMemberDevelopment, 'branchId', { year: 'ASC' }).load(branch.id);
  }

  @FieldResolver(() => [WardRound], { description: 'Ward rounds (党建查房) that visited it, latest first' })
  wardRounds(@Root() branch: HospitalPartyBranch, @Ctx() ctx: RequestContext): Promise<WardRound[]> {
    return childrenLoader(ctx, WardRound, 'branchId', { heldOn: 'DESC', id: 'ASC' }).load(branch.id);
  }
}
