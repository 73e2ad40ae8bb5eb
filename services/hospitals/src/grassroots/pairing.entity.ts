import { Column, Entity } from 'typeorm';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar, RegionalRecord } from '@pb/kit';

export enum PairingKind {
  PAIRED_ASSISTANCE = 'PAIRED_ASSISTANCE',
  MEDICAL_COMMUNITY = 'MEDICAL_COMMUNITY',
  MEDICAL_ALLIANCE = 'MEDICAL_ALLIANCE',
}
registerEnumType(PairingKind, { name: 'PairingKind', description: '结对帮扶 PAIRED_ASSISTANCE, 医共体 membership MEDICAL_COMMUNITY, 医联体 MEDICAL_ALLIANCE' });

export enum PairingPartnerKind {
  TOWNSHIP_HEALTH_CENTER = 'TOWNSHIP_HEALTH_CENTER',
  COMMUNITY_HEALTH_CENTER = 'COMMUNITY_HEALTH_CENTER',
  VILLAGE_CLINIC = 'VILLAGE_CLINIC',
  COMMUNITY = 'COMMUNITY',
  OTHER = 'OTHER',
}
registerEnumType(PairingPartnerKind, {
  name: 'PairingPartnerKind',
  description: '乡镇卫生院 TOWNSHIP_HEALTH_CENTER, 社区卫生服务中心 COMMUNITY_HEALTH_CENTER, 村卫生室 VILLAGE_CLINIC, 社区 COMMUNITY, OTHER',
});

@ObjectType({ description: 'A hospital\'s tie to the grassroots (结对帮扶 / 医共体 / 医联体) with a township health centre, a community or another unit; in the hospital\'s region' })
@Entity({ name: 'hospital_pairing' })
export class HospitalPairing extends RegionalRecord {
  @Field(() => ID)
  @Column({ name: 'hospital_id', type: 'uuid' })
  hospitalId: string;

  @Field(() => PairingKind)
  @Column({ type: 'text' })
  kind: PairingKind;

  @Field(() => PairingPartnerKind)
  @Column({ name: 'partner_kind', type: 'text' })
  partnerKind: PairingPartnerKind;

  @Field({ description: 'The partner unit (e.g. 芝阳镇卫生院)' })
  @Column({ name: 'partner_name', type: 'text' })
  partnerName: string;

  @Field(() => ID, { nullable: true, description: 'The partner Community\'s id (communities subgraph) when partnerKind is COMMUNITY' })
  @Column({ name: 'partner_community_id', type: 'uuid', nullable: true })
  partnerCommunityId: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Started on; unknown = throughout any period before its end' })
  @Column({ name: 'started_on', type: 'date', nullable: true })
  startedOn: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Ended on (exclusive); null = ongoing' })
  @Column({ name: 'ended_on', type: 'date', nullable: true })
  endedOn: string | null;

  @Field(() => String, { nullable: true, description: 'Seconded vice-president (挂职业务副院长) sent to the partner, if any; masked unless ADMIN or an editor of the record' })
  @Column({ name: 'seconded_vice_president', type: 'text', nullable: true })
  secondedVicePresident: string | null;
}
