import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { byIdLoader, crudResolver, type RequestContext, requireId } from '@pb/kit';
import { personalName } from '../common/personal.js';
import { Hospital } from '../hospitals/hospital.entity.js';
import { FamilyDoctorTeam } from './family-doctor-team.entity.js';
import {
  checkFamilyDoctorTeam,
  checkHospitalPairing,
  CreateFamilyDoctorTeamInput,
  CreateHospitalPairingInput,
  FamilyDoctorTeamListArgs,
  HospitalPairingListArgs,
  inHospital,
  UpdateFamilyDoctorTeamInput,
  UpdateHospitalPairingInput,
} from './grassroots.inputs.js';
import { HospitalPairing } from './pairing.entity.js';

/** hospitalPairings / hospitalPairing / create… / update… / delete…. */
@Resolver(() => HospitalPairing)
export class HospitalPairingResolver extends crudResolver({
  sector: 'hospitals',
  entity: HospitalPairing,
  typeName: 'HospitalPairing',
  listName: 'hospitalPairings',
  createInput: CreateHospitalPairingInput,
  updateInput: UpdateHospitalPairingInput,
  listArgs: HospitalPairingListArgs,
  check: checkHospitalPairing,
  place: (v: CreateHospitalPairingInput, ctx: RequestContext) => inHospital(v, ctx),
  filter: (qb, args) => {
    if (args.hospitalId) qb.andWhere('r.hospital_id = :h', { h: requireId(args.hospitalId, 'hospitalId') });
    if (args.kind) qb.andWhere('r.kind = :k', { k: args.kind });
  },
}) {
  @FieldResolver(() => Hospital, { nullable: true })
  hospital(@Root() p: HospitalPairing, @Ctx() ctx: RequestContext): Promise<Hospital | null> {
    return byIdLoader(ctx, Hospital).load(p.hospitalId);
  }

  @FieldResolver(() => String, { nullable: true, description: 'Seconded vice-president (挂职业务副院长); masked unless ADMIN or an editor of the record' })
  secondedVicePresident(@Root() p: HospitalPairing, @Ctx() ctx: RequestContext): string | null {
    return personalName(ctx, p.regionCode, p.secondedVicePresident);
  }
}

/** familyDoctorTeams / familyDoctorTeam / create… / update… / delete…. */
@Resolver(() => FamilyDoctorTeam)
export class FamilyDoctorTeamResolver extends crudResolver({
  sector: 'hospitals',
  entity: FamilyDoctorTeam,
  typeName: 'FamilyDoctorTeam',
  listName: 'familyDoctorTeams',
  createInput: CreateFamilyDoctorTeamInput,
  updateInput: UpdateFamilyDoctorTeamInput,
  listArgs: FamilyDoctorTeamListArgs,
  check: checkFamilyDoctorTeam,
  place: (v: CreateFamilyDoctorTeamInput, ctx: RequestContext) => inHospital(v, ctx),
  filter: (qb, args) => {
    if (args.hospitalId) qb.andWhere('r.hospital_id = :h', { h: requireId(args.hospitalId, 'hospitalId') });
  },
}) {
  @FieldResolver(() => Hospital, { nullable: true })
  hospital(@Root() t: FamilyDoctorTeam, @Ctx() ctx: RequestContext): Promise<Hospital | null> {
    return byIdLoader(ctx, Hospital).load(t.hospitalId);
  }

  @FieldResolver(() => String, { nullable: true, description: 'Team leader (团队长); masked unless ADMIN or an editor of the record' })
  leaderName(@Root() t: FamilyDoctorTeam, @Ctx() ctx: RequestContext): string | null {
    return personalName(ctx, t.regionCode, t.leaderName);
  }
}
