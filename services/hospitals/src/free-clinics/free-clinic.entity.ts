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

  @Field(() => Int, { description: 'Medical team size (医疗队人数)' })
  @Column({ name: 'team_size', type: 'integer' })
  teamSize: number;

  @Field(() => Int, { description: 'Of the team, party-member doctors (党员医生)' })
  @Column({ name: 'party_member_doctors', type: 'integer' })
  partyMemberDoctors: number;

  @Field(() => Int, { description: 'Patients served (服务群众)' })
  @Column({ type: 'integer' })
  patients: number;

  @Field(() => Int, { description: 'Home visits (入户) made during the clinic' })
  @Column({ name: 'home_visits', type: 'integer' })
  homeVisits: number;

  @Field(() => Int, { description: 'Patients screened or diagnosed for follow-up (筛查/随访)' })
  @Column({ name: 'follow_up_patients', type: 'integer' })
  followUpPatients: number;

  @Field(() => Int, { description: 'Patients referred to a hospital (转诊)' })
  @Column({ type: 'integer' })
  referrals: number;
}
