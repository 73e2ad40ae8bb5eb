import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { badInput, DateScalar, ListArgs, optionalPastDate, optionalText, parentRegion, type RequestContext, requireCount, requireId, requireText } from '@pb/kit';
import { Hospital } from '../hospitals/hospital.entity.js';
import { requireHospital } from '../free-clinics/free-clinic.inputs.js';
import type { FamilyDoctorTeam } from './family-doctor-team.entity.js';
import { type HospitalPairing, PairingKind, PairingPartnerKind } from './pairing.entity.js';

@InputType({ description: 'A hospital\'s pairing with a grassroots unit' })
export class CreateHospitalPairingInput {
  regionCode?: string;

  @Field(() => ID)
  hospitalId: string;

  @Field(() => PairingKind)
  kind: PairingKind;

  @Field(() => PairingPartnerKind)
  partnerKind: PairingPartnerKind;

  @Field()
  partnerName: string;

  @Field(() => ID, { nullable: true })
  partnerCommunityId?: string | null;

  @Field(() => DateScalar, { nullable: true })
  startedOn?: string | null;

  @Field(() => DateScalar, { nullable: true })
  endedOn?: string | null;

  @Field(() => String, { nullable: true })
  secondedVicePresident?: string | null;
}

@InputType({ description: 'Changes to a pairing; omitted fields stay as they are' })
export class UpdateHospitalPairingInput {
  regionCode?: string;

  @Field(() => ID, { nullable: true })
  hospitalId?: string;

  @Field(() => PairingKind, { nullable: true })
  kind?: PairingKind;

  @Field(() => PairingPartnerKind, { nullable: true })
  partnerKind?: PairingPartnerKind;

  @Field({ nullable: true })
  partnerName?: string;

  @Field(() => ID, { nullable: true })
  partnerCommunityId?: string | null;

  @Field(() => DateScalar, { nullable: true })
  startedOn?: string | null;

  @Field(() => DateScalar, { nullable: true })
  endedOn?: string | null;

  @Field(() => String, { nullable: true })
  secondedVicePresident?: string | null;
}

@ArgsType()
export class HospitalPairingListArgs extends ListArgs {
  @Field(() => ID, { nullable: true })
  hospitalId?: string | null;

  @Field(() => PairingKind, { nullable: true })
  kind?: PairingKind | null;
}

export async function checkHospitalPairing(input: CreateHospitalPairingInput, ctx: RequestContext): Promise<Partial<HospitalPairing>> {
  const startedOn = optionalPastDate(input.startedOn, 'input.startedOn');
  const endedOn = optionalPastDate(input.endedOn, 'input.endedOn');
  if (startedOn && endedOn && endedOn <= startedOn) throw badInput('input.endedOn', 'must be after startedOn');
  const community = input.partnerCommunityId ? requireId(input.partnerCommunityId, 'input.partnerCommunityId') : null;
  if (community && input.partnerKind !== PairingPartnerKind.COMMUNITY) throw badInput('input.partnerCommunityId', 'is given only when partnerKind is COMMUNITY');
  return {
    hospitalId: await requireHospital(ctx, input.hospitalId, 'input.hospitalId'),
    kind: input.kind,
    partnerKind: input.partnerKind,
    partnerName: requireText(input.partnerName, 'input.partnerName'),
    partnerCommunityId: community,
    startedOn,
    endedOn,
    secondedVicePresident: optionalText(input.secondedVicePresident, 'input.secondedVicePresident', 50),
  };
}

/** Pairings and teams are in their hospital's region. */
export const inHospital = (input: { hospitalId?: string | null }, ctx: RequestContext): Promise<string> =>
  parentRegion(ctx, Hospital, 'Hospital', input.hospitalId, 'input.hospitalId');

@InputType({ description: 'A family-doctor team (家庭医生团队)' })
export class CreateFamilyDoctorTeamInput {
  regionCode?: string;

  @Field(() => ID)
  hospitalId: string;

  @Field()
  name: string;

  @Field(() => String, { nullable: true })
  leaderName?: string | null;

  @Field(() => Int)
  members: number;

  @Field(() => Int)
  signedResidents: number;

  @Field(() => DateScalar, { nullable: true })
  formedOn?: string | null;
}

@InputType({ description: 'Changes to a family-doctor team; omitted fields stay as they are' })
export class UpdateFamilyDoctorTeamInput {
  regionCode?: string;

  @Field(() => ID, { nullable: true })
  hospitalId?: string;

  @Field({ nullable: true })
  name?: string;

  @Field(() => String, { nullable: true })
  leaderName?: string | null;

  @Field(() => Int, { nullable: true })
  members?: number;

  @Field(() => Int, { nullable: true })
  signedResidents?: number;

  @Field(() => DateScalar, { nullable: true })
  formedOn?: string | null;
}

@ArgsType()
export class FamilyDoctorTeamListArgs extends ListArgs {
  @Field(() => ID, { nullable: true })
  hospitalId?: string | null;
}

export async function checkFamilyDoctorTeam(input: CreateFamilyDoctorTeamInput, ctx: RequestContext): Promise<Partial<FamilyDoctorTeam>> {
  return {
    hospitalId: await requireHospital(ctx, input.hospitalId, 'input.hospitalId'),
    name: requireText(input.name, 'input.name'),
    leaderName: optionalText(input.leaderName, 'input.leaderName', 50),
    members: requireCount(input.members, 'input.members', 1_000),
    signedResidents: requireCount(input.signedResidents, 'input.signedResidents', 1_000_000),
    formedOn: optionalPastDate(input.formedOn, 'input.formedOn'),
  };
}
