import { Column, Entity } from 'typeorm';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DateScalar, RegionalRecord } from '@pb/kit';

/** Its region is where it was held (down to a village), not the organizing hospital's. */
@ObjectType({ description: 'Free clinic (义诊): a hospital team serving residents on a given day and place' })
@Entity({ name: 'free_clinic' })
export class FreeClinic extends RegionalRecord {
  @Field(() => ID, { description: 'Organizing hospital (主办医院)' })
  @Column({ name: 'hospital_id', type: 'uuid' })
  hospitalId: string;

  @Field(() => [ID], { description: 'Partner hospitals (联合义诊医院), if any' })
  @Column({ name: 'partner_hospital_ids', type: 'uuid', array: true })
  partnerHospitalIds: string[];

  @Field(() => DateScalar, { description: 'Held on (义诊日期)' })
  @Column({ name: 'held_on', type: 'date' })
  heldOn: string;

  @Field(() => String, { nullable: true, description: 'Theme or title (主题)' })
  @Column({ type: 'text', nullable: true })
  theme: string | null;

  @Field(() => String, { nullable: true, description: 'Venue (地点), e.g. a square or a village committee' })
  @Column({ type: 'text', nullable: true })
  venue: string | null;

  @Field(() => ID, { nullable: true, description: 'Community served, from the communities subgraph' })
  @Column({ name: 'community_id', type: 'uuid', nullable: true })
  communityId: string | null;

  @Field(() => Int, { nullable: true, description: 'Medical team size (医疗队人数); null when not reported' })
  @Column({ name: 'team_size', type: 'integer', nullable: true })
  teamSize: number | null;

  @Field(() => Int, { nullable: true, description: 'Of the team, party-member doctors (党员医生); null when not reported' })
  @Column({ name: 'party_member_doctors', type: 'integer', nullable: true })
  partyMemberDoctors: number | null;

  @Field(() => Int, { nullable: true, description: 'Patients served (服务群众); null when not reported' })
  @Column({ type: 'integer', nullable: true })
  patients: number | null;

  @Field(() => Int, { nullable: true, description: 'Home visits (入户) made during the clinic; null when not reported' })
  @Column({ name: 'home_visits', type: 'integer', nullable: true })
  homeVisits: number | null;

  @Field(() => Int, { nullable: true, description: 'Patients screened or diagnosed for follow-up (筛查/随访); null when not reported' })
  @Column({ name: 'follow_up_patients', type: 'integer', nullable: true })
  followUpPatients: number | null;

  @Field(() => Int, { nullable: true, description: 'Patients referred to a hospital (转诊); null when not reported' })
  @Column({ type: 'integer', nullable: true })
  referrals: number | null;
}
